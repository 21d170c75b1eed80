import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

/** The grid's own words (filter menus, loading) in the UI's language. */
export function gridLocale(language: string): Record<string, string> | undefined {
  return language.startsWith('zh') ? AG_GRID_LOCALE_CN : undefined;
}
