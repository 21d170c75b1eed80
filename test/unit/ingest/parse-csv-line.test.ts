import { describe, expect, it } from 'vitest';
import { parseCsvRecord } from '../../../main/ingest/parse-csv-line.ts';

describe('parseCsvRecord', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c']],
    ['a;b;;d', ';', ['a', 'b', '', 'd']],
    ['"Smith, John",42', ',', ['Smith, John', '42']],
    ['"say ""hi""",x', ',', ['say "hi"', 'x']],
    ['"line one\nline two",x', ',', ['line one\nline two', 'x']],
    ['Bob "the builder" Smith,x', ',', ['Bob "the builder" Smith', 'x']],
    ['a,b,', ',', ['a', 'b', '']],
    ['"a",', ',', ['a', '']],
    ['"",""', ',', ['', '']],
    ['a\tb\t"c\td"', '\t', ['a', 'b', 'c\td']],
    ['王伟|北京|"朝阳区, 88号"', '|', ['王伟', '北京', '朝阳区, 88号']],
  ])('splits %j', (text, delimiter, fields) => {
    expect(parseCsvRecord(text, delimiter)).toEqual({ status: 'ok', fields });
  });

  it('reports a quoted field that is not closed yet, so the next line joins the record', () => {
    expect(parseCsvRecord('1,"open note', ',')).toEqual({ status: 'open' });
    expect(parseCsvRecord('1,"ends with escaped quote""', ',')).toEqual({ status: 'open' });
  });

  it('reports text after a closing quote as broken quoting', () => {
    expect(parseCsvRecord('1,"Br"oken,x', ',')).toEqual({ status: 'text_after_quote', column: 2 });
  });
});
