import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { siblingModule, spawnWorker } from '../lib/spawn-worker.ts';
import type { InspectedFile } from './open-file.ts';
import type { FromReader } from './read-worker.ts';
import type { RecordBatch, RecordStream } from './records.ts';

/** Batches allowed in flight: enough to keep both threads busy, few enough to bound memory. */
const WINDOW = 4;

/** The same RecordStream as openRecords, produced by a reader thread. */
export async function openRecordsInWorker(file: InspectedFile): Promise<RecordStream> {
  const worker = spawnWorker(siblingModule(import.meta.url, 'read-worker'), { workerData: file });
  const queue: FromReader[] = [];
  let notify: (() => void) | null = null;
  worker.on('message', (m: FromReader) => {
    queue.push(m);
    notify?.();
  });
  worker.on('error', (err) => {
    queue.push({ type: 'error', code: 'internal', message: err.message });
    notify?.();
  });
  const next = async (): Promise<FromReader> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
    return queue.shift()!;
  };
  const fail = (m: Extract<FromReader, { type: 'error' }>): never => {
    void worker.terminate();
    throw new AppError(m.code as ErrorCode, m.message);
  };
  const first = await next();
  if (first.type === 'error') fail(first);
  if (first.type !== 'headers') throw new AppError('internal', 'The reader thread did not send the headers first.');
  if (first.headers.length === 0) {
    void worker.terminate();
    throw new AppError('file_unreadable', `${file.fileName} has no header row.`);
  }
  let bytes = 0;
  let contentHash: string | null = null;
  for (let i = 0; i < WINDOW; i++) worker.postMessage({ type: 'more' });
  async function* batches(): AsyncGenerator<RecordBatch> {
    try {
      for (;;) {
        const m = await next();
        if (m.type === 'error') fail(m);
        if (m.type === 'end') contentHash = m.contentHash;
        if (m.type === 'end' || m.type === 'headers') return;
        if (m.type === 'batch') {
          bytes = m.bytesRead;
          worker.postMessage({ type: 'more' });
          yield m.records;
        }
      }
    } finally {
      // Also reached when the consumer stops early (cancel): the thread must not linger.
      await worker.terminate();
    }
  }
  return { headers: first.headers, batches: batches(), bytesRead: () => bytes, contentHash: () => contentHash, useLayout: (layout) => worker.postMessage({ type: 'layout', layout }) };
}
