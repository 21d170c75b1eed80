/**
 * The demo project's data: one population of customers spread over four
 * exports the way a company's systems hold them, with the same people in
 * several files (cross-source duplicates), households, and the usual damage.
 *
 *   node --import tsx resources/generator/make-demo.ts [outDir]     (default resources/demo)
 *
 * Truth sidecars go to <outDir>/truth/ so the app's import picker does not
 * offer them as exports. entity_id and household_id mean the same person and
 * household in every truth file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCustomers, DEFAULT_REFERENCE_DATE } from './generate-people.ts';
import type { PresetName } from './export-formats.ts';
import { deriveSeed, Rng } from './prng.ts';
import type { GeneratedCustomer } from './types.ts';
import { writeCsvExport, writeXlsxExport, type ExportSummary } from './write-export.ts';
import { writeActivity } from './activity/write-activity.ts';

const SEED = 2026;
const TOTAL = 3400;

type SourceName = 'salesforce' | 'hubspot' | 'erp' | 'dynamics';

interface DemoFile {
  source: SourceName;
  file: string;
  preset: PresetName;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  description: { en: string; 'zh-CN': string };
}

const FILES: readonly DemoFile[] = [
  {
    source: 'salesforce', file: 'salesforce-contacts.csv', preset: 'salesforce', format: 'csv', encoding: 'utf8', delimiter: ',',
    description: {
      en: 'Salesforce contact export (UTF-8, comma, CRLF, every cell quoted): multi-line descriptions and a few damaged rows, the last one cut off.',
      'zh-CN': 'Salesforce 联系人导出（UTF-8，逗号分隔，CRLF，全部加引号）：含多行描述和少量损坏行，最后一行被截断。',
    },
  },
  {
    source: 'hubspot', file: 'hubspot-contacts.csv', preset: 'hubspot', format: 'csv', encoding: 'utf8-bom', delimiter: ';',
    description: {
      en: 'HubSpot contacts saved from European Excel (UTF-8 with BOM, semicolon): many of the same people as in Salesforce, spelt differently; Excel took digits-only phone numbers for numbers (leading zeros lost, long ones as 4.91511E+12).',
      'zh-CN': '从欧洲版 Excel 另存的 HubSpot 联系人（带 BOM 的 UTF-8，分号分隔）：许多客户与 Salesforce 中重复，但写法不同；Excel 把纯数字的电话号码当作数字（丢失开头的 0，较长的变成 4.91511E+12）。',
    },
  },
  {
    source: 'erp', file: 'erp-customers-gb18030.csv', preset: 'chinese_erp', format: 'csv', encoding: 'gb18030', delimiter: ',',
    description: {
      en: 'Customer master from a Chinese ERP (GB18030, comma): Hanzi names, Chinese addresses and dates; some customers also appear in Salesforce in pinyin.',
      'zh-CN': '国内 ERP 的客户档案（GB18030 编码，逗号分隔）：中文姓名、地址和日期；部分客户也以拼音出现在 Salesforce 中。',
    },
  },
  {
    source: 'dynamics', file: 'dynamics-contacts.xlsx', preset: 'dynamics365', format: 'xlsx',
    description: {
      en: 'Dynamics 365 contacts as an Excel workbook: full names, incomes and genders the CRMs above lack; a few rows edited in Excel hold phone numbers as number cells.',
      'zh-CN': 'Dynamics 365 联系人 Excel 工作簿：包含上面几个 CRM 没有的全名、收入和性别；少量在 Excel 中编辑过的行把电话号码存成了数字单元格。',
    },
  },
];

/** Where a record lives: Chinese customers mostly in the ERP, everyone else in the CRMs. A repeat prefers another system. */
function route(rng: Rng, record: GeneratedCustomer, lastSource: Map<string, SourceName>): SourceName {
  const options: [SourceName, number][] = record.locale === 'zh-CN'
    ? [['erp', 75], ['salesforce', 20], ['dynamics', 5]]
    : [['salesforce', 42], ['hubspot', 40], ['dynamics', 18]];
  const previous = lastSource.get(record.entityId);
  const weighted = options.map(([s, w]): [SourceName, number] => [s, previous === s ? w * 0.3 : w]);
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.float() * total;
  for (const [source, w] of weighted) if ((r -= w) < 0) return source;
  return weighted[weighted.length - 1][0];
}

const outDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'demo'));
const truthDir = join(outDir, 'truth');
mkdirSync(truthDir, { recursive: true });

const rng = new Rng(deriveSeed(SEED, 'demo-routing'));
const bySource = new Map<SourceName, GeneratedCustomer[]>(FILES.map((f) => [f.source, []]));
const lastSource = new Map<string, SourceName>();
const all = [...generateCustomers({
  count: TOTAL, seed: SEED, duplicateRate: 0.16, householdRate: 0.06, errorRate: 0.08,
  localeWeights: { 'en-US': 3, 'en-GB': 2, 'de-DE': 2, 'fr-FR': 1.5, 'es-ES': 1, 'it-IT': 1, 'nl-NL': 1, 'zh-CN': 5 },
})];
for (const record of all) {
  const source = route(rng, record, lastSource);
  lastSource.set(record.entityId, source);
  bySource.get(source)!.push(record);
}

