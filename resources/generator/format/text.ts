import type { Rng } from '../prng.ts';

/**
 * Text helpers for names and emails. Accent folding uses a small table
 * because the generator only folds names from its own lists, and a table
 * lookup is cheaper than any-ascii on the benchmark's hot path.
 */
const FOLD: Record<string, string> = {
  á: 'a', à: 'a', â: 'a', ä: 'a', ã: 'a', å: 'a', æ: 'ae', ç: 'c', é: 'e', è: 'e', ê: 'e', ë: 'e', í: 'i', ì: 'i',
  î: 'i', ï: 'i', ñ: 'n', ó: 'o', ò: 'o', ô: 'o', ö: 'o', õ: 'o', ø: 'o', œ: 'oe', ß: 'ss', ú: 'u', ù: 'u', û: 'u',
  ü: 'u', ý: 'y', ÿ: 'y', Á: 'A', À: 'A', Â: 'A', Ä: 'A', Å: 'A', Ç: 'C', É: 'E', È: 'E', Ê: 'E', Í: 'I', Î: 'I',
  Ñ: 'N', Ó: 'O', Ô: 'O', Ö: 'O', Ø: 'O', Ú: 'U', Ü: 'U', Œ: 'OE', Æ: 'AE',
};
const NON_ASCII = /[^\x00-\x7f]/;

export function foldAccents(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  let out = '';
  for (const ch of s) out += FOLD[ch] ?? ch;
  return out;
}

/** German-style transliteration (Müller → Mueller), which matching must treat like Muller. */
export function germanFold(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');
}

const tokenCache = new Map<string, string>();

/** Lower-case ASCII letters only, for the local part of an email. Cached: names come from small tables. */
export function emailToken(s: string): string {
  let token = tokenCache.get(s);
  if (token === undefined) {
    token = foldAccents(s).toLowerCase().replace(/[^a-z]/g, '');
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokenCache.set(s, token);
  }
  return token;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n',
  n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/**
 * One keying mistake in a Latin-script word: swap two neighbours, drop,
 * double, or hit the next key. The first letter is kept because people
 * rarely mistype it, and blocking on it is what matchers do.
 */
export function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word + word[word.length - 1];
  const i = rng.int(1, word.length - 1);
  switch (rng.int(0, 3)) {
    case 0: {
      const j = i === word.length - 1 ? i - 1 : i;
      if (word[j] === word[j + 1]) return word.slice(0, j) + word.slice(j + 1);
      return word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2);
    }
    case 1: return word.slice(0, i) + word.slice(i + 1);
    case 2: return word.slice(0, i) + word[i] + word.slice(i);
    default: {
      const ch = word[i].toLowerCase();
      const near = KEYBOARD_NEIGHBOURS[ch];
      if (!near) return word.slice(0, i) + word.slice(i + 1);
      return word.slice(0, i) + near[rng.int(0, near.length - 1)] + word.slice(i + 1);
    }
  }
}
