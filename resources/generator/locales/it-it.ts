import { uniqueDigits, weighted } from '../prng.ts';
import { groupThousands, withDecimals } from '../format/numbers.ts';
import { emailToken, foldAccents, typo } from '../format/text.ts';
import { grouped, list, nicknameTable, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';

// Italian landline area codes keep their leading 0 even in international form (+39 06 ...).
const CITIES: City[] = list(`
Roma,Lazio,RM,001,06|Milano,Lombardia,MI,201,02|Napoli,Campania,NA,801,081|Torino,Piemonte,TO,101,011|
Palermo,Sicilia,PA,901,091|Genova,Liguria,GE,161,010|Bologna,Emilia-Romagna,BO,401,051|Firenze,Toscana,FI,501,055|
Bari,Puglia,BA,701,080|Catania,Sicilia,CT,951,095|Venezia,Veneto,VE,301,041|Verona,Veneto,VR,371,045`).map((row) => {
  const [name, region, regionCode, post, area] = row.split(',');
  return { name, region, regionCode, post, area };
});

const STREETS = list(`Roma|Giuseppe Garibaldi|Mazzini|Cavour|Dante Alighieri|Giuseppe Verdi|Guglielmo Marconi|Matteotti|
Vittorio Emanuele II|XX Settembre|della Repubblica|Milano|Torino|dei Mille|Nazionale|San Francesco|Europa|della Libertà|
Antonio Gramsci|Alessandro Manzoni|Cristoforo Colombo|Giacomo Leopardi`);
const TYPES: [string, string][] = [['Via', 'V.'], ['Viale', 'V.le'], ['Piazza', 'P.zza'], ['Corso', 'C.so'], ['Largo', 'L.go'], ['Vicolo', 'Vic.']];

const PHONE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => `${p.area} ${grouped(p.sub, [p.sub.length - 4], ' ')}`, 35],
  [(p) => p.area + p.sub, 20],
  [(p) => `+39 ${p.area} ${p.sub}`, 20],
  [(p) => `0039 ${p.area}${p.sub}`, 10],
  [(p) => `${p.area}-${p.sub}`, 15],
]);

const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 35], [(n) => groupThousands(n, '.'), 20], [(n) => `€ ${groupThousands(n, '.')}`, 15],
  [(n) => `${withDecimals(n, '.', ',')} €`, 15], [(n) => `${n} EUR`, 15],
]);

const GENDER = {
  M: weighted([['M', 60], ['Maschio', 25], ['maschile', 15]]),
  F: weighted([['F', 60], ['Femmina', 25], ['femminile', 15]]),
};

const WORDS = words('Adriatica Tirrenica Italia Padana Sole Alpi Etrusca Mediterranea');
const INDUSTRIES = words('Costruzioni Servizi Trasporti Consulenza Alimentari Informatica Immobiliare');

const EMAIL_PATTERNS: readonly EmailPattern[] = ['g.f', 'gf', 'g0.f', 'g_f', 'g.fyy', 'f.g'];

