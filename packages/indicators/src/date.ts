/**
 * Dates as Vietnamese officials write them, dd/mm/yyyy ("20/12/2023"), and
 * as report files store them, ISO ("2023-12-20", or "2023-12" when the day
 * is blank). The form shows one and stores the other.
 */
import type { Text } from './catalog.ts';

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: Text };

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** "20/12/2023", "20-12-2023", "20.12.2023", "12/2023" or ISO; empty is no date. */
export function parseDayMonthYear(input: string): ParsedDate {
  const s = input.trim();
  const bad: Text = {
    vi: `"${s.slice(0, 40)}" không phải ngày dạng ngày/tháng/năm (ví dụ 20/12/2023).`,
    en: `"${s.slice(0, 40)}" is not a date as day/month/year (e.g. 20/12/2023).`,
  };
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d)
      ? { ok: true, iso: `${String(y)}-${pad(mo)}-${pad(d)}` }
      : { ok: false, message: bad };
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12
      ? { ok: true, iso: `${String(y)}-${pad(mo)}` }
      : { ok: false, message: bad };
  }
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (m[3] === undefined)
      return mo >= 1 && mo <= 12 ? { ok: true, iso: s } : { ok: false, message: bad };
    return valid(y, mo, Number(m[3])) ? { ok: true, iso: s } : { ok: false, message: bad };
  }
  return { ok: false, message: bad };
}

/** "2023-12-20" -> "20/12/2023"; "2023-12" -> "12/2023"; anything else as it is. */
export function formatDayMonthYear(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return m[3] === undefined ? `${m[2] ?? ''}/${m[1] ?? ''}` : `${m[3]}/${m[2] ?? ''}/${m[1] ?? ''}`;
}
