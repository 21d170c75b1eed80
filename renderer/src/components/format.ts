/** A stored ISO time as the user's locale writes a date and time (Intl), e.g. "5 Dec 2026, 14:03" or "2026年12月5日 14:03". */
export function formatDateTime(lng: string, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
