import { uniqueDigits, weighted } from '../prng.ts';
import { groupThousands, withDecimals } from '../format/numbers.ts';
import { emailToken, foldAccents, typo } from '../format/text.ts';
import { grouped, list, nicknameTable, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';

const CITIES: City[] = list(`
Madrid,Madrid,M,28,91|Barcelona,Barcelona,B,08,93|Valencia,Valencia,V,46,96|Sevilla,Sevilla,SE,41,95|Zaragoza,Zaragoza,Z,50,976|
Málaga,Málaga,MA,29,95|Murcia,Murcia,MU,30,968|Palma,Illes Balears,PM,07,971|Las Palmas de Gran Canaria,Las Palmas,GC,35,928|
Bilbao,Bizkaia,BI,48,94|Alicante,Alicante,A,03,96|Córdoba,Córdoba,CO,14,957|Valladolid,Valladolid,VA,47,983|
Vigo,Pontevedra,PO,36,986|Gijón,Asturias,O,33,985|A Coruña,A Coruña,C,15,981|Granada,Granada,GR,18,958|
San Sebastián,Gipuzkoa,SS,20,943`).map((row) => {
  const [name, region, regionCode, post, area] = row.split(',');
  return { name, region, regionCode, post, area };
});

const STREETS = list(`Mayor|de Alcalá|Gran Vía|de la Constitución|de España|del Sol|Real|de San Juan|de la Paz|Nueva|de Cervantes|
de Goya|de Velázquez|de Serrano|de Colón|del Carmen|de la Iglesia|de Santa María|de Andalucía|de Valencia|
de los Reyes Católicos|Príncipe de Vergara|del Prado`);
const TYPES: [string, string][] = [['Calle', 'C/'], ['Avenida', 'Avda.'], ['Plaza', 'Pza.'], ['Paseo', 'Pº'], ['Camino', 'Cno.'], ['Ronda', 'Rda.']];

const PHONE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => grouped(p.area + p.sub, [3, 3], ' '), 35],
  [(p) => p.area + p.sub, 25],
  [(p) => '+34 ' + grouped(p.area + p.sub, [3, 2, 2], ' '), 15],
  [(p) => '+34 ' + grouped(p.area + p.sub, [3, 3], ' '), 10],
  [(p) => '0034 ' + p.area + p.sub, 5],
  [(p) => grouped(p.area + p.sub, [3, 2, 2], '-'), 10],
]);

const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 35], [(n) => `${groupThousands(n, '.')} €`, 25], [(n) => withDecimals(n, '.', ','), 15],
  [(n) => `€${groupThousands(n, '.')}`, 10], [(n) => `${n} EUR`, 15],
]);

// "M" is mujer (female) in half the Spanish systems and male in the rest: a real trap for standardisation.
const GENDER = {
  M: weighted([['H', 30], ['Hombre', 30], ['V', 10], ['masculino', 15], ['M', 15]]),
  F: weighted([['M', 30], ['Mujer', 30], ['femenino', 15], ['F', 25]]),
};

const WORDS = words('Ibérica Mediterráneo Atlántico Sol Levante Cantábrico Hispania Castellana');
const INDUSTRIES = words('Construcciones Distribuciones Consultores Transportes Inmobiliaria Tecnología Alimentación');
const SURNAMES = words(`García González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz
  Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano
  Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés
  Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera
  Campos Vega Fuentes Carrasco Caballero Reyes Nieto Aguilar Pascual Herrero Lorenzo Montero Hidalgo Ibáñez Ferrer`);

/** Spaniards carry two surnames; lists hold both joined, as "García López". */
const FAMILY = SURNAMES.map((s, i) => `${s} ${SURNAMES[(i * 37 + 11) % SURNAMES.length]}`);

const EMAIL_PATTERNS: readonly EmailPattern[] = ['g.f', 'gf', 'g0f', 'g_f', 'gfyy', 'g.fnn'];

