/**
 * Parses one logical CSV record (which may span physical lines joined by
 * '\n') into fields, RFC 4180 style: a field that starts with a quote runs
 * to the matching closing quote and "" inside it is one quote. A quote in
 * the middle of an unquoted field is kept as a literal character, as
 * spreadsheet programs do.
 */
export type LineParse =
  | { status: 'ok'; fields: string[] }
  | { status: 'open' } // a quoted field is not closed yet: more lines belong to this record
  | { status: 'text_after_quote'; column: number };

export function parseCsvRecord(text: string, delimiter: string): LineParse {
  if (text.indexOf('"') === -1) return { status: 'ok', fields: text.split(delimiter) };
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q === -1) return { status: 'open' };
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i >= n) return { status: 'ok', fields };
      if (text.startsWith(delimiter, i)) {
        i += delimiter.length;
        if (i >= n) {
          fields.push('');
          return { status: 'ok', fields };
        }
        continue;
      }
      return { status: 'text_after_quote', column: fields.length };
    }
    const d = text.indexOf(delimiter, i);
    if (d === -1) {
      fields.push(text.slice(i));
      return { status: 'ok', fields };
    }
    fields.push(text.slice(i, d));
    i = d + delimiter.length;
    if (i >= n) {
      fields.push('');
      return { status: 'ok', fields };
    }
  }
}
