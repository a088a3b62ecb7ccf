import { ValidationError } from '@redress/domain-kit';

/** Local wall-clock window (in the tenant's time zone) in which ordinary notices wait, e.g. 22:00–08:00. */
export interface QuietHours {
  start: string;
  end: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseQuietHours(field: string, value: QuietHours | null): QuietHours | null {
  if (!value) return null;
  for (const key of ['start', 'end'] as const) {
    if (!HH_MM.test(value[key])) throw new ValidationError(`${field}.${key}`, 'must be a time of day as HH:MM (00:00–23:59)');
  }
  if (value.start === value.end) throw new ValidationError(`${field}.end`, 'must differ from the start');
  return { start: value.start, end: value.end };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight in a time zone. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return get('hour') * 60 + get('minute');
}

/**
 * When an ordinary notice may go out: `now` itself outside quiet hours, else the end of the quiet
 * window (windows may span midnight). Computed by stepping whole minutes from local time, so it is
 * right across daylight-saving changes in zones that have them.
 */
export function releaseTime(quiet: QuietHours | null, now: Date, timeZone: string): Date {
  if (!quiet) return now;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const local = localMinutes(now, timeZone);
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return now;
  const wait = (end - local + 1_440) % 1_440;
  const release = new Date(now.getTime() + wait * 60_000);
  release.setUTCSeconds(0, 0);
  return release;
}
