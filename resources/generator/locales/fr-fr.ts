import { uniqueDigits, weighted } from '../prng.ts';
import { groupThousands, withDecimals } from '../format/numbers.ts';
import { emailToken, foldAccents, typo } from '../format/text.ts';
import { grouped, list, nicknameTable, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';

const CITIES: City[] = list(`
Paris,Île-de-France,IDF,750,1|Marseille,Provence-Alpes-Côte d'Azur,PACA,130,4|Lyon,Auvergne-Rhône-Alpes,ARA,690,4|
Toulouse,Occitanie,OCC,310,5|Nice,Provence-Alpes-Côte d'Azur,PACA,060,4|Nantes,Pays de la Loire,PDL,440,2|
Strasbourg,Grand Est,GES,670,3|Montpellier,Occitanie,OCC,340,4|Bordeaux,Nouvelle-Aquitaine,NAQ,330,5|
Lille,Hauts-de-France,HDF,590,3|Rennes,Bretagne,BRE,350,2|Reims,Grand Est,GES,510,3|Le Havre,Normandie,NOR,766,2|
Grenoble,Auvergne-Rhône-Alpes,ARA,380,4|Dijon,Bourgogne-Franche-Comté,BFC,210,3|Angers,Pays de la Loire,PDL,490,2|
Aix-en-Provence,Provence-Alpes-Côte d'Azur,PACA,131,4|Brest,Bretagne,BRE,292,2`).map((row) => {
  const [name, region, regionCode, post, area] = row.split(',');
  return { name, region, regionCode, post, area };
});

const STREETS = list(`de la Paix|Victor Hugo|Jean Jaurès|de la République|Pasteur|du Général de Gaulle|des Lilas|Voltaire|
de Verdun|de la Gare|des Écoles|du Moulin|Saint-Michel|Gambetta|Émile Zola|de Paris|des Tilleuls|Carnot|du Château|
Foch|de la Liberté|Jules Ferry|Molière|des Roses|de l'Église|Nationale`);
const TYPES: [string, string][] = [['rue', 'r.'], ['avenue', 'av.'], ['boulevard', 'bd'], ['place', 'pl.'], ['allée', 'all.'], ['impasse', 'imp.'], ['chemin', 'ch.'], ['quai', 'q.']];

/** French numbers are read in pairs: 06 12 34 56 78. */
const PHONE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => grouped('0' + p.area + p.sub, [2, 2, 2, 2], ' '), 40],
  [(p) => grouped('0' + p.area + p.sub, [2, 2, 2, 2], '.'), 15],
  [(p) => '0' + p.area + p.sub, 15],
  [(p) => `+33 ${p.area} ${grouped(p.sub, [2, 2, 2], ' ')}`, 15],
  [(p) => `+33 (0)${p.area} ${grouped(p.sub, [2, 2, 2], ' ')}`, 5],
  [(p) => `0033 ${p.area}${p.sub}`, 5],
  [(p) => grouped('0' + p.area + p.sub, [2, 2, 2, 2], '-'), 5],
]);

// French groups thousands with a (no-break) space: 35 000 €.
const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 30], [(n) => `${groupThousands(n, ' ')} €`, 25], [(n) => withDecimals(n, ' ', ','), 15],
  [(n) => `${n} EUR`, 10], [(n) => groupThousands(n, '\u00a0'), 10], [(n) => `€${groupThousands(n, ' ')}`, 10],
]);

const GENDER = {
  M: weighted([['H', 30], ['M', 20], ['Homme', 25], ['M.', 15], ['masculin', 10]]),
  F: weighted([['F', 50], ['Femme', 25], ['Mme', 15], ['féminin', 10]]),
};

const WORDS = words('Atlantique Provence Lumière Horizon Méditerranée Alpine Océane Étoile Azur Normandie');
const INDUSTRIES = words('Conseil Transports Bâtiment Informatique Services Distribution Immobilier');

const EMAIL_PATTERNS: readonly EmailPattern[] = ['g.f', 'gf', 'g0.f', 'g-f', 'g.fyy', 'f.g'];

