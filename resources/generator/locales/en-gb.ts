import { uniqueDigits, weighted, type Rng } from '../prng.ts';
import { groupThousands, kilo, withDecimals } from '../format/numbers.ts';
import { emailToken, foldAccents, typo } from '../format/text.ts';
import { englishNicknames } from './english-names.ts';
import { list, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';

/** Digits a local number may start with in each city (Ofcom allocations; London: 3, 7, 8). */
const LEAD_DIGITS = new Map<string, string>();

// post holds outward-code areas; London lists real districts because "London 42" is not a postcode.
const CITIES: City[] = list(`
London,Greater London,,SW1A EC1A W1D SE1 N1 E1 NW1 SW11 W8 E14,20,378|Manchester,Greater Manchester,,M,161,2345678|
Birmingham,West Midlands,,B,121,234567|Leeds,West Yorkshire,,LS,113,2345|Glasgow,Lanarkshire,,G,141,2345678|
Edinburgh,Midlothian,,EH,131,2345678|Liverpool,Merseyside,,L,151,2345678|Bristol,Avon,,BS,117,234|
Sheffield,South Yorkshire,,S,114,2345|Cardiff,South Glamorgan,,CF,29,2|Belfast,County Antrim,,BT,28,9|
Newcastle upon Tyne,Tyne and Wear,,NE,191,2345678|Nottingham,Nottinghamshire,,NG,115,2678|
Leicester,Leicestershire,,LE,116,234|Oxford,Oxfordshire,,OX,1865,|Cambridge,Cambridgeshire,,CB,1223,|
Brighton,East Sussex,,BN,1273,|Reading,Berkshire,,RG,118,234|York,North Yorkshire,,YO,1904,`).map((row) => {
  const [name, region, , post, area, lead] = row.split(',');
  LEAD_DIGITS.set(name, lead);
  return { name, region, post, area };
});

const STREETS = list(`High|Church|Station|Victoria|Green|Manor|Park|Queens|Kings|Mill|Albert|London|New|School|North|
South|Windsor|York|Grange|Springfield|Chester|Richmond|Oxford|Cambridge|St John's|Elm|Beech|Oak|Willow|Hawthorn|Castle|Abbey`);
const TYPES: [string, string][] = [
  ['Road', 'Rd'], ['Street', 'St'], ['Lane', 'Ln'], ['Avenue', 'Ave'], ['Close', 'Cl'], ['Drive', 'Dr'],
  ['Gardens', 'Gdns'], ['Crescent', 'Cres'], ['Way', 'Way'], ['Grove', 'Gr'], ['Terrace', 'Terr'], ['Place', 'Pl'],
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');

function postcode(rng: Rng, city: City): string {
  const areas = city.post.split(' ');
  const outward = areas.length > 1 ? rng.pick(areas) : city.post + rng.int(1, 20);
  return `${outward} ${rng.int(0, 9)}${rng.pick(INWARD_LETTERS)}${rng.pick(INWARD_LETTERS)}`;
}

/** Allocated mobile ranges (07 6xx is pagers, 07 0xx personal numbers, 07700 9 the TV-drama range). */
const MOBILE_BLOCKS = words('740 741 742 743 745 746 747 748 749 750 751 752 753 754 755 756 757 758 759 771 772 773 774 775 776 777 778 779 780 781 782 783 784 785 786 787 788 789 790 792 793 794 795 796 797 798 799');

/** The digits before the unique part, so that every area's numbers have its length: 8, 7 or 6 digits. */
function landlineLead(rng: Rng, city: City): string {
  const lead = LEAD_DIGITS.get(city.name) ?? '';
  if (city.area.length === 2) return lead[rng.int(0, lead.length - 1)] + rng.digits(1);
  if (city.area.length === 3) return lead[rng.int(0, lead.length - 1)];
  return '';
}

/** UK numbers are 10 digits after the 0; the area code length decides where the gaps go. */
function national(p: PhoneNumber): string {
  if (p.mobile) return `0${p.area} ${p.sub}`;
  if (p.area.length === 2) return `0${p.area} ${p.sub.slice(0, 4)} ${p.sub.slice(4)}`;
  if (p.area.length === 3) return `0${p.area} ${p.sub.slice(0, 3)} ${p.sub.slice(3)}`;
  return `0${p.area} ${p.sub}`;
}

const PHONE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [national, 45],
  [(p) => national(p).replace(/ /g, ''), 15],
  [(p) => '+44 ' + national(p).slice(1), 15],
  [(p) => '+44 (0)' + national(p).slice(1), 10],
  [(p) => '0044 ' + national(p).slice(1), 5],
  [(p) => `(0${p.area}) ${national(p).slice(p.area.length + 2)}`, 10],
]);

const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 35], [(n) => '£' + groupThousands(n, ','), 30], [(n) => withDecimals(n, ',', '.'), 15],
  [(n) => kilo(n) ?? String(n), 10], [(n) => 'GBP ' + groupThousands(n, ','), 10],
]);

const GENDER = {
  M: weighted([['M', 45], ['Male', 35], ['m', 10], ['Mr', 10]]),
  F: weighted([['F', 45], ['Female', 35], ['f', 10], ['Mrs', 5], ['Ms', 5]]),
};

