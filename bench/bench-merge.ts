/**
 * npm run bench:merge [-- --scale N] (default 100,000)
 *
 * Merging duplicates as the app does it, through the service: a generated
 * messy export (resources/generator, cached in bench/.data; generation not
 * timed) imported and matched, then the review queue opened and walked
 * (summary, first page, one group side by side; 20 moves to the next group),
 * bulk accept above 0.9 as a job, unmerge --all, and an export of the
 * records before and after the round trip compared byte for byte. Quality:
 * golden records against the true number of people, and the golden email
 * and phone against the person's true ones (a sample of golden records of
 * two or more where a member holds one) beside keeping the first record's
 * value, as a plain drop-duplicates does.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createService } from '../main/service/create-service.ts';
import { canonicalEmail } from '../main/standardize/contact.ts';
import { writeCsvExport } from '../resources/generator/write-export.ts';
import type { EventName, JobDone } from '../shared/contract.ts';

const dataDir = join(import.meta.dirname, '.data');
const scaleArg = process.argv.indexOf('--scale');
const n = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 100_000;
const SAMPLE = 2000;

async function exportOf(rows: number): Promise<string> {
  const csv = join(dataDir, `merge-${rows}.csv`);
  if (existsSync(csv) && existsSync(`${csv}.truth.csv`)) return csv;
  mkdirSync(dataDir, { recursive: true });
  await writeCsvExport({ out: csv, rows, seed: 4, preset: 'salesforce', quotedNewlineRate: 0.002, brokenRowRate: 0.0005 });
  return csv;
}

interface Truth { entity: string; email: string; phone: string }
function truthOf(csv: string): Map<string, Truth> {
  const lines = readFileSync(`${csv}.truth.csv`, 'utf8').split('\n');
  const head = lines[0].split(',');
  const col = (name: string): number => head.indexOf(name);
  const [rid, eid, email, phone] = [col('record_id'), col('entity_id'), col('email_true'), col('phone_true')];
  const out = new Map<string, Truth>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const c = line.split(',');
    out.set(c[rid], { entity: c[eid], email: c[email], phone: c[phone] });
  }
  return out;
}

const mail = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? canonicalEmail(v)?.canonical ?? v.trim().toLowerCase() : null);
/** The national number's last nine digits: the same number whatever prefix or punctuation it was written with. */
const digits = (v: unknown): string | null => {
  const d = String(v ?? '').replace(/\D/g, '');
  return d.length >= 6 ? d.slice(-9) : null;
};

