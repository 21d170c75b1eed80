/**
 * How a date or a time reads in the app and the audit report: the way the UI
 * language writes it, never the stored ISO text, and a calendar date (a
 * birth date) the same day wherever the reader is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatStoredDate } from '../../../shared/i18n/dates.ts';

const zone = process.env.TZ;
const setZone = (tz: string | undefined) => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
};
beforeEach(() => setZone('UTC'));
afterEach(() => setZone(zone));

describe('formatDateTime', () => {
  it('writes an instant in English and in Chinese', () => {
    expect(formatDateTime('en', '2026-12-05T14:03:00.000Z')).toBe('Dec 5, 2026, 2:03 PM');
    expect(formatDateTime('zh-CN', '2026-12-05T14:03:00.000Z')).toBe('2026年12月5日 14:03');
    expect(formatDateTime('en', '2026-12-05T14:03:00.000Z', 'long')).toBe('December 5, 2026 at 2:03 PM');
  });

  it('writes it on the reader’s own clock', () => {
    setZone('Asia/Shanghai');
    expect(formatDateTime('zh-CN', '2026-12-05T14:03:00.000Z')).toBe('2026年12月5日 22:03');
  });

  it('leaves a text that is no time as it is rather than print "Invalid Date"', () => {
    expect(formatDateTime('en', 'last week')).toBe('last week');
  });
});

describe('formatStoredDate (a record’s date value)', () => {
  it('writes a calendar date in the language, the same day west and east of Greenwich', () => {
    for (const tz of ['America/Los_Angeles', 'Asia/Tokyo']) {
      setZone(tz);
      expect(formatStoredDate('en', '1985-03-02')).toBe('Mar 2, 1985');
      expect(formatStoredDate('zh-CN', '1985-03-02')).toBe('1985年3月2日');
    }
  });

  it('writes a stored instant as a date and time', () => {
    expect(formatStoredDate('en', '2026-09-06T11:34:12.000Z')).toBe('Sep 6, 2026, 11:34 AM');
    expect(formatStoredDate('zh-CN', '2026-09-06T11:34:12+00:00')).toBe('2026年9月6日 11:34');
  });

  it('shows a value not yet standardised exactly as stored', () => {
    for (const raw of ['03/02/1985', '2 March 1985', '1985-02-30x', '']) expect(formatStoredDate('en', raw)).toBe(raw);
  });
});
