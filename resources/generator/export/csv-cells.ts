/** RFC 4180 cell and row spelling. */

export interface CsvStyle {
  delimiter: string;
  /** Quote every cell (Salesforce's Data Loader does) instead of only those that need it. */
  quoteAll: boolean;
}

const SPECIAL: Record<string, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/, '\t': /["\t\r\n]/, '|': /["|\r\n]/ };

/** One precompiled scan per cell: this runs 18 million times for a 1M-row file. */
function needsQuotes(value: string, delimiter: string): boolean {
  const re = SPECIAL[delimiter];
  return re ? re.test(value) : /["\r\n]/.test(value) || value.includes(delimiter);
}

export function quoteCell(value: string, style: CsvStyle): string {
  if (style.quoteAll || needsQuotes(value, style.delimiter)) return '"' + value.replace(/"/g, '""') + '"';
  return value;
}

export function joinRow(cells: readonly string[], style: CsvStyle): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i > 0 ? style.delimiter : '') + quoteCell(cells[i], style);
  return out;
}

/**
 * Removes everything that would need quoting. Used for the rows after a
 * mid-file unterminated quote, so no later quote character can close it and
 * the damage stays on one line for any reader that gives up on an open quote.
 */
export function plainCell(value: string, delimiter: string): string {
  if (!needsQuotes(value, delimiter)) return value;
  return value.replace(/"/g, '').split(delimiter).join(' ').replace(/\r?\n|\r/g, ' ');
}
