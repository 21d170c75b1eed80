/**
 * Whether the values a project holds are the people's true values, against
 * the generator's truth files (`<field>_true`, `<field>_recoverable`): for
 * every cell the truth says a careful standardiser can read, the share now
 * stored exactly as its true canonical value. A fix that "canonicalises" a
 * number into the wrong person's E.164, or reads 07/03 the wrong way round,
 * lowers it; leaving a value unfixed lowers it too.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '../../main/store/open-project.ts';
import type { Share } from './canonical-share.ts';

export const truthFields = ['email', 'phone', 'mobile', 'country', 'birth_date', 'gender'] as const;
export type TruthField = (typeof truthFields)[number];

/** record key (file \0 record id) → true canonical value of each recoverable cell ('' when not recoverable). */
async function readRecoverable(truthPath: string, file: string, into: Map<string, string[]>): Promise<void> {
  const lines = createInterface({ input: createReadStream(truthPath, 'utf8'), crlfDelay: Infinity });
  let header: string[] | null = null;
  for await (const line of lines) {
    if (!line) continue;
    const cells = line.split(',');
    if (!header) {
      header = cells;
      continue;
    }
    const at = (name: string) => cells[header!.indexOf(name)] ?? '';
    into.set(`${file}\u0000${at('record_id')}`, truthFields.map((f) => (at(`${f}_recoverable`) === '1' ? at(`${f}_true`) : '')));
  }
}

export async function truthAccuracy(db: Db, exportPaths: readonly string[]): Promise<Record<TruthField, Share>> {
  const truth = new Map<string, string[]>();
  for (const p of exportPaths) await readRecoverable(`${p}.truth.csv`, basename(p), truth);
  const result = Object.fromEntries(truthFields.map((f) => [f, { canonical: 0, of: 0 }])) as Record<TruthField, Share>;
  const rows = db.prepare(`SELECT s.file_name, c.source_record_id, ${truthFields.map((f) => `c.${f}`).join(', ')} FROM customers c JOIN sources s ON s.id = c.source_id`).raw().iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    const t = truth.get(`${row[0]}\u0000${row[1]}`);
    if (!t) continue;
    truthFields.forEach((f, i) => {
      if (!t[i]) return;
      result[f].of++;
      if (row[i + 2] === t[i]) result[f].canonical++;
    });
  }
  return result;
}
