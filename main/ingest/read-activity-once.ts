import type { Db } from '../store/open-project.ts';
import { linkReferences } from './link-references.ts';
import { activityUnread, readActivity } from './read-activity.ts';

/** A project imported before transactions were read (issue 12) has them read, and linked, before its first analysis. */
export function readActivityOnce(db: Db): void {
  if (!activityUnread(db)) return;
  db.transaction(() => {
    readActivity(db);
    linkReferences(db);
  })();
}
