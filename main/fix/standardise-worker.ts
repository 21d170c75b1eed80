import { parentPort, workerData } from 'node:worker_threads';
import { openProject, type ProjectAccess } from '../store/open-project.ts';
import type { SourceContext } from './source-context.ts';
import { standardiseCustomers, type SuggestionPage } from './standardise-customers.ts';

/**
 * Standardises a project's customers in its own thread, with its own
 * read-only connection, while the job's thread writes the suggestions. Pages
 * are sent only when the writer asks for them (credit-based), so a slow
 * writer never lets memory run away.
 */
export interface StandardiseWorkerData {
  /** The project and its key (an encrypted project's), copied into this thread's memory only. */
  project: ProjectAccess;
  contexts: [number, SourceContext][];
  now: string;
}

/**
 * A page crosses as one JSON string of row tuples: structured-cloning
 * thousands of small objects cost more than the standardising it parallels.
 */
export type FromStandardiser = { type: 'page'; json: string; customers: number } | { type: 'end' } | { type: 'error'; code: string; message: string };

/** A suggestion as a tuple, in NewSuggestion's order. */
export type SuggestionTuple = [number, number, string, 'change' | 'flag', string, SuggestionPage['suggestions'][number]['before'], SuggestionPage['suggestions'][number]['after'], number, string | null];
export type ToStandardiser = { type: 'more' } | { type: 'stop' };

const port = parentPort!;
const data = workerData as StandardiseWorkerData;
let credit = 0;
let stopped = false;
let wake: (() => void) | null = null;
port.on('message', (m: ToStandardiser) => {
  if (m.type === 'stop') stopped = true;
  else credit++;
  wake?.();
});

const db = openProject(data.project.path, { readonly: true, key: data.project.key });
try {
  for (const page of standardiseCustomers(db, new Map(data.contexts), new Date(data.now))) {
    while (credit === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
    if (stopped) break;
    credit--;
    const rows = page.suggestions.map((x): SuggestionTuple => [x.customerId, x.sourceId, x.field, x.kind, x.rule, x.before, x.after, x.confidence, x.params]);
    port.postMessage({ type: 'page', json: JSON.stringify(rows), customers: page.customers } satisfies FromStandardiser);
  }
  port.postMessage({ type: 'end' } satisfies FromStandardiser);
} catch (err) {
  const e = err as { code?: string; message?: string };
  port.postMessage({ type: 'error', code: e.code ?? 'internal', message: e.message ?? String(err) } satisfies FromStandardiser);
} finally {
  db.close();
  port.close();
}
