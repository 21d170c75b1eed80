/**
 * Worker-thread entry for re-encrypting a project (rekey-project.ts) off the
 * service's thread: copying a large project takes seconds, during which the
 * desktop app's main process must keep answering. The keys arrive in
 * workerData, copied into this thread's memory only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../../shared/errors.ts';
import type { ProjectKey } from './project-key.ts';
import { rekeyProject } from './rekey-project.ts';

export interface RekeyWork {
  path: string;
  from: ProjectKey | null;
  to: ProjectKey | null;
}

export type FromRekey = { type: 'done' } | { type: 'failed'; error: { code: string; message: string } };

const work = workerData as RekeyWork;
try {
  rekeyProject(work.path, work.from, work.to);
  parentPort!.postMessage({ type: 'done' } satisfies FromRekey);
} catch (err) {
  parentPort!.postMessage({ type: 'failed', error: toErrorPayload(err) } satisfies FromRekey);
}
