import { uniqueDigits, weighted } from '../prng.ts';
import { groupThousands, kilo, withDecimals } from '../format/numbers.ts';
import { emailToken, foldAccents, typo } from '../format/text.ts';
import { englishNicknames } from './english-names.ts';
import { list, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';

const CITIES: City[] = list(`
New York,New York,NY,100,212|Brooklyn,New York,NY,112,718|Los Angeles,California,CA,900,213|
San Francisco,California,CA,941,415|San Diego,California,CA,921,619|San Jose,California,CA,951,408|
Chicago,Illinois,IL,606,312|Houston,Texas,TX,770,713|Dallas,Texas,TX,752,214|Austin,Texas,TX,787,512|
Phoenix,Arizona,AZ,850,602|Philadelphia,Pennsylvania,PA,191,215|Seattle,Washington,WA,981,206|
Denver,Colorado,CO,802,303|Boston,Massachusetts,MA,021,617|Atlanta,Georgia,GA,303,404|Miami,Florida,FL,331,305|
Portland,Oregon,OR,972,503|Minneapolis,Minnesota,MN,554,612|Detroit,Michigan,MI,482,313|
Nashville,Tennessee,TN,372,615|Newark,New Jersey,NJ,071,973|Columbus,Ohio,OH,432,614|
Charlotte,North Carolina,NC,282,704|Las Vegas,Nevada,NV,891,702|Salt Lake City,Utah,UT,841,801|
Kansas City,Missouri,MO,641,816|Raleigh,North Carolina,NC,276,919|Hartford,Connecticut,CT,061,860`).map((row) => {
  const [name, region, regionCode, post, area] = row.split(',');
  return { name, region, regionCode, post, area };
});

const STREETS = list(`Main|Oak|Maple|Pine|Cedar|Elm|Washington|Lake|Hill|Park|Sunset|Lincoln|Jackson|Church|Highland|
Madison|Franklin|Jefferson|Walnut|Spring|Ridge|Meadow|Forest|River|Chestnut|Center|Union|Broadway|Mill|Willow|2nd|3rd|
5th|Martin Luther King Jr|Cherry|Hickory|Valley|Dogwood|Magnolia|Adams|Lafayette|Prospect|Grove|Orchard`);
const TYPES: [string, string][] = [
  ['Street', 'St'], ['Avenue', 'Ave'], ['Road', 'Rd'], ['Drive', 'Dr'], ['Lane', 'Ln'], ['Boulevard', 'Blvd'],
  ['Court', 'Ct'], ['Place', 'Pl'], ['Way', 'Way'], ['Circle', 'Cir'], ['Parkway', 'Pkwy'],
];
const DIRECTIONS = ['N', 'S', 'E', 'W'];

const WORDS = list('Acme|Summit|Pinnacle|Liberty|Evergreen|Redwood|Keystone|Frontier|Horizon|Blue Ridge|Lakeside|Silver Creek|Ironwood|Granite|Bayview');
const INDUSTRIES = words('Systems Solutions Consulting Logistics Dental Realty Insurance Construction Software Capital Health Foods Marketing Manufacturing');
const SUFFIXES = ['Inc.', 'LLC', 'Corp.', 'Co.', 'Group', 'Partners'];

const PHONE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => `(${p.area}) ${p.sub.slice(0, 3)}-${p.sub.slice(3)}`, 35],
  [(p) => `${p.area}-${p.sub.slice(0, 3)}-${p.sub.slice(3)}`, 25],
  [(p) => `${p.area}.${p.sub.slice(0, 3)}.${p.sub.slice(3)}`, 10],
  [(p) => `+1 ${p.area} ${p.sub.slice(0, 3)} ${p.sub.slice(3)}`, 10],
  [(p) => `+1 (${p.area}) ${p.sub.slice(0, 3)}-${p.sub.slice(3)}`, 5],
  [(p) => `${p.area}${p.sub}`, 10],
  [(p) => `1-${p.area}-${p.sub.slice(0, 3)}-${p.sub.slice(3)}`, 5],
]);

const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 35],
  [(n) => withDecimals(n, ',', '.'), 20],
  [(n) => '$' + groupThousands(n, ','), 20],
  [(n) => kilo(n) ?? String(n), 10],
  [(n) => `${n}.00`, 10],
  [(n) => '$' + withDecimals(n, ',', '.'), 5],
]);

const GENDER = {
  M: weighted([['M', 40], ['Male', 35], ['male', 10], ['m', 10], ['Man', 5]]),
  F: weighted([['F', 40], ['Female', 35], ['female', 10], ['f', 10], ['Woman', 5]]),
};

const EMAIL_PATTERNS: readonly EmailPattern[] = ['g.f', 'gf', 'g0f', 'g_f', 'gfyy', 'fg0', 'g.fnn'];

