/**
 * The undo and redo stacks, replayed from the append-only batch table, so
 * they survive a restart and never disagree with the log. An ordinary batch
 * (a fix, an edit, a revert …) goes on the undo stack and clears the redo
 * stack, as in every editor; an undo takes its target off the undo stack and
 * puts itself on the redo stack; a redo takes its undo off the redo stack
 * and goes on the undo stack (undoing a redo undoes the work again).
 */
import type { BatchKind } from '../store/change-writer.ts';

export interface BatchSkeleton {
  id: number;
  kind: BatchKind;
  target: number | null;
}

export interface Stacks {
  /** Batches that can be undone, oldest first (the last is undone next). */
  undo: number[];
  /** Undo batches that can be redone, oldest first (the last is redone next). */
  redo: number[];
}

export function replayStacks(batches: readonly BatchSkeleton[]): Stacks {
  const undo: number[] = [];
  let redo: number[] = [];
  for (const b of batches) {
    if (b.kind === 'undo') {
      remove(undo, b.target);
      redo.push(b.id);
    } else if (b.kind === 'redo') {
      remove(redo, b.target);
      undo.push(b.id);
    } else {
      undo.push(b.id);
      redo = [];
    }
  }
  return { undo, redo };
}

function remove(stack: number[], id: number | null): void {
  const at = id === null ? -1 : stack.lastIndexOf(id);
  if (at >= 0) stack.splice(at, 1);
}

/**
 * The ordinary batches (fix, edit, merge …) whose work stands now: those on
 * the undo stack, and those a redo on it re-applied (a redo's target is the
 * undo, whose target is the original, or another redo). A batch undone and not redone is not
 * among them.
 */
export function appliedBatches(batches: readonly BatchSkeleton[]): number[] {
  const byId = new Map(batches.map((b) => [b.id, b]));
  const original = (id: number): number | null => {
    const b = byId.get(id);
    if (!b) return null;
    if (b.kind !== 'redo') return b.id;
    // Redoing an undone redo re-applies the original again: follow the chain down.
    const undone = b.target === null ? undefined : byId.get(b.target);
    return undone?.target == null ? null : original(undone.target);
  };
  return replayStacks(batches).undo.map(original).filter((id): id is number => id !== null);
}
