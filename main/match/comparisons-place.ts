/**
 * Comparisons of where a customer is and who they work for: street tokens,
 * postcode, city, region, company, plus gender. See comparisons.ts for the
 * level conventions.
 */
import type { Comparison } from './comparisons.ts';
import type { Prepared } from './prepare.ts';
import { jaroWinkler, overlapCoefficient, withinOneEdit } from './similarity.ts';

function firstNumber(tokens: readonly string[]): string {
  for (const t of tokens) if (t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57) return t;
  return '';
}

export const street: Comparison = {
  name: 'street',
  levels: ['missing', 'exact', 'same number, similar words', 'most tokens shared', 'some tokens shared', 'different'],
  columns: ['street', 'streetTokens'],
  tfLevel: 1,
  tfColumn: 'street',
  level(p, i, j) {
    const a = p.street[i];
    const b = p.street[j];
    if (!a || !b) return 0;
    if (a === b) return 1;
    const ta = p.streetTokens[i];
    const tb = p.streetTokens[j];
    const overlap = overlapCoefficient(ta, tb);
    const na = firstNumber(ta);
    if (na !== '' && na === firstNumber(tb) && (overlap >= 0.6 || jaroWinkler(a, b) >= 0.9)) return 2;
    if (overlap >= 0.6) return 3;
    if (overlap >= 0.3) return 4;
    return 5;
  },
};

export const postcode: Comparison = {
  name: 'postcode',
  levels: ['missing', 'exact', 'one edit apart', 'different'],
  columns: ['postcode'],
  tfLevel: 1,
  tfColumn: 'postcode',
  level(p, i, j) {
    const a = p.postcode[i];
    const b = p.postcode[j];
    if (!a || !b) return 0;
    if (a === b) return 1;
    return withinOneEdit(a, b) ? 2 : 3;
  },
};

export const city: Comparison = {
  name: 'city',
  levels: ['missing', 'exact', 'jaro-winkler ≥ 0.90', 'different'],
  columns: ['city'],
  tfLevel: 1,
  tfColumn: 'city',
  level(p, i, j) {
    const a = p.city[i];
    const b = p.city[j];
    if (!a || !b) return 0;
    if (a === b) return 1;
    return jaroWinkler(a, b) >= 0.9 ? 2 : 3;
  },
};

export const region: Comparison = {
  name: 'region',
  levels: ['missing', 'exact', 'different'],
  columns: ['region'],
  tfLevel: -1,
  level(p, i, j) {
    const a = p.region[i];
    const b = p.region[j];
    if (!a || !b) return 0;
    return a === b ? 1 : 2;
  },
};

function namedAfterSharedFamily(p: Prepared, i: number, j: number): boolean {
  const f = p.family[i];
  if (f.length < 3 || f !== p.family[j]) return false;
  const inI = p.companyTokens[i].some((t) => f.startsWith(t) && t.length >= 3);
  return inI && p.companyTokens[j].some((t) => f.startsWith(t) && t.length >= 3);
}

export const company: Comparison = {
  name: 'company',
  levels: ['missing', 'exact (legal form removed)', 'most words shared', 'jaro-winkler ≥ 0.90', 'some words shared', 'different'],
  columns: ['company', 'companyTokens'],
  tfLevel: 1,
  tfColumn: 'company',
  level(p, i, j) {
    const a = p.company[i];
    const b = p.company[j];
    if (!a || !b) return 0;
    // "Thompson Inc." for two Thompsons: a company named after a family name both records share is
    // implied by the family-name agreement already counted, so it adds 0 bits (level 0).
    if (namedAfterSharedFamily(p, i, j)) return 0;
    if (a === b) return 1;
    const overlap = overlapCoefficient(p.companyTokens[i], p.companyTokens[j]);
    if (overlap >= 0.75) return 2;
    if (jaroWinkler(a, b) >= 0.9) return 3;
    if (overlap >= 0.4) return 4;
    return 5;
  },
};

export const gender: Comparison = {
  name: 'gender',
  levels: ['missing', 'same', 'different'],
  columns: ['gender'],
  tfLevel: -1,
  level(p, i, j) {
    const a = p.gender[i];
    const b = p.gender[j];
    if (!a || !b) return 0;
    return a === b ? 1 : 2;
  },
};
