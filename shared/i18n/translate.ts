/**
 * The UI text dictionaries (shared/i18n/*.ts) are read by the renderer
 * through i18next and by the main process's HTML report through this small
 * reader, so both say the same words. Keys are dotted paths; "{{name}}" is
 * replaced by vars.name; with vars.count, "key_one" / "key_other" are tried
 * first, as i18next does for English plurals.
 */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export type Language = 'en' | 'zh-CN';
export const languages: readonly Language[] = ['en', 'zh-CN'];

type Dict = Record<string, unknown>;

function lookup(dict: Dict, key: string): unknown {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Dict)[part];
  }
  return node;
}

export function makeTranslate(dict: Dict): Translate {
  return (key, vars = {}) => {
    const count = typeof vars.count === 'number' ? vars.count : undefined;
    const plural = count === undefined ? undefined : lookup(dict, `${key}_${count === 1 ? 'one' : 'other'}`);
    const found = typeof plural === 'string' ? plural : lookup(dict, key);
    const text = typeof found === 'string' ? found : typeof vars.defaultValue === 'string' ? vars.defaultValue : key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
  };
}
