/**
 * A stored ISO time as the reader's language writes a date and time (Intl):
 * "Dec 5, 2026, 2:03 PM" or "2026年12月5日 14:03". The app and the HTML
 * report use this one function, so both say a time the same way. The time
 * zone is the machine's: the reader's own clock.
 */
export function formatDateTime(lng: string, iso: string, style: 'medium' | 'long' = 'medium'): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(lng, { dateStyle: style, timeStyle: 'short' }).format(d);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A record's date value for reading: an ISO date ("1985-03-02") as the
 * language writes a date, the same day in every time zone (it is a calendar
 * day, not an instant); an ISO instant as formatDateTime does; anything else
 * (a value not yet standardised) exactly as stored, so nothing is guessed.
 * Editing and export keep the stored text.
 */
export function formatStoredDate(lng: string, value: string): string {
  if (isoDate.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? value : new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  }
  return isoDateTime.test(value) ? formatDateTime(lng, value) : value;
}
