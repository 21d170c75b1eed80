/**
 * E-mail addresses: case, domain typos, repairs, and real national domains
 * that must never be called typos (by the standardiser or by data quality's
 * checkEmail, which share the domain lists).
 */
import { describe, expect, it } from 'vitest';
import { standardiseValue } from '../../../main/standardize/standardise-record.ts';
import { checkEmail, isKnownMailDomain, suggestDomain } from '../../../main/standardize/email.ts';
import { DOMAIN_TYPOS } from '../../../resources/generator/people/error-values.ts';
import type { StandardiseContext } from '../../../main/standardize/standardiser.ts';

const ctx: StandardiseContext = { recordCountry: undefined, sourceCountry: undefined, dateOrder: undefined, now: new Date('2026-06-01T00:00:00Z') };
const email = (raw: string) => standardiseValue('email', raw, ctx);

type Row = [raw: string, expected: string, rule: string, confidence: number];

const proposals: Row[] = [
  ['Anna.Schmidt@GMAIL.com', 'anna.schmidt@gmail.com', 'email_case', 1],
  ['ANNA@WEB.DE', 'anna@web.de', 'email_case', 1],
  ['wang.wei@163.COM', 'wang.wei@163.com', 'email_case', 1],
  ['Li_Na+CRM@QQ.com', 'li_na+crm@qq.com', 'email_case', 1],
  ['J.Smith@Yahoo.co.in', 'j.smith@yahoo.co.in', 'email_case', 1],
  ['  anna@gmail.com ', 'anna@gmail.com', 'text_whitespace', 1],
  ['anna\u200b@gmail.com', 'anna@gmail.com', 'text_invisible', 1],
  // Domain typos: suggested, never safe.
  ['someone@gmial.com', 'someone@gmail.com', 'email_domain_typo', 0.75],
  ['someone@gmail.con', 'someone@gmail.com', 'email_domain_typo', 0.8],
  ['someone@hotmial.com', 'someone@hotmail.com', 'email_domain_typo', 0.75],
  ['someone@qq.con', 'someone@qq.com', 'email_domain_typo', 0.8],
  ['someone@163.con', 'someone@163.com', 'email_domain_typo', 0.8],
  ['someone@yaho.com', 'someone@yahoo.com', 'email_domain_typo', 0.75],
  ['someone@outlok.com', 'someone@outlook.com', 'email_domain_typo', 0.75],
  ['someone@gmail.co', 'someone@gmail.com', 'email_domain_typo', 0.75],
  ['someone@hotmail.co', 'someone@hotmail.com', 'email_domain_typo', 0.75],
  ['someone@foxmial.com', 'someone@foxmail.com', 'email_domain_typo', 0.75],
  ['someone@gamil.com', 'someone@gmail.com', 'email_domain_typo', 0.75],
  ['someone@hotmai.com', 'someone@hotmail.com', 'email_domain_typo', 0.75],
  ['someone@t-onlin.de', 'someone@t-online.de', 'email_domain_typo', 0.75],
  ['someone@acme-corp.con', 'someone@acme-corp.com', 'email_domain_typo', 0.8],
  ['someone@btinterent.com', 'someone@btinternet.com', 'email_domain_typo', 0.75],
  ['Someone@GMIAL.COM', 'someone@gmail.com', 'email_domain_typo', 0.75],
  // Repairs of unusable addresses.
  ['mailto:anna@gmail.com', 'anna@gmail.com', 'email_repair', 0.9],
  ['anna@gmail,com', 'anna@gmail.com', 'email_repair', 0.6],
  ['ANNA@GMAIL,COM', 'anna@gmail.com', 'email_repair', 0.6],
  ['anna@gmail..com', 'anna@gmail.com', 'email_repair', 0.6],
  ['anna schmidt@gmail.com', 'annaschmidt@gmail.com', 'email_repair', 0.6],
  // A top-level domain too short to exist, next to a known provider.
  ['someone@yahoo.co.k', 'someone@yahoo.co.uk', 'email_repair', 0.6],
  ['someone@gmx.d', 'someone@gmx.de', 'email_repair', 0.6],
];

/** Real mail domains, most of them one or two edits from a bigger provider. */
const realDomains = [
  'yahoo.co.in', 'yahoo.co.jp', 'yahoo.com.br', 'yahoo.co.uk', 'web.de', 'gmx.de', 'gmx.at', 'gmx.ch', 't-online.de', 'orange.fr', 'free.fr', 'libero.it',
  'virgilio.it', 'tim.it', 'tin.it', 'btinternet.com', '163.com', '126.com', 'qq.com', 'foxmail.com', 'sina.com', 'yeah.net', 'ziggo.nl', 'telefonica.net',
  'hotmail.com.ar', 'yahoo.co.id', 'live.be', 'hotmail.es', 'outlook.de', 'aol.de', 'naver.com', 'daum.net', 'seznam.cz', 'wp.pl', 'mail.ru', 'ya.ru',
  'bigpond.com', 'shaw.ca', 'xtra.co.nz', 'rediffmail.com', 'sapo.pt', 'hinet.net',
];

describe('e-mail proposals', () => {
  it.each(proposals)('%s → %s by %s', (raw, expected, rule, confidence) => {
    expect(email(raw)).toMatchObject({ kind: 'change', value: expected, rule, confidence });
  });

  it('says which domain was corrected to which', () => {
    expect(email('someone@gmial.com')).toMatchObject({ params: { domain: 'gmial.com', suggestion: 'gmail.com' } });
  });

  it.each([
    ['anna@gmail.com'], ['a@acme-corp.com'], ['a@bosch.de'], ['noemail@acme.com'], ['test@test.com'], ['not an email'], ['anna@'], ['@gmail.com'], ['n/a'], [''],
    ...realDomains.map((d) => [`someone@${d}`]),
  ])('%s gets nothing', (raw) => {
    expect(email(raw)).toBeNull();
  });
});

describe('real national domains are not typos for data quality either', () => {
  it.each(realDomains)('%s', (domain) => {
    expect(isKnownMailDomain(domain)).toBe(true);
    expect(suggestDomain(domain)).toBeUndefined();
    expect(checkEmail(`someone@${domain}`).status).toBe('valid');
  });

  it('still calls a national provider under a slip of .com a typo', () => {
    expect(suggestDomain('hotmail.co')).toBe('hotmail.com');
    expect(suggestDomain('yahoo.cm')).toBe('yahoo.com');
    expect(isKnownMailDomain('gmail.de')).toBe(false);
  });

  it('still catches every domain typo the generator injects', () => {
    for (const typos of Object.values(DOMAIN_TYPOS)) {
      for (const typo of typos) expect([typo, checkEmail(`someone@${typo}`).status]).not.toEqual([typo, 'valid']);
    }
  });
});
