import { describe, expect, it } from 'vitest';
import { unmappedWarnings } from '../../../shared/domain/expected-fields.ts';
import { mappingOf } from '../../../shared/domain/mapping.ts';

const likely = [
  { field: 'source_record_id' as const, headers: ['客户编号'] },
  { field: 'updated_at' as const, headers: ['最后更新时间'] },
  { field: 'email' as const, headers: ['Kontakt'] },
];

describe('unmappedWarnings', () => {
  it('warns about an expected field left unmapped while a column kept as an extra field looks like it', () => {
    const mapping = mappingOf([['客户编号', 'source_record_id'], ['最后更新时间', null], ['Kontakt', null]]);
    expect(unmappedWarnings('customer', mapping, '客户编号', likely)).toEqual([
      { field: 'email', headers: ['Kontakt'] },
      { field: 'updated_at', headers: ['最后更新时间'] },
    ]);
  });

  it('says nothing once the field is mapped, or when the likely column is used for another field', () => {
    const mapped = mappingOf([['客户编号', null], ['最后更新时间', 'updated_at'], ['Kontakt', 'phone']]);
    expect(unmappedWarnings('customer', mapped, '客户编号', likely)).toEqual([]);
  });

  it('counts a chosen id column as the record id, and warns when there is none', () => {
    const mapping = mappingOf([['客户编号', null], ['最后更新时间', 'updated_at'], ['Kontakt', 'email']]);
    expect(unmappedWarnings('customer', mapping, null, likely)).toEqual([{ field: 'source_record_id', headers: ['客户编号'] }]);
    expect(unmappedWarnings('customer', mapping, '客户编号', likely)).toEqual([]);
  });

  it('only judges customer files', () => {
    expect(unmappedWarnings('transaction', mappingOf([['最后更新时间', null]]), null, likely)).toEqual([]);
  });
});
