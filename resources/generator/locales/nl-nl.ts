import { uniqueDigits, weighted, type Rng } from '../prng.ts';
import { groupThousands, withDecimals } from '../format/numbers.ts';
import { emailToken, foldAccents, typo } from '../format/text.ts';
import { grouped, list, nicknameTable, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';

const CITIES: City[] = list(`
Amsterdam,Noord-Holland,NH,10,20|Rotterdam,Zuid-Holland,ZH,30,10|Den Haag,Zuid-Holland,ZH,25,70|Utrecht,Utrecht,UT,35,30|
Eindhoven,Noord-Brabant,NB,56,40|Groningen,Groningen,GR,97,50|Tilburg,Noord-Brabant,NB,50,13|Almere,Flevoland,FL,13,36|
Breda,Noord-Brabant,NB,48,76|Nijmegen,Gelderland,GE,65,24|Haarlem,Noord-Holland,NH,20,23|Arnhem,Gelderland,GE,68,26|
Leiden,Zuid-Holland,ZH,23,71|Maastricht,Limburg,LI,62,43`).map((row) => {
  const [name, region, regionCode, post, area] = row.split(',');
  return { name, region, regionCode, post, area };
});

const STREETS = words('Kerk Dorps School Molen Stations Juliana Beatrix Wilhelmina Oranje Nieuwe Hoofd Prinsen Keizers Heeren Eiken Beuken Linden Populier Zuid Noord Lange Korte');
const TYPES: [string, string][] = [['straat', 'str.'], ['weg', 'wg.'], ['laan', 'ln.'], ['plein', 'pln.'], ['gracht', 'gr.'], ['kade', 'kd.'], ['singel', 'sngl.']];
const POST_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'.split('');

/** Dutch particles (de, van der) lead the surname in speech but are sorted behind it in many registers. */
function movedParticle(family: string): string {
  const m = /^((?:van |de |den |der |ter |ten )+)(.*)$/.exec(family);
  if (!m) return family.toUpperCase();
  return `${m[2]}, ${m[1].trim()}`;
}

function postcode(rng: Rng, city: City): string {
  return `${city.post}${rng.digits(2)} ${rng.pick(POST_LETTERS)}${rng.pick(POST_LETTERS)}`;
}

const PHONE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => `0${p.area}-${p.sub}`, 35],
  [(p) => `0${p.area} ${p.mobile ? p.sub : grouped(p.sub, [3], ' ')}`, 20],
  [(p) => `+31 ${p.area} ${p.sub}`, 15],
  [(p) => `0031 ${p.area} ${p.sub}`, 5],
  [(p) => `0${p.area}${p.sub}`, 15],
  [(p) => `+31 (0)${p.area} ${grouped(p.sub, [4], ' ')}`, 10],
]);

const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 35], [(n) => `€ ${groupThousands(n, '.')}`, 20], [(n) => withDecimals(n, '.', ','), 15],
  [(n) => `EUR ${groupThousands(n, '.')}`, 15], [(n) => `€${groupThousands(n, '.')},-`, 15],
]);

const GENDER = {
  M: weighted([['M', 55], ['man', 25], ['male', 10], ['Dhr.', 10]]),
  F: weighted([['V', 45], ['vrouw', 25], ['F', 20], ['Mevr.', 10]]),
};

const WORDS = words('Holland Delta Polder Oranje Noordzee Tulp Molen Rijn IJssel');
const INDUSTRIES = words('Bouw Techniek Transport Advies Installatie Handel Software Groep');

const EMAIL_PATTERNS: readonly EmailPattern[] = ['g.f', 'gf', 'g0.f', 'g-f', 'gfyy', 'f.g0'];

