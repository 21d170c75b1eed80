import type { TFunction } from 'i18next';
import type { BatchInfo } from '../../../../shared/channels/fix.ts';
import { fieldName, ruleName } from '../fixes/fix-text.ts';

type Batch = Pick<BatchInfo, 'kind' | 'params' | 'target' | 'description'>;
type Params = Record<string, unknown>;

/**
 * A batch of the change history said in the UI language from its kind and
 * parameters (the stored description is English, for the CLI and the log):
 * "Applied 65 suggestions: Email in lower case", "Edited Email of Jade Boyer
 * (#12)", "Undo of batch #5: …". An undo, redo or revert carries the
 * parameters of the batch it is ultimately about, prefixed root_.
 */
export function batchSentence(t: TFunction, lng: string, b: Batch): string {
  const p = b.params;
  switch (b.kind) {
    case 'fix':
    case 'edit':
    case 'verify':
      return ownWork(t, lng, b.kind, p);
    case 'undo':
    case 'redo':
      return t(`history.sentence.${b.kind}`, { target: p.rootId ?? b.target, what: rootWork(t, lng, p) });
    case 'revert':
      if (p.change !== undefined) return t('history.sentence.revertChange', { field: fieldName(t, String(p.field)), customer: customer(t, p.customer, p.label), target: b.target });
      if (p.targetKind === 'undo') return t('history.sentence.revertOfUndo', { target: p.rootId ?? b.target, what: rootWork(t, lng, p) });
      return t('history.sentence.revert', { target: b.target, what: rootWork(t, lng, p) });
    case 'withdraw':
      return withdrawWork(t, lng, p);
    case 'merge':
    case 'review':
    case 'unmerge':
    case 'import':
      return mergeWork(t, lng, p) ?? t('history.sentence.other', { kind: kindName(t, b.kind), description: b.description });
    default:
      return t('history.sentence.other', { kind: kindName(t, b.kind), description: b.description });
  }
}

export function kindName(t: TFunction, kind: string): string {
  return t(`history.kind.${kind}`, { defaultValue: kind });
}

/** What the batch an undo or redo is about did, from its root_ parameters (older projects lack them: its kind then). */
export function rootWork(t: TFunction, lng: string, p: Params): string {
  const kind = typeof p.rootKind === 'string' ? p.rootKind : typeof p.targetKind === 'string' ? p.targetKind : '';
  const root: Params = {};
  for (const [k, v] of Object.entries(p)) if (k.startsWith('root_')) root[k.slice(5)] = v;
  if (p.rootKind === undefined) return t('history.sentence.unknownTarget', { kind: kindName(t, kind) });
  if (kind === 'fix' || kind === 'edit' || kind === 'verify') return ownWork(t, lng, kind, root);
  if (kind === 'revert' && root.change !== undefined) return t('history.sentence.revertChange', { field: fieldName(t, String(root.field)), customer: customer(t, root.customer, root.label), target: p.rootTarget });
  if (kind === 'revert') return t('history.sentence.revert', { target: p.rootTarget, what: rootWork(t, lng, root) });
  if (kind === 'withdraw') return withdrawWork(t, lng, root);
  const merged = mergeWork(t, lng, root);
  if (merged) return merged;
  return t('history.sentence.unknownTarget', { kind: kindName(t, kind) });
}

/** A source's withdrawal (issue 11): its file and how many customers it hid. */
function withdrawWork(t: TFunction, lng: string, p: Params): string {
  return t('history.sentence.withdraw', { source: p.source, file: String(p.fileName ?? ''), customers: Number(p.customers ?? 0).toLocaleString(lng) });
}

function ownWork(t: TFunction, lng: string, kind: 'fix' | 'edit' | 'verify', p: Params): string {
  if (kind === 'edit') return t('history.sentence.edit', { field: fieldName(t, String(p.field ?? '')), customer: customer(t, p.customer, p.label) });
  if (kind === 'verify') return verifyWork(t, lng, p);
  const rules = typeof p.rules === 'string' && p.rules ? p.rules.split(',').map((r) => ruleName(t, r)).join(', ') : '';
  if (p.automatic) return t('history.sentence.fixAutomatic', { rules });
  const count = typeof p.suggestions === 'number' ? p.suggestions : 0;
  const formatted = count.toLocaleString(lng);
  return rules ? t('history.sentence.fix', { count, formatted, rules }) : t('history.sentence.fixNoRule', { count, formatted });
}

/** "Marked Ann Lee (#3) verified", "Marked 12 customers verified", "Took back the verification of …". */
function verifyWork(t: TFunction, lng: string, p: Params): string {
  const marked = typeof p.verified === 'number';
  const count = Number(marked ? p.verified : p.unverified) || 0;
  if (count === 1 && p.customer !== undefined) return t(marked ? 'history.sentence.verifyOne' : 'history.sentence.unverifyOne', { customer: customer(t, p.customer, p.label) });
  return t(marked ? 'history.sentence.verify' : 'history.sentence.unverify', { count, formatted: count.toLocaleString(lng) });
}

/** A duplicate decision, merge, unmerge or source update from its parameters (main/match/review, main/merge, main/ingest). */
function mergeWork(t: TFunction, lng: string, p: Params): string | null {
  const n = (v: unknown): string => (typeof v === 'number' ? v.toLocaleString(lng) : String(v ?? ''));
  const field = fieldName(t, String(p.field ?? ''));
  switch (p.action) {
    case 'accept': return t('merge.history.accept', { records: n(p.records), golden: p.golden });
    case 'reject': return t('merge.history.reject', { cluster: p.cluster, records: n(p.records) });
    case 'split': return t('merge.history.split', { customer: p.customer, cluster: p.cluster });
    case 'not_same': return t('merge.history.notSame', { a: p.a, b: p.b });
    case 'pick': return p.customer === null || p.customer === undefined
      ? t('merge.history.unpick', { field, cluster: p.cluster })
      : t('merge.history.pick', { field, cluster: p.cluster, customer: p.customer });
    case 'bulk_accept': return t('merge.history.bulk', { clusters: n(p.clusters), records: n(p.records), threshold: p.threshold });
  }
  if (p.all) return t('merge.history.unmergeAll', { golden: n(p.golden), records: n(p.records) });
  if (p.golden !== undefined && p.customer !== undefined) return t('merge.history.takeOut', { customer: p.customer, golden: p.golden });
  if (p.golden !== undefined) return t('merge.history.unmerge', { golden: p.golden, records: n(p.records) });
  if (p.system !== undefined || p.gone !== undefined) return t('merge.history.update', { changed: n(p.changed), gone: n(p.gone) });
  return null;
}

function customer(t: TFunction, id: unknown, name: unknown): string {
  return typeof name === 'string' && name ? t('history.sentence.namedCustomer', { name, id }) : t('history.sentence.customer', { id });
}
