/**
 * Exports of merging (CSV through main/lib/csv.ts, formula cells
 * neutralised; or XLSX):
 *   golden     one row per golden record, a customer without duplicates
 *              being its own: golden_id, member_count, members (the
 *              ';'-separated source:source_record_id of its members), then
 *              every customer field in fields.ts order (source_record_id
 *              is the master record's);
 *   decisions  the labelled pairs with who decided and when.
 * (Every record with its golden_id is the customer export with goldenColumn.)
 */
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import type { CsvValue } from '../lib/csv.ts';
import { writeTableFile, type Sink } from '../lib/table-file.ts';
import type { Db } from '../store/open-project.ts';
import type { GoldenContext } from './golden-view.ts';
import { survivors, type MemberRecord } from './survivorship.ts';

export interface GoldenExportRequest {
  path: string;
  format: 'csv' | 'xlsx';
  bom?: boolean;
}

export interface GoldenExportOptions {
  signal?: Cancellation;
  onProgress?: (p: { step: 'export'; done: number; total: number }) => void;
}

const fields = customerFieldKeys.filter((f) => f !== 'source_record_id');
export const goldenColumns = ['golden_id', 'member_count', 'members', ...customerFieldKeys];
const cancelled = 'Export cancelled; no file was written.';

type Member = MemberRecord & { source: string; sourceRecordId: string | null };

function picksByCustomer(db: Db): Map<number, [string, number][]> {
  const out = new Map<number, [string, number][]>();
  const rows = db.prepare('SELECT customer_id, field FROM golden_picks ORDER BY picked_at, customer_id').raw().all() as [number, string][];
  for (const [id, field] of rows) out.set(id, [...(out.get(id) ?? []), [field, id]]);
  return out;
}

function goldenRow(goldenId: number, members: Member[], ctx: GoldenContext, picks: Map<number, [string, number][]>): CsvValue[] {
  const list = members.map((m) => `${m.source}:${m.sourceRecordId ?? ''}`).join(';');
  if (members.length === 1) {
    const m = members[0];
    return [goldenId, 1, list, m.sourceRecordId, ...fields.map((f) => m.values[f] ?? null)];
  }
  const chosen = new Map<string, number>(members.flatMap((m) => picks.get(m.id) ?? []));
  const s = survivors({ members, picks: chosen, ...ctx }, fields);
  const master = members.find((m) => m.id === s.master.id)!;
  return [goldenId, members.length, list, master.sourceRecordId, ...fields.map((f) => s.values[f].value)];
}

export async function exportGolden(db: Db, req: GoldenExportRequest, ctx: GoldenContext, opts: GoldenExportOptions = {}): Promise<{ path: string; rows: number; columns: string[] }> {
  const total = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const picks = picksByCustomer(db);
  const rows = db.prepare(
    `SELECT coalesce(g.golden_id, c.id) gid, c.id, c.source_id, s.file_name, c.source_record_id, ${fields.map((f) => `c.${f}`).join(', ')}
     FROM customers c JOIN sources s ON s.id = c.source_id LEFT JOIN golden_members g ON g.customer_id = c.id ORDER BY gid, c.id`,
  ).raw();
  const written = await writeTableFile(req.path, req.format, { bom: req.bom, sheet: 'Golden records' }, (out: Sink) => {
    out.row(goldenColumns);
    let n = 0;
    let read = 0;
    let current: number | null = null;
    let members: Member[] = [];
    const flush = (): void => {
      if (current !== null) (out.row(goldenRow(current, members, ctx, picks)), n++);
    };
    for (const r of rows.iterate() as Iterable<unknown[]>) {
      const gid = r[0] as number;
      if (gid !== current) (flush(), (current = gid), (members = []));
      members.push({
        id: r[1] as number, sourceId: r[2] as number, source: r[3] as string, sourceRecordId: (r[4] as string | null) ?? null,
        values: Object.fromEntries(fields.map((f, i) => [f, (r[5 + i] as string | number | null) ?? null])),
      });
      if (++read % 10_000 === 0) {
        throwIfCancelled(opts.signal, cancelled);
        opts.onProgress?.({ step: 'export', done: read, total });
      }
    }
    flush();
    return n;
  });
  return { path: req.path, rows: written, columns: goldenColumns };
}

export const decisionColumns = ['customer_a', 'source_a', 'source_record_id_a', 'customer_b', 'source_b', 'source_record_id_b', 'decision', 'decided_at', 'batch_id', 'actor'];

/** Every labelled pair as it stands, with the change that set it. */
export async function exportDecisions(db: Db, req: GoldenExportRequest): Promise<{ path: string; rows: number; columns: string[] }> {
  const rows = db.prepare(
    `SELECT l.a, sa.file_name, ca.source_record_id, l.b, sb.file_name, cb.source_record_id, l.label, h.at, CAST(h.batch_id AS INTEGER), h.actor
     FROM match_labels l
     JOIN customers ca ON ca.id = l.a JOIN sources sa ON sa.id = ca.source_id
     JOIN customers cb ON cb.id = l.b JOIN sources sb ON sb.id = cb.source_id
     LEFT JOIN change_log h ON h.id = (SELECT max(x.id) FROM change_log x WHERE x.entity = 'match_label' AND x.entity_id = l.a AND x.field = 'pair:' || l.b)
     ORDER BY l.a, l.b`,
  ).raw();
  const written = await writeTableFile(req.path, req.format, { bom: req.bom, sheet: 'Decisions' }, (out) => {
    out.row(decisionColumns);
    let n = 0;
    for (const r of rows.iterate() as Iterable<CsvValue[]>) (out.row(r), n++);
    return n;
  });
  return { path: req.path, rows: written, columns: decisionColumns };
}
