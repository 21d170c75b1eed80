import type { TFunction } from 'i18next';

/**
 * Text a view keeps in its state (what an action did, why a job stopped) as
 * how to say it rather than as said: made at render time in the current
 * language, it follows a switch of language like everything else on screen.
 */
export type Words = (t: TFunction, lng: string) => string;

/** An error whose message the app words itself (a job cancelled or failed), said in the current language wherever it is shown. */
export class WordsError extends Error {
  constructor(readonly words: Words) {
    super('');
  }
}

/** An error's own message, or, for a WordsError, its words now. */
export function errorMessage(t: TFunction, lng: string, err: Error): string {
  return err instanceof WordsError ? err.words(t, lng) : err.message;
}
