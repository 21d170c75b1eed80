import type { PresetName } from '../export-formats.ts';
import { mix32 } from '../prng.ts';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

function base(n: number, alphabet: string, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = alphabet[n % alphabet.length] + s;
    n = Math.floor(n / alphabet.length);
  }
  return s;
}

/** A GUID whose first 8 hex digits are a bijection of the index, so ids in one file never repeat. */
function guid(index: number, salt: number): string {
  const h = (i: number): string => base(mix32(index * 7 + i + salt), HEX, 8);
  const a = base(mix32(index ^ salt), HEX, 8);
  const b = h(1), c = h(2), d = h(3);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[index % 4]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/**
 * The record id a product would give the index-th row of an export. Every
 * form is unique per index (a bijective mix or the index itself), so a
 * repeated id in a file is never an accident of the generator.
 */
export function recordIdFor(preset: PresetName, index: number, seed: number, createdYear: number): string {
  const salt = mix32(seed ^ 0x5bd1e995);
  switch (preset) {
    // 18-character case-safe Contact id: key prefix 003, pod, then the record part.
    case 'salesforce': return `0035g0000${base(mix32(index ^ salt), B62, 6)}${base(mix32(index + 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 3)}`;
    case 'hubspot': return String(10_000_000_000 + mix32(index ^ salt));
    case 'zoho': return `4876876000${String(mix32(index ^ salt)).padStart(10, '0')}`;
    case 'dynamics365': return guid(index, salt);
    case 'sugarcrm': return guid(index, salt ^ 0x1234);
    case 'chinese_erp': return `KH${createdYear}${String(index + 1).padStart(7, '0')}`;
    case 'generic': return `CUST-${String(index + 1).padStart(7, '0')}`;
  }
}
