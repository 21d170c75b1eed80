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

/** A text split at its "{{name}}"s: literal, name, literal, name, …, literal. */
const split = (text: string): string[] => text.split(/\{\{\s*(\w+)\s*\}\}/);

export function makeTranslate(dict: Dict): Translate {
  // A report says up to millions of findings with a few dozen templates: each key is looked up and split once.
  const cache = new Map<string, string[] | null>();
  const partsOf = (key: string): string[] | null => {
    let parts = cache.get(key);
    if (parts === undefined) {
      const found = lookup(dict, key);
      cache.set(key, (parts = typeof found === 'string' ? split(found) : null));
    }
    return parts;
  };
  return (key, vars = {}) => {
    const count = typeof vars.count === 'number' ? vars.count : undefined;
    const parts = (count === undefined ? null : partsOf(`${key}_${count === 1 ? 'one' : 'other'}`)) ?? partsOf(key) ?? split(typeof vars.defaultValue === 'string' ? vars.defaultValue : key);
    let text = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const value = vars[parts[i]];
      text += (value === undefined ? `{{${parts[i]}}}` : String(value)) + parts[i + 1];
    }
    return text;
  };
}
