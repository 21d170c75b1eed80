import { isAbsolute, join } from 'node:path';
import type { Handlers } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { buildWhere } from '../store/grid-query.ts';
import { gridRestriction } from './grid-restriction.ts';
import type { ServiceContext } from './service-context.ts';

export function exportHandlers(ctx: ServiceContext): Pick<Handlers, 'export:start' | 'dialog:save-file'> {
  return {
    'export:start': async ({ path, format, bom, mask, query }) => {
      if (!isAbsolute(path)) throw new AppError('invalid_input', 'Give the full path of the file to write.');
      if (!path.toLowerCase().endsWith(`.${format}`)) throw new AppError('invalid_input', `The file name must end in .${format}.`);
      const where = query
        ? buildWhere({ filterModel: query.filterModel ?? {}, quickFilter: query.quickFilter ?? '', sourceId: query.sourceId, ids: query.ids, restrictTo: gridRestriction(ctx.project().db, query) })
        : undefined;
      return { jobId: ctx.startJob('export', { path, format, bom, mask, where }) };
    },
    // The desktop app answers this with a native save dialog (main/electron/ipc.ts); elsewhere the view asks for a path.
    'dialog:save-file': async ({ defaultName }) => ({ path: null, defaultPath: join(ctx.options.projectsDir, defaultName) }),
  };
}
