/**
 * Which files a request may name. The desktop app and the command line act
 * for the person at the keyboard, who picks paths in a native dialog or types
 * them into their own shell: any file their account can reach. Browser mode
 * answers anyone who holds the session token (a URL that can end up in a
 * shell history, a screenshot or a shared screen), so there the service
 * reads and writes only inside its own folders: the data folder (uploads,
 * the demo), the projects folder and any folder the person starting it
 * allowed with --allow. A path is judged twice: as written (so `..` cannot
 * climb out) and after following symbolic links (so a link inside an
 * allowed folder cannot point outside it).
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors.ts';

export interface FileAccess {
  /** A file to read (an export to import, a reference file); throws 'forbidden' outside the allowed folders. */
  read(path: string): void;
  /** A file to create or overwrite (an export, a log, a new project) or a project to open and change. */
  write(path: string): void;
}

/** The desktop app and the CLI: the user chose the path themselves. */
export const anyFile: FileAccess = { read: requireAbsolute, write: requireAbsolute };

/** Browser mode: only inside these folders (which need not exist yet). */
export function filesUnder(roots: string[]): FileAccess {
  const allowed = (): string[] => [...new Set(roots.flatMap((r) => [resolve(r), realOrSelf(resolve(r))]))];
  const refuse = (path: string): AppError =>
    new AppError('forbidden', `Browser mode reads and writes files only in ${roots.map((r) => resolve(r)).join(', ')} and files you upload, not ${path}. Move the file into one of those folders, or start browser mode with --allow <folder>.`);
  const check = (path: string, toFile: (path: string, root: string) => string): void => {
    requireAbsolute(path);
    const roots = allowed();
    const root = roots.find((r) => isInside(resolve(path), r));
    if (root === undefined) throw refuse(path);
    if (!roots.some((r) => isInside(realOrSelf(toFile(resolve(path), root)), r))) throw refuse(path);
  };
  return {
    read: (path) => check(path, (p) => p),
    // A file not written yet is judged by the folder it would be written into.
    write: (path) => check(path, nearestExisting),
  };
}

function requireAbsolute(path: string): void {
  if (path.includes('\0')) throw new AppError('invalid_input', 'A file path cannot contain a NUL character.');
  if (!isAbsolute(path)) throw new AppError('invalid_input', `Give the full path of the file, not ${path}.`);
}

export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // not there (yet): judged as written
  }
}

/**
 * The path itself when it exists, else its closest existing parent folder
 * up to the allowed folder (which may not exist yet either: the app creates
 * it). A link whose target does not exist is refused: writing through it
 * would create a file wherever it points.
 */
function nearestExisting(path: string, root: string): string {
  for (let p = path; ; p = dirname(p)) {
    let link = false;
    try {
      link = lstatSync(p).isSymbolicLink();
    } catch {
      if (p === root || dirname(p) === p) return p;
      continue; // nothing there: look at the folder above
    }
    if (link && realOrSelf(p) === p) throw new AppError('forbidden', `${path} is a link to a file that does not exist; choose another name.`);
    return p;
  }
}
