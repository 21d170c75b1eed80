/**
 * A separate process that takes a project's lock and holds it until it is
 * killed: `node --expose-gc --import tsx test/helpers/hold-lock.ts <project> <program>`.
 * It prints "held" once it has the lock (or the refusal and exits 1).
 */
import { claimProject } from '../../main/store/project-lock.ts';

const [path, program] = process.argv.slice(2);
try {
  // Not kept in a variable on purpose: the lock must outlive every reference to it.
  claimProject(path, program ?? 'a test holder');
  process.stdout.write('held\n');
  setInterval(() => (globalThis.gc as (() => void) | undefined)?.(), 50);
} catch (err) {
  process.stdout.write(`${(err as Error).message}\n`);
  process.exit(1);
}
