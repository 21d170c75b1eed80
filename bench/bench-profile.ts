/**
 * npm run bench:profile — profiles 1,000,000 messy customers in a temp
 * project file and prints the wall-clock seconds, the CPU seconds (all
 * threads of the process) and the peak RSS. Uses the shared generator
 * (resources/generator, generateCustomers) when present, else the synthetic
 * rows below. Only profileProject is timed; building the file is not. The
 * project is opened as the profile job opens it (openProject, no WAL
 * checkpoints until the end).
 *
 *   node --import tsx bench/bench-profile.ts [count]
 *   KEEP_BENCH_DB=/some/dir  keeps (and on the next run reuses) the built file
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { customerFieldKeys } from '../shared/domain/fields.ts';
import { profileProject } from '../main/quality/profile.ts';
import { openProject } from '../main/store/open-project.ts';
import { mulberry32 as rng } from '../resources/generator/prng.ts';

type Row = Record<string, string | number | null>;
type Generate = (opts: { count: number; seed: number }) => Iterable<{ values: Record<string, string> }>;

const count = Number(process.argv[2] ?? 1_000_000);
const root = fileURLToPath(new URL('..', import.meta.url));

const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const chance = (p: number): boolean => rand() < p;

const given = ['James', 'Mary', 'Anna', 'Lukas', 'Sophie', 'Hugo', 'Emma', 'Oliver', 'Chloé', 'Jonas', 'Wei', 'Li', 'Fang', 'Jing'];
const family = ['Smith', 'Johnson', 'Müller', 'Schmidt', 'Martin', 'Bernard', 'Taylor', 'Brown', 'Wang', 'Li', 'Zhang', 'Liu', 'Chen'];
const domains = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'qq.com', '163.com', '126.com', 'gmx.de', 'web.de', 'orange.fr', 'acme-corp.com', 'example-firm.de'];
const typos = ['gmial.com', 'hotmial.com', 'yaho.com', '163.con', 'qq.cm', 'gmail.co'];
const countries: Record<string, string[]> = { US: ['USA', 'United States', 'US'], GB: ['UK', 'United Kingdom', 'GB'], DE: ['Germany', 'Deutschland', 'DE'], FR: ['France', 'FR'], CN: ['中国', 'China', 'CN'] };

function phone(c: string): string {
  switch (c) {
    case 'US': return pick([`(${pick(['212', '415', '312', '617'])}) ${2 + Math.floor(rand() * 8)}${digits(2)}-${digits(4)}`, `+1 ${pick(['206', '303', '512'])} ${2 + Math.floor(rand() * 8)}${digits(2)} ${digits(4)}`]);
    case 'GB': return pick([`020 7${digits(3)} ${digits(4)}`, `+44 7911 ${digits(6)}`]);
    case 'DE': return pick([`030 ${2 + Math.floor(rand() * 8)}${digits(6)}`, `+49 151 ${digits(8)}`, `0049 89 ${2 + Math.floor(rand() * 8)}${digits(6)}`]);
    case 'FR': return pick([`01 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`, `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`]);
    default: return pick([`+86 13${digits(1)} ${digits(4)} ${digits(4)}`, `1${pick(['3', '5', '8'])}${digits(9)}`, `010-${2 + Math.floor(rand() * 8)}${digits(7)}`]);
  }
}

function postcode(c: string): string {
  switch (c) {
    case 'US': return chance(0.8) ? digits(5) : `${digits(5)}-${digits(4)}`;
    case 'GB': return pick(['SW1A 1AA', 'EC1A 1BB', 'M1 1AE', 'B33 8TH']);
    case 'CN': return `${1 + Math.floor(rand() * 8)}${digits(5)}`;
    default: return `${1 + Math.floor(rand() * 8)}${digits(4)}`;
  }
}

function date(y: number, m: number, d: number, c: string): string {
  const p = (n: number) => String(n).padStart(2, '0');
  if (c === 'CN') return chance(0.5) ? `${y}年${m}月${d}日` : `${y}-${p(m)}-${p(d)}`;
  if (c === 'US') return `${p(m)}/${p(d)}/${y}`;
  if (c === 'DE') return `${p(d)}.${p(m)}.${y}`;
  return chance(0.9) ? `${p(d)}/${p(m)}/${y}` : `${y}${p(m)}${p(d)}`;
}

function syntheticRow(i: number): Row {
  const c = pick(Object.keys(countries));
  const g = pick(given);
  const f = pick(family);
  const r: Row = {
    source_record_id: String(i + 1),
    full_name: chance(0.01) ? pick(['TEST', 'asdf', 'xxx', 'N/A', '测试']) : `${g} ${f}`,
    given_name: g,
    family_name: f,
    gender: chance(0.05) ? null : pick(c === 'CN' ? ['男', '女'] : ['M', 'F', 'male', 'female']),
    birth_date: chance(0.01) ? '07/03/2085' : chance(0.005) ? '1850-01-01' : date(1940 + Math.floor(rand() * 65), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), c),
    email: chance(0.03) ? null : chance(0.02) ? `${g.toLowerCase()}@${pick(typos)}` : chance(0.01) ? `${g.toLowerCase()}.${f.toLowerCase()}@@mail` : `${g.toLowerCase()}.${f.toLowerCase()}${Math.floor(rand() * 100000)}@${pick(domains)}`,
    phone: chance(0.02) ? '000-000-0000' : chance(0.02) ? digits(4) : phone(c),
    mobile: chance(0.6) ? null : phone(c),
    company: chance(0.5) ? null : pick(['Acme GmbH', 'Globex Ltd', '华为', 'Initech Inc.', 'n/a']),
    street: `${1 + Math.floor(rand() * 200)} ${pick(['Main St', 'Hauptstraße 5', 'Rue de la Paix', '人民路'])}`,
    city: pick(['Berlin', 'London', 'Paris', '北京', 'New York']),
    region: chance(0.5) ? null : pick(['CA', 'Bayern', 'Île-de-France', '广东']),
    postcode: chance(0.02) ? digits(3) : postcode(c),
    country: chance(0.01) ? 'Narnia' : pick(countries[c]),
    income: chance(0.1) ? null : chance(0.01) ? -Math.floor(rand() * 50000) : chance(0.005) ? 1e10 : chance(0.3) ? pick([`${Math.floor(rand() * 90) + 20}k`, `€${Math.floor(rand() * 90) + 20}.000`, `${Math.floor(rand() * 9) + 2}万`]) : Math.round(20000 + rand() * 100000),
    created_at: `20${18 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}T10:00:00Z`,
    updated_at: chance(0.1) ? null : `202${Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}T10:00:00Z`,
  };
  return r;
}

/** The shared messy-customer generator, if it has been written yet. */
async function findGenerator(): Promise<Generate | undefined> {
  const dir = join(root, 'resources/generator');
  if (!existsSync(dir)) return undefined;
  for (const file of ['generate-people.ts', 'index.ts', 'generate.ts', 'generate-customers.ts', 'people/generate.ts', 'people/index.ts']) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const mod = (await import(pathToFileURL(path).href)) as { generateCustomers?: Generate };
    if (typeof mod.generateCustomers === 'function') return mod.generateCustomers;
  }
  return undefined;
}

