import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { makeDecoder, type Encoding } from './detect-encoding.ts';
import { normaliseHeaders, type ParsedRecord, type RecordStream } from './records.ts';

function findArray(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    // Common API exports wrap the list: { "data": [...] } or { "contacts": [...] }.
    for (const v of Object.values(data)) if (Array.isArray(v)) return v;
  }
  return null;
}

function cellOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Reads a JSON array of objects; each element that is not an object is quarantined. */
export async function readJson(path: string, encoding: Encoding): Promise<RecordStream> {
  const bytes = readFileSync(path);
  let data: unknown;
  try {
    data = JSON.parse(makeDecoder(encoding).decode(bytes));
  } catch (err) {
    throw new AppError('file_unreadable', `The file is not valid JSON: ${(err as Error).message}`);
  }
  const items = findArray(data);
  if (!items) throw new AppError('file_unreadable', 'The JSON file holds no array of records.');
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const k of Object.keys(item)) if (!seen.has(k)) (seen.add(k), keys.push(k));
    }
  }
  const headers = normaliseHeaders(keys);
  const records: ParsedRecord[] = items.map((item, i) => {
    const rowNumber = i + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      return { ok: false, rowNumber, lineNumber: rowNumber, rawText: JSON.stringify(item) ?? 'undefined', reason: 'not_an_object', detail: `Element ${rowNumber} is ${Array.isArray(item) ? 'an array' : typeof item}, not an object.` };
    }
    const obj = item as Record<string, unknown>;
    return { ok: true, rowNumber, lineNumber: rowNumber, cells: keys.map((k) => cellOf(obj[k])) };
  });
  return {
    headers,
    bytesRead: () => bytes.length,
    batches: (async function* () {
      for (let i = 0; i < records.length; i += 5000) yield records.slice(i, i + 5000);
    })(),
  };
}
