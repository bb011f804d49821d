/** A date as the editor shows every date: dd/mm/yyyy (an ISO yyyy-mm-dd in, empty for none). */
export function dayText(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : '';
}

/** A moment (ISO timestamp) as dd/mm/yyyy hh:mm in Vietnam's time. */
export function momentText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
  return parts.replace(',', '');
}
