/**
 * Finds the arrays of a JSON document and where each of their elements
 * starts and ends, without building any value. Iterative, so no nesting
 * depth can overflow the stack; each element's depth is measured so a
 * pathological one can be quarantined on its own instead of failing the file.
 *
 * Arrays are collected at the top level and under object keys up to
 * MAX_PATH keys deep ({"data": [...]}, {"response": {"contacts": [...]}}):
 * that is where API exports put their list of records.
 */
export interface JsonSpan {
  start: number;
  end: number;
  /** Containers nested inside the element: 0 for a scalar, 1 for a flat object. */
  depth: number;
}

export interface JsonArray {
  /** Object keys leading to the array; empty for a top-level array. */
  path: string[];
  elements: JsonSpan[];
  /** Elements that are objects: candidate records. */
  objects: number;
}

export class JsonShapeError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const MAX_PATH = 3;

interface Frame {
  array: boolean;
  /** Keys from the top; null inside arrays (their arrays are values, not lists of records). */
  path: string[] | null;
  /** The last key read in this object, once its colon is seen. */
  key: string | null;
  lastString: [number, number] | null;
  /** Set when this array's elements are collected. */
  collect: JsonArray | null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index just past the string that opens at `at`, or -1 when it never closes. */
function stringEnd(text: string, at: number): number {
  let i = at + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return -1;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function keyOf(text: string, span: [number, number]): string {
  const raw = text.slice(span[0], span[1]);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

export function scanJson(text: string): JsonArray[] {
  const arrays: JsonArray[] = [];
  const stack: Frame[] = [];
  /** The element being read in the collected array on top of the stack's collecting frame. */
  let element: { frame: number; start: number; last: number; depth: number } | null = null;
  let closedTop = false;
  let i = 0;
  const n = text.length;

  const endElement = (): void => {
    if (!element) return;
    const frame = stack[element.frame];
    frame.collect!.elements.push({ start: element.start, end: element.last, depth: element.depth });
    if (text.charCodeAt(element.start) === 0x7b) frame.collect!.objects++;
    element = null;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (closedTop) throw new JsonShapeError('text follows the end of the JSON value', i);
    const top = stack[stack.length - 1];
    // Directly inside a collected array, anything but a comma or the closing bracket starts an element.
    if (top?.collect && !element && c !== 0x2c && c !== 0x5d) element = { frame: stack.length - 1, start: i, last: i, depth: 0 };
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end === -1) throw new JsonShapeError('a string never closes', i);
      if (top && !top.array) top.lastString = [i, end];
      if (!top) closedTop = true;
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      const array = c === 0x5b;
      let path: string[] | null = null;
      if (!top) path = [];
      else if (!top.array && top.path && top.key !== null && top.path.length < MAX_PATH) path = [...top.path, top.key];
      const frame: Frame = { array, path, key: null, lastString: null, collect: null };
      if (array && path && !element) {
        frame.collect = { path, elements: [], objects: 0 };
        arrays.push(frame.collect);
      }
      stack.push(frame);
      if (element) element.depth = Math.max(element.depth, stack.length - 1 - element.frame);
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      if (!top || top.array !== (c === 0x5d)) throw new JsonShapeError(`a ${c === 0x5d ? ']' : '}'} closes nothing that is open`, i);
      if (top.collect) endElement();
      stack.pop();
      i++;
      if (stack.length === 0) closedTop = true;
    } else if (c === 0x3a) {
      if (top && !top.array && top.lastString) top.key = keyOf(text, top.lastString);
      i++;
    } else if (c === 0x2c) {
      if (top?.collect) endElement();
      else if (top && !top.array) (top.key = null), (top.lastString = null);
      i++;
    } else {
      // A number, true, false, null, or junk: up to the next structural character.
      while (i < n && !isSpace(text.charCodeAt(i)) && !',:]}[{"'.includes(text[i])) i++;
      if (!top) closedTop = true;
    }
    if (element) element.last = i;
  }
  if (stack.length > 0) throw new JsonShapeError(`the file ends before its ${stack[stack.length - 1].array ? 'array' : 'object'} is closed (it may be cut short)`, n);
  return arrays;
}
