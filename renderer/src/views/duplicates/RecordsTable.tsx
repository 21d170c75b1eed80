import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterField, ClusterView } from '../../../../shared/channels/merge.ts';
import { formatDateTime } from '../../components/format.ts';
import { fieldName } from '../fixes/fix-text.ts';
import { pct, reasonName, recordName } from './merge-text.ts';
import { useRecordsInView } from './use-records-in-view.ts';

export interface RecordActions {
  /** Keep this member's value of the field in the golden record (null: follow the rules again). */
  pick: (field: string, member: number | null) => void;
  split: (member: number) => void;
  mark: (member: number) => void;
  notSame: (member: number) => void;
}

const groups = ['differing', 'equal', 'empty'] as const;
const show = (v: ClusterField['values'][number]): string => (v === null || v === '' ? '—' : String(v));

/** The cell at (field row, member column) of this table, if shown. */
function cellAt(table: HTMLElement, row: number, col: number): HTMLElement | null {
  return table.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
}

/**
 * A group's records side by side, one column each, fields grouped as
 * differing, equal and empty; the golden record's column (kept in view when
 * the records scroll) shows each surviving value and the rule that chose it.
 * A keyboard grid of its own: arrows move between values, P or Enter keeps
 * the value under the cursor, S splits its record out, X marks it, N says it
 * is not the same customer as the marked record (or the master). Every key
 * acts on the cell it was pressed on (read from the event), so fast typing
 * cannot act on a cell the cursor has already left.
 */
