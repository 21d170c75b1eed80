import type { Rng } from '../prng.ts';
import { joinRow, quoteCell, type CsvStyle } from './csv-cells.ts';

/** The ways a CSV record breaks, named as the importer's quarantine reasons. */
export type BrokenKind = 'too_many_fields' | 'too_few_fields' | 'text_after_quote' | 'unterminated_quote';

const STRAY_CELLS = ['x', 'see above', 'dup?', 'old', '?', 'N'];

/**
 * One unambiguous break per row: every broken row differs from the header's
 * field count, or has a quote that does not close where a field ends. None
 * of them can be read as a legitimate variant (for instance, an extra field
 * is never empty, so it cannot be mistaken for a trailing delimiter).
 */
export function breakRow(rng: Rng, cells: string[], style: CsvStyle, kind: Exclude<BrokenKind, 'unterminated_quote'>): { text: string; kind: BrokenKind } {
  if (kind === 'text_after_quote') {
    const candidates = indexesWhere(cells, (c, i) => i > 0 && / \S/.test(c.trim()) && !/["\r\n]/.test(c));
    if (candidates.length) {
      const at = rng.pick(candidates);
      const v = cells[at].trim();
      const space = v.indexOf(' ');
      // "Acme" Shop": the first quote closes after Acme and text follows it; the last quote still ends the field,
      // so strict and lenient readers alike see one damaged row and resync at the next line.
      const raw = `"${v.slice(0, space)}"${v.slice(space)}"`;
      return { text: joinWithRaw(cells, at, raw, style), kind };
    }
    kind = 'too_few_fields';
  }
  if (kind === 'too_many_fields') return { text: joinRow(extraField(rng, cells), style), kind };
  const out = [...cells];
  out.splice(rng.int(1, out.length - 2), 1);
  return { text: joinRow(out, style), kind };
}

/** A value split by an unquoted delimiter, or a stray note typed past the last column. */
function extraField(rng: Rng, cells: string[]): string[] {
  const out = [...cells];
  const splittable = indexesWhere(cells, (c, i) => i > 0 && c.trim().length >= 4);
  // Splitting needs a non-empty last cell, or the row would look like one ending in a delimiter.
  if (out[out.length - 1].trim() !== '' && splittable.length) {
    const at = rng.pick(splittable);
    const v = out[at];
    const space = v.indexOf(' ', 1);
    const cut = space > 0 && space < v.length - 1 ? space : Math.floor(v.length / 2);
    out.splice(at, 1, v.slice(0, cut), v.slice(cut));
  } else out.push(rng.pick(STRAY_CELLS));
  return out;
}

/**
 * A quote that opens a field and never closes, the row cut off after it (a
 * truncated export). Cells after the opened one are lost with the rest of the line.
 */
export function unterminatedRow(rng: Rng, cells: string[], style: CsvStyle): string {
  const candidates = indexesWhere(cells, (c, i) => i > 0 && c.trim() !== '' && !/["\r\n]/.test(c));
  const at = candidates.length ? rng.pick(candidates) : 1;
  const head = cells.slice(0, at).map((c) => quoteCell(c, style)).join(style.delimiter);
  return `${head}${style.delimiter}"${cells[at] || 'Notes'}`;
}

function joinWithRaw(cells: string[], at: number, raw: string, style: CsvStyle): string {
  return cells.map((c, i) => (i === at ? raw : quoteCell(c, style))).join(style.delimiter);
}

function indexesWhere(cells: readonly string[], test: (cell: string, index: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) if (test(cells[i], i)) out.push(i);
  return out;
}
