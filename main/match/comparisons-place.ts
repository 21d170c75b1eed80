/**
 * Comparisons of where a customer is and who they work for: street tokens,
 * postcode, city, region, company, plus gender. See comparisons.ts for the
 * level conventions.
 */
import type { Comparison } from './comparisons.ts';
import { companyTokensOf, texts, type Prepared } from './prepare.ts';
import { jaroWinkler, jaroWinklerCodes, numberToken, overlapCoefficient, sameChars, tokenEnd, tokenOverlapRange, withinOneEditCodes } from './similarity.ts';

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
    // The value is its tokens joined by spaces: tokens are compared in place.
    const { start, chars } = p.dicts.street;
    const a0 = start[a];
    const a1 = start[a + 1];
    const b0 = start[b];
    const b1 = start[b + 1];
    const overlap = tokenOverlapRange(chars, a0, a1, b0, b1);
    const na = numberToken(chars, a0, a1);
    const nb = na < 0 ? -1 : numberToken(chars, b0, b1);
    if (nb >= 0 && sameChars(chars, na, tokenEnd(chars, na, a1) - na, nb, tokenEnd(chars, nb, b1) - nb)
      && (overlap >= 0.6 || jaroWinklerCodes(p.dicts.street, a, b, 0.9) >= 0.9)) return 2;
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
    return withinOneEditCodes(p.dicts.postcode, a, b) ? 2 : 3;
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
    return jaroWinklerCodes(p.dicts.place, a, b, 0.9) >= 0.9 ? 2 : 3;
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

/** Some company token of three or more letters starts the family name ("thompson" for "Thompson Inc."). */
export function companyNamedAfter(companyTokens: readonly string[], family: string): boolean {
  return family.length >= 3 && companyTokens.some((t) => family.startsWith(t) && t.length >= 3);
}

function namedAfterSharedFamily(p: Prepared, i: number, j: number, tokens: string[][]): boolean {
  const fc = p.family[i];
  if (fc !== p.family[j]) return false;
  const f = texts(p, 'names')[fc];
  return companyNamedAfter(tokens[p.company[i]], f) && companyNamedAfter(tokens[p.company[j]], f);
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
    const tokens = companyTokensOf(p);
    if (namedAfterSharedFamily(p, i, j, tokens)) return 0;
    if (a === b) return 1;
    const overlap = overlapCoefficient(tokens[a], tokens[b]);
    if (overlap >= 0.75) return 2;
    const names = texts(p, 'company');
    if (jaroWinkler(names[a], names[b]) >= 0.9) return 3;
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
