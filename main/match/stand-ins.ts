/**
 * Placeholder values ("TEST", "null", "n/a", "000-000-0000", "noemail@…")
 * are missing for matching: strangers who typed the same stand-in are not one
 * person, and "TEST TEST" agreeing with "TEST TEST" on both names once joined
 * dozens of different customers into one group. Each dictionary entry is
 * judged once, by the quality module's detectPlaceholder on the raw value that
 * first produced it, so the cost is per distinct value, not per record.
 */
import { detectPlaceholder } from '../standardize/placeholder.ts';

/** The part of a preparing dictionary this needs: codes for strings, 0 for ''. */
export interface Coder {
  code(s: string): number;
}

export class StandInFilter {
  /** Per code: 0 not judged yet (new, or recoded from another thread's dictionary), 1 a real value, 2 a placeholder. */
  private verdicts = new Uint8Array(1024);

  constructor(
    private readonly dict: Coder,
    private readonly field: string,
  ) {}

  /** The code of `key` (the prepared form of `raw`), or 0, as for a blank, when `raw` is a placeholder. */
  code(key: string, raw: string = key): number {
    const c = this.dict.code(key);
    if (c === 0) return 0;
    if (c >= this.verdicts.length) {
      const grown = new Uint8Array(Math.max(c + 1, this.verdicts.length * 2));
      grown.set(this.verdicts);
      this.verdicts = grown;
    }
    let verdict = this.verdicts[c];
    if (verdict === 0) verdict = this.verdicts[c] = detectPlaceholder(raw, this.field) ? 2 : 1;
    return verdict === 2 ? 0 : c;
  }
}
