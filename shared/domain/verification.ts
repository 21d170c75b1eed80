/**
 * What accuracy measures one customer against, as the change history records
 * it: a steward's verified marker and every reference value the customer has
 * (a steward's frozen values, and values from reference files, which marking
 * replaces field by field). The change log holds it as one JSON text per
 * customer (entity 'verification', field 'verified'), null when there is
 * none, so undoing a verification restores exactly what was there before,
 * reference-file values included.
 */

export interface VerificationState {
  verified: { at: string; by: string | null } | null;
  values: ReferenceEntry[];
}

export interface ReferenceEntry {
  field: string;
  value: string | null;
  origin: 'reference_file' | 'steward';
  /** The file name, or who verified. */
  detail: string | null;
  at: string;
}

/**
 * The state as the text the log stores. Canonical (keys in one order, values
 * by field), so two texts are equal exactly when the states are: that is how
 * a reversal tells whether the verification changed since.
 */
export function verificationText(state: VerificationState): string | null {
  if (!state.verified && state.values.length === 0) return null;
  const verified = state.verified ? { at: state.verified.at, by: state.verified.by } : null;
  const values = [...state.values]
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .map((v) => ({ field: v.field, value: v.value, origin: v.origin, detail: v.detail, at: v.at }));
  return JSON.stringify({ verified, values });
}

export function parseVerification(text: unknown): VerificationState {
  if (typeof text !== 'string' || text === '') return { verified: null, values: [] };
  const parsed = JSON.parse(text) as Partial<VerificationState>;
  return { verified: parsed.verified ?? null, values: parsed.values ?? [] };
}

/** The change log's names for a verification change. */
export const verificationEntity = 'verification';
export const verificationField = 'verified';
