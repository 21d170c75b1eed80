import { uniqueDigits, weighted } from '../prng.ts';
import { groupThousands, withDecimals } from '../format/numbers.ts';
import { emailToken, foldAccents, germanFold, typo } from '../format/text.ts';
import { list, nicknameTable, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';

const CITIES: City[] = list(`
Berlin,Berlin,BE,10 12 13,30|Hamburg,Hamburg,HH,20 22,40|München,Bayern,BY,80 81,89|Köln,Nordrhein-Westfalen,NW,50 51,221|
Frankfurt am Main,Hessen,HE,60,69|Stuttgart,Baden-Württemberg,BW,70,711|Düsseldorf,Nordrhein-Westfalen,NW,40,211|
Leipzig,Sachsen,SN,04,341|Dortmund,Nordrhein-Westfalen,NW,44,231|Essen,Nordrhein-Westfalen,NW,45,201|Bremen,Bremen,HB,28,421|
Dresden,Sachsen,SN,01,351|Hannover,Niedersachsen,NI,30,511|Nürnberg,Bayern,BY,90,911|Bonn,Nordrhein-Westfalen,NW,53,228|
Münster,Nordrhein-Westfalen,NW,48,251|Freiburg im Breisgau,Baden-Württemberg,BW,79,761|Mainz,Rheinland-Pfalz,RP,55,6131`).map((row) => {
  const [name, region, regionCode, post, area] = row.split(',');
  return { name, region, regionCode, post, area };
});

const STREETS = list(`Haupt|Bahnhof|Schul|Garten|Dorf|Berg|Kirch|Wald|Linden|Goethe|Schiller|Mozart|Beethoven|Friedrich|
Wilhelm|Kant|Birken|Eichen|Tannen|Rosen|Blumen|Sonnen|Mühlen|Park|Feld|Wiesen|Ring|Luisen|Bismarck|Königs`);
/** Full and abbreviated suffixes: "Hauptstraße" / "Hauptstr." is the classic German address mismatch. */
const TYPES: [string, string][] = [['straße', 'str.'], ['weg', 'weg'], ['allee', 'allee'], ['platz', 'pl.'], ['gasse', 'g.']];

const MOBILE_PREFIXES = words('151 152 157 159 160 162 163 170 171 172 173 174 175 176 177 178 179');

const PHONE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => `0${p.area} ${p.sub}`, 30],
  [(p) => `0${p.area}/${p.sub}`, 15],
  [(p) => `0${p.area}-${p.sub}`, 10],
  [(p) => `+49 ${p.area} ${p.sub}`, 15],
  [(p) => `0049 ${p.area} ${p.sub}`, 10],
  [(p) => `+49 (0)${p.area} ${p.sub}`, 10],
  [(p) => `(0${p.area}) ${p.sub}`, 5],
  [(p) => `0${p.area}${p.sub}`, 5],
]);

const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 30], [(n) => groupThousands(n, '.'), 20], [(n) => `${groupThousands(n, '.')} €`, 15],
  [(n) => `€${groupThousands(n, '.')}`, 10], [(n) => `${withDecimals(n, '.', ',')} €`, 15], [(n) => `${n} EUR`, 10],
]);

const GENDER = {
  M: weighted([['m', 30], ['M', 25], ['männlich', 25], ['Herr', 10], ['male', 10]]),
  F: weighted([['w', 30], ['W', 10], ['weiblich', 25], ['Frau', 10], ['female', 10], ['F', 15]]),
};

const WORDS = words('Nord Süd Alpen Rhein Elbe Main Hansa Bavaria Spree Weser Isar');
const INDUSTRIES = words('Technik Bau Logistik Consulting Elektro Handel Software Maschinenbau Immobilien Medien');

const EMAIL_PATTERNS: readonly EmailPattern[] = ['g.f', 'gf', 'g0.f', 'g-f', 'g.fyy', 'f.g'];