async function build(path: string): Promise<string> {
  openProject(path, { create: true }).close();
  const db = new Database(path);
  db.pragma('synchronous = OFF');
  const fields = customerFieldKeys;
  const generate = await findGenerator();
  const rows: Iterable<Row> = generate ? (function* () { for (const g of generate({ count, seed: 7 })) yield g.values as Row; })() : (function* () { for (let i = 0; i < count; i++) yield syntheticRow(i); })();
  const sources = [1, 2, 3].map((n) => Number(db.prepare(
    `INSERT INTO sources (file_name, file_path, content_hash, byte_size, format, entity, headers_json, mapping_json, id_column, rows, imported, quarantined, imported_at)
     VALUES (?, ?, ?, 0, 'csv', 'customer', ?, ?, 'id', 0, 0, 0, ?)`,
  ).run(`export-${n}.csv`, `/data/export-${n}.csv`, `h${n}`, JSON.stringify(fields), JSON.stringify(Object.fromEntries(fields.map((f) => [f, f]))), new Date().toISOString()).lastInsertRowid));
  const raw = db.prepare('INSERT INTO raw_rows (id, source_id, row_number, line_number, cells_json) VALUES (?, ?, ?, ?, ?)');
  const ins = db.prepare(`INSERT INTO customer_records (id, source_id, raw_row_id, ${fields.join(', ')}) VALUES (?, ?, ?, ${fields.map(() => '?').join(', ')})`);
  let i = 0;
  let batch: Row[] = [];
  const flush = db.transaction((rs: Row[]) => {
    for (const r of rs) {
      i++;
      const src = sources[i % sources.length];
      raw.run(i, src, i, i + 1, '[]');
      ins.run(i, src, i, ...fields.map((f) => (f === 'income' && typeof r[f] === 'string' && /^-?\d+(\.\d+)?$/.test(r[f] as string) ? Number(r[f]) : (r[f] === '' ? null : (r[f] ?? null)))));
    }
  });
  for (const r of rows) {
    batch.push(r);
    if (batch.length === 10_000) (flush(batch), (batch = []));
  }
  flush(batch);
  db.close();
  return generate ? 'resources/generator generateCustomers' : 'synthetic rows (bench/bench-profile.ts)';
}

// `--build-only <path>`: the child process that writes the file, so the profile's peak RSS is its own.
if (process.argv[3] === '--build-only') {
  console.log(`built ${count.toLocaleString('en-US')} customers from ${await build(process.argv[4])}`);
  process.exit(0);
}

const keep = process.env.KEEP_BENCH_DB;
const dir = keep ? keep : mkdtempSync(join(tmpdir(), 'bench-profile-'));
const path = join(dir, 'bench.crm');
try {
  const t0 = performance.now();
  if (keep && existsSync(path)) console.log(`reusing ${path}`);
  else {
    const built = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(count), '--build-only', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (built.status !== 0) throw new Error('building the bench project failed');
    console.log(`${built.stdout.trim()} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const db = openProject(path);
  db.pragma('wal_autocheckpoint = 0');
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const phases: string[] = [];
  const result = await profileProject(db, {
    defaultCountry: 'US',
    now: new Date('2026-10-01T00:00:00Z'),
    onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
    onPhase: (phase, ms) => phases.push(`${phase} ${(ms / 1000).toFixed(1)}`),
  });
  const seconds = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const o = result.metrics.overall;
  console.log(`profiled ${result.metrics.records.toLocaleString('en-US')} customers in ${seconds.toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ${result.issueCount.toLocaleString('en-US')} issues, peak RSS ${(peak / 1048576).toFixed(0)} MB`);
  console.log(`phases (s since start): ${phases.join(' · ')}`);
  console.log(Object.entries(o).map(([d, m]) => `${d} ${m.value === null ? 'n/a' : (m.value * 100).toFixed(1) + '%'}`).join(' · '));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
