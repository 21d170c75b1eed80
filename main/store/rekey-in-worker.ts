import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { siblingModule, spawnWorker } from '../lib/spawn-worker.ts';
import type { ProjectKey } from './project-key.ts';
import type { FromRekey, RekeyWork } from './rekey-worker.ts';

/** rekeyProject on a worker thread; resolves when the project file has been replaced (or was left as it was). */
export function rekeyInWorker(path: string, from: ProjectKey | null, to: ProjectKey | null): Promise<void> {
  const worker = spawnWorker(siblingModule(import.meta.url, 'rekey-worker'), { workerData: { path, from, to } satisfies RekeyWork });
  return new Promise<void>((resolve, reject) => {
    worker.once('message', (m: FromRekey) => (m.type === 'done' ? resolve() : reject(new AppError(m.error.code as ErrorCode, m.error.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new AppError('internal', `Re-encrypting stopped unexpectedly (exit ${code}); the project was left as it was.`)));
  });
}
