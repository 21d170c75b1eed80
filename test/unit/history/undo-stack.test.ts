import { describe, expect, it } from 'vitest';
import { appliedBatches, replayStacks, type BatchSkeleton } from '../../../main/history/undo-stack.ts';

const b = (id: number, kind: BatchSkeleton['kind'] = 'edit', target: number | null = null): BatchSkeleton => ({ id, kind, target });

describe('undo and redo stacks replayed from the batch table', () => {
  it('undo takes the newest batch off and offers it for redo; redo puts it back', () => {
    expect(replayStacks([b(1), b(2)])).toEqual({ undo: [1, 2], redo: [] });
    expect(replayStacks([b(1), b(2), b(3, 'undo', 2)])).toEqual({ undo: [1], redo: [3] });
    expect(replayStacks([b(1), b(2), b(3, 'undo', 2), b(4, 'undo', 1)])).toEqual({ undo: [], redo: [3, 4] });
    // Redo reverses the newest undo (4, which undid 1): batch 5 is now what Undo would reverse.
    expect(replayStacks([b(1), b(2), b(3, 'undo', 2), b(4, 'undo', 1), b(5, 'redo', 4)])).toEqual({ undo: [5], redo: [3] });
  });

  it('a new change clears the redo stack, as in every editor', () => {
    expect(replayStacks([b(1), b(2, 'undo', 1), b(3, 'fix')])).toEqual({ undo: [3], redo: [] });
  });

  it('undoing a redo undoes the work again, and it can be redone again', () => {
    const batches = [b(1, 'fix'), b(2, 'undo', 1), b(3, 'redo', 2), b(4, 'undo', 3)];
    expect(replayStacks(batches)).toEqual({ undo: [], redo: [4] });
  });

  it('a revert from the history view is an ordinary batch that can itself be undone', () => {
    expect(replayStacks([b(1, 'fix'), b(2, 'edit'), b(3, 'revert', 1)])).toEqual({ undo: [1, 2, 3], redo: [] });
  });

  it('the batches whose work stands: undone ones left out, a redone one (through any chain of redos) back in', () => {
    expect(appliedBatches([b(1, 'fix'), b(2, 'edit')])).toEqual([1, 2]);
    expect(appliedBatches([b(1, 'fix'), b(2, 'edit'), b(3, 'undo', 2)])).toEqual([1]);
    expect(appliedBatches([b(1, 'fix'), b(2, 'undo', 1), b(3, 'redo', 2)])).toEqual([1]);
    // Undo the redo, redo it again: still the fix of batch 1.
    expect(appliedBatches([b(1, 'fix'), b(2, 'undo', 1), b(3, 'redo', 2), b(4, 'undo', 3), b(5, 'redo', 4)])).toEqual([1]);
    expect(appliedBatches([b(1, 'fix'), b(2, 'undo', 1), b(3, 'redo', 2), b(4, 'undo', 3)])).toEqual([]);
  });
});
