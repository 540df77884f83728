// When did it happen? People think in their own local time; lawyers need UTC.
// We accept what a person would type and keep both: the UTC time, and exactly
// what they typed with the offset it was read in.

export type ParsedTime =
  | { ok: true; time: string; dateOnly: boolean; asEntered: string; localOffset?: string }
  | { ok: false; reason: 'format' | 'future' | 'past' };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const EARLIEST = Date.UTC(1990, 0, 1);
/** Clocks disagree and time zones are confusing; a day ahead is allowed, no more. */
const AHEAD_MS = 24 * 60 * 60 * 1000;

function validDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function zoneMinutes(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Empty input means now. `YYYY-MM-DD` is a date whose time is unknown.
 * `YYYY-MM-DD HH:MM[:SS]` is in this computer's time zone unless a zone
 * (`Z`, `UTC`, `+03:00`) follows.
 */
export function parseIncidentTime(input: string, now: Date): ParsedTime {
  const text = input.trim();
  if (text === '') return { ok: true, time: now.toISOString(), dateOnly: false, asEntered: '' };
  let when: number;
  let dateOnly = false;
  let localOffset: string | undefined;
  const d = DATE_ONLY.exec(text);
  const dt = DATE_TIME.exec(text);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (!validDate(y, m, day)) return { ok: false, reason: 'format' };
    when = Date.UTC(y, m - 1, day);
    dateOnly = true;
  } else if (dt) {
    const [y, m, day, h, min, s] = [Number(dt[1]), Number(dt[2]), Number(dt[3]), Number(dt[4]), Number(dt[5]), Number(dt[6] ?? 0)];
    if (!validDate(y, m, day) || h > 23 || min > 59 || s > 59) return { ok: false, reason: 'format' };
    const zone = dt[7];
    if (zone !== undefined) {
      const offset = zoneMinutes(zone);
      if (Math.abs(offset) > 14 * 60) return { ok: false, reason: 'format' };
      when = Date.UTC(y, m - 1, day, h, min, s) - offset * 60_000;
    } else {
      const local = new Date(y, m - 1, day, h, min, s);
      // A time skipped by a daylight-saving jump does not exist in this zone.
      if (local.getHours() !== h || local.getMinutes() !== min) return { ok: false, reason: 'format' };
      when = local.getTime();
      localOffset = formatOffset(-local.getTimezoneOffset());
    }
  } else {
    return { ok: false, reason: 'format' };
  }
  if (when < EARLIEST) return { ok: false, reason: 'past' };
  if (when > now.getTime() + AHEAD_MS) return { ok: false, reason: 'future' };
  return { ok: true, time: new Date(when).toISOString(), dateOnly, asEntered: text, ...(localOffset ? { localOffset } : {}) };
}

/** "2026-11-20 11:30 UTC", or just the date when the time is unknown. */
export function showUtc(iso: string, dateOnly: boolean): string {
  return dateOnly ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