const WORDS = list('Albion|Thames|Pennine|Crown|Sterling|Kingfisher|Northern|Highland|Britannia|Regent|Westbury|Cotswold|Harbour|Phoenix');
const INDUSTRIES = words('Consulting Logistics Engineering Foods Estates Digital Motors Builders Solutions Partners Lettings');

const EMAIL_PATTERNS: readonly EmailPattern[] = ['g.f', 'gf', 'g0.f', 'g_f', 'gfyy', 'fg0'];

export const enGB: LocaleData = {
  locale: 'en-GB',
  countryCode: 'GB',
  countryAlpha3: 'GBR',
  callingCode: '44',
  currency: 'GBP',
  country: weighted([['United Kingdom', 40], ['UK', 25], ['GB', 10], ['Great Britain', 10], ['England', 10], ['U.K.', 5]]),
  givenMale: words(`Oliver George Harry Jack Charlie Thomas James William Henry Oscar Alfie Leo Arthur Noah Freddie Archie
    Joshua Edward Samuel Daniel David Richard Paul Andrew Mark Stephen Peter Christopher Ian Simon Michael Robert John
    Gareth Callum Liam Jamie Rhys Owen Dylan Lewis Connor Matthew Benjamin Alexander Nicholas Jonathan Timothy Graham
    Neil Alan Colin Keith Stuart Darren Lee Craig Martin Kevin Frederick Archibald Mohammed Aled`),
  givenFemale: words(`Olivia Amelia Isla Ava Emily Sophie Grace Lily Jessica Poppy Ella Charlotte Evie Mia Ruby Freya Chloe
    Lucy Hannah Holly Katie Emma Sarah Rebecca Laura Gemma Claire Nicola Joanne Helen Elizabeth Margaret Susan Catherine
    Victoria Rachel Karen Alison Julie Fiona Louise Zoe Megan Eleanor Abigail Harriet Imogen Phoebe Georgia Bethany
    Jennifer Kathryn Siobhan Niamh Aisha`),
  family: words(`Smith Jones Williams Taylor Davies Brown Wilson Evans Thomas Johnson Roberts Walker Wright Robinson
    Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Clark Turner Hill Scott Cooper Morris
    Ward Moore King Watson Baker Harrison Morgan Patel Young Allen Mitchell James Anderson Phillips Lee Bell Parker Davis
    Khan Murphy Price Bennett Griffiths Kelly Simpson Marshall Collins Ahmed Campbell Stewart MacDonald Murray Reid
    Fraser Singh Shah Ali Hussain Chapman Ellis Webb Holmes Knight Lloyd Powell Owen Rees Fletcher Hunt O'Neill
    Smith-Jones Lloyd-Davies`),
  nicknames: englishNicknames,
  romanise: foldAccents,
  fullName: (given, family) => `${given} ${family}`,
  familyVariants: (rng, family) => (family.includes('-') ? family.split('-')[rng.int(0, 1)] : family.toUpperCase()),
  typo,
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: postcode(rng, city),
    houseNo: String(rng.int(1, 220)) + (rng.chance(0.05) ? 'a' : ''),
    streetName: rng.pick(STREETS),
    streetType: rng.int(0, TYPES.length - 1),
    unit: rng.chance(0.2) ? `Flat ${rng.int(1, 24)}` : undefined,
  }),
  streetLine: (rng, a, variant) => {
    const [full, short] = TYPES[a.streetType];
    const line = `${a.houseNo} ${a.streetName} ${variant ? short : full}`;
    return a.unit ? `${a.unit}, ${line}` : line;
  },
  // Most UK records carry no county at all; a blank here is the norm, not a defect.
  region: (rng, city) => (rng.chance(0.5) ? city.region : ''),
  cityName: (rng, city) => (rng.chance(0.05) ? city.name.toUpperCase() : city.name),
  mobile: (rng, serial) => ({ area: rng.pick(MOBILE_BLOCKS) + rng.digits(1), sub: uniqueDigits(serial, 6, 3), mobile: true }),
  landline: (rng, city, serial) => ({ area: city.area, sub: landlineLead(rng, city) + uniqueDigits(serial, 6, 29), mobile: false }),
  formatPhone: (rng, p) => PHONE_FORMATS(rng)(p),
  emailDomain: weighted([['gmail.com', 30], ['hotmail.co.uk', 15], ['yahoo.co.uk', 10], ['btinternet.com', 10], ['outlook.com', 10], ['icloud.com', 5], ['sky.com', 5], ['live.co.uk', 5], ['aol.com', 3], ['virginmedia.com', 5]]),
  emailLocal: (rng, given, family, year) => {
    const g = emailToken(given), f = emailToken(family);
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, family) => {
    switch (rng.int(0, 2)) {
      case 0: return `${family} & Sons Ltd`;
      case 1: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)} ${rng.pick(['Ltd', 'Limited', 'plc', 'LLP'])}`;
      default: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)}`;
    }
  },
  incomeMedian: 34000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['dmy_slash', 60], ['iso', 25], ['d_mon_y', 10], ['dmy_dash', 5]]),
  timestampStyle: weighted([['dmy_hm', 50], ['iso_z', 30], ['sql', 20]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: ['X', 'Non-binary', 'Other'],
  placeholderNames: ['TEST', 'Test', 'asdf', 'xxx', 'N/A', 'Unknown', 'Joe|Bloggs', 'Customer', 'tbc'],
};