export const frFR: LocaleData = {
  locale: 'fr-FR',
  countryCode: 'FR',
  countryAlpha3: 'FRA',
  callingCode: '33',
  currency: 'EUR',
  country: weighted([['France', 80], ['FR', 15], ['République française', 5]]),
  givenMale: words(`Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Daniel Frédéric Laurent Stéphane David Éric
    Julien Sébastien Thomas Antoine Alexandre Guillaume Maxime Lucas Hugo Louis Gabriel Arthur Raphaël Léo Jules Mathis
    Théo Paul Olivier Bernard François Jacques André Henri Vincent Mathieu Romain Benoît Yves Marc Denis Thierry Pascal
    Gérard Jean-Pierre Jean-Luc Jean-Baptiste`),
  givenFemale: words(`Marie Nathalie Isabelle Sylvie Catherine Françoise Monique Christine Valérie Sandrine Sophie Céline
    Julie Aurélie Camille Emma Léa Chloé Manon Inès Jade Louise Alice Lina Juliette Anne Martine Nicole Brigitte Véronique
    Stéphanie Caroline Émilie Pauline Mathilde Claire Charlotte Hélène Élodie Virginie Laetitia Amandine Audrey Margaux
    Océane Clémence Agnès Chantal Marie-Claire Anne-Sophie`),
  family: list(`Martin|Bernard|Thomas|Petit|Robert|Richard|Durand|Dubois|Moreau|Laurent|Simon|Michel|Lefebvre|Leroy|Roux|
    David|Bertrand|Morel|Fournier|Girard|Bonnet|Dupont|Lambert|Fontaine|Rousseau|Vincent|Muller|Lefèvre|Faure|André|
    Mercier|Blanc|Guérin|Boyer|Garnier|Chevalier|François|Legrand|Gauthier|Garcia|Perrin|Robin|Clément|Morin|Nicolas|
    Henry|Roussel|Mathieu|Gautier|Masson|Marchand|Duval|Denis|Dumont|Lemaire|Noël|Meyer|Dufour|Meunier|Brun|Blanchard|
    Giraud|Joly|Rivière|Lucas|Brunet|Gaillard|Barbier|Arnaud|Roche|Renard|Caron|Picard|Le Gall|Le Goff|Da Silva|
    Nguyen|Benali|Ménard|Lévêque`),
  nicknames: nicknameTable(`Alexandre: Alex; Nicolas: Nico; Catherine: Cathy; Frédéric: Fred; Christophe: Chris;
    Isabelle: Isa; Stéphanie: Steph; Maxime: Max; Jean-Baptiste: JB; Jean-Pierre: JP; Benoît: Ben; Thomas: Tom;
    Sébastien: Seb; Valérie: Val; Véronique: Véro; Raphaël: Raph; Caroline: Caro; Charlotte: Charlie; Mathilde: Mathou;
    Anne-Sophie: Anne-So; Françoise: Fanfan; Philippe: Phil; Guillaume: Guigui`),
  romanise: foldAccents,
  fullName: (given, family) => `${given} ${family}`,
  // Accents are the first thing lost between systems; surnames in capitals are a French convention.
  familyVariants: (rng, family) => (rng.chance(0.5) ? foldAccents(family) : family.toUpperCase()),
  typo: (rng, part) => (rng.chance(0.3) && /[éèêëç]/.test(part) ? foldAccents(part) : typo(rng, part)),
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: city.name === 'Paris' ? `750${String(rng.int(1, 20)).padStart(2, '0')}` : city.post + rng.digits(2),
    houseNo: String(rng.int(1, 150)) + (rng.chance(0.05) ? ' bis' : ''),
    streetName: rng.pick(STREETS),
    streetType: rng.chance(0.55) ? 0 : rng.int(1, TYPES.length - 1),
    unit: rng.chance(0.12) ? rng.pick([`Bât. ${rng.pick(['A', 'B', 'C'])}`, `Appt ${rng.int(1, 60)}`, 'Résidence les Pins']) : undefined,
  }),
  streetLine: (rng, a, variant) => {
    const [full, short] = TYPES[a.streetType];
    const line = variant ? `${a.houseNo}, ${short} ${a.streetName}` : `${a.houseNo} ${full} ${a.streetName}`;
    return a.unit ? `${a.unit}, ${line}` : line;
  },
  region: (rng, city) => (rng.chance(0.3) ? '' : city.region),
  cityName: (rng, city) => (rng.chance(0.15) ? city.name.toUpperCase() : city.name),
  // 063x and 069x, 026x and 059x belong to the overseas departments; 070-072 are not mobile ranges.
  mobile: (rng, serial) => (rng.chance(0.7)
    ? { area: '6', sub: rng.pick(['0', '1', '2', '4', '5', '6', '7', '8']) + uniqueDigits(serial, 7, 11), mobile: true }
    : { area: '7', sub: rng.int(3, 8) + uniqueDigits(serial, 7, 11), mobile: true }),
  landline: (rng, city, serial) => ({ area: city.area, sub: rng.int(1, 5) + uniqueDigits(serial, 7, 31), mobile: false }),
  formatPhone: (rng, p) => PHONE_FORMATS(rng)(p),
  emailDomain: weighted([['gmail.com', 25], ['orange.fr', 20], ['free.fr', 12], ['hotmail.fr', 10], ['laposte.net', 8], ['sfr.fr', 8], ['wanadoo.fr', 7], ['yahoo.fr', 5], ['outlook.fr', 5]]),
  emailLocal: (rng, given, family, year) => {
    const g = emailToken(given), f = emailToken(family);
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, family) => {
    switch (rng.int(0, 3)) {
      case 0: return `${family} ${rng.pick(['SARL', 'SAS', 'SA', 'EURL'])}`;
      case 1: return `Établissements ${family}`;
      case 2: return `${family} et Fils`;
      default: return `${rng.pick(WORDS)} ${rng.pick(INDUSTRIES)} ${rng.pick(['SAS', 'SARL'])}`;
    }
  },
  incomeMedian: 36000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['dmy_slash', 70], ['iso', 25], ['dmy_dash', 5]]),
  timestampStyle: weighted([['dmy_hm', 55], ['iso_z', 25], ['sql', 20]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: ['X', 'Autre', 'non-binaire'],
  placeholderNames: ['TEST', 'Test', 'asdf', 'xxx', 'N/A', 'Inconnu', 'Client', 'aaa'],
};
