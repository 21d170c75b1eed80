import { statSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';

/**
 * The size of a file we are about to read, or one sentence saying why it
 * cannot be read. Checked before anything opens the path: opening a folder
 * fails half-way with EISDIR, and opening a named pipe for reading waits
 * forever for a writer.
 */
export function readableFileSize(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  if (stats.isDirectory()) throw new AppError('file_unreadable', `${path} is a folder, not a file. Choose the export files inside it.`);
  if (!stats.isFile()) throw new AppError('file_unreadable', `${path} is not a regular file (it is a pipe, socket or device). Save the export to a file and choose that.`);
  return stats.size;
}

/** Turns a failed open or read into an error whose message a steward can act on. */
export function unreadable(path: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('file_not_found', `Cannot read ${path}: the file does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('file_unreadable', `Cannot read ${path}: you do not have permission to open it.`);
    case 'EISDIR':
      return new AppError('file_unreadable', `${path} is a folder, not a file. Choose the export files inside it.`);
    case 'EIO':
      return new AppError('file_unreadable', `Cannot read ${path}: the disk reported an error while reading it.`);
    default:
      return new AppError('file_unreadable', `Cannot read ${path}: ${firstLine(err)}`);
  }
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}
