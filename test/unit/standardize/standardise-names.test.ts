/**
 * Names: re-casing of names written all upper or all lower, and the split of
 * a full name into given and family name. Expected spellings by hand, after
 * the conventions each rule cites (Lingua::EN::NameCase for Mc/Mac, Dutch
 * and German particles lower inside a name, Italian De/Di capitalised).
 */
import { describe, expect, it } from 'vitest';
import { standardiseRecord, standardiseValue } from '../../../main/standardize/standardise-record.ts';
import type { CustomerFieldKey } from '../../../shared/domain/fields.ts';
import type { StandardiseContext } from '../../../main/standardize/standardiser.ts';

const now = new Date('2026-06-01T00:00:00Z');
const ctx = (recordCountry?: string): StandardiseContext => ({ recordCountry, sourceCountry: undefined, dateOrder: undefined, now });

type Row = [field: CustomerFieldKey, raw: string, country: string | undefined, expected: string, confidence: number];

const recased: Row[] = [
  ['full_name', 'JOHN SMITH', undefined, 'John Smith', 0.9],
  ['full_name', 'john smith', undefined, 'John Smith', 0.9],
  ['full_name', 'MARY MCDONALD', undefined, 'Mary McDonald', 0.75],
  ['full_name', 'angus macleod', undefined, 'Angus MacLeod', 0.75],
  ['full_name', 'JAMES MACK', undefined, 'James Mack', 0.9],
  ['full_name', 'william macy', undefined, 'William Macy', 0.9],
  ['full_name', "SEAN O'BRIEN", undefined, "Sean O'Brien", 0.75],
  ['full_name', 'jan van der berg', 'NL', 'Jan van der Berg', 0.75],
  ['full_name', 'JUAN DE LA CRUZ', undefined, 'Juan de la Cruz', 0.75],
  ['full_name', "MARCO D'ANGELO", undefined, "Marco D'Angelo", 0.75],
  ['full_name', 'JEAN-LUC PICARD', undefined, 'Jean-Luc Picard', 0.9],
  ['full_name', 'KLAUS VON MÜLLER', 'DE', 'Klaus von Müller', 0.75],
  ['full_name', 'ludwig van beethoven', undefined, 'Ludwig van Beethoven', 0.75],
  ['full_name', 'JOHN SMITH JR', undefined, 'John Smith Jr', 0.9],
  ['full_name', 'HENRY FORD III', undefined, 'Henry Ford III', 0.9],
  ['full_name', 'ANNA-LENA MÜLLER-LÜDENSCHEIDT', 'DE', 'Anna-Lena Müller-Lüdenscheidt', 0.9],
  ['full_name', 'josé álvarez', 'ES', 'José Álvarez', 0.9],
  ['full_name', 'GIUSEPPE DI MAIO', 'IT', 'Giuseppe Di Maio', 0.75],
  ['full_name', 'DOLORES SÁNCHEZ MARTÍNEZ', 'ES', 'Dolores Sánchez Martínez', 0.9],
  ['full_name', 'MARIA DA SILVA', 'BR', 'Maria da Silva', 0.75],
  ['full_name', 'JEAN DE LA FONTAINE', 'FR', 'Jean de la Fontaine', 0.75],
  ['full_name', 'MARINE LE PEN', 'FR', 'Marine Le Pen', 0.9],
  ['full_name', 'DR. JOHN SMITH', undefined, 'Dr. John Smith', 0.9],
  ['full_name', '  john   smith ', undefined, 'John Smith', 0.9],
  ['family_name', 'MCDONALD', undefined, 'McDonald', 0.75],
  ['family_name', 'MACLEOD', undefined, 'MacLeod', 0.75],
  ['family_name', 'MACK', undefined, 'Mack', 0.9],
  ['family_name', 'MACY', undefined, 'Macy', 0.9],
  ['family_name', 'MACHADO', 'PT', 'Machado', 0.9],
  ['family_name', 'MACIAS', 'ES', 'Macias', 0.9],
  ['family_name', 'MACKENZIE', 'GB', 'MacKenzie', 0.75],
  ['family_name', 'VAN DER BERG', 'NL', 'van der Berg', 0.75],
  ['family_name', 'von müller', 'DE', 'von Müller', 0.75],
  ['family_name', 'DE LA CRUZ', 'MX', 'de la Cruz', 0.75],
  ['family_name', "o'brien", 'IE', "O'Brien", 0.75],
  ['family_name', "D'ANGELO", 'IT', "D'Angelo", 0.75],
  ['family_name', "DELL'ACQUA", 'IT', "Dell'Acqua", 0.75],
  ['family_name', 'DE LUCA', 'IT', 'De Luca', 0.75],
  ['family_name', 'LE', 'VN', 'Le', 0.9],
  ['family_name', 'SCHMIDT', 'DE', 'Schmidt', 0.9],
  ['given_name', 'JEAN-LUC', 'FR', 'Jean-Luc', 0.9],
  ['given_name', 'mackenzie', 'GB', 'Mackenzie', 0.9],
  ['given_name', 'MARIA DEL CARMEN', 'ES', 'Maria del Carmen', 0.75],
  ['given_name', 'ÉLODIE', 'FR', 'Élodie', 0.9],
  ['given_name', 'ANNE MARIE', 'FR', 'Anne Marie', 0.9],
];

