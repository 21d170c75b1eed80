import { isAbsolute } from 'node:path';
import type { Handlers } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { writeClientReport } from '../report/client-html.ts';
import type { ServiceContext } from './service-context.ts';

/** The client report, written where the user chose (the path guard has checked it may be written). */
export function reportHandlers(ctx: ServiceContext): Pick<Handlers, 'report:write'> {
  return {
    'report:write': async ({ path, lang, mask }) => {
      if (!isAbsolute(path)) throw new AppError('invalid_input', 'Give the full path of the file to write.');
      // Only an .html: a slip of the name must never write the report over the project or another file.
      if (!/\.html?$/i.test(path)) throw new AppError('invalid_input', 'The file name must end in .html.');
      // The duplicates' figures bring stale review groups up to date first, a write, so not while a job writes.
      ctx.assertCanWrite();
      const project = ctx.project();
      return { path, bytes: writeClientReport(project.db, project.path, path, { lang, mask }) };
    },
  };
}