export const esES: LocaleData = {
  locale: 'es-ES',
  countryCode: 'ES',
  countryAlpha3: 'ESP',
  callingCode: '34',
  currency: 'EUR',
  country: weighted([['España', 45], ['Spain', 35], ['ES', 15], ['Reino de España', 5]]),
  givenMale: list(`Antonio|José|Manuel|Francisco|David|Juan|Javier|Daniel|Carlos|Jesús|Alejandro|Miguel|Rafael|Pablo|Pedro|
    Ángel|Sergio|Fernando|Jorge|Luis|Alberto|Álvaro|Adrián|Diego|Raúl|Enrique|Ramón|Vicente|Ignacio|Andrés|Joaquín|
    Santiago|Hugo|Mario|Rubén|Óscar|Marcos|Iván|Jaime|Alfonso|Emilio|Guillermo|Gonzalo|Tomás|Mateo|José Luis|Juan Carlos|
    José Antonio|Francisco Javier|Juan José`),
  givenFemale: list(`María|Carmen|Ana|Isabel|Laura|Dolores|Pilar|Teresa|Rosa|Cristina|Marta|Francisca|Lucía|Antonia|
    Mercedes|Elena|Sara|Paula|Raquel|Manuela|Rocío|Beatriz|Silvia|Julia|Patricia|Concepción|Irene|Alba|Andrea|Nuria|Sofía|
    Claudia|Montserrat|Inmaculada|Eva|Natalia|Alicia|Rosario|Yolanda|Encarnación|Guadalupe|María José|María del Carmen|
    María Ángeles`),
  family: FAMILY,
  nicknames: nicknameTable(`Francisco: Paco, Pancho, Curro; José: Pepe; Dolores: Lola; Manuel: Manolo; Concepción: Concha, Conchi;
    Ignacio: Nacho; Guadalupe: Lupe; Jesús: Chus, Chuy; Enrique: Quique; Antonio: Toni, Toño; Alejandro: Álex;
    Rosario: Charo; Mercedes: Merche; Montserrat: Montse; Inmaculada: Inma; Encarnación: Encarna; Alberto: Berto;
    Guillermo: Guille; Fernando: Nando; Santiago: Santi; Rafael: Rafa; Cristina: Cris; Beatriz: Bea; Patricia: Patri;
    Natalia: Nati; Pilar: Pili; Teresa: Tere; Isabel: Isa; María José: Majo; Francisco Javier: Javi; Javier: Javi`),
  romanise: foldAccents,
  fullName: (given, family) => `${given} ${family}`,
  // Systems built for one surname keep only the first: "García López" becomes "García".
  familyVariants: (rng, family) => (rng.chance(0.7) ? family.split(' ')[0] : foldAccents(family)),
  typo: (rng, part) => (rng.chance(0.3) && /[áéíóúñ]/i.test(part) ? foldAccents(part) : typo(rng, part)),
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: city.post + rng.digits(3),
    houseNo: String(rng.int(1, 200)),
    streetName: rng.pick(STREETS),
    streetType: rng.chance(0.6) ? 0 : rng.int(1, TYPES.length - 1),
    unit: rng.chance(0.6) ? rng.pick([`${rng.int(1, 9)}º ${rng.pick(['A', 'B', 'C', 'D'])}`, `${rng.int(1, 8)}º izda.`, `${rng.int(1, 8)}º dcha.`, 'bajo', 'ático']) : undefined,
  }),
  streetLine: (rng, a, variant) => {
    const [full, short] = TYPES[a.streetType];
    const line = variant ? `${short} ${a.streetName.replace(/^de (la |los )?/, '')} ${a.houseNo}` : `${full} ${a.streetName}, ${a.houseNo}`;
    return a.unit ? `${line}, ${a.unit}` : line;
  },
  region: (rng, city) => (rng.chance(0.85) ? city.region : city.regionCode ?? city.region),
  cityName: (rng, city) => (rng.chance(0.1) ? foldAccents(city.name) : city.name),
  mobile: (rng, serial) => ({ area: `6${rng.int(0, 9)}${rng.int(0, 9)}`, sub: uniqueDigits(serial, 6, 7), mobile: true }),
  landline: (rng, city, serial) => ({ area: city.area, sub: (city.area.length === 2 ? String(rng.int(1, 9)) : '') + uniqueDigits(serial, 6, 41), mobile: false }),
  formatPhone: (rng, p) => PHONE_FORMATS(rng)(p),
  emailDomain: weighted([['gmail.com', 35], ['hotmail.com', 20], ['hotmail.es', 10], ['yahoo.es', 8], ['outlook.es', 7], ['telefonica.net', 5], ['movistar.es', 5], ['icloud.com', 5], ['ono.com', 5]]),
  emailLocal: (rng, given, family, year) => {
    const g = emailToken(given.split(' ')[0]), f = emailToken(family.split(' ')[0]);
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, family) => {
    switch (rng.int(0, 2)) {
      case 0: return `${family.split(' ')[0]} ${rng.pick(['S.L.', 'S.A.', 'S.L.U.'])}`;
      case 1: return `Hermanos ${family.split(' ')[0]} S.L.`;
      default: return `${rng.pick(INDUSTRIES)} ${rng.pick(WORDS)} ${rng.pick(['S.L.', 'S.A.'])}`;
    }
  },
  incomeMedian: 27000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['dmy_slash', 65], ['d_m_y_slash', 10], ['iso', 20], ['dmy_dash', 5]]),
  timestampStyle: weighted([['dmy_hm', 55], ['iso_z', 25], ['sql', 20]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: ['X', 'Otro', 'no binario'],
  placeholderNames: ['TEST', 'Test', 'asdf', 'xxx', 'N/A', 'Desconocido', 'Fulano|de Tal', 'Cliente', 'prueba'],
};
