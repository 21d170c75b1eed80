import iconv from 'iconv-lite';
import { Rng } from '../../resources/generator/prng.ts';
import { sheetXml, workbookParts, zipParts } from './zip.ts';

/**
 * Random and mutated import files for the fuzz test: the awkward things real
 * exports hold (quotes, every line break, NULs, BOMs, Hanzi, legacy encodings,
 * deep JSON, odd sheets), then damage (flipped, inserted and deleted bytes,
 * files cut short). Every file is a pure function of its seed.
 */
const pieces = ['Ann', 'Lee', 'a@x.com', '+44 20 7946 0958', '2024-01-02', '王伟', '北京市', 'Müller', 'Zoë', '42', '-3.5', '', ' ', '"', '""', ',', ';', '\t', '|', '\n', '\r', '\r\n', '\u0000', '\uFEFF', '__proto__', 'constructor', '€', '😀', '\\', '{', '[', '<', '&amp;'];

function cell(rng: Rng): string {
  let s = '';
  for (let n = rng.int(0, 4); n > 0; n--) s += rng.pick(pieces);
  return s;
}

function quoted(rng: Rng, value: string, delimiter: string): string {
  const needs = /["\r\n]/.test(value) || value.includes(delimiter);
  if (rng.chance(0.05)) return `"${value}`; // broken on purpose
  if (needs || rng.chance(0.2)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function randomCsv(rng: Rng): Buffer {
  const delimiter = rng.pick([',', ';', '\t', '|']);
  const columns = rng.int(1, 6);
  const lines: string[] = [];
  const header = Array.from({ length: columns }, (_, i) => (rng.chance(0.2) ? cell(rng) : rng.pick(['Customer ID', 'Name', 'Email', 'Phone', '最后更新时间', 'Last Activity Date', 'Note', `col${i}`])));
  lines.push(header.map((h) => quoted(rng, h, delimiter)).join(delimiter));
  for (let r = rng.int(0, 30); r > 0; r--) {
    const width = rng.chance(0.85) ? columns : rng.int(0, columns + 2);
    lines.push(Array.from({ length: width }, () => quoted(rng, cell(rng), delimiter)).join(delimiter));
  }
  const text = lines.map((l) => l + rng.pick(['\n', '\r\n', '\r', '\n'])).join('') + (rng.chance(0.3) ? '' : '\n');
  const encoding = rng.pick(['utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'windows-1252', 'gb18030']);
  if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  if (encoding === 'utf16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  if (encoding === 'utf8') return Buffer.from(text);
  return iconv.encode(text, encoding);
}

function jsonValue(rng: Rng, depth: number): unknown {
  const kind = depth > 3 ? rng.int(0, 3) : rng.int(0, 6);
  switch (kind) {
    case 0: return cell(rng);
    case 1: return rng.int(-1e6, 1e6) / rng.pick([1, 100]);
    case 2: return rng.pick([true, false, null]);
    case 3: return rng.chance(0.5) ? '' : cell(rng);
    case 4: return Array.from({ length: rng.int(0, 3) }, () => jsonValue(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [cell(rng), jsonValue(rng, depth + 1)]));
  }
}

function jsonRecord(rng: Rng): unknown {
  if (rng.chance(0.1)) return jsonValue(rng, 3); // not an object, often
  const record: Record<string, unknown> = {};
  for (let k = rng.int(0, 6); k > 0; k--) Object.defineProperty(record, rng.pick(['id', 'name', 'email', 'phone', 'updated', '__proto__', cell(rng)]), { value: jsonValue(rng, 1), enumerable: true, configurable: true, writable: true });
  return record;
}

export function randomJson(rng: Rng): Buffer {
  const records = Array.from({ length: rng.int(0, 25) }, () => jsonRecord(rng));
  let text: string;
  switch (rng.int(0, 3)) {
    case 0: text = JSON.stringify({ warnings: records.slice(0, 2), data: records }); break;
    case 1: text = JSON.stringify({ meta: { count: records.length }, response: { contacts: records } }, null, rng.pick([0, 2])); break;
    default: text = JSON.stringify(records, null, rng.pick([0, 1, 2]));
  }
  if (rng.chance(0.2)) {
    // One element nested past any sane depth, written by hand (JSON.stringify would overflow).
    const depth = rng.int(150, 100_000);
    text = text.replace(/^\[/, `[{"id":"deep","tags":${'['.repeat(depth)}1${']'.repeat(depth)}},`);
  }
  return Buffer.from(text);
}

function sheetRows(rng: Rng): string[][] {
  const columns = rng.int(1, 5);
  const rows: string[][] = [];
  if (rng.chance(0.8)) rows.push(Array.from({ length: columns }, (_, i) => rng.pick(['Customer ID', 'Email', 'Name', `col${i}`, cell(rng)])));
  for (let r = rng.int(0, 20); r > 0; r--) rows.push(Array.from({ length: rng.chance(0.9) ? columns : rng.int(0, columns + 2) }, () => cell(rng).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFEFF]/g, '')));
  return rows;
}

/** XML parts of a workbook, mutated as text (broken tags, stray characters) before zipping. */
export function randomXlsxParts(rng: Rng): Record<string, string | Buffer> {
  const sheets = Array.from({ length: rng.int(1, 3) }, (_, i) => ({ name: rng.chance(0.2) ? `表${i}` : `Sheet${i + 1}`, xml: sheetXml(sheetRows(rng)) }));
  const parts = workbookParts(sheets);
  if (rng.chance(0.3)) {
    const name = rng.pick(Object.keys(parts));
    parts[name] = mutateText(rng, String(parts[name]));
  }
  return parts;
}

export function randomXlsx(rng: Rng): Buffer {
  return zipParts(randomXlsxParts(rng));
}

function mutateText(rng: Rng, text: string): string {
  let s = text;
  for (let n = rng.int(1, 4); n > 0; n--) {
    const at = rng.int(0, s.length);
    switch (rng.int(0, 2)) {
      case 0: s = s.slice(0, at) + s.slice(at + rng.int(1, 8)); break;
      case 1: s = s.slice(0, at) + rng.pick(['<', '>', '"', '&', '</row>', '<row r="x">', '\u0000', ']', '}', ',', '{']) + s.slice(at); break;
      default: s = s.slice(0, at);
    }
  }
  return s;
}

/** Byte-level damage: flips, insertions, deletions, a cut-off end. */
export function mutateBytes(rng: Rng, bytes: Buffer): Buffer {
  const out = [...bytes];
  for (let n = rng.int(1, 6); n > 0 && out.length > 0; n--) {
    const at = rng.int(0, out.length - 1);
    switch (rng.int(0, 3)) {
      case 0: out[at] = rng.int(0, 255); break;
      case 1: out.splice(at, 0, rng.pick([0x00, 0x0a, 0x0d, 0x22, 0x2c, 0x5b, 0x7b, 0xff, 0xc3])); break;
      case 2: out.splice(at, rng.int(1, 16)); break;
      default: out.length = Math.max(1, at);
    }
  }
  return Buffer.from(out);
}
