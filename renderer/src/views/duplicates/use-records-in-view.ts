import { useEffect, useState, type RefObject } from 'react';

/** Which records of a side-by-side table are in view: the first and last (1-based), or null when all are. */
export interface RecordsInView { first: number; last: number }

/**
 * Watches the records' scroll box: when not every record column fits beside
 * the pinned field names and golden record, says which are in view, so the
 * reviewer knows there is more to the side (measured on scroll and resize).
 */
export function useRecordsInView(box: RefObject<HTMLElement | null>, columns: number): RecordsInView | null {
  const [inView, setInView] = useState<RecordsInView | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = (): void => {
      if (el.scrollWidth <= el.clientWidth + 1) return setInView(null);
      const pinned = el.querySelector('thead .golden-col')?.getBoundingClientRect().right ?? el.getBoundingClientRect().left;
      const right = el.getBoundingClientRect().left + el.clientWidth;
      // In view: at least half of the column shows between the pinned columns and the box's right edge.
      const shown = [...el.querySelectorAll('thead [data-testid="member-column"]')].map((c) => c.getBoundingClientRect())
        .flatMap((r, i) => (Math.min(r.right, right) - Math.max(r.left, pinned) >= r.width / 2 ? [i + 1] : []));
      setInView(shown.length ? { first: shown[0], last: shown[shown.length - 1] } : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => (observer.disconnect(), el.removeEventListener('scroll', measure));
  }, [box, columns]);
  return inView;
}
