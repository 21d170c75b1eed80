import { join } from 'node:path';

/**
 * Where every e2e and `npm run screens` picture goes: screenshots/<group>/<name>.png
 * at the checkout's root. Not under test-results/, which Playwright empties at
 * the start of each run, so the pictures of one run survive the next for a
 * person to compare.
 */
export function screenshotPath(group: 'views' | 'screens', name: string): string {
  return join(process.cwd(), 'screenshots', group, `${name}.png`);
}

/**
 * The README's walkthrough pictures, committed under docs/screens: one per
 * step and language (`en-01-start.png`, `zh-CN-01-start.png`), written by
 * `npm run screens` at 1280×800.
 */
export function docsScreenPath(lang: string, name: string): string {
  return join(process.cwd(), 'docs', 'screens', `${lang}-${name}.png`);
}
