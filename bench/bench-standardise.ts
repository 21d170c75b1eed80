/**
 * Times the standardisers on generated customers (resources/generator, the
 * messy multi-locale export the import and profile benchmarks use): first
 * the per-column date-order evidence, then standardiseRecord on every
 * record. Records are generated in batches outside the timed part, so only
 * the standardisers are measured. Prints µs per record: wall-clock, the main
 * thread's CPU (what the standardisers cost even when other work shares the
 * cores) and the process's CPU (adds V8's garbage-collection helper threads,
 * busy with the generator's garbage too), and the outcomes by rule; asserts
 * nothing. Node 24 (process.threadCpuUsage):
 *
 *   npx node --import tsx bench/bench-standardise.ts [count=1000000]
 */
import { generateCustomers } from '../resources/generator/generate-people.ts';
import { standardiseRecord, type DateField, type RecordValues } from '../main/standardize/standardise-record.ts';
import { DateOrderEvidence } from '../main/standardize/standardise-date.ts';
import type { DateOrder } from '../main/standardize/date.ts';
import { loadavg } from 'node:os';

const readLoad = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

const count = Number(process.argv[2] ?? 1_000_000);
const batch = 50_000;
const now = new Date('2026-12-01T00:00:00Z');
const dateFields: DateField[] = ['birth_date', 'created_at', 'updated_at'];
const cpuSince = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start);
  return d.user + d.system;
};
const threadCpuSince = (start: NodeJS.CpuUsage): number => {
  const d = process.threadCpuUsage(start);
  return d.user + d.system;
};

function* batches(): Generator<RecordValues[]> {
  let buf: RecordValues[] = [];
  for (const r of generateCustomers({ count, seed: 42 })) {
    buf.push(r.values as RecordValues);
    if (buf.length === batch) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}

// Pass 1: the column evidence, as the engine gathers it per source and column.
const evidence = Object.fromEntries(dateFields.map((f) => [f, new DateOrderEvidence()])) as Record<DateField, DateOrderEvidence>;
let evidenceNs = 0n;
let evidenceCpu = 0;
for (const records of batches()) {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  for (const r of records) for (const f of dateFields) evidence[f].add(r[f]);
  evidenceCpu += cpuSince(c);
  evidenceNs += process.hrtime.bigint() - t;
}
const dateOrders = Object.fromEntries(dateFields.map((f) => [f, evidence[f].inferredOrder()])) as Partial<Record<DateField, DateOrder>>;

// Baseline: touching every character of every value once (what any per-record pass pays in memory traffic).
let baseNs = 0n;
let baseCpu = 0;
let checksum = 0;
for (const records of batches()) {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  for (const r of records) {
    for (const k in r) {
      const v = r[k as keyof RecordValues];
      if (typeof v === 'string') for (let i = 0; i < v.length; i++) checksum = (checksum + v.charCodeAt(i)) | 0;
    }
  }
  baseCpu += cpuSince(c);
  baseNs += process.hrtime.bigint() - t;
}

// Pass 2: every record.
const rules = new Map<string, number>();
let ns = 0n;
let n = 0;
let outcomes = 0;
let cpu = 0;
let threadCpu = 0;
for (const records of batches()) {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  const tc = process.threadCpuUsage();
  for (const r of records) {
    const out = standardiseRecord(r, { now, dateOrders });
    outcomes += out.length;
    for (const o of out) rules.set(o.outcome.rule, (rules.get(o.outcome.rule) ?? 0) + 1);
  }
  threadCpu += threadCpuSince(tc);
  cpu += cpuSince(c);
  ns += process.hrtime.bigint() - t;
  n += records.length;
}

const us = (x: bigint): string => (Number(x) / 1000 / n).toFixed(2);
console.log(`records: ${n.toLocaleString('en')}, outcomes: ${outcomes.toLocaleString('en')}`);
const cpuUs = (x: number): string => (x / n).toFixed(2);
console.log(`load average ${readLoad()}`);
console.log(`date-order evidence: ${us(evidenceNs)} µs/record wall, ${cpuUs(evidenceCpu)} µs CPU (orders: ${dateFields.map((f) => `${f}=${dateOrders[f] ?? 'none'}`).join(', ')})`);
console.log(`baseline (read every character): ${us(baseNs)} µs/record wall, ${cpuUs(baseCpu)} µs CPU (checksum ${checksum})`);
console.log(
  `standardiseRecord: ${us(ns)} µs/record wall, ${cpuUs(threadCpu)} µs main-thread CPU, ${cpuUs(cpu)} µs process CPU; ` +
    `${(Number(ns) / 1e9).toFixed(2)} s wall, ${(threadCpu / 1e6).toFixed(2)} s main-thread CPU in all`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const [rule, k] of [...rules].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(28)} ${k.toLocaleString('en')}`);
