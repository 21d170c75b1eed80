import { describe, expect, it } from 'vitest';
import { detectPlaceholder } from '../../../main/standardize/placeholder.ts';
import { checkEmail, suggestDomain } from '../../../main/standardize/email.ts';
import { checkPostcode } from '../../../main/standardize/postcode.ts';
import { resolveCountry } from '../../../main/standardize/country.ts';
import { recogniseGender } from '../../../main/standardize/gender.ts';
import { checkName } from '../../../main/standardize/name.ts';

describe('placeholders', () => {
  it.each([
    ['n/a', 'email'], ['N/A', 'company'], ['-', 'city'], ['unknown', 'street'], ['None', 'region'], ['null', 'company'], ['test', 'full_name'],
    ['TEST', 'full_name'], ['asdf', 'full_name'], ['xxx', 'family_name'], ['Xxxx', 'given_name'], ['测试', 'full_name'], ['不详', 'city'], ['未知', 'region'],
    ['000-000-0000', 'phone'], ['1111111111', 'phone'], ['+86 00000000000', 'mobile'], ['1234567890', 'phone'], ['(999) 999-9999', 'phone'],
    ['noemail@acme.com', 'email'], ['no-email@shop.de', 'email'], ['none@none.com', 'email'], ['someone@example.com', 'email'], ['test@test.com', 'email'],
  ])('%s in %s is a placeholder', (value, field) => {
    expect(detectPlaceholder(value, field)).toBeDefined();
  });

  it.each([
    ['Anna Schmidt', 'full_name'], ['Na', 'family_name'], ['NA', 'country'], ['NO', 'country'], ['X', 'gender'], ['0', 'income'], ['Li', 'family_name'],
    ['+86 138 0013 8000', 'phone'], ['(415) 555-0134', 'phone'], ['anna.schmidt@gmail.com', 'email'], ['王伟', 'full_name'], ['Testa', 'family_name'], ['Nonez', 'family_name'],
  ])('%s in %s is a real value', (value, field) => {
    expect(detectPlaceholder(value, field)).toBeUndefined();
  });
});

describe('email', () => {
  it.each([
    ['anna.schmidt@gmail.com'], ['wang.wei@163.com'], ['li_na+crm@qq.com'], ['o\'brien@example-firm.ie'], ['x@sub.domain.co.uk'], ['zhang@126.com'], ['user@mail.com'],
  ])('%s is valid', (v) => expect(checkEmail(v).status).toBe('valid'));

  it.each([
    ['anna.schmidt@@gmail.com'], ['anna.schmidt'], ['anna schmidt@gmail.com'], ['anna@gmail'], ['anna@gmail..com'], ['.anna@gmail.com'], ['anna.@gmail.com'], ['anna@-gmail.com'], ['@gmail.com'], ['anna@gmail.c0m1'],
  ])('%s is malformed', (v) => expect(checkEmail(v).status).toBe('invalid'));

  it.each([
    ['gmial.com', 'gmail.com'], ['gmai.com', 'gmail.com'], ['hotmial.com', 'hotmail.com'], ['yaho.com', 'yahoo.com'], ['163.con', '163.com'], ['qq.cm', 'qq.com'],
    ['foxmial.com', 'foxmail.com'], ['sina.con', 'sina.com'], ['126.cmo', '126.com'], ['outlok.com', 'outlook.com'], ['acme-corp.con', 'acme-corp.com'],
  ])('%s suggests %s', (domain, expected) => {
    expect(suggestDomain(domain)).toBe(expected);
    expect(checkEmail(`someone@${domain}`)).toMatchObject({ status: 'typo', suggestion: `someone@${expected}` });
  });

  it.each([['126.com'], ['163.com'], ['qq.com'], ['mail.com'], ['gmx.de'], ['acme-corp.com'], ['bosch.de']])('%s is not "corrected"', (d) => {
    expect(suggestDomain(d)).toBeUndefined();
  });

  it('suggests a repair for a comma in the domain', () => {
    expect(checkEmail('anna@gmail,com')).toMatchObject({ status: 'invalid', suggestion: 'anna@gmail.com' });
  });
});

describe('postcodes by country', () => {
  it.each([
    ['94103', 'US'], ['94103-1234', 'US'], ['SW1A 1AA', 'GB'], ['EC1A 1BB', 'GB'], ['M1 1AE', 'GB'], ['10115', 'DE'], ['75008', 'FR'], ['100000', 'CN'],
    ['200120', 'CN'], ['1011 AB', 'NL'], ['K1A 0B1', 'CA'], ['100-0001', 'JP'], ['2000', 'AU'],
  ])('%s is valid in %s', (v, c) => expect(checkPostcode(v, c).status).toBe('valid'));

  it.each([['9410', 'US'], ['ABC12', 'DE'], ['1000000', 'CN'], ['SW1A1AAA', 'GB'], ['7500', 'FR'], ['12345', 'CN']])('%s is invalid in %s', (v, c) => {
    expect(checkPostcode(v, c).status).toBe('invalid');
  });

  it('leaves unknown countries unjudged', () => {
    expect(checkPostcode('whatever', 'HK').status).toBe('unjudged');
    expect(checkPostcode('12', undefined).status).toBe('unjudged');
  });

  it('suggests the lost leading zero of a US ZIP and says which countries a foreign code fits', () => {
    expect(checkPostcode('2134', 'US')).toMatchObject({ status: 'invalid', suggestion: '02134' });
    expect(checkPostcode('12345', 'CN')).toMatchObject({ status: 'invalid', fitsCountries: expect.arrayContaining(['US', 'DE']) });
  });
});

describe('countries', () => {
  it.each([
    ['USA', 'US'], ['U.S.A.', 'US'], ['United States of America', 'US'], ['us', 'US'], ['美国', 'US'], ['UK', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'],
    ['Deutschland', 'DE'], ['Germany', 'DE'], ['DEU', 'DE'], ['德国', 'DE'], ['中国', 'CN'], ['中华人民共和国', 'CN'], ['China', 'CN'], ["People's Republic of China", 'CN'],
    ['France', 'FR'], ['法国', 'FR'], ['Côte d’Ivoire', 'CI'], ['香港', 'HK'], ['Republic of Korea', 'KR'], ['the Netherlands', 'NL'], ['España', 'ES'],
  ])('%s is %s', (v, c) => expect(resolveCountry(v)).toBe(c));

  it.each([['Narnia'], ['Earth'], ['12'], ['Europe']])('%s is not a country', (v) => expect(resolveCountry(v)).toBeUndefined());
});

describe('gender and names', () => {
  it.each([['M', 'male'], ['f', 'female'], ['Male', 'male'], ['FEMALE', 'female'], ['男', 'male'], ['女', 'female'], ['weiblich', 'female'], ['Homme', 'male'], ['diverse', 'other']])(
    '%s is %s',
    (v, g) => expect(recogniseGender(v)).toBe(g),
  );
  it.each([['3'], ['yes'], ['MF'], ['boy?']])('%s is not recognised', (v) => expect(recogniseGender(v)).toBeUndefined());

  it.each([["O'Brien"], ['Jean-Luc Picard'], ['王伟'], ['José Álvarez'], ['van der Berg']])('%s is a plausible name', (v) => expect(checkName(v)).toBeUndefined());
  it.each([['John3'], ['anna@gmail.com'], ['???'], ['Annnnna']])('%s is not a plausible name', (v) => expect(checkName(v)).toBeDefined());
});
