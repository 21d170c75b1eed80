/**
 * The record entry point: one outcome per field, the record's country read
 * from its own country field, the column's date order, the name split as one
 * group, the rule table, and two properties: applying every proposal and
 * standardising again proposes nothing (idempotence), and the same input
 * gives the same outcomes (determinism, memo included).
 */
import { describe, expect, it } from 'vitest';
import { standardiseRecord, type RecordValues } from '../../../main/standardize/standardise-record.ts';
import { DateOrderEvidence } from '../../../main/standardize/standardise-date.ts';
import { isSafeRule, ruleDef, standardiseRules } from '../../../main/standardize/standardise-rules.ts';
import { customerFieldKeys } from '../../../shared/domain/fields.ts';
import { generateCustomers } from '../../../resources/generator/generate-people.ts';
import type { FieldOutcome } from '../../../main/standardize/standardiser.ts';

const now = new Date('2026-06-01T00:00:00Z');

describe('standardiseRecord', () => {
  it('gives a messy American record one outcome per field, worked out by hand', () => {
    const values: RecordValues = {
      source_record_id: ' 0031 ', full_name: 'JOHN MCDONALD', given_name: '', family_name: null, gender: 'male', birth_date: '07/03/1985',
      email: ' John.McDonald@GMIAL.com ', phone: '(415) 823-4567', mobile: '4.15555E+09', company: 'Acme\u00a0Inc', street: '123 MAIN ST APT 5',
      city: 'SAN FRANCISCO', region: 'CA', postcode: '941031234', country: 'USA', income: '$85,000', created_at: '2021-03-04 10:15:00',
      updated_at: '2021-03-04T10:15:00',
    };
    expect(standardiseRecord(values, { now, dateOrders: { birth_date: 'MDY' } })).toEqual([
      { field: 'full_name', outcome: { kind: 'change', value: 'John McDonald', rule: 'name_case', confidence: 0.75 } },
      { field: 'gender', outcome: { kind: 'change', value: 'M', rule: 'gender_code', confidence: 1 } },
      { field: 'birth_date', outcome: { kind: 'change', value: '1985-07-03', rule: 'date_iso_inferred', confidence: 0.9, params: { order: 'MDY' } } },
      {
        field: 'email',
        outcome: { kind: 'change', value: 'john.mcdonald@gmail.com', rule: 'email_domain_typo', confidence: 0.75, also: ['text_whitespace'], params: { domain: 'gmial.com', suggestion: 'gmail.com' } },
      },
      { field: 'phone', outcome: { kind: 'change', value: '+14158234567', rule: 'phone_e164', confidence: 1 } },
      { field: 'mobile', outcome: { kind: 'flag', rule: 'phone_damaged', params: { value: '4.15555E+09', reason: 'scientific' } } },
      { field: 'company', outcome: { kind: 'change', value: 'Acme Inc', rule: 'text_invisible', confidence: 1 } },
      { field: 'street', outcome: { kind: 'change', value: '123 Main Street Apt 5', rule: 'address_street_type', confidence: 0.8, also: ['address_case'] } },
      { field: 'city', outcome: { kind: 'change', value: 'San Francisco', rule: 'address_case', confidence: 0.85 } },
      { field: 'postcode', outcome: { kind: 'change', value: '94103-1234', rule: 'postcode_format', confidence: 0.95 } },
      { field: 'country', outcome: { kind: 'change', value: 'US', rule: 'country_iso', confidence: 1 } },
      { field: 'income', outcome: { kind: 'change', value: 85000, rule: 'money_amount', confidence: 0.8, params: { currency: 'USD' } } },
      { field: 'created_at', outcome: { kind: 'change', value: '2021-03-04T10:15:00', rule: 'date_iso', confidence: 1 } },
      { field: 'given_name', group: 'name_split', outcome: { kind: 'change', value: 'John', rule: 'name_split', confidence: 0.85, params: { full_name: 'John McDonald' } } },
      { field: 'family_name', group: 'name_split', outcome: { kind: 'change', value: 'McDonald', rule: 'name_split', confidence: 0.85, params: { full_name: 'John McDonald' } } },
    ]);
  });

  it('reads national phones in the record\'s own country, then the source\'s', () => {
    const phone = (values: RecordValues, ctx: { sourceCountry?: string; recordCountry?: string }) =>
      standardiseRecord(values, { now, ...ctx }).find((o) => o.field === 'phone')?.outcome;
    expect(phone({ country: 'Deutschland', phone: '030 12345678' }, { sourceCountry: 'GB' })).toMatchObject({ value: '+493012345678', rule: 'phone_e164' });
    expect(phone({ phone: '030 12345678' }, { sourceCountry: 'DE' })).toMatchObject({ value: '+493012345678', rule: 'phone_e164_source_country' });
    expect(phone({ country: 'n/a', phone: '030 12345678' }, { sourceCountry: 'DE' })).toMatchObject({ rule: 'phone_e164_source_country' });
    expect(phone({ country: 'Narnia', phone: '030 12345678' }, {})).toBeUndefined();
    expect(phone({ country: 'USA', phone: '030 12345678' }, { recordCountry: 'DE' })).toMatchObject({ value: '+493012345678', rule: 'phone_e164' });
  });

  it('keeps memoised outcomes apart by country', () => {
    const family = (country: string) => standardiseRecord({ family_name: 'DE LUCA', country }, { now })[0].outcome;
    expect(family('Italy')).toMatchObject({ value: 'De Luca' });
    expect(family('Netherlands')).toMatchObject({ value: 'de Luca' });
    expect(family('Italy')).toMatchObject({ value: 'De Luca' });
  });

  it('proposes nothing for a record already in canonical form', () => {
    const values: RecordValues = {
      full_name: 'Anna Schmidt', given_name: 'Anna', family_name: 'Schmidt', gender: 'F', birth_date: '1985-03-07', email: 'anna@web.de',
      phone: '+493012345678', mobile: '+4915123456789', company: 'Müller GmbH', street: 'Hauptstraße 5', city: 'Berlin', region: 'Berlin',
      postcode: '10115', country: 'DE', income: 52000, created_at: '2021-03-04T10:15:00', updated_at: '2021-03-04',
    };
    expect(standardiseRecord(values, { now })).toEqual([]);
  });
});

