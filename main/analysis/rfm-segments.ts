/**
 * The stored RFM run seen through the editable segment rules: the segment
 * table, the run's figures and the customers of one segment. Segments are
 * worked out from the (at most 125) score cells, so editing a rule re-labels
 * a million customers without touching them.
 */
import { cellsOfRule, deadRules, defaultRfmRules, OTHER_SEGMENT, ruleIndexOf, type DeadRule, type RfmRule } from '../../shared/domain/rfm-rules.ts';
import type { WhereClause } from '../store/grid-query.ts';
import type { Db } from '../store/open-project.ts';
import { customersInCells, readJsonSetting, rfmCells, saveRfmScores, writeJsonSetting } from '../store/rfm-repo.ts';
import { throwIfCancelled } from '../lib/cancellation.ts';
import { computeRfm, type RfmOptions, type RfmRun, type RfmWork } from './rfm.ts';

const RULES_KEY = 'rfm_rules';
const RUN_KEY = 'rfm_run';

export type RunFigures = Omit<RfmRun, 'rows'> & { scored: number; ranAt: string };

export interface SegmentLine {
  /** The rule's position; -1 for "Other". */
  index: number;
  name: string;
  preset?: string;
  count: number;
  monetary: number;
}

export interface RfmOverview {
  run: RunFigures | null;
  rules: RfmRule[];
  dead: DeadRule[];
  segments: SegmentLine[];
}

export function rfmRules(db: Db): RfmRule[] {
  return readJsonSetting<RfmRule[]>(db, RULES_KEY) ?? defaultRfmRules.map((r) => ({ ...r }));
}

/** null puts the defaults back. */
export function saveRfmRules(db: Db, rules: RfmRule[] | null): void {
  if (rules === null) db.prepare('DELETE FROM settings WHERE key = ?').run(RULES_KEY);
  else writeJsonSetting(db, RULES_KEY, rules);
}

/** Computes RFM and stores it as the project's current run. */
export function runRfm(db: Db, opts: RfmOptions, now: Date = new Date(), work: RfmWork = {}): RfmOverview {
  const run = computeRfm(db, opts, work);
  throwIfCancelled(work.signal, 'RFM was cancelled; the previous run stands.');
  work.onProgress?.({ step: 'save', done: 0, total: run.rows.length });
  storeRfmRun(db, run, now);
  return rfmOverview(db);
}

/** Stores a computed run as the project's current one (scores and figures). */
export function storeRfmRun(db: Db, run: RfmRun, now: Date = new Date()): void {
  const { rows, ...figures } = run;
  saveRfmScores(db, rows);
  writeJsonSetting(db, RUN_KEY, { ...figures, scored: rows.length, ranAt: now.toISOString() } satisfies RunFigures);
}

/** The newest run's figures (date, per, currency, rates), null before a first run. */
export function currentRun(db: Db): RunFigures | null {
  return readJsonSetting<RunFigures>(db, RUN_KEY);
}

export function rfmOverview(db: Db): RfmOverview {
  const rules = rfmRules(db);
  const run = currentRun(db);
  const lines: SegmentLine[] = [...rules.map((r, index) => ({ index, name: r.name, preset: r.preset, count: 0, monetary: 0 })), { index: -1, name: OTHER_SEGMENT, count: 0, monetary: 0 }];
  for (const { cell, count, monetary } of rfmCells(db)) {
    const i = ruleIndexOf(rules, Math.floor(cell / 100), Math.floor(cell / 10) % 10, cell % 10);
    const line = lines[i < 0 ? lines.length - 1 : i];
    line.count += count;
    line.monetary += monetary;
  }
  for (const l of lines) l.monetary = Math.round(l.monetary * 100) / 100;
  return { run, rules, dead: deadRules(rules), segments: lines };
}

/** The customers of one segment (rule index, -1 for "Other") under the current rules, as the grid's restriction. */
export function segmentCustomers(db: Db, index: number): WhereClause {
  return customersInCells(currentRun(db)?.per ?? 'customer', cellsOfRule(rfmRules(db), index));
}
