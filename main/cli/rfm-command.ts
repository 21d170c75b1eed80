/**
 * `crm-steward rfm`: recency, frequency, monetary value, their 1-5 scores and
 * the segment of every customer (or golden record) with a purchase, as CSV.
 * The project's rules are used, not changed; its stored run is replaced only
 * with --save (the app's RFM view otherwise keeps what the steward last ran).
 */
import { resolve } from 'node:path';
import { segmentOf } from '../../shared/domain/rfm-rules.ts';
import { computeRfm, parseRates } from '../analysis/rfm.ts';
import { rfmRules, storeRfmRun } from '../analysis/rfm-segments.ts';
import { todayIso } from '../analysis/rfm-scores.ts';
import { CsvFileWriter } from '../lib/csv.ts';
import { readActivityOnce } from '../ingest/read-activity-once.ts';
import { customerIdentities } from '../store/rfm-repo.ts';
import { requireOption, stringOption, UsageError, type ParsedArgs } from './args.ts';
import { print } from './output.ts';
import { withProject } from './project-session.ts';

export const RFM_HEADER = ['source', 'source_record_id', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'];

export async function rfmCommand(args: ParsedArgs): Promise<number> {
  const out = resolve(requireOption(args, 'out'));
  const asOf = stringOption(args, 'as-of') ?? todayIso();
  const per = stringOption(args, 'per') ?? 'customer';
  if (per !== 'customer' && per !== 'golden') throw new UsageError('--per is customer or golden.');
  const currency = stringOption(args, 'currency');
  if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) throw new UsageError('--currency is a three-letter code such as EUR.');
  const rates = parseRates(stringOption(args, 'rates') ?? '');
  // Write access only because a project imported by an older version has its transactions read once here.
  return withProject(args, { command: 'rfm', access: 'write' }, ({ db }) => {
    readActivityOnce(db);
    const run = computeRfm(db, { asOf, per, currency, rates });
    if (args.options.get('save') === true) storeRfmRun(db, run);
    const rules = rfmRules(db);
    const names = customerIdentities(db);
    const csv = new CsvFileWriter(out);
    csv.row(RFM_HEADER);
    for (const x of run.rows) {
      const who = names.get(x.entityId);
      csv.row([who?.source, who?.recordId, x.recencyDays, x.frequency, x.monetary.toFixed(2), x.r, x.f, x.m, segmentOf(rules, x.r, x.f, x.m)]);
    }
    csv.close();
    const { rows, ...figures } = run;
    print(args, { ...figures, scored: rows.length, out }, () => [
      `RFM as of ${asOf} per ${per}: ${rows.length.toLocaleString('en-US')} scored${run.currency ? ` (monetary in ${run.currency})` : ''}; wrote ${out}${args.options.get('save') === true ? '; saved as the project\'s current run' : ''}`,
      ...(run.leftOut.length ? [`Left out of monetary (no rate given; use --rates ${run.leftOut.map((l) => `${l.currency}=…`).join(',')}): ${run.leftOut.map((l) => `${l.transactions} in ${l.currency}`).join(', ')}`] : []),
      ...(run.unlinked ? [`${run.unlinked.toLocaleString('en-US')} transactions are not linked to a customer (see Transactions in the app).`] : []),
      ...(run.undated ? [`${run.undated.toLocaleString('en-US')} linked transactions have no readable date and were left out.`] : []),
      ...(run.refundOnly ? [`${run.refundOnly.toLocaleString('en-US')} had refunds but no purchase and were not scored.`] : []),
    ]);
    return 0;
  });
}