export const enUS: LocaleData = {
  locale: 'en-US',
  countryCode: 'US',
  countryAlpha3: 'USA',
  callingCode: '1',
  currency: 'USD',
  country: weighted([['United States', 40], ['USA', 25], ['US', 20], ['U.S.A.', 5], ['United States of America', 10]]),
  givenMale: words(`James Robert John Michael David William Richard Joseph Thomas Christopher Charles Daniel Matthew Anthony
    Mark Donald Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary
    Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond
    Dennis Tyler Aaron Jose Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy Walter Christian Keith Roger
    Sean Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan Bruce Gabriel Logan Alan Juan Albert Elijah Wayne Vincent
    Mason Roy Ralph Russell Bradley Philip Eugene DeShawn Tyrone`),
  givenFemale: words(`Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra
    Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura
    Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel
    Carolyn Janet Maria Catherine Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan
    Evelyn Judith Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail
    Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise Danielle Marilyn Beverly Charlotte Natalie Theresa
    Diana Brittany Doris Kayla Alexis Lori Marie Latoya Guadalupe`),
  family: words(`Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
    Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
    Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell
    Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook
    Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks
    Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster
    Jimenez O'Brien McDonald O'Connor Schmidt Kowalski Chen Wong Nakamura DeLuca Van Buren`),
  nicknames: englishNicknames,
  romanise: foldAccents,
  fullName: (given, family) => `${given} ${family}`,
  familyVariants: (rng, family) => (family.includes("'") ? family.replace("'", rng.chance(0.5) ? '' : ' ') : family.toUpperCase()),
  typo,
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: city.post + rng.digits(2),
    houseNo: String(rng.int(1, 9899)),
    // Directional prefixes (N Main St) are one of the tokens address matching has to align.
    streetName: (rng.chance(0.15) ? rng.pick(DIRECTIONS) + ' ' : '') + rng.pick(STREETS),
    streetType: rng.int(0, TYPES.length - 1),
    unit: rng.chance(0.25) ? rng.pick([`Apt ${rng.int(1, 30)}${rng.pick(['', 'A', 'B', 'C'])}`, `#${rng.int(100, 999)}`, `Suite ${rng.int(1, 9)}00`, `Unit ${rng.int(1, 40)}`]) : undefined,
  }),
  streetLine: (rng, a, variant) => {
    const [full, short] = TYPES[a.streetType];
    const line = `${a.houseNo} ${a.streetName} ${variant ? short + (rng.chance(0.3) ? '.' : '') : full}`;
    if (!a.unit) return line;
    return variant ? `${line} ${a.unit.replace(/^Apt /, 'Apt. ')}` : `${line}, ${a.unit}`;
  },
  region: (rng, city) => (rng.chance(0.75) ? city.regionCode ?? city.region : city.region),
  cityName: (rng, city) => (rng.chance(0.03) ? city.name.toUpperCase() : city.name),
  mobile: (rng, serial) => ({ area: rng.chance(0.8) ? rng.pick(CITIES).area : rng.pick(['917', '646', '310', '929', '323']), sub: rng.int(2, 5) + uniqueDigits(serial, 6, 17), mobile: true }),
  landline: (rng, city, serial) => ({ area: city.area, sub: rng.int(6, 9) + uniqueDigits(serial, 6, 91), mobile: false }),
  formatPhone: (rng, p) => PHONE_FORMATS(rng)(p),
  emailDomain: weighted([['gmail.com', 35], ['yahoo.com', 15], ['outlook.com', 8], ['hotmail.com', 10], ['aol.com', 5], ['icloud.com', 7], ['comcast.net', 5], ['msn.com', 3], ['att.net', 3], ['live.com', 3], ['verizon.net', 2], ['me.com', 2]]),
  emailLocal: (rng, given, family, year) => {
    const g = emailToken(given), f = emailToken(family);
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, family) => {
    switch (rng.int(0, 3)) {
      case 0: return `${family} ${rng.pick(SUFFIXES)}`;
      case 1: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)}, Inc.`;
      case 2: return `${family} & ${rng.pick(['Sons', 'Associates', 'Partners'])}`;
      default: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)} ${rng.pick(SUFFIXES)}`;
    }
  },
  incomeMedian: 58000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['mdy_slash', 40], ['m_d_y_slash', 15], ['mdy_short', 10], ['iso', 35]]),
  timestampStyle: weighted([['mdy_ampm', 35], ['iso_z', 35], ['sql', 20], ['iso_ms_z', 10]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: ['X', 'Non-binary', 'Other'],
  placeholderNames: ['TEST', 'Test', 'asdf', 'xxx', 'N/A', 'Unknown', 'John|Doe', 'Jane|Doe', 'Customer', 'null'],
};
