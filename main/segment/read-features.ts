/**
 * Reads the chosen features of every customer into columns of numbers. A
 * customer lacking a feature keeps NaN there: it is counted and listed by
 * the segmentation, never silently dropped.
 */
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import type { Db } from '../store/open-project.ts';
import { iterateFeatureRows, sourceFileNames } from '../store/segments-repo.ts';
import type { FeatureContext, FeatureDef, FeatureRow } from './features.ts';

export interface FeatureTable {
  names: string[];
  ids: number[];
  sources: string[];
  recordIds: (string | null)[];
  /** One column per feature, NaN where the customer lacks it. */
  values: Float64Array[];
}

const CHECK_EVERY = 50_000;

export function readFeatures(db: Db, features: readonly FeatureDef[], ctx: FeatureContext, opts: { signal?: Cancellation; onProgress?: (done: number) => void } = {}): FeatureTable {
  const columns = [...new Set(features.flatMap((f) => f.columns))];
  const readers = features.map((f) => f.prepare(db, ctx));
  let current: unknown[] = [];
  const row: FeatureRow = { id: 0, get: (column) => current[3 + columns.indexOf(column)] };
  const sourceNames = sourceFileNames(db);
  const ids: number[] = [];
  const sources: string[] = [];
  const recordIds: (string | null)[] = [];
  const grow: number[][] = features.map(() => []);
  for (const r of iterateFeatureRows(db, columns)) {
    current = r;
    row.id = r[0] as number;
    ids.push(row.id);
    sources.push(sourceNames.get(r[1] as number) ?? '');
    recordIds.push((r[2] as string | null) ?? null);
    for (let f = 0; f < readers.length; f++) grow[f].push(readers[f](row) ?? Number.NaN);
    if (ids.length % CHECK_EVERY === 0) {
      throwIfCancelled(opts.signal, 'The segmentation was cancelled; the previous one is still current.');
      opts.onProgress?.(ids.length);
    }
  }
  return { names: features.map((f) => f.name), ids, sources, recordIds, values: grow.map((g) => Float64Array.from(g)) };
}

/** Indexes of the rows that have every feature, and for the others which features they lack. */
export function completeRows(table: FeatureTable): { complete: Int32Array; missing: Map<number, string[]> } {
  const complete: number[] = [];
  const missing = new Map<number, string[]>();
  for (let i = 0; i < table.ids.length; i++) {
    const lacks = table.names.filter((_, f) => Number.isNaN(table.values[f][i]));
    if (lacks.length === 0) complete.push(i);
    else missing.set(i, lacks);
  }
  return { complete: Int32Array.from(complete), missing };
}