export const deDE: LocaleData = {
  locale: 'de-DE',
  countryCode: 'DE',
  countryAlpha3: 'DEU',
  callingCode: '49',
  currency: 'EUR',
  country: weighted([['Deutschland', 40], ['Germany', 35], ['DE', 15], ['BRD', 5], ['Federal Republic of Germany', 5]]),
  givenMale: words(`Lukas Leon Finn Jonas Paul Felix Maximilian Elias Noah Ben Luca Tim Jan Niklas Tobias Sebastian Alexander
    Michael Thomas Andreas Stefan Christian Markus Martin Frank Jürgen Klaus Wolfgang Peter Uwe Dieter Hans Johannes
    Matthias Florian Daniel Julian Moritz Philipp Simon David Fabian Dominik Marcel Sven Jörg Günter Helmut Horst Bernd
    Ralf Heinz Karl Friedrich Rainer Werner Björn`),
  givenFemale: words(`Mia Emma Hannah Sophia Lea Lena Anna Marie Laura Lina Lisa Leonie Johanna Julia Sarah Katharina Sabine
    Petra Monika Ursula Andrea Susanne Birgit Claudia Stefanie Nicole Sandra Christina Anja Melanie Kerstin Heike Gabriele
    Renate Ingrid Karin Elke Franziska Jana Jessica Vanessa Carina Nina Charlotte Clara Greta Jutta Annette Silke Martina
    Tanja Elisabeth Brigitte Margarete Ute Daniela Simone Jördis`),
  family: words(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein
    Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier
    Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung
    Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster
    Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas
    Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Voigt Sauer Arnold Wolff Pfeiffer
    Yilmaz Kowalski`),
  nicknames: nicknameTable(`Johannes: Hans, Jo; Maximilian: Max; Alexander: Alex; Katharina: Kathi, Katja; Christian: Chris;
    Andreas: Andi; Franziska: Franzi; Elisabeth: Lisa, Elli; Michael: Michi; Thomas: Tom; Stefanie: Steffi; Daniela: Dani;
    Friedrich: Fritz; Wolfgang: Wolf; Susanne: Susi; Gabriele: Gabi; Margarete: Grete; Tobias: Tobi; Sebastian: Basti;
    Florian: Flo; Christina: Tina; Daniel: Dani; Matthias: Matze; Dominik: Dome; Alexandra: Alex`),
  romanise: foldAccents,
  fullName: (given, family) => `${given} ${family}`,
  // Müller arrives as Mueller from systems that could not store umlauts, or as Muller from ones that dropped them.
  familyVariants: (rng, family) => (/[äöüß]/i.test(family) ? (rng.chance(0.6) ? germanFold(family) : foldAccents(family)) : family.toUpperCase()),
  typo,
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: rng.pick(city.post.split(' ')) + rng.digits(3),
    houseNo: String(rng.int(1, 180)) + (rng.chance(0.1) ? rng.pick(['a', 'b', 'c']) : ''),
    streetName: rng.pick(STREETS),
    streetType: rng.chance(0.6) ? 0 : rng.int(1, TYPES.length - 1),
    unit: rng.chance(0.1) ? `${rng.int(1, 6)}. OG` : undefined,
  }),
  streetLine: (rng, a, variant) => {
    const [full, short] = TYPES[a.streetType];
    const line = `${a.streetName}${variant ? short : full} ${a.houseNo}`;
    return a.unit ? `${line}, ${a.unit}` : line;
  },
  region: (rng, city) => (rng.chance(0.25) ? '' : rng.chance(0.8) ? city.region : city.regionCode ?? city.region),
  cityName: (rng, city) => (rng.chance(0.1) ? foldAccents(city.name) : city.name),
  mobile: (rng, serial) => ({ area: rng.pick(MOBILE_PREFIXES), sub: rng.int(1, 9) + uniqueDigits(serial, 7, 5), mobile: true }),
  landline: (rng, city, serial) => ({ area: city.area, sub: (city.area.length < 4 ? String(rng.int(2, 9)) : '') + uniqueDigits(serial, 6, 55), mobile: false }),
  formatPhone: (rng, p) => PHONE_FORMATS(rng)(p),
  emailDomain: weighted([['gmx.de', 20], ['web.de', 20], ['t-online.de', 15], ['gmail.com', 20], ['yahoo.de', 5], ['outlook.de', 5], ['freenet.de', 5], ['posteo.de', 3], ['icloud.com', 3], ['hotmail.de', 4]]),
  emailLocal: (rng, given, family, year) => {
    const g = emailToken(germanFold(given)), f = emailToken(germanFold(family));
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, family) => {
    switch (rng.int(0, 2)) {
      case 0: return `${family} ${rng.pick(['GmbH', 'GmbH & Co. KG', 'e.K.', 'AG'])}`;
      case 1: return `${rng.pick(WORDS)}${rng.pick(INDUSTRIES).toLowerCase()} GmbH`;
      default: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)} ${rng.pick(['GmbH', 'AG', 'UG (haftungsbeschränkt)'])}`;
    }
  },
  incomeMedian: 47000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['dmy_dot', 65], ['d_m_y_dot', 10], ['iso', 25]]),
  timestampStyle: weighted([['dmy_dot_hm', 55], ['iso_z', 25], ['sql', 20]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: ['d', 'divers', 'D', 'X'],
  placeholderNames: ['TEST', 'Test', 'asdf', 'xxx', 'N/A', 'Max|Mustermann', 'Erika|Mustermann', 'Kunde', 'unbekannt'],
};
