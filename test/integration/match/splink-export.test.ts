/**
 * The Splink export, run for real: a generated export is imported and
 * deduplicated as `crm-steward dedupe` does, exported for Splink, and the
 * DuckDB dialect is run with @duckdb/node-api the way Splink's DuckDB backend
 * predicts (bench/datasets/splink-duckdb.ts). Every pair Splink compares must
 * get the engine's level in every comparison and the engine's match weight.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { generatedCsv } from './match-fixture.ts';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { dedupeProject } from '../../../main/match/project/dedupe-project.ts';
import { currentMatchRun } from '../../../main/match/match-repo.ts';
import { exportProjectModel } from '../../../main/match/splink-export/export-project-model.ts';
import { maxCustomerId } from '../../../main/match/project/load-records.ts';
import { prepareProject } from '../../../main/match/project/prepare-project.ts';
import { comparisonsOf } from '../../../main/match/match-records.ts';
import { explainPair, makeScorer } from '../../../main/match/score.ts';
import { conflictTable, hasConflict } from '../../../main/match/dependence.ts';
import { levelIndex, predictWithDuckDb } from '../../../bench/datasets/splink-duckdb.ts';
import type { SplinkSettings } from '../../../main/match/splink-export/splink-settings.ts';

const tempDir = useTempDir();
const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['bin/crm-steward.mjs', ...args], { cwd: process.cwd() });

describe('export-model for Splink', () => {
  it('scores every blocked pair with the engine\'s levels and weights when run in DuckDB', async () => {
    const dir = tempDir();
    const { path } = await generatedCsv(dir, 1500, 13);
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    try {
      await importFiles(db, [{ path }]);
      await dedupeProject(db, { workers: 1 });
      const out = join(dir, 'splink');
      const made = await exportProjectModel(db, out, 'duckdb');
      const settings = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as SplinkSettings;
      expect(readFileSync(join(out, 'prepared.csv'), 'utf8').split('\n')[0]).toMatch(/^unique_id,source,source_record_id,given_name,/);
      expect(readFileSync(join(out, 'run_splink.py'), 'utf8')).toContain('cluster_pairwise_predictions_at_threshold');

      const pairs = await predictWithDuckDb(join(out, 'prepared.csv'), settings);
      expect(pairs.length).toBeGreaterThan(1000);
      const model = currentMatchRun(db)!.model;
      const p = await prepareProject(db, maxCustomerId(db));
      const index = new Map(p.ids.map((id, i) => [id, i]));
      const comps = comparisonsOf(model);
      const scorer = makeScorer(model);
      const conflicts = conflictTable(model.comparisons);
      let cells = 0;
      let levelMismatches = 0;
      let close = 0;
      let sameDecision = 0;
      const farOtherwise: string[] = [];
      for (const pair of pairs) {
        const engine = explainPair(model, scorer, comps, p, index.get(pair.idL)!, index.get(pair.idR)!, '');
        const levels = comps.map((comp, c) => comp.levels.indexOf(engine.steps[c].level));
        comps.forEach((_, c) => {
          cells++;
          if (made.comparisons[c].levels[levelIndex(settings.comparisons[c], pair.gammas[c])].engineLevel !== levels[c]) levelMismatches++;
        });
        const splinkLevels = settings.comparisons.map((c, k) => c.comparison_levels[levelIndex(c, pair.gammas[k])].label_for_charts);
        // The two documented differences: under a conflict the engine ranks household fields after their tf
        // adjustment; a phone agreeing across phone and mobile is adjusted by one record's phone (Splink: the rarer).
        const documented = hasConflict(conflicts, (c) => levels[c]) || splinkLevels.some((l) => l.includes('crossed'));
        if ((engine.probability >= model.threshold) === (pair.probability >= model.threshold)) sameDecision++;
        if (Math.abs(engine.weight - pair.matchWeight) < 0.01) close++;
        else if (!documented) farOtherwise.push(`${pair.idL}-${pair.idR}: engine ${engine.weight}, splink ${pair.matchWeight}`);
      }
      // Jaro-Winkler in DuckDB (rapidfuzz) and in the engine disagree on a rare string pair, and SQL counts a word
      // repeated within one street or company once.
      expect(levelMismatches / cells).toBeLessThan(0.001);
      expect(farOtherwise.length).toBeLessThanOrEqual(Math.ceil(pairs.length * 0.001));
      expect(close / pairs.length).toBeGreaterThan(0.5);
      // Both sides of the link threshold agree all but everywhere.
      expect(sameDecision / pairs.length).toBeGreaterThan(0.99);
    } finally {
      db.close();
    }
  }, 120_000);

  it('crm-steward export-model writes the three files, and says what to do first without a trained model', async () => {
    const dir = tempDir();
    const { path } = await generatedCsv(dir, 200, 5);
    const project = join(dir, 'p.crmsteward');
    await cli('import', path, '--project', project, '--json');
    const out = join(dir, 'splink');
    await expect(cli('export-model', '--project', project, '--out', out)).rejects.toMatchObject({ stderr: expect.stringContaining('crm-steward dedupe') });
    await cli('dedupe', '--project', project, '--out', join(dir, 'clusters.csv'));
    const { stdout } = await cli('export-model', '--project', project, '--out', out, '--dialect', 'spark', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ dialect: 'spark', records: 200 });
    for (const f of ['model.json', 'prepared.csv', 'run_splink.py']) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'model.json'), 'utf8')).toContain('"sql_dialect": "spark"');
    expect(readFileSync(join(out, 'prepared.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(201);
    await expect(cli('export-model', '--project', project, '--out', out, '--dialect', 'oracle')).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});
