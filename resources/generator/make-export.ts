/**
 * Benchmark files on demand:
 *   node --import tsx resources/generator/make-export.ts --rows 1000000 --out /tmp/x.csv \
 *     [--seed 1] [--preset salesforce] [--encoding utf8] [--delimiter ,] [--line-ending crlf]
 *     [--broken-rate 0.001] [--newline-rate 0.002] [--quote-all] [--unterminated last|anywhere|none]
 *     [--duplicate-rate 0.12] [--household-rate 0.06] [--error-rate 0.08] [--locales en-US,de-DE]
 *     [--spreadsheet-rate 0] (share of rows whose phone cells went through Excel)
 * .xlsx and .json outputs are chosen by the file extension. Prints the summary as JSON.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { PRESET_NAMES, type PresetName } from './export-formats.ts';
import { CSV_ENCODINGS, type CsvEncoding } from './export/encodings.ts';
import { ALL_LOCALES, WESTERN_LOCALES, type Locale } from './types.ts';
import { writeCsvExport, writeJsonExport, writeXlsxExport, type ExportSource } from './write-export.ts';

const { values: a } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' },
    preset: { type: 'string', default: 'generic' }, encoding: { type: 'string', default: 'utf8' },
    delimiter: { type: 'string', default: ',' }, 'line-ending': { type: 'string', default: 'lf' },
    'broken-rate': { type: 'string', default: '0' }, 'newline-rate': { type: 'string', default: '0.002' },
    'quote-all': { type: 'boolean', default: false }, unterminated: { type: 'string', default: 'last' },
    'duplicate-rate': { type: 'string' }, 'household-rate': { type: 'string' }, 'error-rate': { type: 'string' },
    locales: { type: 'string' }, 'spreadsheet-rate': { type: 'string', default: '0' },
  },
});

function fail(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(2);
}

if (!a.out) fail('--out is required');
const preset = a.preset as PresetName;
if (!PRESET_NAMES.includes(preset)) fail(`--preset must be one of ${PRESET_NAMES.join(', ')}`);
const encoding = a.encoding as CsvEncoding;
if (!CSV_ENCODINGS.includes(encoding)) fail(`--encoding must be one of ${CSV_ENCODINGS.join(', ')}`);
const delimiter = a.delimiter === '\\t' || a.delimiter === 'tab' ? '\t' : a.delimiter;
if (![',', ';', '\t', '|'].includes(delimiter)) fail('--delimiter must be , ; tab or |');
const locales = a.locales?.split(',') as Locale[] | undefined;
if (locales?.some((l) => !ALL_LOCALES.includes(l))) fail(`--locales must be from ${ALL_LOCALES.join(', ')}`);
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

const source: ExportSource & { out: string } = {
  out: a.out,
  rows: Number(a.rows),
  seed: Number(a.seed),
  preset,
  quotedNewlineRate: Number(a['newline-rate']),
  spreadsheetRate: Number(a['spreadsheet-rate']),
  generate: {
    duplicateRate: num(a['duplicate-rate']), householdRate: num(a['household-rate']), errorRate: num(a['error-rate']),
    // Windows-1252 holds no Hanzi: such files get Western people unless told otherwise.
    locales: locales ?? (encoding === 'windows-1252' ? [...WESTERN_LOCALES] : undefined),
  },
};

mkdirSync(dirname(a.out), { recursive: true });
const started = performance.now();
const summary = a.out.endsWith('.xlsx')
  ? await writeXlsxExport(source)
  : a.out.endsWith('.json')
    ? await writeJsonExport({ ...source, brokenRowRate: Number(a['broken-rate']) })
    : await writeCsvExport({
        ...source, encoding, delimiter: delimiter as ',' | ';' | '\t' | '|', lineEnding: a['line-ending'] === 'crlf' ? '\r\n' : '\n',
        brokenRowRate: Number(a['broken-rate']), quoteAll: a['quote-all'], unterminatedQuote: a.unterminated as 'none' | 'last' | 'anywhere',
      });
process.stdout.write(JSON.stringify({ ...summary, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) }) + '\n');
