import { describe, expect, it } from 'vitest';
import { customerFieldKeys } from '../../../shared/domain/fields.ts';
import { flagBranches, flagFields } from '../../../main/quality/flag-schema.ts';
import { consistencyFields } from '../../../main/quality/rules.ts';

// The view itself is compared with a migrated project's in test/integration/quality/legacy-findings.test.ts.
describe('flag-stored issues', () => {
  it('every customer field has a bit, and bits fit a SQLite integer', () => {
    for (const f of customerFieldKeys) expect(flagFields).toContain(f);
    expect(flagFields.length).toBeLessThanOrEqual(62);
  });

  it('one branch per field for missing and per consistency field for formats', () => {
    expect(flagBranches.filter((b) => b.rule === 'missing').map((b) => b.field)).toEqual([...flagFields]);
    expect(flagBranches.filter((b) => b.rule === 'format_inconsistent').map((b) => b.field)).toEqual([...consistencyFields]);
  });
});
