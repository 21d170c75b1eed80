/**
 * How a project's golden records are made (settings key 'survivorship'):
 * the master record's rules, the sources' priority, and each field's
 * ordered rules. The defaults prefer values the standardisers call valid
 * and canonical, then what most records agree on, then the newest record:
 * a typo'd e-mail or an impossible birth date never wins over a good one,
 * and two spellings of one phone number count as one.
 */
import { goldenFieldKeys, type FieldRule, type MasterRule, type SurvivorshipSettings } from '../../shared/channels/merge.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../store/open-project.ts';

const key = 'survivorship';

const personal: FieldRule[] = ['valid_first', 'most_frequent', 'most_recent'];
/** People move: an address is the newest record's, so its parts come from one record. */
const address: FieldRule[] = ['valid_first', 'most_recent', 'most_complete'];

const byField: Record<string, FieldRule[]> = {
  full_name: ['valid_first', 'most_frequent', 'longest'],
  given_name: ['valid_first', 'most_frequent', 'longest'],
  family_name: ['valid_first', 'most_frequent', 'longest'],
  gender: personal,
  birth_date: personal,
  email: personal,
  phone: personal,
  mobile: personal,
  company: ['valid_first', 'most_recent', 'most_frequent'],
  street: address,
  city: address,
  region: address,
  postcode: address,
  country: personal,
  income: ['most_recent'],
  income_currency: ['most_recent'],
  created_at: ['most_complete'],
  updated_at: ['most_recent'],
};

export function defaultSurvivorship(): SurvivorshipSettings {
  return {
    master: ['most_recent', 'most_complete', 'source_priority'],
    sourcePriority: [],
    fields: Object.fromEntries(goldenFieldKeys.map((f) => [f, [...(byField[f] ?? ['valid_first', 'most_frequent', 'most_recent'])]])),
  };
}

export function survivorshipSettings(db: Db): SurvivorshipSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  const d = defaultSurvivorship();
  if (!row) return d;
  const stored = JSON.parse(row) as Partial<SurvivorshipSettings>;
  // Fields added to the model since the settings were saved get their default.
  return { master: stored.master ?? d.master, sourcePriority: stored.sourcePriority ?? d.sourcePriority, fields: { ...d.fields, ...(stored.fields ?? {}) } };
}

export interface SettingsPatch {
  master?: MasterRule[];
  sourcePriority?: number[];
  fields?: Partial<Record<string, FieldRule[]>>;
  reset?: boolean;
}

/** Stores what the patch gives (a rule repeated in one list is refused: it says nothing the first time did not). */
export function saveSurvivorship(db: Db, patch: SettingsPatch): SurvivorshipSettings {
  const now = patch.reset ? defaultSurvivorship() : survivorshipSettings(db);
  const next: SurvivorshipSettings = {
    master: patch.master ?? now.master,
    sourcePriority: patch.sourcePriority ?? now.sourcePriority,
    fields: { ...now.fields, ...(patch.fields as Record<string, FieldRule[]> | undefined) },
  };
  for (const [name, list] of [['master', next.master], ...Object.entries(next.fields)] as [string, string[]][]) {
    if (new Set(list).size !== list.length) throw new AppError('invalid_input', `The rules for ${name} name one rule twice.`);
  }
  if (patch.reset || Object.keys(patch).length > 0) {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(next));
  }
  return next;
}
