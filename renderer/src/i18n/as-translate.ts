import type { TFunction } from 'i18next';
import type { Translate } from '../../../shared/i18n/translate.ts';

/** i18next's t as the plain Translate that shared/i18n helpers take (they also serve the main process, without i18next). */
export function asTranslate(t: TFunction): Translate {
  return (key, vars) => t(key, vars ?? {});
}
