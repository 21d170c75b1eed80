/**
 * The client side of bench:responsive, on its own thread so that a service
 * whose main thread is blocked shows up in the times: every 100 ms it asks
 * what the dashboard and the grid ask (app:info, a customers page unsorted
 * and sorted, quality:overview) over real HTTP, and records how long each
 * answer took and whether it failed.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface ClientData {
  base: string;
  token: string;
  /** Sorted pages: the first column while idle, then the others in turn, so columns sorted for the first time during a job are in the sample. */
  sortColumns: string[];
}

export interface Sample {
  read: string;
  /** Which phase the service was in when the request was sent (set by the bench through messages). */
  phase: string;
  ms: number;
  error: string | null;
}

const { base, token, sortColumns } = workerData as ClientData;
const samples: Sample[] = [];
let phase = 'idle';
let stop = false;
parentPort!.on('message', (m: { phase?: string; stop?: boolean }) => {
  if (m.phase) phase = m.phase;
  if (m.stop) stop = true;
});

async function call(read: string, channel: string, body: unknown): Promise<void> {
  const sentIn = phase;
  const t = performance.now();
  let error: string | null = null;
  try {
    const res = await fetch(`${base}/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-steward-token': token }, body: JSON.stringify(body) });
    const answer = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!answer.ok) error = answer.error?.message ?? `HTTP ${res.status}`;
  } catch (err) {
    error = (err as Error).message;
  }
  samples.push({ read, phase: sentIn, ms: performance.now() - t, error });
}

/**
 * Two loops, each asking every 100 ms: the dashboard's reads, and sorted pages.
 * A sort whose index does not exist yet takes as long as sorting every row on
 * the read thread; on its own loop it does not hold up the other reads' rounds.
 */
async function every100ms(round: (tick: number) => Promise<void>): Promise<void> {
  for (let tick = 0; !stop; tick++) {
    const started = performance.now();
    await round(tick);
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - started))));
  }
}

await Promise.all([
  every100ms(async () => {
    await call('app:info', 'app:info', {});
    await call('customers:page', 'customers:page', { startRow: 0, endRow: 100 });
    await call('quality:overview', 'quality:overview', {});
  }),
  every100ms(async (tick) => {
    // While the service is idle one column is sorted; from the import on, the others, each for the first time.
    const column = phase === 'idle' ? sortColumns[0] : sortColumns[1 + (tick % (sortColumns.length - 1))];
    await call('customers:page sorted', 'customers:page', { startRow: 0, endRow: 100, sortModel: [{ colId: column, sort: tick % 2 ? 'desc' : 'asc' }] });
  }),
]);
parentPort!.postMessage(samples);
