import type { TFunction } from 'i18next';

/**
 * The service stores a quarantine reason code and an English sentence (for
 * the CLI and reports). The UI words it in the user's language from the code
 * and the numbers in the sentence.
 */
export function problemText(t: TFunction, reason: string, detail: string): string {
  const counts = /Expected (\d+) fields, found (\d+)/.exec(detail);
  const column = /field (\d+)/.exec(detail);
  const element = /Element (\d+) (?:is|nests)/.exec(detail);
  const depth = /nests ([\d,]+) levels deep; a record may nest at most (\d+)/.exec(detail);
  const size = /is ([\d,]+) characters long; one record may hold at most ([\d,]+)\..* on line ([\d,]+)/.exec(detail);
  return t(`quarantine.details.${reason}`, {
    expected: counts?.[1],
    found: counts?.[2],
    column: column?.[1],
    element: element?.[1],
    depth: depth?.[1],
    max: depth?.[2] ?? size?.[2],
    length: size?.[1],
    line: size?.[3],
    defaultValue: detail,
  });
}
