import { parseCsvRecord } from './parse-csv-line.ts';

export type Delimiter = ',' | ';' | '\t' | '|';
export const delimiters: Delimiter[] = [',', ';', '\t', '|'];

/**
 * Picks the delimiter that splits the sample lines into the same number of
 * fields most consistently (and into more than one). A comma inside
 * "Smith, John" in a semicolon file does not fool it: quoting is respected
 * and the comma count varies from line to line while the semicolon's does not.
 */
export function sniffDelimiter(sample: string): Delimiter {
  // CR alone ends lines too (old Mac "CSV (Macintosh)"), as the reader splits them.
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 100);
  if (lines.length > 1) lines.pop(); // the last sampled line may be cut short
  let best: { d: Delimiter; score: number } = { d: ',', score: -1 };
  for (const d of delimiters) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const parsed = parseCsvRecord(line, d);
      const n = parsed.status === 'ok' ? parsed.fields.length : 0;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let modal = 1;
    let agreeing = 0;
    for (const [n, c] of counts) if (c > agreeing || (c === agreeing && n > modal)) [modal, agreeing] = [n, c];
    if (modal < 2) continue;
    const score = agreeing * 1000 + modal;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}
