/** Number spellings for incomes: thousands separators and decimal marks differ by country. */

/** 52000 with "," → "52,000"; integers only, the caller adds decimals. */
export function groupThousands(n: number, sep: string): string {
  const s = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += sep;
    out += s[i];
  }
  return (n < 0 ? '-' : '') + out;
}

/** A money amount with the given separators and two decimals: 52000 → "52.000,00". */
export function withDecimals(n: number, group: string, decimal: string): string {
  const cents = Math.round(Math.abs(n) * 100) % 100;
  return groupThousands(n, group) + decimal + String(cents).padStart(2, '0');
}

/** "52k" style, only for round thousands (nobody writes 52.3k in a CRM). */
export function kilo(n: number): string | null {
  return n % 1000 === 0 ? `${n / 1000}k` : null;
}

/** Chinese 万 (ten thousand): 52000 → "5.2万". */
export function wan(n: number): string {
  return `${Number((n / 10000).toFixed(2))}万`;
}