/** Share of each file's rows whose phone cells went through Excel: all of the file saved from Excel, a few edited rows of the workbook. */
const SPREADSHEET: Record<SourceName, number> = { salesforce: 0, hubspot: 1, erp: 0, dynamics: 0.1 };

/** Broken rows wanted per file: enough to show quarantine, few enough to read each one. */
const BROKEN: Record<SourceName, [number, number]> = { salesforce: [3, 5], hubspot: [1, 3], erp: [1, 3], dynamics: [0, 0] };

async function writeFile(f: DemoFile, attempt: number): Promise<ExportSummary> {
  const records = bySource.get(f.source)!;
  const common = { out: join(outDir, f.file), truthPath: join(truthDir, `${f.file}.truth.csv`), records, seed: deriveSeed(SEED + attempt, f.file), preset: f.preset };
  if (f.format === 'xlsx') return writeXlsxExport({ ...common, quotedNewlineRate: 0.01, spreadsheetRate: SPREADSHEET[f.source] });
  return writeCsvExport({
    ...common,
    encoding: f.encoding as 'utf8' | 'utf8-bom' | 'gb18030',
    delimiter: f.delimiter as ',' | ';',
    lineEnding: '\r\n',
    quoteAll: f.source === 'salesforce',
    quotedNewlineRate: 0.015,
    brokenRowRate: (BROKEN[f.source][0] + BROKEN[f.source][1]) / 2 / records.length,
    unterminatedQuote: f.source === 'salesforce' ? 'last' : 'none',
    spreadsheetRate: SPREADSHEET[f.source],
  });
}

const summaries = new Map<SourceName, ExportSummary>();
for (const f of FILES) {
  // Broken rows are drawn at random; the first writer seed whose count falls in the wanted range is kept.
  const [min, max] = BROKEN[f.source];
  let summary = await writeFile(f, 0);
  for (let attempt = 1; attempt < 50 && (summary.brokenRows < min || summary.brokenRows > max); attempt++) summary = await writeFile(f, attempt);
  summaries.set(f.source, summary);
}

const entities = new Set(all.map((r) => r.entityId));
const households = new Set(all.flatMap((r) => (r.householdId ? [r.householdId] : [])));
const crossSource = [...new Set(all.filter((r) => r.role === 'duplicate').map((r) => r.entityId))].filter((id) => new Set(FILES.flatMap((f) => (bySource.get(f.source)!.some((r) => r.entityId === id) ? [f.source] : []))).size > 1);
// Purchases, refunds and needs of the customers of the three CSV systems (their record ids never collide), as of the reference date.
const referenceDay = DEFAULT_REFERENCE_DATE.toISOString().slice(0, 10);
const activityFiles = { transactions: join(outDir, 'orders.csv'), needs: join(outDir, 'needs.csv'), truth: join(truthDir, 'rfm.truth.csv') };
const activity = writeActivity(FILES.filter((f) => f.format === 'csv').map((f) => join(truthDir, `${f.file}.truth.csv`)), activityFiles, { seed: SEED, asOf: referenceDay });

const manifest = {
  description: {
    en: 'Demo customer data from four systems of one company. The same people appear in several files; truth/ holds what is really duplicated and wrong.',
    'zh-CN': '同一家公司四个系统的演示客户数据。同一客户会出现在多个文件中；truth/ 目录记录真实的重复和错误。',
  },
  generator: { command: 'npm run gen:demo', seed: SEED, referenceDate: DEFAULT_REFERENCE_DATE.toISOString().slice(0, 10) },
  totals: { records: all.length, people: entities.size, households: households.size, peopleInSeveralFiles: crossSource.length },
  activity: {
    transactions: 'orders.csv', needs: 'needs.csv', truth: 'truth/rfm.truth.csv', asOf: referenceDay,
    rows: { transactions: activity.transactions, needs: activity.needs }, buyers: activity.buyers, unknownReferences: activity.unknownReferences,
    description: {
      en: 'Purchases and refunds (euros, dollars, yuan, pounds; dates and amounts as exports write them) and needs of the CRM and ERP customers; truth/rfm.truth.csv gives each buyer\'s last purchase, purchases and net spend per currency as of the reference date.',
      'zh-CN': 'CRM 与 ERP 客户的购买、退款（欧元、美元、人民币、英镑；日期和金额按各系统导出的写法）和需求；truth/rfm.truth.csv 给出截至参考日期每位买家的最近购买日期、购买次数和各币种净消费。',
    },
  },
  files: FILES.map((f) => {
    const s = summaries.get(f.source)!;
    return {
      file: f.file, format: f.format, preset: f.preset, encoding: f.encoding ?? null, delimiter: f.delimiter ?? null,
      rows: s.rows, brokenRows: s.brokenRows, truth: `truth/${f.file}.truth.csv`, description: f.description,
    };
  }),
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
process.stdout.write(JSON.stringify(manifest.totals) + '\n' + manifest.files.map((f) => `${f.file}: ${f.rows} rows, ${f.brokenRows} broken`).join('\n') + '\n');
