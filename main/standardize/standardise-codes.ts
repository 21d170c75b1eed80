/**
 * Countries to ISO 3166-1 alpha-2 (resolveCountry: codes, names in English,
 * Chinese, German, French, Spanish, Italian, Dutch, Portuguese, Japanese and
 * the informal forms in country.ts) and genders to F, M or X
 * (recogniseGender's spellings: f, female, 女, weiblich, femme, mujer, …).
 */
import { resolveCountry } from './country.ts';
import { recogniseGender } from './gender.ts';
import { change, type Change } from './standardiser.ts';

export function standardiseCountry(v: string): Change | null {
  const code = resolveCountry(v);
  return code === undefined || code === v ? null : change(code, 'country_iso', 1);
}

const genderCodes = { female: 'F', male: 'M', other: 'X' } as const;

/** Forms of address rather than gender words: the gender is read from a title (0.9). */
const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'herr', 'frau', 'monsieur', 'madame', 'mme', 'dhr', 'mevr', '先生', '女士']);

/** "V" is vrouw (Dutch, female) in the Netherlands and Flanders and varón (Spanish, male) in Spanish-speaking countries. */
const vrouw = new Set(['NL', 'BE', 'SR']);
const varon = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'UY', 'PY', 'BO', 'GT', 'CR', 'PA', 'DO', 'HN', 'SV', 'NI', 'CU']);

export function standardiseGender(v: string, country: string | undefined): Change | null {
  if (v === 'F' || v === 'M' || v === 'X') return null;
  const key = v.trim().toLowerCase().replace(/\.$/, '');
  if (key === 'v') {
    const code = country && vrouw.has(country) ? 'F' : country && varon.has(country) ? 'M' : undefined;
    return code ? change(code, 'gender_code', 0.8, { country: country as string }) : null;
  }
  const gender = recogniseGender(v);
  if (!gender) return null;
  return change(genderCodes[gender], 'gender_code', titles.has(key) ? 0.9 : 1);
}
