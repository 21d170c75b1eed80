/**
 * Country recognition: ISO codes, and names in English, Chinese and the main
 * European languages, with the informal forms people type ("USA", "UK",
 * "Deutschland", "中国大陆"). Everything downstream (phones, postcodes) works
 * on the ISO alpha-2 code this returns.
 */
import countries from 'i18n-iso-countries';

/** Names i18n-iso-countries does not list but CRM exports contain. */
const aliases: Record<string, string> = {
  'england': 'GB', 'scotland': 'GB', 'wales': 'GB', 'northern ireland': 'GB', 'britain': 'GB', 'gb': 'GB', 'u k': 'GB',
  'america': 'US', 'united states': 'US', 'us of a': 'US', 'u s': 'US', 'u s a': 'US',
  'holland': 'NL', 'the netherlands': 'NL', 'deutschland': 'DE', 'brd': 'DE', 'allemagne': 'DE', 'alemania': 'DE',
  'prc': 'CN', 'p r china': 'CN', 'pr china': 'CN', 'mainland china': 'CN', 'china mainland': 'CN', 'chn': 'CN',
  '中国大陆': 'CN', '中华人民共和国': 'CN', '大陆': 'CN', '内地': 'CN', '中國': 'CN', '中国内地': 'CN',
  '美国': 'US', '美國': 'US', '英国': 'GB', '英國': 'GB', '德国': 'DE', '德國': 'DE', '法国': 'FR', '法國': 'FR',
  '日本': 'JP', '韩国': 'KR', '韓國': 'KR', '香港': 'HK', '中国香港': 'HK', '澳门': 'MO', '澳門': 'MO', '台湾': 'TW', '臺灣': 'TW', '台灣': 'TW',
  '新加坡': 'SG', '加拿大': 'CA', '澳大利亚': 'AU', '澳洲': 'AU', '意大利': 'IT', '西班牙': 'ES', '荷兰': 'NL', '俄罗斯': 'RU', '印度': 'IN',
  'federal republic of germany': 'DE', 'reino de espana': 'ES', 'republique francaise': 'FR', 'repubblica italiana': 'IT', 'koninkrijk der nederlanden': 'NL',
  'south korea': 'KR', 'korea': 'KR', 'russia': 'RU', 'czech republic': 'CZ', 'turkey': 'TR', 'vietnam': 'VN', 'uae': 'AE',
  'hong kong sar': 'HK', 'macau': 'MO', 'taiwan roc': 'TW', 'ivory coast': 'CI', 'swaziland': 'SZ', 'burma': 'MM',
};

const locales = ['en', 'zh', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'];

let lookup: Map<string, string> | undefined;

/** Lower-case, accents off, dots and commas to spaces: "U.S.A." and "usa" meet. */
export function countryKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,()'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function buildLookup(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [alpha2, alpha3] of Object.entries(countries.getAlpha2Codes())) {
    map.set(alpha2.toLowerCase(), alpha2);
    map.set(alpha3.toLowerCase(), alpha2);
  }
  for (const lang of locales) {
    for (const [alpha2, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) {
        const key = countryKey(name);
        if (!map.has(key)) map.set(key, alpha2);
      }
    }
  }
  for (const [name, alpha2] of Object.entries(aliases)) map.set(countryKey(name), alpha2);
  return map;
}

const cache = new Map<string, string | null>();

/** ISO alpha-2 code for a country as typed, or undefined when it is not recognisable. */
export function resolveCountry(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const hit = cache.get(value);
  if (hit !== undefined) return hit ?? undefined;
  lookup ??= buildLookup();
  const key = countryKey(value);
  let code = lookup.get(key) ?? lookup.get(key.replace(/^the /, ''));
  if (!code && /^\d{3}$/.test(key)) code = countries.numericToAlpha2(key);
  // Bounded: a column of free text must not grow the cache without limit.
  if (cache.size > 50_000) cache.clear();
  cache.set(value, code ?? null);
  return code;
}

/** How a country was written, for the one-format-per-column consistency check. */
export function countryFormat(value: string): string {
  const v = value.trim();
  if (/^[A-Z]{2}$/.test(v)) return 'ISO alpha-2';
  if (/^[A-Z]{3}$/.test(v)) return 'ISO alpha-3';
  if (/[\u4e00-\u9fff]/.test(v)) return 'Chinese name';
  return 'name';
}
