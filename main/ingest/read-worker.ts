import { parentPort, workerData } from 'node:worker_threads';
import { openRecords, type InspectedFile } from './open-file.ts';
import type { RecordBatch } from './records.ts';
import { packRows, type RowLayout } from './row-layout.ts';

/**
 * Parses a file in its own thread so that parsing and SQLite writing run on
 * both cores at once. Batches are sent only when the writer asks for them
 * (credit-based), so a slow disk or writer never lets memory run away.
 */
export type FromReader =
  | { type: 'headers'; headers: string[] }
  | { type: 'batch'; records: RecordBatch; bytesRead: number }
  | { type: 'end'; bytesRead: number; contentHash: string | null }
  | { type: 'error'; code: string; message: string };

export type ToReader = { type: 'more' } | { type: 'stop' } | { type: 'layout'; layout: RowLayout };

const port = parentPort!;
const file = workerData as InspectedFile;
let credit = 0;
let wake: (() => void) | null = null;
let stopped = false;
let layout: RowLayout | null = null;

port.on('message', (msg: ToReader) => {
  if (msg.type === 'stop') stopped = true;
  else if (msg.type === 'layout') layout = msg.layout;
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
  let goodSent = 0;
  for await (const batch of stream.batches) {
    await waitForCredit();
    if (stopped) break;
    const records = batch as Extract<RecordBatch, unknown[]>;
    // Once the writer has decided the mapping (it needs the first batch for
    // that), rows are packed here, taking that work off the writer's thread;
    // before, only the raw cells are serialised.
    let out: RecordBatch = records;
    if (layout) out = packRows(layout, records, goodSent);
    else for (const r of records) if (r.ok && r.text === undefined) r.json = JSON.stringify(r.cells);
    for (const r of records) if (r.ok) goodSent++;
    port.postMessage({ type: 'batch', records: out, bytesRead: stream.bytesRead() } satisfies FromReader);
  }
  port.postMessage({ type: 'end', bytesRead: stream.bytesRead(), contentHash: stream.contentHash?.() ?? null } satisfies FromReader);
} catch (err) {
  const e = err as { code?: string; message?: string };
  port.postMessage({ type: 'error', code: e.code ?? 'file_unreadable', message: e.message ?? String(err) } satisfies FromReader);
}
port.close();
