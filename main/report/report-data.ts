/**
 * What the client report shows, read from the project through the read
 * models the app's views use (so the report's figures are the app's): the
 * sources, quality before and after fixing, the fixes that stand, the
 * duplicates merged, the saved segmentation and the RFM run.
 */
import { basename, extname } from 'node:path';
import type { RfmOverview } from '../../shared/channels/analysis.ts';
import type { MergeSummary } from '../../shared/channels/merge.ts';
import type { SegmentationView } from '../../shared/channels/segment.ts';
import { rfmOverview } from '../analysis/rfm-segments.ts';
import { batchesInEffect } from '../history/history.ts';
import { currentMatchRun } from '../match/match-repo.ts';
import { mergeSummary } from '../match/review/queue-queries.ts';
import { beforeAfter, scoresOf, type ScoresAt } from '../quality/before-after.ts';
import { listSnapshots } from '../quality/snapshots.ts';
import { currentView } from '../segment/segmentation-view.ts';
import type { Db } from '../store/open-project.ts';
import { projectCounts, type ProjectCounts } from '../store/project-counts.ts';
import { appliedFixCounts, changesOfKind, largestGoldenRecords, topRfmEntities, type PersonRow } from '../store/report-repo.ts';
import { listSources, type SourceSummary } from '../store/sources-repo.ts';

/** Rows of the two sample tables (the only places a person is named). */
const SAMPLE_ROWS = 10;

export interface QualityComparison {
  /** When the records were first changed; null while none has been. */
  firstChangeAt: string | null;
  /** The newest measurement at or before the first change. */
  before: ScoresAt | null;
  /** The newest measurement after the first change (or the newest at all while nothing changed). */
  after: ScoresAt | null;
  /** Customers changed after `after` was taken. */
  changedSince: number;
}

export interface ClientReportData {
  project: string;
  writtenAt: string;
  counts: ProjectCounts;
  sources: SourceSummary[];
  quality: QualityComparison;
  fixes: { byRule: { rule: string; field: string; count: number }[]; edits: number };
  duplicates: {
    run: { finishedAt: string | null; comparisons: number; records: number; threshold: number } | null;
    summary: MergeSummary;
    largest: (PersonRow & { members: number })[];
  };
  segmentation: SegmentationView | null;
  rfm: RfmOverview;
  topCustomers: ReturnType<typeof topRfmEntities>;
}

export function qualityComparison(db: Db): QualityComparison {
  const ba = beforeAfter(db);
  if (ba.firstChangeAt !== null) return { firstChangeAt: ba.firstChangeAt, before: ba.before, after: ba.after, changedSince: ba.after ? ba.changedSinceProfile : 0 };
  const latest = listSnapshots(db, 1)[0];
  return { firstChangeAt: null, before: null, after: latest ? scoresOf(latest.takenAt, latest.metrics) : null, changedSince: 0 };
}

export function readClientReport(db: Db, projectPath: string, now = new Date()): ClientReportData {
  const applied = batchesInEffect(db);
  const run = currentMatchRun(db);
  return {
    project: basename(projectPath, extname(projectPath)),
    writtenAt: now.toISOString(),
    counts: projectCounts(db),
    sources: listSources(db).filter((s) => s.withdrawnAt === null),
    quality: qualityComparison(db),
    fixes: { byRule: appliedFixCounts(db, applied), edits: changesOfKind(db, applied, 'edit') },
    duplicates: {
      run: run ? { finishedAt: run.finishedAt, comparisons: run.comparisons, records: run.records, threshold: run.threshold } : null,
      summary: mergeSummary(db),
      largest: largestGoldenRecords(db, SAMPLE_ROWS),
    },
    segmentation: currentView(db),
    rfm: rfmOverview(db),
    topCustomers: topRfmEntities(db, SAMPLE_ROWS),
  };
}
