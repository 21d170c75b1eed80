import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { CellTruth } from '../types.ts';

/**
 * What Excel does to a phone number it takes for a number: a cell of digits,
 * with or without a leading +, becomes a number, losing the + and any leading
 * zeros. Saved as CSV, Excel writes it as its General format shows it: up to
 * 11 digits in full, longer ones in scientific notation with six significant
 * digits (+4915112345678 → 4.91511E+12), the rest of the digits gone. An
 * .xlsx keeps the whole number, so a reader gets the digits back, without
 * the + or the zeros.
 */

/** How a touched file holds the numbers: CSV text as Excel shows them, or .xlsx number cells. */
export type SpreadsheetCells = 'text' | 'number';

const NUMBER_LIKE = /^\+?\d+$/;

/** The number Excel reads from a cell, or null if it keeps the cell as text. */
export function excelNumber(cell: string): number | null {
  if (!NUMBER_LIKE.test(cell)) return null;
  const n = Number(cell);
  // Past 15 digits Excel rounds; no phone number is that long.
  return Number.isSafeInteger(n) ? n : null;
}

/** Excel's General format in a standard-width column: 11 characters at most. */
export function excelGeneralText(n: number): string {
  const s = String(n);
  if (s.length <= 11) return s;
  const [mantissa, exponent] = n.toExponential(5).split('e');
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const e = Number(exponent);
  return `${trimmed}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/**
 * A phone cell after Excel, and whether its truth is still recoverable from
 * it: never from scientific notation; otherwise when the digits left, read
 * in the record's country, are still the same valid number.
 */
export function excelPhone(cell: string, cells: SpreadsheetCells, country: string, truth: CellTruth): { text: string; truth: CellTruth } | null {
  const n = excelNumber(cell);
  if (n === null) return null;
  const text = cells === 'number' ? String(n) : excelGeneralText(n);
  if (!truth.recoverable) return { text, truth };
  let readable = false;
  if (!/E/.test(text)) {
    const parsed = parsePhoneNumberFromString(text, country as CountryCode);
    readable = parsed !== undefined && parsed.isValid() && parsed.number === truth.value;
  }
  return { text, truth: readable ? truth : { ...truth, recoverable: false } };
}
