/**
 * How much of a project is written in the canonical forms fixes aim for,
 * measured on the stored values (issue 9's "done when"):
 *  - phones: of the numbers that are valid for their record's country (or
 *    their source's usual country), the share written exactly as E.164;
 *  - countries: of the values that name a recognisable country, the share
 *    that are exactly its ISO 3166-1 alpha-2 code;
 *  - birth dates: of the values that read as one calendar date whichever
 *    day/month order is assumed, the share written as YYYY-MM-DD.
 * Judged with the same readers the app uses, so a value counts as canonical
 * only if the app itself would leave it alone.
 */
import { readSourceContexts } from '../../main/fix/source-context.ts';
import { resolveCountry } from '../../main/standardize/country.ts';
import { isoDate, parseDate } from '../../main/standardize/date.ts';
import { checkPhone } from '../../main/standardize/phone.ts';
import type { Db } from '../../main/store/open-project.ts';

export interface Share {
  canonical: number;
  of: number;
}

export interface CanonicalShares {
  phones: Share;
  countries: Share;
  birthDates: Share;
}

export const ratio = (s: Share): string => (s.of === 0 ? 'n/a' : `${((100 * s.canonical) / s.of).toFixed(2)}% (${s.canonical.toLocaleString('en-US')} of ${s.of.toLocaleString('en-US')})`);

export function canonicalShares(db: Db): CanonicalShares {
  const contexts = readSourceContexts(db);
  const shares: CanonicalShares = { phones: { canonical: 0, of: 0 }, countries: { canonical: 0, of: 0 }, birthDates: { canonical: 0, of: 0 } };
  const rows = db.prepare('SELECT source_id, country, phone, mobile, birth_date FROM customers').raw().iterate() as IterableIterator<[number, unknown, unknown, unknown, unknown]>;
  for (const [source, country, phone, mobile, birth] of rows) {
    const iso = typeof country === 'string' ? resolveCountry(country) : undefined;
    if (iso) {
      shares.countries.of++;
      if (country === iso) shares.countries.canonical++;
    }
    for (const p of [phone, mobile]) {
      if (typeof p !== 'string' || !p.trim()) continue;
      const check = checkPhone(p, iso ?? contexts.get(source)?.country);
      if (check.status !== 'valid') continue;
      shares.phones.of++;
      if (p === check.e164) shares.phones.canonical++;
    }
    if (typeof birth === 'string' && birth.trim()) {
      const dmy = parseDate(birth, 'DMY');
      const mdy = parseDate(birth, 'MDY');
      if (dmy && mdy && isoDate(dmy) === isoDate(mdy)) {
        shares.birthDates.of++;
        if (birth === isoDate(dmy)) shares.birthDates.canonical++;
      }
    }
  }
  return shares;
}
