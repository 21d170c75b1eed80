import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../i18n/words.ts';

/** A refusal in one line: what kind of problem in the UI language, then the service's own words. */
export function errorText(t: TFunction, lng: string, err: Error): string {
  const code = err instanceof ApiError ? err.code : 'internal';
  return `${t(`error.${code}`, { defaultValue: t('error.internal') })}: ${errorMessage(t, lng, err)}`;
}
