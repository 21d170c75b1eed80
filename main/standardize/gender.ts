/** Gender values in the spellings CRM exports use, in English, Chinese and the main European languages. */

export type Gender = 'female' | 'male' | 'other';

const values: Record<string, Gender> = {
  f: 'female', female: 'female', woman: 'female', w: 'female', girl: 'female', fem: 'female', mrs: 'female', ms: 'female', miss: 'female',
  女: 'female', 女性: 'female', 女士: 'female', weiblich: 'female', frau: 'female', femme: 'female', féminin: 'female', feminin: 'female', femenino: 'female',
  m: 'male', male: 'male', man: 'male', boy: 'male', mr: 'male', 男: 'male', 男性: 'male', 先生: 'male',
  männlich: 'male', maennlich: 'male', mannlich: 'male', herr: 'male', homme: 'male', masculin: 'male', masculino: 'male',
  // Spanish, Italian, Dutch and French forms. "V" is vrouw (Dutch, female) or varón (Spanish, male):
  // either way a gender value, which is all validity asks; accuracy compares it as written.
  h: 'male', hombre: 'male', varón: 'male', varon: 'male', maschio: 'male', maschile: 'male', dhr: 'male', monsieur: 'male',
  mujer: 'female', femmina: 'female', femminile: 'female', vrouw: 'female', mevr: 'female', mme: 'female', madame: 'female', v: 'female',
  x: 'other', other: 'other', diverse: 'other', divers: 'other', 'non-binary': 'other', nonbinary: 'other', 'non binary': 'other', nb: 'other', 其他: 'other', autre: 'other',
};

export function recogniseGender(raw: string): Gender | undefined {
  return values[raw.trim().toLowerCase().replace(/\.$/, '')];
}

/** How the column spells gender, for the one-format-per-column check. */
export function genderFormat(raw: string): string {
  const v = raw.trim();
  if (/[\u4e00-\u9fff]/.test(v)) return 'Chinese';
  if (v.length === 1) return v === v.toUpperCase() ? 'letter (M/F)' : 'letter (m/f)';
  return v === v.toLowerCase() ? 'word (lower case)' : v === v.toUpperCase() ? 'word (upper case)' : 'word (capitalised)';
}
