/**
 * Loaders for the labelled benchmark sets in ../shared/datasets. Each maps
 * the set's columns onto customer fields and keeps the truth apart: the
 * engine sees `records`, the scorer sees `truth` (one entity label per record).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import Papa from 'papaparse';
import type { MatchRecord, LinkMode } from '../../main/match/types.ts';

export interface LabelledSet {
  name: string;
  records: MatchRecord[];
  truth: string[];
  mode: LinkMode;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/datasets');

type Row = Record<string, string>;

function readCsv(rel: string): Row[] {
  const text = readFileSync(resolve(ROOT, rel), 'utf8');
  const parsed = Papa.parse<Row>(text, {
    header: true, skipEmptyLines: true,
    transformHeader: (h) => h.trim(), transform: (v) => v.trim(),
  });
  return parsed.data;
}

function febrlRows(file: string, sourceId: number, firstId: number): { records: MatchRecord[]; truth: string[] } {
  const rows = readCsv(`febrl/${file}`);
  const records = rows.map((r, i) => ({
    id: firstId + i,
    sourceId,
    values: {
      given_name: r.given_name, family_name: r.surname,
      street: [r.street_number, r.address_1, r.address_2].filter(Boolean).join(' '),
      city: r.suburb, postcode: r.postcode, region: r.state, birth_date: r.date_of_birth,
    },
  }));
  const truth = rows.map((r) => /^rec-(\d+)/.exec(r.rec_id)?.[1] ?? r.rec_id);
  return { records, truth };
}

export function febrl(n: 1 | 2 | 3): LabelledSet {
  return { name: `febrl${n}`, mode: 'dedupe', ...febrlRows(`febrl${n}.csv`, 1, 1) };
}

export function febrl4(mode: LinkMode): LabelledSet {
  const a = febrlRows('febrl4a.csv', 1, 1);
  const b = febrlRows('febrl4b.csv', 2, a.records.length + 1);
  return {
    name: mode === 'link' ? 'febrl4 (4a→4b link)' : 'febrl4 (pooled)', mode,
    records: [...a.records, ...b.records], truth: [...a.truth, ...b.truth],
  };
}

export function fake1000(): LabelledSet {
  const rows = readCsv('splink_fake/fake_1000.csv');
  return {
    name: 'fake_1000', mode: 'dedupe', truth: rows.map((r) => r.cluster),
    records: rows.map((r, i) => ({
      id: i + 1, sourceId: 1,
      values: { given_name: r.first_name, family_name: r.surname, birth_date: r.dob, city: r.city, email: r.email },
    })),
  };
}

export function historical50k(): LabelledSet {
  const rows = readCsv('historical_50k/historical_figures_with_errors_50k.csv');
  return {
    name: 'historical_50k', mode: 'dedupe', truth: rows.map((r) => r.cluster),
    records: rows.map((r, i) => ({
      id: i + 1, sourceId: 1,
      values: {
        full_name: r.full_name, given_name: r.first_name, family_name: r.surname, birth_date: r.dob,
        city: r.birth_place, postcode: r.postcode_fake, gender: r.gender,
      },
    })),
  };
}

export function chicago(): LabelledSet {
  const rows = readCsv('dedupe_chicago_early_childhood/csv_example_input_with_true_ids.csv');
  return {
    name: 'chicago', mode: 'dedupe', truth: rows.map((r) => r['True Id']),
    records: rows.map((r, i) => ({
      id: i + 1, sourceId: 1,
      values: {
        company: r['Site name'], street: r.Address, postcode: r.Zip, phone: r.Phone,
        full_name: r.Director, email: r['Email Address'],
      },
    })),
  };
}

export const allSets: readonly (() => LabelledSet)[] = [
  () => febrl(1), () => febrl(2), () => febrl(3), () => febrl4('link'), () => febrl4('dedupe'),
  fake1000, historical50k, chicago,
];
