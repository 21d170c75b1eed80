/**
 * Street lines, postcodes, cities and regions. Expected forms by hand: full
 * street-type words in the country's language at the type's position, "Apt
 * N" units, title case only for single-case values, and each country's
 * postcode layout (Royal Mail, Canada Post, PostNL, USPS ZIP+4, Poczta
 * Polska, CTT, Correios, Japan Post, PostNord, Eircode).
 */
import { describe, expect, it } from 'vitest';
import { standardiseValue } from '../../../main/standardize/standardise-record.ts';
import type { CustomerFieldKey } from '../../../shared/domain/fields.ts';
import type { StandardiseContext } from '../../../main/standardize/standardiser.ts';

const now = new Date('2026-06-01T00:00:00Z');
const ctx = (recordCountry?: string, sourceCountry?: string): StandardiseContext => ({ recordCountry, sourceCountry, dateOrder: undefined, now });

type Row = [raw: string, country: string | undefined, expected: string, rule: string, also?: string[]];

const streets: Row[] = [
  ['12 High St', 'GB', '12 High Street', 'address_street_type'],
  ['12 High St.', 'GB', '12 High Street', 'address_street_type'],
  ['221B BAKER ST', 'GB', '221B Baker Street', 'address_street_type', ['address_case']],
  ['12 St Kilda Rd', 'AU', '12 St Kilda Road', 'address_street_type'],
  ['350 5th Ave', 'US', '350 5th Avenue', 'address_street_type'],
  ['123 MAIN ST NW', 'US', '123 Main Street NW', 'address_street_type', ['address_case']],
  ['1600 Pennsylvania Ave NW', 'US', '1600 Pennsylvania Avenue NW', 'address_street_type'],
  ['8999 Dogwood Blvd', 'US', '8999 Dogwood Boulevard', 'address_street_type'],
  ['1 W 1ST ST', 'US', '1 W 1st Street', 'address_street_type', ['address_case']],
  ['123 Main St Apt. 5', 'US', '123 Main Street Apt 5', 'address_street_type', ['address_unit']],
  ['123 Main St #5', 'US', '123 Main Street Apt 5', 'address_street_type', ['address_unit']],
  ['123 main st apt5', 'US', '123 Main Street Apt 5', 'address_street_type', ['address_unit', 'address_case']],
  ['500 Oak Dr, Ste 200', 'US', '500 Oak Drive, Suite 200', 'address_street_type', ['address_unit']],
  ['77 Elm Street, Apartment 4B', 'US', '77 Elm Street, Apt 4B', 'address_unit'],
  ['Apt. 5', 'US', 'Apt 5', 'address_unit'],
  ['#5', 'US', 'Apt 5', 'address_unit'],
  ['apt5', 'US', 'Apt 5', 'address_unit', ['address_case']],
  ['Whg 5', 'DE', 'Wohnung 5', 'address_unit'],
  ['Flat 3, 12 High St', 'GB', 'Flat 3, 12 High Street', 'address_street_type'],
  ['12 Main St, Hartford, CT', 'US', '12 Main Street, Hartford, CT', 'address_street_type'],
  ['P.O. Box 123', 'US', 'PO Box 123', 'address_unit'],
  ['PO BOX 123', 'US', 'PO Box 123', 'address_case'],
  ['10 DOWNING STREET', 'GB', '10 Downing Street', 'address_case'],
  ['Hauptstr. 5', 'DE', 'Hauptstraße 5', 'address_street_type'],
  ['Hauptstr 5', 'AT', 'Hauptstraße 5', 'address_street_type'],
  ['Berliner Str. 12', 'DE', 'Berliner Straße 12', 'address_street_type'],
  ['Karl-Marx-Str. 3', 'DE', 'Karl-Marx-Straße 3', 'address_street_type'],
  ['Bahnhofstr. 10', 'CH', 'Bahnhofstrasse 10', 'address_street_type'],
  ['Königsstr. 45, 4. OG', 'DE', 'Königsstraße 45, 4. OG', 'address_street_type'],
  ['TANNENSTRASSE 55, 5. OG', 'DE', 'Tannenstrasse 55, 5. OG', 'address_case'],
  ['Hauptstraße 5, Whg. 3', 'DE', 'Hauptstraße 5, Wohnung 3', 'address_unit'],
  ['Marktpl. 1', 'DE', 'Marktplatz 1', 'address_street_type'],
  ['Kerkstr. 12', 'NL', 'Kerkstraat 12', 'address_street_type'],
  ['12 av. des Champs-Élysées', 'FR', '12 avenue des Champs-Élysées', 'address_street_type'],
  ['12 Bd Saint-Michel', 'FR', '12 Boulevard Saint-Michel', 'address_street_type'],
  ['51 RUE DES TILLEULS', 'FR', '51 Rue des Tilleuls', 'address_case'],
  ["1 RUE DE L'ÉGLISE", 'FR', "1 Rue de l'Église", 'address_case'],
  ['114 bis imp. Molière', 'FR', '114 bis impasse Molière', 'address_street_type'],
  ['C/ Serrano 47, ático', 'ES', 'Calle Serrano 47, ático', 'address_street_type'],
  ['C/Mayor 5', 'ES', 'Calle Mayor 5', 'address_street_type'],
  ['Avda. de la Constitución 3', 'ES', 'Avenida de la Constitución 3', 'address_street_type'],
  ['Pº de la Castellana 100', 'ES', 'Paseo de la Castellana 100', 'address_street_type'],
  ['P.za Navona 1', 'IT', 'Piazza Navona 1', 'address_street_type'],
  ['C.so Vittorio Emanuele 12', 'IT', 'Corso Vittorio Emanuele 12', 'address_street_type'],
  ['V.le Europa 3', 'IT', 'Viale Europa 3', 'address_street_type'],
  ['Av. Paulista 1000', 'BR', 'Avenida Paulista 1000', 'address_street_type'],
  ['R. Augusta 200', 'BR', 'Rua Augusta 200', 'address_street_type'],
  ['apt 5, 12 main st', undefined, 'Apt 5, 12 Main St', 'address_case'],
  ['12 High Street\nFlat 3', 'GB', '12 High Street, Flat 3', 'text_whitespace'],
  ['12  High Street ', 'GB', '12 High Street', 'text_whitespace'],
];

