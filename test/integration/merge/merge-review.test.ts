import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { matchedProject } from './merge-fixture.ts';

const tempDir = useTempDir();

type Service = Awaited<ReturnType<typeof matchedProject>>['service'];

const reviewIds = async (service: Service): Promise<number[]> =>
  (await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000 })).rows.map((r) => r.id);

describe('the review queue', () => {
  it('lists clusters hardest first, filters them, and opens each on its weakest link', async () => {
    const { service } = await matchedProject(tempDir());
    const page = await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000 });
    expect(page.rows.length).toBe(page.lastRow);
    expect(page.rows.length).toBeGreaterThan(20);
    const weakest = page.rows.map((r) => r.weakest ?? 0);
    expect(weakest).toEqual([...weakest].sort((a, b) => a - b));
    expect(page.rows.every((r) => r.status === 'review' && r.size >= 2 && r.uncertainty === 1 - Math.abs(2 * (r.weakest ?? 0.5) - 1))).toBe(true);

    const bigOnes = await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000, filter: { minSize: 3 } });
    expect(bigOnes.rows.map((r) => r.id)).toEqual(page.rows.filter((r) => r.size >= 3).map((r) => r.id));
    const sure = await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000, filter: { minProbability: 0.999 } });
    expect(sure.rows.map((r) => r.id)).toEqual(page.rows.filter((r) => (r.weakest ?? 0) >= 0.999).map((r) => r.id));
    const none = await service.invoke('merge:queue-page', { startRow: 0, endRow: 10, filter: { sourceIds: [99] } });
    expect(none.lastRow).toBe(0);

    const second = page.rows[1];
    expect(await service.invoke('merge:queue-position', { id: second.id })).toEqual({ index: 1, total: page.lastRow, previous: page.rows[0].id, next: page.rows[2].id });

    const view = await service.invoke('merge:cluster', { id: page.rows[0].id });
    expect(view.members.map((m) => m.id)).toHaveLength(page.rows[0].size);
    expect(view.weakest?.probability).toBeCloseTo(page.rows[0].weakest!, 12);
    // The weakest link is the weakest pair a spanning tree of the members' links needs: no linked pair is weaker.
    const linked = view.pairs.filter((p) => p.linked);
    expect(Math.min(...linked.map((p) => p.probability))).toBeLessThanOrEqual(view.weakest!.probability);
    const order = { differing: 0, equal: 1, empty: 2 };
    expect(view.fields.map((f) => order[f.group])).toEqual([...view.fields.map((f) => order[f.group])].sort());
    for (const f of view.fields) {
      if (f.group === 'empty') expect(f.surviving).toEqual({ value: null, from: null, reason: 'none' });
      if (f.group === 'equal') expect(f.surviving.value).toBe(f.values.find((v) => v !== null));
      if (f.surviving.from !== null) expect(f.values[view.members.findIndex((m) => m.id === f.surviving.from)]).toBe(f.surviving.value);
    }
    expect(view.members.filter((m) => m.master).map((m) => m.id)).toEqual([view.master.id]);
    service.dispose();
  }, 120_000);

  it('after a decision or a new filter, the next group is the one after where the open group was, in every order', async () => {
    const { service } = await matchedProject(tempDir());
    const sorts = ['uncertainty', 'size', 'probability', 'id'] as const;
    const listed = async (sort: (typeof sorts)[number], filter = {}) => (await service.invoke('merge:queue-page', { sort, filter, startRow: 0, endRow: 1000 })).rows;
    const before = Object.fromEntries(await Promise.all(sorts.map(async (s) => [s, await listed(s)] as const)));
    // What the steward expects: the group that came after it in the order they were working in (decisions move nothing else).
    const after = (sort: (typeof sorts)[number], id: number, gone: number[]): number | null => {
      const rest = before[sort].filter((r) => r.id === id || !gone.includes(r.id));
      return rest[rest.findIndex((r) => r.id === id) + 1]?.id ?? null;
    };
    const beforeIt = (sort: (typeof sorts)[number], id: number, gone: number[]): number | null => {
      const rest = before[sort].filter((r) => r.id === id || !gone.includes(r.id));
      return rest[rest.findIndex((r) => r.id === id) - 1]?.id ?? null;
    };

    const accepted = before.uncertainty[5].id;
    await service.invoke('merge:accept', { clusterId: accepted });
    for (const sort of sorts) {
      expect(await service.invoke('merge:queue-position', { sort, id: accepted }), sort).toEqual({
        index: null, total: before[sort].length - 1, previous: beforeIt(sort, accepted, [accepted]), next: after(sort, accepted, [accepted]),
      });
    }
    expect(await service.invoke('merge:queue-position', { id: accepted, filter: { status: 'merged' } })).toEqual({ index: 0, total: 1, previous: null, next: null });

    const rejected = before.uncertainty[9].id;
    await service.invoke('merge:reject', { clusterId: rejected });
    for (const sort of sorts) {
      expect((await service.invoke('merge:queue-position', { sort, id: rejected })).next, sort).toBe(after(sort, rejected, [accepted, rejected]));
    }

    // A filter that leaves the open group out: the first group of the new list that came after it.
    const pairs = before.uncertainty.filter((r) => r.size === 2 && r.id !== accepted && r.id !== rejected);
    const open = pairs[Math.floor(pairs.length / 2)];
    const bigger = await listed('uncertainty', { minSize: 3 });
    const at = before.uncertainty.findIndex((r) => r.id === open.id);
    const expected = before.uncertainty.slice(at + 1).find((r) => r.size >= 3 && r.id !== accepted && r.id !== rejected)?.id ?? null;
    expect(expected).not.toBeNull();
    const moved = await service.invoke('merge:queue-position', { id: open.id, filter: { minSize: 3 } });
    expect(moved).toMatchObject({ index: null, total: bigger.length, next: expected });
    expect(bigger.map((r) => r.id)).toContain(moved.next);
    expect(bigger[bigger.findIndex((r) => r.id === moved.next) - 1]?.id ?? null).toBe(moved.previous);

    // Split into single records, the group is known nowhere: no neighbours to guess.
    const split = await service.invoke('merge:split', { clusterId: open.id, customerId: (await service.invoke('merge:cluster', { id: open.id })).members[1].id });
    expect(split.clusters).toEqual([]);
    expect(await service.invoke('merge:queue-position', { id: open.id })).toMatchObject({ index: null, previous: null, next: null });
    service.dispose();
  }, 120_000);

  it('accept and reject are batches of the history: undo puts the queue back, redo decides again', async () => {
    const { service } = await matchedProject(tempDir());
    const before = await reviewIds(service);
    const [first, second] = before;

    const accepted = await service.invoke('merge:accept', { clusterId: first });
    expect(accepted.goldenId).toBe(first);
    const golden = await service.invoke('merge:golden', { id: first });
    const members = golden.members.map((m) => m.id);
    expect(members[0]).toBe(first);
    expect((await service.invoke('merge:summary', {})).labels.same).toBe((members.length * (members.length - 1)) / 2);
    expect(await reviewIds(service)).not.toContain(first);
    expect((await service.invoke('merge:queue-page', { startRow: 0, endRow: 10, filter: { status: 'merged' } })).rows).toMatchObject([{ id: first, status: 'merged', goldenId: first }]);

    await service.invoke('history:undo', {});
    expect((await service.invoke('merge:golden', { id: first })).members).toHaveLength(1);
    expect((await service.invoke('merge:summary', {})).labels.same).toBe(0);
    expect(await reviewIds(service)).toEqual(before);
    await service.invoke('history:redo', {});
    expect((await service.invoke('merge:golden', { id: first })).members.map((m) => m.id)).toEqual(members);

    const rejected = await service.invoke('merge:reject', { clusterId: second });
    expect(await reviewIds(service)).not.toContain(second);
    const listed = await service.invoke('merge:queue-page', { startRow: 0, endRow: 10, filter: { status: 'rejected' } });
    expect(listed.rows).toMatchObject([{ id: second, status: 'rejected', rejectedBatch: rejected.batchId }]);
    const view = await service.invoke('merge:cluster', { id: second, rejectedBatch: rejected.batchId! });
    expect(view.status).toBe('rejected');
    expect(view.pairs.every((p) => p.label === 'different')).toBe(true);
    await service.invoke('history:undo', {});
    expect((await service.invoke('merge:queue-page', { startRow: 0, endRow: 10, filter: { status: 'rejected' } })).lastRow).toBe(0);
    expect(await reviewIds(service)).toContain(second);
    service.dispose();
  }, 120_000);

  it('splitting a record out and marking two records not the same regroup the rest at once', async () => {
    const { service } = await matchedProject(tempDir());
    const page = await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000, sort: 'size' });
    const [big, next] = page.rows;
    expect(big.size).toBeGreaterThanOrEqual(3);
    const members = (await service.invoke('merge:cluster', { id: big.id })).members.map((m) => m.id);
    const out = members[0];
    const split = await service.invoke('merge:split', { clusterId: big.id, customerId: out });
    for (const id of split.clusters) expect((await service.invoke('merge:cluster', { id })).members.map((m) => m.id)).not.toContain(out);
    expect(split.clusters.length).toBeGreaterThan(0);
    expect(await reviewIds(service)).not.toContain(out);
    // Undone, the cluster is exactly as it was; redone, split again.
    await service.invoke('history:undo', {});
    expect((await service.invoke('merge:cluster', { id: big.id })).members.map((m) => m.id)).toEqual(members);
    expect((await service.invoke('merge:summary', {})).labels.different).toBe(0);
    await service.invoke('history:redo', {});

    const pair = (await service.invoke('merge:cluster', { id: next.id })).members.map((m) => m.id);
    const apart = await service.invoke('merge:not-same', { a: pair[0], b: pair[1] });
    const together = await Promise.all(apart.clusters.map(async (id) => (await service.invoke('merge:cluster', { id })).members.map((m) => m.id)));
    expect(together.some((ids) => ids.includes(pair[0]) && ids.includes(pair[1]))).toBe(false);
    expect((await service.invoke('merge:summary', {})).labels.different).toBe(members.length - 1 + 1);
    service.dispose();
  }, 120_000);

  it('a "not the same customer" decision survives a re-run, and an accepted cluster stays together', async () => {
    const { service, waitForJob } = await matchedProject(tempDir());
    const [a, b] = await reviewIds(service);
    const pair = (await service.invoke('merge:cluster', { id: a })).members.map((m) => m.id);
    await service.invoke('merge:not-same', { a: pair[0], b: pair[1] });
    await service.invoke('merge:accept', { clusterId: b });
    const merged = (await service.invoke('merge:golden', { id: b })).members.map((m) => m.id);
    for (const scope of ['all', 'new'] as const) {
      expect((await waitForJob((await service.invoke('match:start', { scope })).jobId)).status).toBe('succeeded');
      const clusterOf = async (id: number) => {
        const page = await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000, filter: { status: 'all' } });
        for (const row of page.rows) if ((await service.invoke('merge:cluster', { id: row.id })).members.some((m) => m.id === id)) return row.id;
        return null;
      };
      const ca = await clusterOf(pair[0]);
      expect(ca === null || ca !== (await clusterOf(pair[1]))).toBe(true);
      expect(await service.invoke('merge:cluster', { id: b })).toMatchObject({ status: 'merged', goldenId: b });
      expect((await service.invoke('merge:cluster', { id: b })).members.map((m) => m.id)).toEqual(merged);
    }
    service.dispose();
  }, 180_000);

  it('reverting an accept after the golden record was unmerged says which memberships changed since', async () => {
    const { service } = await matchedProject(tempDir());
    const [first] = await reviewIds(service);
    const accepted = await service.invoke('merge:accept', { clusterId: first });
    await service.invoke('merge:unmerge', { goldenId: first });
    const check = await service.invoke('history:revert', { batchId: accepted.batchId!, mode: 'check' });
    expect(check.batchId).toBeNull();
    expect(check.conflicts).toBeGreaterThan(0);
    expect(check.sample[0]).toMatchObject({ entity: 'golden', field: 'golden_id', left: first, current: null, laterBatch: { kind: 'unmerge' } });
    service.dispose();
  }, 120_000);

  it('picks a value by hand: the golden record takes it, and the pick goes with the record when it leaves', async () => {
    const { service } = await matchedProject(tempDir());
    const view = await service.invoke('merge:cluster', { id: (await reviewIds(service))[0] });
    await service.invoke('merge:accept', { clusterId: view.id });
    const field = view.fields.find((f) => f.group === 'differing') ?? view.fields[0];
    const from = view.members[view.fields.indexOf(field) >= 0 ? field.values.findIndex((v) => v !== null) : 0].id;
    await service.invoke('merge:pick', { clusterId: view.id, field: field.field, customerId: from });
    expect((await service.invoke('merge:golden', { id: view.id })).values[field.field]).toMatchObject({ from, reason: 'picked' });
    expect((await service.invoke('merge:cluster', { id: view.id })).fields.find((f) => f.field === field.field)?.pickedFrom).toBe(from);
    await service.invoke('merge:unmerge', { goldenId: view.id, customerId: from });
    const after = await service.invoke('merge:cluster', { id: view.id }).catch(() => null);
    if (after) expect(after.fields.find((f) => f.field === field.field)?.pickedFrom).toBeNull();
    service.dispose();
  }, 120_000);

  it('bulk-accept says what it will do first, runs as a job, and refuses when the queue changed since', async () => {
    const { service, waitForJob } = await matchedProject(tempDir());
    const summary = await service.invoke('merge:summary', {});
    const preview = await service.invoke('merge:bulk-preview', { threshold: 0.99 });
    const page = await service.invoke('merge:queue-page', { startRow: 0, endRow: 1000 });
    const above = page.rows.filter((r) => (r.weakest ?? 0) >= 0.99);
    expect(preview).toMatchObject({ clusters: above.length, records: above.reduce((s, r) => s + r.size, 0) });
    expect(preview.goldenRecordsAfter).toBe(summary.goldenRecords - preview.records + preview.clusters);

    const stale = await service.invoke('merge:bulk-accept', { threshold: 0.99, expectClusters: preview.clusters + 1 });
    expect(await waitForJob(stale.jobId)).toMatchObject({ status: 'failed', error: { code: 'invalid_input' } });
    const job = await service.invoke('merge:bulk-accept', { threshold: 0.99, expectClusters: preview.clusters });
    expect(await waitForJob(job.jobId)).toMatchObject({ status: 'succeeded', result: { clusters: preview.clusters, records: preview.records } });
    expect(await service.invoke('merge:summary', {})).toMatchObject({ goldenRecords: preview.goldenRecordsAfter, merged: preview.clusters, review: summary.review - preview.clusters });
    // Bulk accepts are the model's guesses, not labels.
    expect((await service.invoke('merge:metrics', {})).labels).toEqual({ same: 0, different: 0 });
    service.dispose();
  }, 120_000);

  it('estimates precision and recall from the decisions', async () => {
    const { service } = await matchedProject(tempDir());
    const [a, b, c] = await reviewIds(service);
    await service.invoke('merge:accept', { clusterId: a });
    await service.invoke('merge:accept', { clusterId: b });
    await service.invoke('merge:reject', { clusterId: c });
    const m = await service.invoke('merge:metrics', {});
    const summary = await service.invoke('merge:summary', {});
    expect(m.labels).toEqual(summary.labels);
    // Every labelled pair of a suggested cluster was stored at ≥ 0.8; the same ones linked, the rejected ones too.
    const at = m.curve.find((r) => r.threshold === 0.8)!;
    expect(at.truePositives + at.falseNegatives).toBe(m.labels.same);
    expect(at.precision).toBeCloseTo(m.labels.same / (m.labels.same + at.falsePositives), 12);
    expect(m.current?.threshold).toBe(0.9);
    service.dispose();
  }, 120_000);

  it('exports golden records (one row per customer), every record with its golden_id, and the decisions', async () => {
    const dir = tempDir();
    const { service, waitForJob } = await matchedProject(dir);
    const [first] = await reviewIds(service);
    await service.invoke('merge:accept', { clusterId: first });
    const members = (await service.invoke('merge:golden', { id: first })).members;
    const write = async (layout: 'golden' | 'records' | 'decisions') => {
      const path = join(dir, `${layout}.csv`);
      expect((await waitForJob((await service.invoke('merge:export-start', { path, format: 'csv', layout })).jobId)).status).toBe('succeeded');
      return readFileSync(path, 'utf8').trimEnd().split('\n');
    };
    const golden = await write('golden');
    expect(golden[0]).toBe('golden_id,member_count,members,source_record_id,full_name,given_name,family_name,gender,birth_date,email,phone,mobile,company,street,city,region,postcode,country,income,income_currency,created_at,updated_at');
    const summary = await service.invoke('merge:summary', {});
    expect(golden.length - 1).toBe(summary.goldenRecords);
    const row = golden.find((l) => l.startsWith(`${first},`))!;
    expect(row.startsWith(`${first},${members.length},${members.map((m) => `${m.source}:${m.sourceRecordId}`).join(';')},`)).toBe(true);
    const records = await write('records');
    expect(records[0].startsWith('golden_id,source,source_record_id,')).toBe(true);
    expect(records.filter((l) => l.startsWith(`${first},`))).toHaveLength(members.length);
    expect(records).toHaveLength(summary.customers + 1);
    const decisions = await write('decisions');
    expect(decisions[0]).toBe('customer_a,source_a,source_record_id_a,customer_b,source_b,source_record_id_b,decision,decided_at,batch_id,actor');
    expect(decisions).toHaveLength(summary.labels.same + 1);
    expect(decisions[1]).toMatch(/,same,.*,steward$/);
    service.dispose();
  }, 120_000);
});