const leftAlone: [CustomerFieldKey, string][] = [
  ['given_name', 'DeShawn'], ['family_name', 'McArthur'], ['family_name', 'de Vries'], ['family_name', 'van der Berg'], ['family_name', "O'Brien"],
  ['full_name', 'John Smith'], ['full_name', 'Ludwig van Beethoven'], ['full_name', '王伟'], ['full_name', '山田太郎'], ['full_name', '김민준'],
  ['family_name', '欧阳'], ['full_name', 'WANG Wei'], ['given_name', 'J'], ['full_name', 'TEST'], ['full_name', 'n/a'], ['full_name', 'John Doe'],
  ['family_name', 'Mustermann'], ['full_name', ''],
];

describe('name casing', () => {
  it.each(recased)('%s %s (%s) → %s', (field, raw, country, expected, confidence) => {
    expect(standardiseValue(field, raw, ctx(country))).toMatchObject({ kind: 'change', value: expected, rule: 'name_case', confidence });
  });

  it('reports the trimming under the casing', () => {
    expect(standardiseValue('full_name', '  john   smith ', ctx())).toMatchObject({ rule: 'name_case', also: ['text_whitespace'] });
  });

  it.each(leftAlone)('%s %s is left alone', (field, raw) => {
    expect(standardiseValue(field, raw, ctx())).toBeNull();
  });
});

type Split = [full: string, country: string | undefined, given: string, family: string, confidence: number];

const splits: Split[] = [
  ['王伟', 'CN', '伟', '王', 0.9],
  ['欧阳娜娜', 'CN', '娜娜', '欧阳', 0.9],
  ['谢思远', undefined, '思远', '谢', 0.9],
  ['王 伟', 'CN', '伟', '王', 0.9],
  ['张伟明华', 'CN', '伟明华', '张', 0.6],
  ['김민준', 'KR', '민준', '김', 0.9],
  ['남궁민수', 'KR', '민수', '남궁', 0.9],
  ['山田 太郎', 'JP', '太郎', '山田', 0.9],
  ['约翰·史密斯', 'CN', '约翰', '史密斯', 0.8],
  ['John Smith', 'US', 'John', 'Smith', 0.85],
  ['JOHN SMITH', 'US', 'John', 'Smith', 0.85],
  ['Jean-Luc Picard', 'FR', 'Jean-Luc', 'Picard', 0.85],
  ['Müller, Hans', 'DE', 'Hans', 'Müller', 0.85],
  ['Dr. José García Jr.', 'ES', 'José', 'García', 0.85],
  ['Ludwig van Beethoven', 'DE', 'Ludwig', 'van Beethoven', 0.75],
  ['juan de la cruz', 'MX', 'Juan', 'de la Cruz', 0.75],
  ['Mary Ann Smith', 'US', 'Mary Ann', 'Smith', 0.6],
  ['Dolores Sánchez Martínez', 'ES', 'Dolores', 'Sánchez Martínez', 0.6],
  // A family name in capitals says which part it is; the new field is written as name_case would write it.
  ['WANG Wei', 'CN', 'Wei', 'Wang', 0.85],
  ['Anna SCHMIDT', 'DE', 'Anna', 'Schmidt', 0.85],
  ['Jan VAN DER BERG', 'NL', 'Jan', 'van der Berg', 0.75],
  ['Wei Wang', 'CN', 'Wei', 'Wang', 0.65],
];

describe('full name split', () => {
  it.each(splits)('%s (%s) → given %s, family %s', (full, country, given, family, confidence) => {
    const out = standardiseRecord({ full_name: full, country: country ?? null }, { now }).filter((o) => o.outcome.rule === 'name_split');
    expect(out).toEqual([
      { field: 'given_name', group: 'name_split', outcome: expect.objectContaining({ kind: 'change', value: given, rule: 'name_split', confidence }) },
      { field: 'family_name', group: 'name_split', outcome: expect.objectContaining({ kind: 'change', value: family, rule: 'name_split', confidence }) },
    ]);
  });

  it.each([
    [{ full_name: 'Madonna' }], [{ full_name: '山田太郎', country: 'Japan' }], [{ full_name: 'TEST TEST' }], [{ full_name: 'John Smith', given_name: 'John' }],
    [{ full_name: 'John Smith', family_name: 'Smith' }], [{ full_name: 'anna@gmail.com' }], [{ full_name: '' }], [{ given_name: 'Anna' }],
  ])('%o is not split', (values) => {
    expect(standardiseRecord(values, { now }).filter((o) => o.outcome.rule === 'name_split')).toEqual([]);
  });

  it('splits when the given and family names are placeholders', () => {
    const out = standardiseRecord({ full_name: 'Anna Schmidt', given_name: 'n/a', family_name: ' ' }, { now });
    expect(out.map((o) => [o.field, o.outcome.kind === 'change' ? o.outcome.value : null])).toEqual([['given_name', 'Anna'], ['family_name', 'Schmidt']]);
  });
});
