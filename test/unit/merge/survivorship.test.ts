import { describe, expect, it } from 'vitest';
import { goldenFieldKeys } from '../../../shared/channels/merge.ts';
import { defaultSurvivorship } from '../../../main/merge/survivorship-settings.ts';
import { survivors, type MemberRecord } from '../../../main/merge/survivorship.ts';
import type { SourceHint } from '../../../main/merge/value-judge.ts';

const now = new Date('2025-06-01T00:00:00Z');
/** Source 1 writes dates day first (its column said so); source 2 gives no evidence. */
const hints = new Map<number, SourceHint>([[1, { country: 'GB', dateOrders: { birth_date: 'DMY' } }], [2, { country: 'GB', dateOrders: {} }]]);

const member = (id: number, sourceId: number, values: Record<string, string | number | null>): MemberRecord => ({ id, sourceId, values });

/**
 * One person in three records. Worked out by hand with the default rules:
 *   master      most_recent: record 2 (updated 2024-01-15; 1 and 3 are older).
 *   email       valid_first drops 1 (gmial.com looks like a typo of gmail.com); 2 and 3 are one
 *               address in canonical form: decided, spelt as 3 (already canonical).
 *   phone       all three valid; most_frequent: 1 and 2 are +442079460958 (two spellings), 3 another
 *               number: 0958 wins, spelt as the master's.
 *   birth_date  valid_first drops 1 (30 February); 2 (ISO) and 3 (02/03/1980, day first in its
 *               source) are both 1980-03-02: decided, 2's spelling is canonical.
 *   given_name  valid_first keeps all; most_frequent: JOHN and John are one name (name case), Johnny
 *               another: John, spelt as 2.
 *   family_name every record says Smith: all_agree, the master's.
 *   city        address rules: all valid, most_recent: 2 moved to Manchester (though London is more frequent).
 *   country     UK, GB and United Kingdom are all GB: all_agree, the canonical GB (record 2).
 *   postcode    only record 3 has one.
 *   company     nobody has one.
 */
const person = [
  member(1, 1, { given_name: 'JOHN', family_name: 'Smith', email: 'j.smith@gmial.com', phone: '020 7946 0958', birth_date: '30/02/1980', city: 'London', country: 'UK', updated_at: '2023-05-01' }),
  member(2, 2, { given_name: 'John', family_name: 'Smith', email: 'John.Smith@Gmail.com', phone: '+44 20 7946 0958', birth_date: '1980-03-02', city: 'Manchester', country: 'GB', updated_at: '2024-01-15' }),
  member(3, 1, { given_name: 'Johnny', family_name: 'Smith', email: 'john.smith@gmail.com', phone: '+442079460999', birth_date: '02/03/1980', city: 'London', country: 'United Kingdom', postcode: 'M1 1AE', updated_at: '2022-11-30' }),
];

describe('survivorship', () => {
  it('chooses the master and each field by the default rules, saying which rule decided', () => {
    const s = survivors({ members: person, picks: new Map(), settings: defaultSurvivorship(), hints, now }, goldenFieldKeys);
    expect(s.master).toEqual({ id: 2, reason: 'most_recent' });
    expect(s.values.email).toEqual({ value: 'john.smith@gmail.com', from: 3, reason: 'valid_first' });
    expect(s.values.phone).toEqual({ value: '+44 20 7946 0958', from: 2, reason: 'most_frequent' });
    expect(s.values.birth_date).toEqual({ value: '1980-03-02', from: 2, reason: 'valid_first' });
    expect(s.values.given_name).toEqual({ value: 'John', from: 2, reason: 'most_frequent' });
    expect(s.values.family_name).toEqual({ value: 'Smith', from: 2, reason: 'all_agree' });
    expect(s.values.city).toEqual({ value: 'Manchester', from: 2, reason: 'most_recent' });
    expect(s.values.country).toEqual({ value: 'GB', from: 2, reason: 'all_agree' });
    expect(s.values.postcode).toEqual({ value: 'M1 1AE', from: 3, reason: 'only_value' });
    expect(s.values.company).toEqual({ value: null, from: null, reason: 'none' });
  });

  it('a hand pick beats every rule', () => {
    const s = survivors({ members: person, picks: new Map([['city', 1]]), settings: defaultSurvivorship(), hints, now }, ['city']);
    expect(s.values.city).toEqual({ value: 'London', from: 1, reason: 'picked' });
  });

  it('follows the project\'s own rules: source priority for the master, longest and most frequent for names', () => {
    const settings = defaultSurvivorship();
    settings.master = ['source_priority', 'most_complete'];
    settings.sourcePriority = [1];
    settings.fields.given_name = ['longest'];
    settings.fields.city = ['most_frequent'];
    const s = survivors({ members: person, picks: new Map(), settings, hints, now }, ['given_name', 'city']);
    // Source 1 holds records 1 and 3; 3 has more fields filled (9 against 8).
    expect(s.master).toEqual({ id: 3, reason: 'most_complete' });
    expect(s.values.given_name).toEqual({ value: 'Johnny', from: 3, reason: 'longest' });
    expect(s.values.city).toEqual({ value: 'London', from: 3, reason: 'most_frequent' });
  });

  it('leaves a tie the rules cannot break to the master record, and keeps a lone customer as it is', () => {
    const settings = defaultSurvivorship();
    settings.fields.email = ['valid_first'];
    const two = [member(4, 2, { email: 'ann@example.org', updated_at: '2024-01-01' }), member(5, 2, { email: 'ann.lee@example.com', updated_at: '2024-03-01' })];
    const s = survivors({ members: two, picks: new Map(), settings, hints, now }, ['email']);
    expect(s.master.id).toBe(5);
    expect(s.values.email).toEqual({ value: 'ann.lee@example.com', from: 5, reason: 'master' });
    const alone = survivors({ members: [person[0]], picks: new Map(), settings: defaultSurvivorship(), hints, now }, goldenFieldKeys);
    for (const f of goldenFieldKeys) expect(alone.values[f].value).toBe(person[0].values[f] ?? null);
  });
});