export const itIT: LocaleData = {
  locale: 'it-IT',
  countryCode: 'IT',
  countryAlpha3: 'ITA',
  callingCode: '39',
  currency: 'EUR',
  country: weighted([['Italia', 50], ['Italy', 35], ['IT', 15]]),
  givenMale: words(`Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco Domenico
    Bruno Paolo Michele Giorgio Aldo Sergio Luciano Alessandro Andrea Marco Matteo Lorenzo Leonardo Riccardo Davide Stefano
    Roberto Massimo Fabio Simone Luca Gabriele Federico Tommaso Emanuele Nicola Enrico Niccolò`),
  givenFemale: words(`Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Antonella Paola Laura
    Giulia Chiara Sara Valentina Alessandra Elena Silvia Martina Sofia Aurora Alice Ginevra Emma Giorgia Federica Roberta
    Simona Barbara Elisa Monica Daniela Cristina Patrizia Raffaella Stefania Ilaria Elisabetta`),
  family: list(`Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|
    Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|Rinaldi|Caruso|Ferrara|Galli|Martini|Leone|
    Longo|Gentile|Martinelli|Vitale|Lombardo|Serra|Coppola|De Santis|D'Angelo|Marchetti|Parisi|Villa|Conte|Ferraro|Ferri|
    Fabbri|Bianco|Marini|Grasso|Valentini|Messina|Sala|De Angelis|Gatti|Pellegrini|Palumbo|Sanna|Farina|Rizzi|Monti|
    Cattaneo|Morelli|Amato|Silvestri|Mazza|Testa|Grassi|Carbone|Giuliani|Benedetti|Barone|Caputo|Fiore|De Rosa|D'Amico`),
  nicknames: nicknameTable(`Giuseppe: Beppe, Peppe, Pino; Giovanni: Gianni, Nanni; Francesco: Franco, Cesco; Alessandro: Alex, Sandro;
    Salvatore: Totò, Turi; Antonio: Toni, Totò; Vincenzo: Enzo; Domenico: Mimmo; Massimo: Max; Federico: Fede;
    Francesca: Franci; Giuseppina: Pina; Elisabetta: Betta; Valentina: Vale; Alessandra: Ale; Federica: Fede;
    Caterina: Rina; Tommaso: Tommy; Lorenzo: Enzo; Emanuele: Manu; Simona: Simo; Roberto: Robi`),
  romanise: foldAccents,
  fullName: (given, family) => `${given} ${family}`,
  // D'Angelo turns up as DAngelo or D Angelo when the apostrophe does not survive an import.
  familyVariants: (rng, family) => (family.includes("'") ? family.replace("'", rng.chance(0.5) ? '' : ' ') : family.toUpperCase()),
  typo,
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: city.post + rng.digits(2),
    houseNo: String(rng.int(1, 250)) + (rng.chance(0.05) ? '/A' : ''),
    streetName: rng.pick(STREETS),
    streetType: rng.chance(0.6) ? 0 : rng.int(1, TYPES.length - 1),
    unit: rng.chance(0.1) ? `scala ${rng.pick(['A', 'B', 'C'])}, int. ${rng.int(1, 30)}` : undefined,
  }),
  streetLine: (rng, a, variant) => {
    const [full, short] = TYPES[a.streetType];
    const line = variant ? `${short} ${a.streetName} ${a.houseNo}` : `${full} ${a.streetName}, ${a.houseNo}`;
    return a.unit ? `${line}, ${a.unit}` : line;
  },
  region: (rng, city) => (rng.chance(0.6) ? city.regionCode ?? city.region : city.region),
  cityName: (rng, city) => (rng.chance(0.05) ? city.name.toUpperCase() : city.name),
  mobile: (rng, serial) => ({ area: `3${rng.int(2, 9)}${rng.int(0, 9)}`, sub: uniqueDigits(serial, 7, 13), mobile: true }),
  landline: (rng, city, serial) => ({ area: city.area, sub: (city.area.length === 2 ? String(rng.int(2, 9)) : '') + uniqueDigits(serial, 6, 43) + rng.digits(1), mobile: false }),
  formatPhone: (rng, p) => PHONE_FORMATS(rng)(p),
  emailDomain: weighted([['gmail.com', 30], ['libero.it', 20], ['hotmail.it', 10], ['yahoo.it', 8], ['alice.it', 7], ['tiscali.it', 5], ['virgilio.it', 8], ['outlook.it', 5], ['fastwebnet.it', 4]]),
  emailLocal: (rng, given, family, year) => {
    const g = emailToken(given), f = emailToken(family);
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, family) => {
    switch (rng.int(0, 2)) {
      case 0: return `${family} ${rng.pick(['S.r.l.', 'S.p.A.', 'S.n.c.'])}`;
      case 1: return `${family} & Figli S.n.c.`;
      default: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)} ${rng.pick(['S.r.l.', 'S.p.A.'])}`;
    }
  },
  incomeMedian: 31000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['dmy_slash', 70], ['iso', 20], ['dmy_dash', 10]]),
  timestampStyle: weighted([['dmy_hm', 55], ['iso_z', 25], ['sql', 20]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: ['X', 'Altro', 'non binario'],
  placeholderNames: ['TEST', 'Test', 'asdf', 'xxx', 'N/A', 'Nome|Cognome', 'Cliente', 'sconosciuto', 'prova'],
};

