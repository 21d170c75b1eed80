/**
 * Parses one logical CSV record (which may span physical lines joined by
 * '\n') into fields, RFC 4180 style: a field that starts with a quote runs
 * to the matching closing quote and "" inside it is one quote. A quote in
 * the middle of an unquoted field is kept as a literal character, as
 * spreadsheet programs do.
 *
 * Text after a closing quote is broken quoting; parsing carries on leniently
 * past it so the caller still learns whether the record continues on the
 * next line (`open`) and can keep the whole record together.
 */
export type LineParse =
  | { status: 'ok'; fields: string[] }
  | { status: 'open'; brokenColumn?: number } // a quoted field is not closed yet: more lines belong to this record
  | { status: 'text_after_quote'; column: number };

export function parseCsvRecord(text: string, delimiter: string): LineParse {
  if (text.indexOf('"') === -1) return { status: 'ok', fields: text.split(delimiter) };
  const fields: string[] = [];
  const n = text.length;
  let brokenColumn: number | undefined;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q === -1) return brokenColumn === undefined ? { status: 'open' } : { status: 'open', brokenColumn };
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      if (i < n && !text.startsWith(delimiter, i)) {
        // Broken quoting: keep the rest of the field as literal text and go on.
        brokenColumn ??= fields.length + 1;
        const d = text.indexOf(delimiter, i);
        value += d === -1 ? text.slice(i) : text.slice(i, d);
        i = d === -1 ? n : d;
      }
      fields.push(value);
      if (i >= n) break;
      i += delimiter.length;
      if (i >= n) {
        fields.push('');
        break;
      }
      continue;
    }
    const d = text.indexOf(delimiter, i);
    if (d === -1) {
      fields.push(text.slice(i));
      break;
    }
    fields.push(text.slice(i, d));
    i = d + delimiter.length;
    if (i >= n) {
      fields.push('');
      break;
    }
  }
  return brokenColumn === undefined ? { status: 'ok', fields } : { status: 'text_after_quote', column: brokenColumn };
}
