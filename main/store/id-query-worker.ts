/**
 * The thread that runs the grid's heavy id queries (a search over every
 * customer, a sort with no index yet) on a read-only connection of its own,
 * so the thread answering every other request is never held up by one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../../shared/errors.ts';
import { openProject, type ProjectAccess } from './open-project.ts';

export interface IdQuery {
  id: number;
  sql: string;
  params: unknown[];
}

export type FromIdQuery = { id: number; ids: Float64Array } | { id: number; error: { code: string; message: string } };

/** The project and its key (null when it is not encrypted). */
export interface IdQueryWorkerData {
  project: ProjectAccess;
}

const { project } = workerData as IdQueryWorkerData;
const db = openProject(project.path, { readonly: true, key: project.key });

parentPort!.on('message', (q: IdQuery) => {
  try {
    const ids = Float64Array.from(db.prepare(q.sql).pluck().all(...q.params) as number[]);
    parentPort!.postMessage({ id: q.id, ids } satisfies FromIdQuery, [ids.buffer]);
  } catch (err) {
    parentPort!.postMessage({ id: q.id, error: toErrorPayload(err) } satisfies FromIdQuery);
  }
});
