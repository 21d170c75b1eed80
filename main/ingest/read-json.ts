import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { makeDecoder, type Encoding } from './detect-encoding.ts';
import { MAX_JSON_BYTES, MAX_JSON_DEPTH, MAX_RECORD_CHARS, oversizedRecord } from './limits.ts';
import { normaliseHeaders, type JsonSource, type ParsedRecord, type RecordStream } from './records.ts';
import { JsonShapeError, scanJson, type JsonArray, type JsonSpan } from './scan-json.ts';

/**
 * Keys API exports put their list of records under. A wrapper often holds
 * other arrays too ({"warnings": [...], "data": [...]}): the first array is
 * not necessarily the data.
 */
const recordKeys = ['data', 'records', 'items', 'results', 'rows', 'contacts', 'customers', 'leads', 'people', 'members', 'accounts', 'entries', 'list', '数据', '记录', '客户', '列表'];

const BATCH = 5000;

/** Which array holds the records: a top-level array; else one under a conventional key; else the one with the most objects. */
export function chooseRecordsArray(arrays: JsonArray[]): JsonArray | null {
  const top = arrays.find((a) => a.path.length === 0);
  if (top) return top;
  const rank = (a: JsonArray): number => {
    const i = recordKeys.indexOf(a.path[a.path.length - 1].toLowerCase());
    return i === -1 ? recordKeys.length : i;
  };
  const withObjects = arrays.filter((a) => a.objects > 0);
  const pool = withObjects.length ? withObjects : arrays;
  if (pool.length === 0) return null;
  const conventional = pool.filter((a) => rank(a) < recordKeys.length);
  const choice = conventional.length ? conventional : pool;
  return choice.reduce((best, a) => {
    if (conventional.length && rank(a) !== rank(best)) return rank(a) < rank(best) ? a : best;
    return a.objects > best.objects || (a.objects === best.objects && a.elements.length > best.elements.length) ? a : best;
  });
}

const keyName = (a: JsonArray): string => a.path.join('.');

/**
 * Reads a JSON array of records (top-level, or inside a wrapper object).
 * Each element is parsed on its own: one that is not an object, not valid
 * JSON, nested absurdly deep or too large is quarantined with the reason,
 * and the rest of the file is read.
 */
export async function readJson(path: string, encoding: Encoding): Promise<RecordStream> {
  const bytes = readFileSync(path);
  if (bytes.length > MAX_JSON_BYTES) {
    throw new AppError('file_unreadable', `The file is ${Math.round(bytes.length / (1024 * 1024))} MB; JSON files are read whole, and this app reads them up to ${MAX_JSON_BYTES / (1024 * 1024)} MB. Export the data as CSV, or in smaller files.`);
  }
  const text = makeDecoder(encoding).decode(bytes);
  let arrays: JsonArray[];
  try {
    arrays = scanJson(text);
  } catch (err) {
    if (!(err instanceof JsonShapeError)) throw err;
    throw new AppError('file_unreadable', `The file is not valid JSON: ${err.message} (line ${lineAt(text, err.position)}).`);
  }
  const chosen = chooseRecordsArray(arrays);
  if (!chosen) throw new AppError('file_unreadable', 'The JSON file holds no array of records.');
  const json: JsonSource = {
    recordsKey: chosen.path.length ? keyName(chosen) : null,
    otherArrays: arrays.filter((a) => a !== chosen && a.path.length > 0 && !isInside(a, chosen)).map((a) => ({ key: keyName(a), elements: a.elements.length })),
  };
  const keys = collectKeys(text, chosen.elements);
  const headers = normaliseHeaders(keys);
  const lines = lineCounter(text);
  return {
    headers,
    json,
    bytesRead: () => bytes.length,
    batches: (async function* () {
      for (let b = 0; b < chosen.elements.length; b += BATCH) {
        yield chosen.elements.slice(b, b + BATCH).map((span, k) => readElement(text, span, b + k + 1, lines(span.start), keys));
      }
    })(),
  };
}

/** An array under a key of another array's path is part of that other array's records. */
function isInside(a: JsonArray, outer: JsonArray): boolean {
  return outer.path.length < a.path.length && outer.path.every((k, i) => a.path[i] === k);
}

/** The union of the records' keys in order of first appearance: the columns. */
function collectKeys(text: string, elements: JsonSpan[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const span of elements) {
    if (!readable(span)) continue;
    const value = parseOrNull(text.slice(span.start, span.end));
    if (!isRecord(value)) continue;
    for (const k of Object.keys(value)) if (!seen.has(k)) (seen.add(k), keys.push(k));
  }
  return keys;
}

function readElement(text: string, span: JsonSpan, rowNumber: number, lineNumber: number, keys: string[]): ParsedRecord {
  const broken = (reason: 'not_an_object' | 'invalid_json' | 'too_deeply_nested', detail: string): ParsedRecord => ({ ok: false, rowNumber, lineNumber, rawText: text.slice(span.start, span.end), reason, detail });
  const length = span.end - span.start;
  if (length > MAX_RECORD_CHARS) return oversizedRecord(rowNumber, lineNumber, text.slice(span.start, span.start + MAX_RECORD_CHARS), length);
  if (span.depth > MAX_JSON_DEPTH) return broken('too_deeply_nested', `Element ${rowNumber} nests ${span.depth.toLocaleString('en')} levels deep; a record may nest at most ${MAX_JSON_DEPTH}.`);
  let value: unknown;
  try {
    value = JSON.parse(text.slice(span.start, span.end));
  } catch (err) {
    return broken('invalid_json', `Element ${rowNumber} is not valid JSON: ${(err as Error).message}.`);
  }
  if (!isRecord(value)) return broken('not_an_object', `Element ${rowNumber} is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}, not an object.`);
  // Own keys only: a record's "__proto__" key is data like any other.
  return { ok: true, rowNumber, lineNumber, cells: keys.map((k) => (Object.hasOwn(value, k) ? cellOf(value[k]) : '')) };
}

const readable = (span: JsonSpan): boolean => span.end - span.start <= MAX_RECORD_CHARS && span.depth <= MAX_JSON_DEPTH;

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function cellOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** 1-based line of a position, for positions asked in increasing order (one pass over the text). */
function lineCounter(text: string): (position: number) => number {
  let at = 0;
  let line = 1;
  return (position) => {
    let nl = text.indexOf('\n', at);
    while (nl !== -1 && nl < position) {
      line++;
      nl = text.indexOf('\n', nl + 1);
    }
    at = Math.max(at, position);
    return line;
  };
}

function lineAt(text: string, position: number): number {
  return lineCounter(text)(position);
}
