import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../../main/ingest/sniff-delimiter.ts';

describe('sniffDelimiter', () => {
  it.each([
    ['id,name,city\n1,Ann,Paris\n2,Bob,Rome\n', ','],
    ['id;name;city\n1;"Smith, John";Paris\n2;"Lee, Ann";Rome\n3;Bob;Oslo\n', ';'],
    ['id\tname\tnote\n1\tAnn\ta, b, c\n2\tBob\t\n', '\t'],
    ['id|name|company\n1|Ann|Acme, Inc; Ltd\n2|Bob|X\n', '|'],
    ['客户编号,姓名,城市\n1,王伟,北京\n2,李娜,上海\n', ','],
    // CR-only lines: read as one long line, the comma in the names would win.
    ['id;name;tags\r1;Lee, Ann;a, b, c, d\r2;Ray, Bob;e, f, g, h\r3;Zhu, Cy;i, j\r', ';'],
  ])('detects the delimiter of sample %#', (sample, expected) => {
    expect(sniffDelimiter(sample)).toBe(expected);
  });
});
