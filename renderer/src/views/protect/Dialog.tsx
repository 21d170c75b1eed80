import { useEffect, type ReactNode } from 'react';

/** A small modal card over the page; Escape or a click beside it closes it, unless it is busy. */
export function Dialog({ title, onClose, busy, children, testid }: { title: string; onClose: () => void; busy?: boolean; children: ReactNode; testid: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !busy && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, onClose]);
  return (
    <div className="dialog-backdrop" onClick={() => !busy && onClose()}>
      <div className="dialog card" role="dialog" aria-modal="true" aria-label={title} data-testid={testid} onClick={(e) => e.stopPropagation()}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