async function main(): Promise<void> {
  const csv = await exportOf(n);
  const truth = truthOf(csv);
  const dir = join(dataDir, `bench-merge-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const events: { event: EventName; payload: unknown }[] = [];
  const service = createService({
    dataDir: join(dir, 'data'), projectsDir: join(dir, 'projects'), demoDir: join(dir, 'no-demo'), mode: 'cli', version: 'bench',
    emit: (event, payload) => events.push({ event, payload }),
  });
  const job = async (jobId: string): Promise<JobDone> => {
    for (;;) {
      const done = events.find((e) => e.event === 'job:done' && (e.payload as JobDone).jobId === jobId);
      if (done) return done.payload as JobDone;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const time = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const r = await run();
    return [r, (performance.now() - t) / 1000];
  };
  const s = (x: number): string => `${x.toFixed(2)} s`;

  await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
  const [, importS] = await time(async () => job((await service.invoke('import:start', { files: [{ path: csv }] })).jobId));
  const [, matchS] = await time(async () => job((await service.invoke('match:start', {})).jobId));
  console.log(`load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`import ${s(importS)}, match ${s(matchS)} (not part of merging)`);

  const before = join(dir, 'before.csv');
  await job((await service.invoke('export:start', { path: before, format: 'csv' })).jobId);

  const [first, openS] = await time(async () => {
    await service.invoke('merge:summary', {});
    const page = await service.invoke('merge:queue-page', { startRow: 0, endRow: 100 });
    await service.invoke('merge:cluster', { id: page.rows[0].id });
    return page;
  });
  let id = first.rows[0].id;
  const [, movesS] = await time(async () => {
    for (let i = 0; i < 20; i++) {
      const p = await service.invoke('merge:queue-position', { id });
      if (p.next === null) break;
      id = p.next;
      await service.invoke('merge:cluster', { id });
    }
  });
  console.log(`review queue: ${first.lastRow.toLocaleString()} groups; open (summary, first page, one group) ${s(openS)}; next group ${s(movesS / 20)} each (20 moves)`);

  const preview = await service.invoke('merge:bulk-preview', { threshold: 0.9 });
  const [bulk, bulkS] = await time(async () => job((await service.invoke('merge:bulk-accept', { threshold: 0.9, expectClusters: preview.clusters })).jobId));
  console.log(`bulk accept ≥ 0.9: ${preview.clusters.toLocaleString()} groups, ${preview.records.toLocaleString()} records in ${s(bulkS)} (${bulk.status})`);

  const summary = await service.invoke('merge:summary', {});
  const people = new Set<string>();
  const db = (await import('better-sqlite3-multiple-ciphers')).default(join(dir, 'p.crmsteward'), { readonly: true });
  const ids = db.prepare('SELECT id, source_record_id FROM customers').raw(true).all() as [number, string][];
  for (const [, rid] of ids) {
    const tr = truth.get(rid);
    if (tr) people.add(tr.entity);
  }
  const goldenIds = db.prepare('SELECT DISTINCT golden_id FROM golden_members ORDER BY golden_id').pluck().all() as number[];
  db.close();
  console.log(`golden records ${summary.goldenRecords.toLocaleString()} for ${people.size.toLocaleString()} true people (${(((summary.goldenRecords - people.size) / people.size) * 100).toFixed(2)}%)`);

  // Every k-th golden record of two or more, up to SAMPLE.
  const step = Math.max(1, Math.floor(goldenIds.length / SAMPLE));
  const tally = { email: { held: 0, golden: 0, first: 0, anyMember: 0 }, phone: { held: 0, golden: 0, first: 0, anyMember: 0 } };
  for (let i = 0; i < goldenIds.length; i += step) {
    const g = await service.invoke('merge:golden', { id: goldenIds[i] });
    const view = await service.invoke('merge:cluster', { id: goldenIds[i] });
    const firstMember = view.members[0];
    const person = truth.get(firstMember.sourceRecordId ?? '');
    if (!person) continue;
    for (const [field, norm, want] of [['email', mail, mail(person.email)], ['phone', digits, digits(person.phone)]] as const) {
      const f = view.fields.find((x) => x.field === field);
      if (!f || f.group === 'empty' || want === null) continue;
      const t = tally[field];
      t.held += 1;
      const got = norm(g.values[field]?.value);
      // The generator gives some duplicates a value of their own (a newer address): true for that record, not the oldest one's.
      const memberTruths = new Set(view.members.map((m) => truth.get(m.sourceRecordId ?? '')).map((x) => (x ? norm(field === 'email' ? x.email : x.phone) : null)));
      if (memberTruths.has(got)) t.anyMember += 1;
      if (got === want) t.golden += 1;
      else if (process.argv.includes('--verbose')) console.log(`  ${field} ${goldenIds[i]}: true ${want}; golden ${String(g.values[field]?.value)} (${g.values[field]?.reason}); members ${f.values.join(' | ')}`);
      if (norm(f.values.find((v) => v !== null && v !== '')) === want) t.first += 1;
    }
  }
  for (const [field, t] of Object.entries(tally)) {
    const p = (x: number): string => `${((x / t.held) * 100).toFixed(1)}%`;
    console.log(`${field} (${t.held} sampled golden records holding one): golden = oldest record's true value ${p(t.golden)} (keeping the first record's value: ${p(t.first)}); golden = some member's true value ${p(t.anyMember)}`);
  }

  const [undo, unmergeS] = await time(async () => {
    const r = await service.invoke('merge:unmerge-all', {});
    return r.jobId ? job(r.jobId) : r;
  });
  void undo;
  const after = join(dir, 'after.csv');
  await job((await service.invoke('export:start', { path: after, format: 'csv' })).jobId);
  const same = readFileSync(before).equals(readFileSync(after));
  console.log(`unmerge --all ${s(unmergeS)}; export after identical to before: ${same}`);
  service.dispose();
  rmSync(dir, { recursive: true, force: true });
}

await main();
