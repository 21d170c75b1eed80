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
  // Informal and foreign-language forms the locales above do not list (checked against real exports).
  'ee uu': 'US', 'eeuu': 'US', 'e u a': 'US', 'stati uniti': 'US', 'etats unis': 'US', 'usa of america': 'US', 'united states of america usa': 'US',
  'great britain': 'GB', 'grossbritannien': 'GB', 'angleterre': 'GB', 'inghilterra': 'GB', 'inglaterra': 'GB', 'schottland': 'GB', 'ecosse': 'GB',
  'n ireland': 'GB', 'united kingdom of great britain': 'GB', 'royaume uni': 'GB', 'reino unido': 'GB', 'regno unito': 'GB',
  'p r c': 'CN', 'volksrepublik china': 'CN', 'vr china': 'CN', 'rpc': 'CN', 'r p c': 'CN', 'rp china': 'CN', 'repubblica popolare cinese': 'CN',
  'republica popular china': 'CN', 'republique populaire de chine': 'CN', 'cn mainland': 'CN',
  'bharat': 'IN', 'hindustan': 'IN', 'republic of india': 'IN', 'nippon': 'JP', 'nihon': 'JP', 'hollande': 'NL', 'olanda': 'NL', 'holanda': 'NL',
  'eire': 'IE', 'republic of ireland': 'IE', 'ksa': 'SA', 'kingdom of saudi arabia': 'SA', 'corea del sur': 'KR', 'coree du sud': 'KR', 'corea del sud': 'KR',
  'viet nam': 'VN', 'turkiye': 'TR', 'aussie': 'AU', 'oz': 'AU', 'republic of china': 'TW', 'hk sar': 'HK', 'prc hong kong': 'HK',
  'danmark': 'DK', 'sverige': 'SE', 'norge': 'NO', 'suomi': 'FI', 'polska': 'PL', 'ellada': 'GR', 'ελλαδα': 'GR', 'россия': 'RU', 'rossiya': 'RU',
  'magyarorszag': 'HU', 'cesko': 'CZ', 'ceska republika': 'CZ', 'hrvatska': 'HR', 'osterreich': 'AT', 'schweiz': 'CH', 'suisse': 'CH', 'svizzera': 'CH',
  'helvetia': 'CH', 'belgie': 'BE', 'belgique': 'BE', 'brasil': 'BR',
  '印度尼西亚': 'ID', '日本国': 'JP', '大韩民国': 'KR', '南韩': 'KR', '美利坚合众国': 'US', '英格兰': 'GB', '苏格兰': 'GB', '联合王国': 'GB', '大不列颠': 'GB',
  '德意志联邦共和国': 'DE', '法兰西': 'FR', '法兰西共和国': 'FR', '中华民国': 'TW', '台湾省': 'TW', '中国台湾': 'TW', '中國台灣': 'TW', '中国澳门': 'MO',
  '中國香港': 'HK', '香港特别行政区': 'HK', '澳门特别行政区': 'MO', '中國大陸': 'CN',
};

const locales = ['en', 'zh', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'];

let lookup: Map<string, string> | undefined;

/** Lower-case, accents off, dots and commas to spaces: "U.S.A." and "usa" meet. */
export function countryKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,()'’\-]/g, ' ')
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
