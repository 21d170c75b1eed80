import { describe, expect, it } from 'vitest';
import { maskFindingText, maskForClient, maskValue } from '../../../main/standardize/mask-personal.ts';

describe('masking personal fields for sharing', () => {
  it.each([
    ['email', 'jane.doe@example.org', 'j***@example.org'],
    ['email', 'a@x.com', '***@x.com'],
    ['email', '张伟@qq.com', '张***@qq.com'],
    ['email', 'john(at)example.org', 'j***'],
    ['phone', '+44 20 7946 0958', '+44 ** **** **58'],
    ['phone', '+1 (415) 555-2671', '+1 (***) ***-**71'],
    ['phone', '+8613912345678', '+86*********78'],
    ['phone', '0044 20 7946 0958', '0044 ** **** **58'],
    ['mobile', '0171 2345678', '**** *****78'],
    ['phone', '555-12', '***-**'],
    ['phone', 'n/a', 'n/a'],
    ['birth_date', '1985-03-12', '1985-**-**'],
    ['birth_date', '12/03/1985', '**/**/1985'],
    ['birth_date', '12 March 1985', '** ***** 1985'],
    ['birth_date', '1985年3月12日', '1985年*月**日'],
    ['birth_date', '12.03.85', '**.**.**'],
    ['birth_date', 31120, '*****'],
    ['street', '221B Baker Street', '221B B*** S***'],
    ['street', '12 rue de la Paix', '12 r*** d*** l*** P***'],
    ['street', 'Flat 3, 10 Downing St.', 'F*** 3, 10 D*** S***'],
    ['street', '朝阳区建国路88号', '朝***88号'],
  ] as const)('%s %j → %j', (field, value, expected) => {
    expect(maskValue(field, value)).toBe(expected);
  });

  it('leaves empty values, other fields and names as they are', () => {
    expect(maskValue('email', null)).toBeNull();
    expect(maskValue('phone', '')).toBe('');
    expect(maskValue('family_name', 'Müller')).toBe('Müller');
    expect(maskValue('postcode', 'SW1A 2AA')).toBe('SW1A 2AA');
    expect(maskValue('income', 52000)).toBe(52000);
  });

  it('masks every quoted value in a finding about a masked field, in English and Chinese quotes', () => {
    expect(maskFindingText('email', '"jane@@example.org" has more than one @')).toBe('"j***@example.org" has more than one @');
    expect(maskFindingText('phone', 'phone "+44 20 7946 0958" differs from "+44 20 7946 0000" held by customer 12 (crm.csv), the same customer'))
      .toBe('phone "+44 ** **** **58" differs from "+44 ** **** **00" held by customer 12 (crm.csv), the same customer');
    expect(maskFindingText('birth_date', '“31/02/1985”不是可读的日期')).toBe('“**/**/1985”不是可读的日期');
    expect(maskFindingText('city', '"Leeds" is a placeholder, not a value')).toBe('"Leeds" is a placeholder, not a value');
  });

  it.each([
    ['full_name', 'Jane Smith', 'J*** S***'],
    ['full_name', '王小明', '王***'],
    ['given_name', "Mary-Jane O'Neil", "M*** O***"],
    ['city', 'Den Haag', 'D*** H***'],
    ['postcode', 'SW1A 1AA', 'SW** ***'],
    ['email', 'jane.doe@example.org', 'j***@example.org'],
    ['birth_date', '1985-03-12', '1985-**-**'],
    ['country', 'NL', 'NL'],
  ])('a client report masks %s "%s" as "%s"', (field, value, masked) => {
    expect(maskForClient(field, value)).toBe(masked);
  });
});
