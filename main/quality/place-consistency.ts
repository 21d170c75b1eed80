/**
 * Postcode ↔ city and postcode ↔ region agreement, learnt from the project's
 * own records: with no offline gazetteer, the place a postcode belongs to is
 * "known" when most customers with that postcode (in the same country) give
 * the same city. A record that names another city at that postcode is
 * inconsistent: a typo, a stale address, or a postcode from somewhere else.
 * Regions are compared the same way, codes ("CA") only with codes and names
 * ("California") only with names, so two spellings of one region are not
 * called a disagreement.
 */
import type Database from 'better-sqlite3';
import type { RangeResult } from './accumulators.ts';
import { placeFields, type RuleId } from './rules.ts';

/** A postcode's place is known when at least this many customers give it… */
export const minCustomersPerPostcode = 3;
/** …and at least this share of them (and two or more) agree on it. */
export const minAgreement = 2 / 3;

export type PlaceField = (typeof placeFields)[number];

const ruleOf: Record<PlaceField, RuleId> = { city: 'postcode_city_mismatch', region: 'postcode_region_mismatch' };

interface Group {
  total: number;
  /** Place key → customers naming it, and the first of them (the witness quoted in messages). */
  places: Map<number, { n: number; witness: number }>;
}

/** A record whose place disagrees with the one most customers give for its postcode. */
export interface PlaceMismatch {
  index: number;
  field: PlaceField;
  witness: number;
  agreeing: number;
  total: number;
}

/** The disagreeing records of one place field, in record order. */
export function placeMismatches(run: RangeResult, field: PlaceField): PlaceMismatch[] {
  const places = field === 'city' ? run.cityKeys : run.regionKeys;
  // Region codes (negative keys) and names form separate groups of one postcode.
  const groups = new Map<number, Group>();
  const groupKey = (r: number): number => (places[r] < 0 ? -run.postcodeKeys[r] - 1 : run.postcodeKeys[r]);
  for (let r = 0; r < run.count; r++) {
    if (Number.isNaN(run.postcodeKeys[r]) || Number.isNaN(places[r])) continue;
    const key = groupKey(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { total: 0, places: new Map() }));
    g.total++;
    const p = g.places.get(places[r]);
    if (p) p.n++;
    else g.places.set(places[r], { n: 1, witness: r });
  }
  const known = new Map<number, { place: number; n: number; witness: number; total: number }>();
  for (const [key, g] of groups) {
    if (g.places.size < 2 || g.total < minCustomersPerPostcode) continue;
    let best: [number, { n: number; witness: number }] | undefined;
    for (const entry of g.places) if (!best || entry[1].n > best[1].n) best = entry;
    const [place, { n, witness }] = best!;
    if (n >= 2 && n >= g.total * minAgreement) known.set(key, { place, n, witness, total: g.total });
  }
  const out: PlaceMismatch[] = [];
  if (known.size === 0) return out;
  for (let r = 0; r < run.count; r++) {
    if (Number.isNaN(run.postcodeKeys[r]) || Number.isNaN(places[r])) continue;
    const k = known.get(groupKey(r));
    if (k && places[r] !== k.place) out.push({ index: r, field, witness: k.witness, agreeing: k.n, total: k.total });
  }
  return out;
}

/** Adds the postcode ↔ place findings of the run's customers to its issues, each naming the spelling most customers use. */
export function flagPlaceMismatches(db: Database.Database, run: RangeResult, fields: readonly string[]): void {
  if (!fields.includes('postcode')) return;
  const found = placeFields.filter((f) => fields.includes(f)).flatMap((f) => placeMismatches(run, f));
  if (found.length === 0) return;
  const ids = [...new Set(found.flatMap((m) => [run.ids[m.index], run.ids[m.witness]]))];
  const rows = db
    .prepare('SELECT id, city, region, postcode FROM customers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; city: string | null; region: string | null; postcode: string | null }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const m of found) {
    const own = byId.get(run.ids[m.index]);
    const witness = byId.get(run.ids[m.witness]);
    if (!own || !witness) continue;
    const value = String(own[m.field] ?? '').trim();
    const usual = String(witness[m.field] ?? '').trim();
    run.issues.record.push(m.index);
    run.issues.field.push(m.field);
    run.issues.rule.push(ruleOf[m.field]);
    run.issues.message.push(`${m.field} "${value}" differs from "${usual}", the ${m.field} ${m.agreeing} of the ${m.total} customers with postcode ${String(own.postcode ?? '').trim()} give`);
    run.issues.suggestion.push(usual);
  }
}