const streetsLeftAlone: [string, string | undefined][] = [
  ['42 Wallaby Way', 'AU'], ['51 rue des Tilleuls', 'FR'], ['Calle de Cervantes, 168', 'ES'], ['Via Roma 1', 'IT'], ['Hauptstraße 5', 'DE'],
  ['Hauptstr. 5', undefined], ['建国路88号', 'CN'], ['広島県広島市中区1-2-3', 'JP'], ['St Kilda Road', 'AU'], ['123 Main Street Apt 5', 'US'],
  ['Unknown', 'GB'], ['n/a', 'US'], ['Wohnung 5', 'DE'], ['Apt 5', 'US'],
];

describe('street lines', () => {
  it.each(streets)('%s (%s) → %s', (raw, country, expected, rule, also) => {
    const out = standardiseValue('street', raw, ctx(country));
    expect(out).toMatchObject({ kind: 'change', value: expected, rule });
    if (out?.kind === 'change') expect(out.also).toEqual(also);
  });

  it('gives the words less confidence when the country is the source\'s', () => {
    expect(standardiseValue('street', '12 High St', ctx('GB'))).toMatchObject({ confidence: 0.8 });
    expect(standardiseValue('street', '12 High St', ctx(undefined, 'GB'))).toMatchObject({ confidence: 0.7 });
    expect(standardiseValue('street', '10 DOWNING STREET', ctx('GB'))).toMatchObject({ confidence: 0.85 });
  });

  it.each(streetsLeftAlone)('%s (%s) is left alone', (raw, country) => {
    expect(standardiseValue('street', raw, ctx(country))).toBeNull();
  });
});

type PostRow = [raw: string | number, record: string | undefined, source: string | undefined, expected: string, rule: string, confidence: number];