describe('the rule table', () => {
  it('declares each rule once with fields and a sentence', () => {
    const ids = standardiseRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of standardiseRules) {
      expect(r.fields.length).toBeGreaterThan(0);
      for (const f of r.fields) expect(customerFieldKeys).toContain(f);
      expect(r.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('marks exactly the rules that infer nothing as safe', () => {
    expect(standardiseRules.filter((r) => r.safe).map((r) => r.id).sort()).toEqual(
      ['country_iso', 'date_iso', 'email_case', 'phone_e164', 'text_invisible', 'text_nfc', 'text_whitespace'],
    );
    expect(isSafeRule('date_iso_inferred')).toBe(false);
    expect(ruleDef('phone_damaged')?.kind).toBe('flag');
  });
});

/** Applies every proposal of a record (flags leave the value alone). */
function apply(values: RecordValues, outcomes: FieldOutcome[]): RecordValues {
  const next = { ...values };
  for (const o of outcomes) if (o.outcome.kind === 'change') next[o.field] = o.outcome.value;
  return next;
}

describe('properties over generated exports', () => {
  const records = [...generateCustomers({ count: 3000, seed: 11 })].map((r) => r.values as RecordValues);
  const evidence = { birth_date: new DateOrderEvidence(), created_at: new DateOrderEvidence(), updated_at: new DateOrderEvidence() };
  for (const r of records) for (const f of ['birth_date', 'created_at', 'updated_at'] as const) evidence[f].add(r[f]);
  // One generated file mixes locales, so its columns are read without an inferred order: ambiguous dates stay flagged.
  const ctx = { now, dateOrders: { birth_date: evidence.birth_date.inferredOrder(), created_at: evidence.created_at.inferredOrder(), updated_at: evidence.updated_at.inferredOrder() } };

  it('proposes nothing more once its proposals are applied (idempotent)', () => {
    for (const values of records) {
      const first = standardiseRecord(values, ctx);
      const again = standardiseRecord(apply(values, first), ctx).filter((o) => o.outcome.kind === 'change');
      expect([values, again]).toEqual([values, []]);
    }
  });

  it('gives the same outcomes on a second run (deterministic, memo included)', () => {
    const first = records.map((v) => standardiseRecord(v, ctx));
    const second = records.map((v) => standardiseRecord(v, ctx));
    expect(second).toEqual(first);
  });

  it('gives each field at most one outcome, and confidences within 0..1', () => {
    for (const values of records) {
      const out = standardiseRecord(values, ctx);
      expect(new Set(out.map((o) => o.field)).size).toBe(out.length);
      for (const o of out) if (o.outcome.kind === 'change') expect(o.outcome.confidence).toBeGreaterThan(0), expect(o.outcome.confidence).toBeLessThanOrEqual(1);
    }
  });
});
