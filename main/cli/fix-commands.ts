/**
 * Fixing from the command line (issue 9): find and apply standardisation
 * suggestions, read the change history, undo and redo, export the working
 * records. Every change is recorded with actor 'cli', so the app's history
 * shows what a script did and can undo it.
 */
import { resolve } from 'node:path';
import { decide } from '../fix/decide.ts';
import { fixRules } from '../fix/fix-rules.ts';
import { suggestFixes } from '../fix/suggest-fixes.ts';
import { fixSummary } from '../fix/suggestion-queries.ts';
import { exportByLayout } from '../jobs/merge-jobs.ts';
import { exportLog, historyState, nextToReverse, redo, stacks, undo, undoAll } from '../history/history.ts';
import { reverseBatch, type ReversalResult } from '../history/reverse-batch.ts';
import { inOneTransaction } from '../store/durable-commit.ts';
import type { Db } from '../store/open-project.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { print } from './output.ts';
import { progressPrinter } from './progress.ts';
import { withProject, type SessionOptions } from './project-session.ts';

const ACTOR = 'cli';

/** history and export only read: they run while the app has the project open. */
const reading = (command: string): SessionOptions => ({ command, access: 'read' });
const writing = (command: string): SessionOptions => ({ command, access: 'write' });


/** Which rules --apply-safe, --apply-all or --apply-rule select; null when nothing is to be applied. */
function rulesToApply(args: ParsedArgs): string[] | 'all' | null {
  const modes = ['apply-safe', 'apply-all', 'apply-rule'].filter((m) => args.options.has(m));
  if (modes.length > 1) throw new UsageError('Choose one of --apply-safe, --apply-all and --apply-rule.');
  if (args.options.has('apply-all')) return 'all';
  if (args.options.has('apply-safe')) return fixRules.filter((r) => r.safe).map((r) => r.id);
  const named = (args.repeated.get('apply-rule') ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (args.options.has('apply-rule') && named.length === 0) throw new UsageError('--apply-rule needs a rule id.');
  const unknown = named.filter((r) => !fixRules.some((k) => k.id === r));
  if (unknown.length) throw new UsageError(`Unknown rule ${unknown.join(', ')}; rules: ${fixRules.map((r) => r.id).join(', ')}.`);
  return named.length ? named : null;
}

/** --apply-all is one batch; named rules get one batch each, so each can be undone on its own. */
function applyRules(db: Db, apply: string[] | 'all', progress: ReturnType<typeof progressPrinter>): { accepted: number; stale: number; batches: number[] } {
  const filters = apply === 'all' ? [{ kind: 'change' as const }] : apply.map((rule) => ({ rule, kind: 'change' as const }));
  const total = { accepted: 0, stale: 0, batches: [] as number[] };
  for (const filter of filters) {
    const r = decide(db, 'accept', { filter }, { actor: ACTOR, onProgress: (p) => progress(p) });
    total.accepted += r.accepted;
    total.stale += r.stale;
    if (r.batchId !== null) total.batches.push(r.batchId);
  }
  return total;
}

export async function fixCommand(args: ParsedArgs): Promise<number> {
  const apply = rulesToApply(args);
  return withProject(args, writing('fix'), async ({ db, path }) => {
    // Before the run, which may itself apply the rules the project set to apply automatically.
    if (apply !== null) await (await import('./backup-commands.ts')).backUpBeforeBulkChange(db, path, 'before-fix', args);
    const progress = progressPrinter(args.options.has('json'));
    // Finding and applying are one transaction: killed at any point, the project holds
    // what it held before the command, never suggestions half-applied.
    const { run, applied } = await inOneTransaction(db, async () => {
      const found = await suggestFixes(db, { onProgress: (p) => progress({ step: p.step, done: p.done, total: p.total }) });
      return { run: found, applied: apply === null ? null : applyRules(db, apply, progress) };
    });
    const summary = fixSummary(db);
    print(args, { run, rules: summary.byRule, applied }, () => [
      `${run.records.toLocaleString('en-US')} customers: ${run.suggestions.toLocaleString('en-US')} suggestions, ${run.flags.toLocaleString('en-US')} flagged values (${run.seconds.toFixed(1)} s)`,
      ...summary.byRule.map((r) => `  ${r.rule.padEnd(22)} ${r.field.padEnd(14)} ${String(r.open + r.accepted + r.rejected + r.stale).padStart(9)}${r.kind === 'flag' ? '  (flagged, nothing proposed)' : ''}`),
      applied === null
        ? 'Nothing applied; review in the app or run again with --apply-safe, --apply-all or --apply-rule RULE.'
        : `Applied ${applied.accepted.toLocaleString('en-US')} suggestions${applied.stale ? ` (${applied.stale} had changed since and were left alone)` : ''}.`,
    ]);
    return 0;
  });
}

function describeReversal(verb: string, r: ReversalResult): string {
  if (r.batchId === null && r.conflicts > 0) return `${verb}: not done, ${r.conflicts} of ${r.total} values were changed again later. Use --force to restore them anyway or --skip-conflicts to leave them.`;
  return `${verb}: ${r.changed.toLocaleString('en-US')} values restored${r.conflicts ? `, ${r.conflicts} changed again later and left alone` : ''}.`;
}

function conflictMode(args: ParsedArgs): 'check' | 'skip' | 'overwrite' {
  if (args.options.has('force') && args.options.has('skip-conflicts')) throw new UsageError('Choose one of --force and --skip-conflicts.');
  return args.options.has('force') ? 'overwrite' : args.options.has('skip-conflicts') ? 'skip' : 'check';
}

export async function undoCommand(args: ParsedArgs): Promise<number> {
  const batch = stringOption(args, 'batch');
  if (batch !== undefined && args.options.has('all')) throw new UsageError('Choose one of --all and --batch.');
  return withProject(args, writing('undo'), ({ db }) => {
    const progress = progressPrinter(args.options.has('json'));
    if (args.options.has('all')) {
      const r = undoAll(db, ACTOR, { onProgress: (done) => progress({ step: 'undo', done, total: 0 }) });
      print(args, r, () => [`Undid ${r.batches} batches: ${r.changed.toLocaleString('en-US')} values restored to what they were before.`]);
      return 0;
    }
    const mode = conflictMode(args);
    let r: ReversalResult;
    if (batch !== undefined) {
      const id = Number(batch);
      if (!Number.isInteger(id)) throw new UsageError('--batch needs a batch id (see crm-steward history).');
      // The newest batch is undone (and can be redone); an older one is reverted by a new batch.
      r = stacks(db).undo.at(-1) === id ? undo(db, ACTOR, mode) : reverseBatch(db, id, 'revert', ACTOR, mode);
    } else r = undo(db, ACTOR, mode);
    print(args, r, () => [describeReversal('Undo', r)]);
    return r.batchId === null && r.conflicts > 0 ? 1 : 0;
  });
}

export async function redoCommand(args: ParsedArgs): Promise<number> {
  return withProject(args, writing('redo'), ({ db }) => {
    nextToReverse(db, 'redo');
    const r = redo(db, ACTOR, conflictMode(args));
    print(args, r, () => [describeReversal('Redo', r)]);
    return r.batchId === null && r.conflicts > 0 ? 1 : 0;
  });
}

export async function historyCommand(args: ParsedArgs): Promise<number> {
  const out = stringOption(args, 'export');
  return withProject(args, reading('history'), ({ db }) => {
    if (out) {
      const rows = exportLog(db, resolve(out));
      print(args, { out: resolve(out), rows }, () => [`Wrote ${rows.toLocaleString('en-US')} changes to ${resolve(out)}.`]);
      return 0;
    }
    const state = historyState(db, 0, 1000);
    print(args, state, () => [
      ...(state.rows.length === 0 ? ['No changes yet.'] : []),
      ...state.rows.map((b) => `${String(b.id).padStart(5)}  ${b.at}  ${b.actor.padEnd(9)} ${b.kind.padEnd(7)} ${String(b.changes).padStart(9)}  ${b.active ? '' : '(undone) '}${b.description}`),
      '',
      `Undo would reverse: ${state.undo ? `${state.undo.id} ${state.undo.description}` : 'nothing'}`,
      `Redo would reverse: ${state.redo ? `${state.redo.id} ${state.redo.description}` : 'nothing'}`,
    ]);
    return 0;
  });
}

export async function exportCommand(args: ParsedArgs): Promise<number> {
  const out = resolve(requireOption(args, 'out'));
  const format = /\.xlsx$/i.test(out) ? 'xlsx' : /\.csv$/i.test(out) ? 'csv' : null;
  if (!format) throw new UsageError('--out must end in .csv or .xlsx.');
  const layouts = (['golden', 'golden-ids', 'decisions'] as const).filter((l) => args.options.has(l));
  if (layouts.length > 1) throw new UsageError('Choose one of --golden, --golden-ids and --decisions.');
  const layout = layouts[0] === 'golden-ids' ? 'records' : (layouts[0] ?? 'customers');
  if (args.options.has('mask') && (layout === 'golden' || layout === 'decisions')) throw new UsageError('--mask applies to the customer exports (with or without --golden-ids), not to --golden or --decisions.');
  return withProject(args, reading('export'), async ({ db }) => {
    const progress = progressPrinter(args.options.has('json'));
    const mask = args.options.has('mask');
    const r = await exportByLayout(db, { path: out, format, bom: args.options.has('bom'), layout, mask }, { onProgress: (p) => progress(p) });
    const what = { customers: 'customers', records: 'customers with their golden record', golden: 'golden records', decisions: 'decisions' }[layout];
    print(args, r, () => [`Wrote ${r.rows.toLocaleString('en-US')} ${what} to ${out}${mask ? ' with email, phone, mobile, birth date and street masked and unmapped columns left out' : ''}.`]);
    return 0;
  });
}