const postcodes: PostRow[] = [
  ['sw1a1aa', 'GB', undefined, 'SW1A 1AA', 'postcode_format', 0.95],
  ['SW1A1AA', 'GB', undefined, 'SW1A 1AA', 'postcode_format', 0.95],
  ['ec1a 1bb', 'GB', undefined, 'EC1A 1BB', 'postcode_format', 0.95],
  ['M11AE', 'GB', undefined, 'M1 1AE', 'postcode_format', 0.95],
  ['k1a0b1', 'CA', undefined, 'K1A 0B1', 'postcode_format', 0.95],
  ['1234ab', 'NL', undefined, '1234 AB', 'postcode_format', 0.95],
  ['1011AB', 'NL', undefined, '1011 AB', 'postcode_format', 0.95],
  ['123456789', 'US', undefined, '12345-6789', 'postcode_format', 0.95],
  ['12345 6789', 'US', undefined, '12345-6789', 'postcode_format', 0.95],
  ['00950', 'PL', undefined, '00-950', 'postcode_format', 0.95],
  ['1000001', 'PT', undefined, '1000-001', 'postcode_format', 0.95],
  ['01310100', 'BR', undefined, '01310-100', 'postcode_format', 0.95],
  ['1000001', 'JP', undefined, '100-0001', 'postcode_format', 0.95],
  ['11455', 'SE', undefined, '114 55', 'postcode_format', 0.95],
  ['d02x285', 'IE', undefined, 'D02 X285', 'postcode_format', 0.95],
  ['75 008', 'FR', undefined, '75008', 'postcode_format', 0.95],
  ['D-10115', 'DE', undefined, '10115', 'postcode_format', 0.95],
  ['CH-8001', 'CH', undefined, '8001', 'postcode_format', 0.95],
  ['110 001', 'IN', undefined, '110001', 'postcode_format', 0.95],
  ['sw1a1aa', undefined, 'GB', 'SW1A 1AA', 'postcode_format', 0.8],
  ['2134', 'US', undefined, '02134', 'postcode_leading_zero', 0.7],
  ['1067', 'DE', undefined, '01067', 'postcode_leading_zero', 0.7],
  [2134, 'US', undefined, '02134', 'postcode_leading_zero', 0.7],
];

describe('postcodes', () => {
  it.each(postcodes)('%s (record %s, source %s) → %s', (raw, record, source, expected, rule, confidence) => {
    expect(standardiseValue('postcode', raw, ctx(record, source))).toMatchObject({ kind: 'change', value: expected, rule, confidence });
  });

  it.each([
    ['SW1A 1AA', 'GB'], ['10115', 'DE'], ['94103', 'US'], ['94103-1234', 'US'], ['100000', 'CN'], ['K1A 0B1', 'CA'], ['1234 AB', 'NL'], ['00-950', 'PL'],
    ['whatever', 'HK'], ['sw1a1aa', undefined], ['12345', 'CN'], ['999999', 'GB'], ['n/a', 'GB'],
  ] as const)('%s (%s) gets nothing', (raw, country) => {
    expect(standardiseValue('postcode', raw, ctx(country))).toBeNull();
  });
});

type PlaceRow = [field: CustomerFieldKey, raw: string, country: string, expected: string];

const places: PlaceRow[] = [
  ['city', 'SAN FRANCISCO', 'US', 'San Francisco'],
  ['city', 'new york', 'US', 'New York'],
  ['city', 'NICE', 'FR', 'Nice'],
  ['city', 'FRANKFURT AM MAIN', 'DE', 'Frankfurt am Main'],
  ['city', 'aix-en-provence', 'FR', 'Aix-en-Provence'],
  ['city', "'S-GRAVENHAGE", 'NL', "'s-Gravenhage"],
  ['city', 'STRATFORD-UPON-AVON', 'GB', 'Stratford-upon-Avon'],
  ['city', 'RIO DE JANEIRO', 'BR', 'Rio de Janeiro'],
  ['city', 'ST. LOUIS', 'US', 'St. Louis'],
  ['city', 'SAINT-ÉTIENNE', 'FR', 'Saint-Étienne'],
  ['region', 'NORTH RHINE-WESTPHALIA', 'DE', 'North Rhine-Westphalia'],
  ['region', 'ÎLE-DE-FRANCE', 'FR', 'Île-de-France'],
];

describe('cities and regions', () => {
  it.each(places)('%s %s (%s) → %s', (field, raw, country, expected) => {
    expect(standardiseValue(field, raw, ctx(country))).toMatchObject({ kind: 'change', value: expected, rule: 'address_case', confidence: 0.85 });
  });

  it.each([['region', 'CA'], ['region', 'NSW'], ['region', 'by'], ['city', 'NYC'], ['city', 'LA'], ['city', '北京市'], ['city', 'San Francisco'], ['city', 'Nürnberg']] as const)(
    '%s %s is left alone', (field, raw) => {
      expect(standardiseValue(field, raw, ctx('US'))).toBeNull();
    });
});
