/** Flattened keys of a dictionary with plural suffixes folded: Chinese has one plural form where English has two. */
export function textKeys(obj: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}${k.replace(/_(one|other)$/, '')}`;
    if (v && typeof v === 'object') for (const inner of textKeys(v, `${key}.`)) out.add(inner);
    else out.add(key);
  }
  return out;
}
