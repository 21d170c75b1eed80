import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchInfo, ChangeInfo, HistoryState, ReversalOrJob, ReversalResult } from '../../../../shared/channels/fix.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useLoad } from '../../api/hooks.ts';
import { useRunningJob } from '../../api/use-running-job.ts';
import { errorText } from '../../components/error-text.ts';
import type { Words } from '../../i18n/words.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { fieldName } from '../fixes/fix-text.ts';
import { batchSentence, rootWork } from './batch-text.ts';
import { ConflictDialog } from './ConflictDialog.tsx';

type Mode = 'check' | 'skip' | 'overwrite';

/** A reversal as the user asked for it: what it is, in words, and how to run it in a given conflict mode. */
interface Reversal {
  kind: 'undo' | 'redo' | 'revert';
  what: Words;
  call: (mode: Mode) => Promise<ReversalOrJob>;
}

interface UndoRedo {
  /** What Undo and Redo would do now (the top of each stack). */
  state: HistoryState | null;
  undoLabel: string | null;
  redoLabel: string | null;
  busy: boolean;
  undo: () => void;
  redo: () => void;
  revertBatch: (batch: BatchInfo) => void;
  revertChange: (change: ChangeInfo) => void;
}

const Context = createContext<UndoRedo | null>(null);

/** Keys typed into a field or a cell being edited are the field's own (its Ctrl+Z undoes typing). */
function typingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"], .ag-cell-inline-editing, .ag-popup-editor') !== null;
}

/**
 * Undo, redo and revert for the whole app: the buttons in History, Ctrl+Z
 * and Ctrl+Shift+Z (or Ctrl+Y) in any view. Every reversal is first asked
 * for in 'check' mode; when later changes touched the same values the
 * conflict dialog asks whether to overwrite them, skip them or stop. Large
 * reversals run as a job with progress and cancel. What happened is said in
 * a status line at the foot of the window.
 */
export function UndoRedoProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { version, bump } = useDataVersion();
  const top = useLoad(() => api.invoke('history:page', { offset: 0, limit: 1 }), [version]);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ reversal: Reversal; result: ReversalResult } | null>(null);
  // Worded when shown, so a notice on screen follows a switch of language.
  const [notice, setNotice] = useState<{ say: Words; kind: 'ok' | 'info' | 'error' } | null>(null);
  const current = useRef<{ reversal: Reversal; mode: Mode } | null>(null);

  const finish = (reversal: Reversal, mode: Mode, r: ReversalResult): void => {
    setBusy(false);
    if (r.batchId === null && r.conflicts > 0 && mode === 'check') {
      setConflict({ reversal, result: r });
      return;
    }
    bump();
    const done = { undo: 'history.undone', redo: 'history.redone', revert: 'history.reverted' }[reversal.kind];
    setNotice(r.batchId === null ? { kind: 'info', say: (t) => t('history.nothingChanged') } : { kind: 'ok', say: (t, lng) => t(done, { what: reversal.what(t, lng) }) });
  };
  const job = useRunningJob((done) => {
    const c = current.current;
    setBusy(false);
    if (!c) return;
    if (done.status === 'succeeded') finish(c.reversal, c.mode, done.result as ReversalResult);
    else if (done.status === 'failed') setNotice({ kind: 'error', say: (t) => `${t('error.internal')}: ${done.error?.message ?? ''}` });
    else setNotice({ kind: 'info', say: (t) => done.error?.message ?? t('error.cancelled') });
  });

  const run = async (reversal: Reversal, mode: Mode = 'check'): Promise<void> => {
    if (busy || job.running) return;
    setBusy(true);
    setConflict(null);
    setNotice(null);
    try {
      const r = await reversal.call(mode);
      if (r.jobId) {
        current.current = { reversal, mode };
        job.follow(r.jobId);
        return;
      }
      finish(reversal, mode, r);
    } catch (err) {
      setBusy(false);
      setNotice({ kind: 'error', say: (t, lng) => errorText(t, lng, err as Error) });
    }
  };

  const state = top.data;
  const undoLabel = state?.undo ? batchSentence(t, lng, state.undo) : null;
  const redoLabel = state?.redo ? rootWork(t, lng, state.redo.params) : null;
  const undo = (): void => {
    const next = state?.undo;
    if (!next) return setNotice({ kind: 'info', say: (t) => t('history.nothingToUndo') });
    void run({ kind: 'undo', what: (t, lng) => batchSentence(t, lng, next), call: (mode) => api.invoke('history:undo', { mode }) });
  };
  const redo = (): void => {
    const next = state?.redo;
    if (!next) return setNotice({ kind: 'info', say: (t) => t('history.nothingToRedo') });
    void run({ kind: 'redo', what: (t, lng) => rootWork(t, lng, next.params), call: (mode) => api.invoke('history:redo', { mode }) });
  };
  const revertBatch = (b: BatchInfo): void =>
    void run({ kind: 'revert', what: (t, lng) => `${t('history.changes.title', { id: b.id })}: ${batchSentence(t, lng, b)}`, call: (mode) => api.invoke('history:revert', { batchId: b.id, mode }) });
  const revertChange = (c: ChangeInfo): void =>
    void run({ kind: 'revert', what: (t) => `${fieldName(t, c.field)} · ${c.label || t('history.sentence.customer', { id: c.customerId })}`, call: (mode) => api.invoke('history:revert', { changeId: c.id, mode }) });

  // The latest handlers for the one window listener.
  const keys = useRef({ undo, redo });
  keys.current = { undo, redo };
  const onKey = useCallback((e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || typingTarget(e.target) || document.querySelector('[aria-modal="true"]')) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) (e.preventDefault(), keys.current.undo());
    else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) (e.preventDefault(), keys.current.redo());
  }, []);
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  const value: UndoRedo = { state: state ?? null, undoLabel, redoLabel, busy: busy || job.running, undo, redo, revertBatch, revertChange };
  return (
    <Context.Provider value={value}>
      {children}
      {conflict && (
        <ConflictDialog
          what={conflict.reversal.what(t, lng)}
          result={conflict.result}
          onChoose={(choice) => {
            const { reversal } = conflict;
            setConflict(null);
            if (choice !== 'cancel') void run(reversal, choice);
          }}
        />
      )}
      {(job.running || notice) && (
        <div className={`status-line ${notice?.kind ?? ''}`} role="status" data-testid="history-status">
          {job.running ? <ProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} /> : <span data-testid="history-notice">{notice?.say(t, lng)}</span>}
          {!job.running && <button className="link" onClick={() => setNotice(null)}>{t('common.dismiss')}</button>}
        </div>
      )}
    </Context.Provider>
  );
}

export function useUndoRedo(): UndoRedo {
  const value = useContext(Context);
  if (!value) throw new Error('useUndoRedo needs an UndoRedoProvider around it.');
  return value;
}