export function RecordsTable({ cluster, marked, busy, autoFocus, actions }: { cluster: ClusterView; marked: number | null; busy: boolean; autoFocus: boolean; actions: RecordActions }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [showEmpty, setShowEmpty] = useState(false);
  const [cursor, setCursor] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const merged = cluster.status === 'merged';
  const rejected = cluster.status === 'rejected';
  const shown = cluster.fields.filter((f) => showEmpty || f.group !== 'empty');
  const members = cluster.members;

  // A group that replaced the one the keyboard was in (a split, a decision) takes the keyboard over.
  const table = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const inView = useRecordsInView(scroller, members.length);
  useEffect(() => {
    if (autoFocus) table.current?.querySelector<HTMLElement>('[data-row="0"][data-col="0"]')?.focus();
    // On mount only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKey = (e: KeyboardEvent<HTMLTableElement>): void => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell || e.ctrlKey || e.metaKey || e.altKey) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    const field = shown[row];
    const member = members[col];
    if (!field || !member) return;
    const go = (r: number, c: number): void => {
      const next = cellAt(e.currentTarget, r, c);
      if (next) (next.focus(), setCursor({ row: r, col: c }));
    };
    const keys: Record<string, () => void> = {
      ArrowLeft: () => go(row, col - 1), ArrowRight: () => go(row, col + 1),
      ArrowUp: () => go(row - 1, col), ArrowDown: () => go(row + 1, col),
      Home: () => go(row, 0), End: () => go(row, members.length - 1),
    };
    const decide: Record<string, () => void> = {
      p: () => pickOrUnpick(field, member.id), Enter: () => pickOrUnpick(field, member.id),
      s: () => actions.split(member.id), x: () => actions.mark(member.id), n: () => actions.notSame(member.id),
    };
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const handler = keys[key] ?? (rejected || busy || e.shiftKey ? undefined : decide[key]);
    if (!handler) return;
    e.preventDefault();
    e.stopPropagation();
    handler();
  };

  const pickOrUnpick = (f: ClusterField, member: number): void => {
    if (rejected || f.group === 'empty') return;
    actions.pick(f.field, f.pickedFrom === member ? null : member);
  };

  return (
    <>
    {inView && (
      <p className="records-more muted small" data-testid="records-in-view">
        {t('merge.table.inView', { first: inView.first, last: inView.last, count: members.length })}
      </p>
    )}
    <div className="records-scroll" ref={scroller}>
      <table ref={table} className="records" data-testid="records-table" onKeyDown={onKey} aria-label={t('merge.table.survives')}>
        <thead>
          <tr>
            <th className="sticky field-col">{t('merge.table.field')}</th>
            <th className="sticky golden-col">{t('merge.table.survives')}</th>
            {members.map((m) => (
              <th key={m.id} data-testid="member-column" data-member={m.id} className={m.id === marked ? 'member marked' : 'member'}>
                <div className="member-name" title={recordName(t, m)}>{recordName(t, m)}</div>
                <div className="muted small">{t('merge.table.row', { source: m.source, row: m.rowNumber })}</div>
                <div className="member-tags">
                  {m.master && <span className="tag" data-testid="master-tag">{t('merge.table.master')}</span>}
                  {m.goneSince && <span className="tag warnTag">{t('merge.table.gone')}</span>}
                  {m.id === marked && <span className="tag warnTag">{t('merge.table.marked')}</span>}
                  {m.probability !== null && <span className="muted small">{t('merge.table.link', { pct: pct(m.probability, lng) })}</span>}
                </div>
                {m.updatedAt && <div className="muted small">{t('merge.table.updated', { when: formatDateTime(lng, m.updatedAt) })}</div>}
                {!rejected && members.length > 1 && (
                  <div className="member-actions">
                    <button className="link" data-testid="member-split" disabled={busy} onClick={() => actions.split(m.id)}>{merged ? t('merge.actions.takeOut') : t('merge.actions.split')}</button>
                    <button className="link" data-testid="member-mark" disabled={busy} onClick={() => actions.mark(m.id)}>{m.id === marked ? t('merge.actions.unmark') : t('merge.actions.mark')}</button>
                    {marked !== null && marked !== m.id && <button className="link warn" data-testid="member-not-same" disabled={busy} onClick={() => actions.notSame(m.id)}>{t('merge.actions.notSame')}</button>}
                  </div>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const fields = cluster.fields.filter((f) => f.group === g);
            if (fields.length === 0) return null;
            const open = g !== 'empty' || showEmpty;
            return (
              <Fragment key={g}>
                <tr className="group-row" data-testid={`group-${g}`}>
                  <th colSpan={2} className="sticky field-col">
                    {g === 'empty'
                      ? <button className="link" aria-expanded={open} onClick={() => setShowEmpty(!showEmpty)}>{open ? '▾' : '▸'} {t(`merge.table.${g}`, { count: fields.length })}</button>
                      : t(`merge.table.${g}`, { count: fields.length })}
                  </th>
                  <td colSpan={members.length} />
                </tr>
                {open && fields.map((f) => {
                  const row = shown.indexOf(f);
                  return (
                    <tr key={f.field} className={`field-row ${g}`} data-testid={`field-${f.field}`} data-group={g}>
                      <th className="sticky field-col">
                        {fieldName(t, f.field)}
                        {f.sameWhenStandardised && <div className="muted small">{t('merge.table.sameStandardised')}</div>}
                      </th>
                      <td className="sticky golden-col" data-testid="golden-value">
                        <span className="golden-value">{show(f.surviving.value)}</span>
                        {f.surviving.reason !== 'none' && <span className={f.surviving.reason === 'picked' ? 'reason picked' : 'reason'} data-testid="golden-reason">{reasonName(t, f.surviving.reason)}</span>}
                      </td>
                      {members.map((m, col) => {
                        const v = f.values[col];
                        const classes = ['value', v === null || v === '' ? 'muted' : '', f.surviving.from === m.id && f.surviving.value !== null ? 'survives' : '', f.pickedFrom === m.id ? 'picked' : ''];
                        return (
                          <td
                            key={m.id} className={classes.filter(Boolean).join(' ')} data-row={row} data-col={col} data-member={m.id} data-testid="member-value"
                            tabIndex={cursor.row === row && cursor.col === col ? 0 : -1}
                            onFocus={() => setCursor({ row, col })}
                            onDoubleClick={() => pickOrUnpick(f, m.id)}
                            title={f.group === 'empty' || rejected ? undefined : t('merge.table.pickHint')}
                          >
                            {show(v)}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
    </>
  );
}
