/**
 * A second thread preparing the later half of a project's customers: it
 * reads them with its own connection, prepares them, and sends back the
 * columns (shared memory, not copied) with their own dictionaries, which the
 * main thread recodes into its own (prepare.ts, absorbPrepared).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { iterateMatchRecords } from './load-records.ts';
import { prepareRecords, shareable } from '../prepare.ts';
import { openProject, type ProjectAccess } from '../../store/open-project.ts';

export interface PrepareWork {
  /** The project and its key: copied into this thread's memory, never logged or written. */
  project: ProjectAccess;
  fromId: number;
  toId: number;
  /** Customers expected in the range (sizes the columns). */
  expected: number;
}

const work = workerData as PrepareWork;
const db = openProject(work.project.path, { readonly: true, key: work.project.key });
try {
  const p = prepareRecords(iterateMatchRecords(db, { fromId: work.fromId, toId: work.toId }), work.expected);
  parentPort!.postMessage({ ...shareable(p), ids: p.ids });
} finally {
  db.close();
}
