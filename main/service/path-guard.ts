/**
 * Every channel whose input names a file, and whether the service reads it
 * or writes it. The service checks these paths against its FileAccess before
 * the handler runs, in one place, so no handler can forget to; a test fails
 * when a channel with a path in its input is missing here.
 */
import type { Channel, ParsedIn } from '../../shared/contract.ts';
import type { FileAccess } from './file-access.ts';

type Paths<C extends Channel> = (input: ParsedIn<C>) => { read?: string[]; write?: string[] };

export const pathsOfChannel: { [C in Channel]?: Paths<C> } = {
  // Opening a project also migrates and changes it: it is written.
  'project:create': (i) => ({ write: [i.path] }),
  'project:open': (i) => ({ write: [i.path] }),
  'import:preview': (i) => ({ read: [i.path] }),
  'import:start': (i) => ({ read: i.files.map((f) => f.path) }),
  'quality:reference-import': (i) => ({ read: [i.path] }),
  'export:start': (i) => ({ write: [i.path] }),
  'history:export': (i) => ({ write: [i.path] }),
  'merge:export-start': (i) => ({ write: [i.path] }),
  'report:write': (i) => ({ write: [i.path] }),
};

/** Throws the FileAccess's refusal for the first path of this request it does not allow. */
export function guardPaths(channel: Channel, input: unknown, access: FileAccess): void {
  const paths = (pathsOfChannel[channel] as Paths<Channel> | undefined)?.(input as never);
  for (const p of paths?.read ?? []) access.read(p);
  for (const p of paths?.write ?? []) access.write(p);
}
