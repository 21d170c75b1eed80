import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, JobDone } from '../../../shared/contract.ts';
import { createService } from '../../../main/service/create-service.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';

/** A generated messy export (seeded, a third of people duplicated); returns its path and the header + data lines. */
export async function generatedCsv(dir: string, rows: number, seed = 11): Promise<{ path: string; lines: string[] }> {
  const path = join(dir, 'customers.csv');
  await writeCsvExport({ out: path, rows, seed, preset: 'generic', quotedNewlineRate: 0, generate: { duplicateRate: 0.3 } });
  return { path, lines: readFileSync(path, 'utf8').trimEnd().split('\n') };
}

/** Writes the header plus some data lines as a new file. */
export function csvPart(dir: string, name: string, lines: string[], from: number, to: number): string {
  const path = join(dir, name);
  writeFileSync(path, [lines[0], ...lines.slice(1 + from, 1 + to)].join('\n') + '\n');
  return path;
}

export function makeService(dir: string) {
  const events: { event: EventName; payload: unknown }[] = [];
  const service = createService({
    dataDir: join(dir, 'data'), projectsDir: join(dir, 'projects'), demoDir: join(dir, 'no-demo'), mode: 'cli', version: 'test',
    emit: (event, payload) => events.push({ event, payload }),
  });
  const waitForJob = async (jobId: string): Promise<JobDone> => {
    for (;;) {
      const done = events.find((e) => e.event === 'job:done' && (e.payload as JobDone).jobId === jobId);
      if (done) return done.payload as JobDone;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /** Starts a job through its channel and waits for it: its result, or the reason it did not succeed. */
  const jobResult = async <T>(start: Promise<{ jobId: string }>): Promise<T> => {
    const done = await waitForJob((await start).jobId);
    if (done.status !== 'succeeded') throw new Error(`${done.kind} ${done.status}: ${done.error?.message ?? ''}`);
    return done.result as T;
  };
  return { service, events, waitForJob, jobResult };
}
