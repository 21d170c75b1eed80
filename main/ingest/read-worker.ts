import { parentPort, workerData } from 'node:worker_threads';
import { openRecords, type InspectedFile } from './open-file.ts';
import type { ParsedRecord } from './records.ts';

/**
 * Parses a file in its own thread so that parsing and SQLite writing run on
 * both cores at once. Batches are sent only when the writer asks for them
 * (credit-based), so a slow disk or writer never lets memory run away.
 */
export type FromReader =
  | { type: 'headers'; headers: string[] }
  | { type: 'batch'; records: ParsedRecord[]; bytesRead: number }
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; code: string; message: string };

export type ToReader = { type: 'more' } | { type: 'stop' };

const port = parentPort!;
const file = workerData as InspectedFile;
let credit = 0;
let wake: (() => void) | null = null;
let stopped = false;

port.on('message', (msg: ToReader) => {
  if (msg.type === 'stop') stopped = true;
  else credit++;
  wake?.();
});

async function waitForCredit(): Promise<void> {
  while (credit === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
}

try {
  const stream = await openRecords({ ...file, scan: { ...file.scan, head: Buffer.from(file.scan.head) } });
  port.postMessage({ type: 'headers', headers: stream.headers } satisfies FromReader);
  for await (const records of stream.batches) {
    await waitForCredit();
    if (stopped) break;
    // Serialising the raw cells here takes that work off the writer's thread.
    for (const r of records) if (r.ok) r.json = JSON.stringify(r.cells);
    port.postMessage({ type: 'batch', records, bytesRead: stream.bytesRead() } satisfies FromReader);
  }
  port.postMessage({ type: 'end', bytesRead: stream.bytesRead() } satisfies FromReader);
} catch (err) {
  const e = err as { code?: string; message?: string };
  port.postMessage({ type: 'error', code: e.code ?? 'file_unreadable', message: e.message ?? String(err) } satisfies FromReader);
}
port.close();
