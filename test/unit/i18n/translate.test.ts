import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../../../shared/i18n/translate.ts';

describe('makeTranslate (the report and the CLI say the dictionaries through it)', () => {
  const t = makeTranslate({ a: { hello: 'Hello {{name}}, {{ name }}!', files_one: '{{count}} file', files_other: '{{count}} files', plain: 'no vars' } });

  it('fills parameters, repeats included, and says the same again from its cache', () => {
    expect(t('a.hello', { name: 'Ann' })).toBe('Hello Ann, Ann!');
    expect(t('a.hello', { name: 'Bo' })).toBe('Hello Bo, Bo!');
    expect(t('a.plain')).toBe('no vars');
  });

  it('picks the English plural by count', () => {
    expect(t('a.files', { count: 1 })).toBe('1 file');
    expect(t('a.files', { count: 3 })).toBe('3 files');
  });

  it('leaves a parameter it was not given visible, and says the key or the default when there is no text', () => {
    expect(t('a.hello', {})).toBe('Hello {{name}}, {{name}}!');
    expect(t('a.missing')).toBe('a.missing');
    expect(t('a.missing', { defaultValue: 'Fallback {{x}}', x: 1 })).toBe('Fallback 1');
  });
});
