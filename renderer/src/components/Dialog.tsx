import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog: the page behind is inert, focus starts on the first
 * control (or the one marked data-autofocus) and goes back where it was when
 * the dialog closes; Escape closes it, and so does a click beside it,
 * unless it is `busy` (a passphrase being checked).
 */
export function Dialog({ title, onClose, children, testId, wide = false, busy = false }: { title: string; onClose: () => void; children: ReactNode; testId: string; wide?: boolean; busy?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = () => !busy && onClose();
  // Escape closes it wherever focus is (a button that disables itself while working drops focus to the page).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') (e.stopPropagation(), close.current());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>('button, input, select, textarea');
    first?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div
        ref={box}
        className={wide ? 'dialog wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
