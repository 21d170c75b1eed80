/**
 * What a steward's decisions tell a matching run: records of one golden
 * record stay together, pairs marked "not the same customer" stay apart,
 * and the pairs a steward labelled re-estimate the model.
 *
 * Re-estimation: EM's m (P(level | match)) is a prior worth PRIOR_PAIRS
 * labelled matches; each pair labelled 'same' adds its observed levels, so
 * a handful of decisions nudges the model and hundreds steer it. u stays as
 * estimated from random pairs: pairs labelled 'different' are near misses
 * a reviewer saw, not a sample of non-matches.
 */
import type { Comparison } from './comparisons.ts';
import type { Prepared } from './prepare.ts';
import type { MatchModel } from './types.ts';

export interface Decisions {
  /** Customer id → golden record id, for customers in golden records of two or more. */
  together: ReadonlyMap<number, number>;
  /** Pairs labelled "not the same customer". */
  apart: readonly [number, number][];
  /** Pairs a steward labelled (bulk accepts are the model's own guesses and are not among them). */
  labelled: readonly { a: number; b: number; same: boolean }[];
}

/** How many labelled matches EM's estimate is worth. */
export const PRIOR_PAIRS = 50;

export function learnFromLabels(model: MatchModel, p: Prepared, comps: readonly Comparison[], decisions: Decisions): MatchModel {
  const index = new Map<number, number>();
  p.ids.forEach((id, i) => index.set(id, i));
  const counts = comps.map((c) => new Float64Array(c.levels.length));
  let used = 0;
  for (const pair of decisions.labelled) {
    const i = index.get(pair.a);
    const j = index.get(pair.b);
    if (!pair.same || i === undefined || j === undefined) continue;
    comps.forEach((comp, c) => counts[c][comp.level(p, i, j)]++);
    used++;
  }
  if (used === 0) return model;
  const comparisons = model.comparisons.map((params, c) => {
    // Level 0 is "missing": it carries no evidence and keeps m = 0.
    let observed = 0;
    for (let l = 1; l < counts[c].length; l++) observed += counts[c][l];
    if (observed === 0) return params;
    const m = params.m.map((x, l) => (l === 0 ? x : (PRIOR_PAIRS * x + counts[c][l]) / (PRIOR_PAIRS + observed)));
    return { ...params, m };
  });
  return { ...model, comparisons };
}
