import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { customerFieldKeys } from '../../../shared/domain/fields.ts';
import { flagBranches, flagFields, viewSql } from '../../../main/quality/flag-schema.ts';
import { consistencyFields } from '../../../main/quality/rules.ts';

const migration = readFileSync(new URL('../../../main/store/migrations/004-quality-flags.sql', import.meta.url), 'utf8');

describe('flag-stored issues', () => {
  it('the migration creates exactly the view the code describes', () => {
    expect(migration).toContain(viewSql());
  });

  it('every customer field has a bit, and bits fit a SQLite integer', () => {
    for (const f of customerFieldKeys) expect(flagFields).toContain(f);
    expect(flagFields.length).toBeLessThanOrEqual(62);
  });

  it('one branch per field for missing and per consistency field for formats', () => {
    expect(flagBranches.filter((b) => b.rule === 'missing').map((b) => b.field)).toEqual([...flagFields]);
    expect(flagBranches.filter((b) => b.rule === 'format_inconsistent').map((b) => b.field)).toEqual([...consistencyFields]);
  });
});
