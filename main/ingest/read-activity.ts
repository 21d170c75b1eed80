import { isoDate, parseDate } from '../standardize/date.ts';
import { parseMoney } from '../standardize/standardise-money.ts';
import type { Db } from '../store/open-project.ts';

/** What a transaction's cells say, read by the same standardisers as customer fields. */
export interface ReadTransaction {
  /** ISO yyyy-MM-dd, or null when the date cannot be read. */
  day: string | null;
  /** The amount as written (a refund may be negative), or null. */
  amount: number | null;
  /** ISO 4217 code from the currency cell, else from the amount ("€12,50", "USD 30"), else null. */
  currency: string | null;
  isRefund: boolean;
}

/** Words exports use for money going back to the customer (English and Chinese). */
const refundWords = /refund|return|chargeback|credit ?note|reversal|退款|退货|退單|退单/i;

/** A currency cell: a code ("eur") or a sign ("€", "元", "RMB"), read as parseMoney reads one beside an amount. */
export function currencyOfCell(cell: string | null): string | null {
  const v = (cell ?? '').trim();
  if (v === '') return null;
  const read = parseMoney(`1 ${v}`, undefined)?.currency;
  if (read) return read;
  return /^[a-z]{3}$/i.test(v) ? v.toUpperCase() : null;
}

/** Numbers stored as REAL at import are taken as they are; text goes through parseMoney. */
export function readTransaction(row: { txn_date: unknown; amount: unknown; currency: unknown; txn_kind: unknown }): ReadTransaction {
  const parsedDate = row.txn_date === null || row.txn_date === undefined ? undefined : parseDate(String(row.txn_date));
  let amount: number | null = null;
  let moneyCurrency: string | undefined;
  if (typeof row.amount === 'number') amount = row.amount;
  else if (typeof row.amount === 'string') {
    const money = parseMoney(row.amount, undefined);
    if (money) ((amount = money.amount), (moneyCurrency = money.currency));
  }
  const kind = typeof row.txn_kind === 'string' ? row.txn_kind : '';
  return {
    day: parsedDate ? isoDate(parsedDate) : null,
    amount,
    currency: currencyOfCell(typeof row.currency === 'string' ? row.currency : null) ?? moneyCurrency ?? null,
    isRefund: refundWords.test(kind) || (amount !== null && amount < 0),
  };
}

const BATCH = 5000;

/**
 * Reads every transaction not read yet (is_refund unset since import) into
 * the parsed columns, and every need's date (an unreadable need date is
 * tried again next time: needs are few). Runs inside the import's
 * transaction, and before an analysis of a project imported by an older
 * version. Keyset batches keep memory flat at millions of rows.
 */
export function readActivity(db: Db): number {
  let done = 0;
  const nextTxns = db.prepare('SELECT id, txn_date, amount, currency, txn_kind FROM transactions WHERE is_refund IS NULL AND id > ? ORDER BY id LIMIT ?');
  const setTxn = db.prepare('UPDATE transactions SET txn_day = ?, amount_value = ?, amount_currency = ?, is_refund = ? WHERE id = ?');
  for (let last = 0; ; ) {
    const rows = nextTxns.all(last, BATCH) as { id: number; txn_date: unknown; amount: unknown; currency: unknown; txn_kind: unknown }[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const t = readTransaction(r);
      setTxn.run(t.day, t.amount, t.currency, t.isRefund ? 1 : 0, r.id);
    }
    last = rows[rows.length - 1].id;
    done += rows.length;
  }
  const nextNeeds = db.prepare("SELECT id, need_date FROM needs WHERE need_day IS NULL AND need_date IS NOT NULL AND id > ? ORDER BY id LIMIT ?");
  const setNeed = db.prepare('UPDATE needs SET need_day = ? WHERE id = ?');
  for (let last = 0; ; ) {
    const rows = nextNeeds.all(last, BATCH) as { id: number; need_date: unknown }[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const d = r.need_date === null ? undefined : parseDate(String(r.need_date));
      if (d) setNeed.run(isoDate(d), r.id);
    }
    last = rows[rows.length - 1].id;
    done += rows.length;
  }
  return done;
}

/** Whether anything is left for readActivity: an analysis on a read-only connection says so instead of guessing. */
export function activityUnread(db: Db): boolean {
  return db.prepare('SELECT 1 FROM transactions WHERE is_refund IS NULL LIMIT 1').get() !== undefined;
}
