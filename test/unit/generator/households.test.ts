import { describe, expect, it } from 'vitest';
import { generateCustomers, type GeneratedCustomer } from '../../../resources/generator/generate-people.ts';

const records: GeneratedCustomer[] = [...generateCustomers({ count: 30000, seed: 12, householdRate: 0.08 })];

describe('households and duplicates', () => {
  it('a household member is always a new entity, never an earlier one', () => {
    const seen = new Set<string>();
    let members = 0;
    for (const r of records) {
      if (r.role === 'household_member') {
        expect(seen.has(r.entityId)).toBe(false);
        members++;
      }
      if (r.role === 'duplicate') expect(seen.has(r.entityId)).toBe(true);
      seen.add(r.entityId);
    }
    expect(members).toBeGreaterThan(1500);
  });

  it('people in one household share the address and landline but not the given name', () => {
    const firstByEntity = new Map<string, GeneratedCustomer>();
    for (const r of records) if (r.role !== 'duplicate' && !firstByEntity.has(r.entityId)) firstByEntity.set(r.entityId, r);
    const byHousehold = new Map<string, GeneratedCustomer[]>();
    for (const r of firstByEntity.values()) if (r.householdId) byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
    const shared = [...byHousehold.values()].filter((people) => people.length > 1);
    expect(shared.length).toBeGreaterThan(700);
    const digits = (s: string) => s.replace(/\D/g, '').slice(-7);
    for (const people of shared) {
      const [head, ...others] = people;
      for (const other of others) {
        expect(other.entityId).not.toBe(head.entityId);
        if (other.errors.length || head.errors.length) continue;
        expect(other.values.given_name).not.toBe(head.values.given_name);
        expect(other.values.postcode.replace(' ', '')).toBe(head.values.postcode.replace(' ', ''));
        expect(digits(other.values.phone)).toBe(digits(head.values.phone));
        expect(other.values.phone).not.toBe('');
      }
    }
  });

  it('every record of one entity belongs to the same household and locale', () => {
    const first = new Map<string, GeneratedCustomer>();
    for (const r of records) {
      const f = first.get(r.entityId);
      if (!f) first.set(r.entityId, r);
      else expect([r.householdId, r.locale]).toEqual([f.householdId, f.locale]);
    }
  });

  it('produces the duplicate variations matching has to see through', () => {
    const byEntity = new Map<string, GeneratedCustomer[]>();
    for (const r of records) byEntity.set(r.entityId, [...(byEntity.get(r.entityId) ?? []), r]);
    const pairs = [...byEntity.values()].filter((rs) => rs.length > 1).map((rs) => [rs[0], rs[1]] as const);
    const count = (pred: (a: GeneratedCustomer, b: GeneratedCustomer) => boolean) => pairs.filter(([a, b]) => pred(a, b)).length;
    expect(count((a, b) => a.locale === 'zh-CN' && /[\u4e00-\u9fff]/.test(a.values.full_name) && /^[A-Za-z ]+$/.test(b.values.full_name))).toBeGreaterThan(20);
    expect(count((a, b) => a.values.given_name === b.values.family_name && a.values.family_name === b.values.given_name)).toBeGreaterThan(10);
    expect(count((a, b) => a.values.email !== '' && b.values.email !== '' && a.values.email.toLowerCase() === b.values.email.toLowerCase() && a.values.email !== b.values.email)).toBeGreaterThan(10);
    expect(count((a, b) => a.values.given_name !== b.values.given_name && a.values.family_name === b.values.family_name)).toBeGreaterThan(100);
    expect(count((a, b) => a.values.street !== '' && b.values.street !== '' && a.values.postcode !== b.values.postcode)).toBeGreaterThan(50);
  });
});
