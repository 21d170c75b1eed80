import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { siblingModule, spawnWorker } from '../lib/spawn-worker.ts';
import type { ProjectAccess } from '../store/open-project.ts';
import type { SourceContext } from './source-context.ts';
import type { SuggestionPage } from './standardise-customers.ts';
import type { FromStandardiser, StandardiseWorkerData, SuggestionTuple } from './standardise-worker.ts';

/** Pages allowed in flight: enough to keep both threads busy, few enough to bound memory. */
const WINDOW = 4;

/** standardiseCustomers, run in a second thread. */
export async function* standardiseInWorker(project: ProjectAccess, contexts: Map<number, SourceContext>, now: Date): AsyncGenerator<SuggestionPage> {
  const data: StandardiseWorkerData = { project, contexts: [...contexts], now: now.toISOString() };
  const worker = spawnWorker(siblingModule(import.meta.url, 'standardise-worker'), { workerData: data });
  const queue: FromStandardiser[] = [];
  let notify: (() => void) | null = null;
  worker.on('message', (m: FromStandardiser) => (queue.push(m), notify?.()));
  worker.on('error', (err) => (queue.push({ type: 'error', code: 'internal', message: err.message }), notify?.()));
  try {
    for (let i = 0; i < WINDOW; i++) worker.postMessage({ type: 'more' });
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      const m = queue.shift()!;
      if (m.type === 'error') throw new AppError(m.code as ErrorCode, m.message);
      if (m.type === 'end') return;
      worker.postMessage({ type: 'more' });
      const suggestions = (JSON.parse(m.json) as SuggestionTuple[]).map(([customerId, sourceId, field, kind, rule, before, after, confidence, params]) => ({
        customerId, sourceId, field, kind, rule, before, after, confidence, params,
      }));
      yield { suggestions, customers: m.customers };
    }
  } finally {
    // Also reached when the writer stops early (cancel): the thread must not linger.
    await worker.terminate();
  }
}