export const nlNL: LocaleData = {
  locale: 'nl-NL',
  countryCode: 'NL',
  countryAlpha3: 'NLD',
  callingCode: '31',
  currency: 'EUR',
  country: weighted([['Nederland', 45], ['Netherlands', 30], ['NL', 15], ['Holland', 5], ['The Netherlands', 5]]),
  givenMale: words(`Daan Sem Lucas Levi Finn Milan Jesse Luuk Noah Bram Thomas Lars Ruben Sander Tim Jeroen Bas Mark Dennis
    Martijn Kevin Pieter Jan Hendrik Willem Johannes Cornelis Gerrit Dirk Kees Henk Joost Niels Stijn Wouter Maarten Rutger
    Thijs Koen Bart Jacobus Petrus Adrianus`),
  givenFemale: words(`Emma Julia Sophie Tess Zoë Mila Sara Anna Eva Lotte Fleur Lisa Sanne Anouk Iris Femke Laura Linda
    Marieke Inge Esther Ingrid Annemarie Johanna Maria Cornelia Wilhelmina Elisabeth Hendrika Anneke Petra Monique Saskia
    Marloes Ilse Noor Roos Isa Fenna`),
  family: list(`de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|
    Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|
    de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|de Bruijn|van der Heijden|Schouten|van Beek|Willems|
    van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|de Jonge|Kuipers|Post|
    Kramer|van den Brink|Scholten|van Wijk|Postma|Vink|de Ruiter|Öztürk|El Amrani`),
  // Dutch registers hold the baptismal name (Johannes); everyday records the name people use (Jan).
  nicknames: nicknameTable(`Johannes: Jan, Hans, Johan, Joop; Cornelis: Kees, Cor; Hendrik: Henk; Willem: Wim, Pim;
    Wilhelmina: Mien, Willy; Johanna: Jo, Hanneke; Cornelia: Corrie, Cor; Elisabeth: Liesbeth, Els, Lies; Hendrika: Riek;
    Maria: Mieke, Ria; Gerrit: Gert; Pieter: Piet; Dirk: Dick; Jacobus: Koos, Jaap; Petrus: Piet, Peter; Adrianus: Ad, Arie`),
  romanise: foldAccents,
  fullName: (given, family) => `${given} ${family}`,
  familyVariants: (rng, family) => (rng.chance(0.5) ? movedParticle(family) : family.replace(/^([a-z])/, (c) => c.toUpperCase())),
  typo,
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: postcode(rng, city),
    houseNo: String(rng.int(1, 300)),
    streetName: rng.pick(STREETS),
    streetType: rng.int(0, TYPES.length - 1),
    unit: rng.chance(0.15) ? rng.pick(['A', 'B', '-II', '-III', ' hs', ' bis']) : undefined,
  }),
  streetLine: (rng, a, variant) => {
    const [full, short] = TYPES[a.streetType];
    return `${a.streetName}${variant ? short : full} ${a.houseNo}${a.unit ?? ''}`;
  },
  region: (rng, city) => (rng.chance(0.4) ? '' : rng.chance(0.8) ? city.region : city.regionCode ?? city.region),
  cityName: (rng, city) => (city.name === 'Den Haag' && rng.chance(0.3) ? "'s-Gravenhage" : city.name),
  // 066 is the pager range, not mobiles.
  mobile: (rng, serial) => ({ area: '6', sub: rng.int(1, 5) + rng.digits(1) + uniqueDigits(serial, 6, 23), mobile: true }),
  landline: (rng, city, serial) => ({ area: city.area, sub: rng.int(2, 9) + uniqueDigits(serial, 6, 67), mobile: false }),
  formatPhone: (rng, p) => PHONE_FORMATS(rng)(p),
  emailDomain: weighted([['gmail.com', 30], ['hotmail.com', 15], ['ziggo.nl', 10], ['kpnmail.nl', 8], ['outlook.com', 10], ['live.nl', 8], ['planet.nl', 5], ['xs4all.nl', 5], ['home.nl', 4], ['hetnet.nl', 5]]),
  emailLocal: (rng, given, family, year) => {
    const g = emailToken(given), f = emailToken(family);
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, family) => {
    switch (rng.int(0, 2)) {
      case 0: return `${family.replace(/^([a-z])/, (c) => c.toUpperCase())} ${rng.pick(['B.V.', '& Zn.', 'V.O.F.'])}`;
      case 1: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)} B.V.`;
      default: return `${rng.pick(WORDS)}${rng.pick(INDUSTRIES).toLowerCase()} ${rng.pick(['B.V.', 'N.V.'])}`;
    }
  },
  incomeMedian: 40000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['dmy_dash', 50], ['iso', 25], ['dmy_slash', 15], ['d_m_y_slash', 10]]),
  timestampStyle: weighted([['dmy_hm', 40], ['iso_z', 35], ['sql', 25]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: ['X', 'anders', 'Overig'],
  placeholderNames: ['TEST', 'Test', 'asdf', 'xxx', 'N/A', 'Onbekend', 'Jan|Modaal', 'Klant', 'nvt'],
};

