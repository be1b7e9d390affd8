// What a typed time means. Pure: the clock is passed in as `now`. A caseworker documenting at
// 05:21 who types "23:45" means yesterday evening, never tonight; a time in the spring gap does
// not exist and one in the autumn overlap exists twice, so neither is guessed: the gap is refused,
// and the overlap comes back with both instants (twiceCandidates) for the interactive walk to ask
// which, while an answers file is told to write the offset.
import { isRealDate, localDateOf, localTimeOf, STOCKHOLM, wallClockInstants, weekday } from '../core/calendar.js';

/** A typed time this far ahead is a clock a minute or two off, not a plan. */
export const FUTURE_SLACK_MS = 5 * 60_000;

export type TimeProblem =
  | { kind: 'unparseable' }
  /** A date the calendar does not have (2026-02-30), or a time such as 24:10. */
  | { kind: 'no-such-date'; text: string }
  | { kind: 'future'; instant: string }
  /** The local time falls in the hour skipped when clocks go forward. */
  | { kind: 'dst-gap'; local: string }
  /** The local time occurs twice when clocks go back; `earlier` is summer time. */
  | { kind: 'dst-ambiguous'; local: string; earlier: string; later: string };

export type TimeResult = { ok: true; instant: string } | { ok: false; problem: TimeProblem };

export interface TimeOptions {
  /** The reference "now" as an ISO instant with offset. */
  now: string;
  /** The field holds planned times: future allowed, and a time without date is the next one. */
  planned?: boolean;
  /** Refuse date-times more than FUTURE_SLACK_MS after now (default true; planned fields never). */
  refuseFuture?: boolean;
  /**
   * An instant this time may not precede (a carried-out time's decision time). Used only to settle
   * the autumn hour: of two 02:30s, one before the decision cannot be meant. Whether the time as a
   * whole is before it is the caller's check, which names both times.
   */
  notBefore?: string;
}

const ISO_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds of a full ISO instant with offset whose date and time exist in the calendar, else
 * null. Date.parse alone would roll 2026-02-30 over to 2 March.
 */
export function strictInstantMs(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = ISO_OFFSET.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
}

export const isStrictInstant = (s: unknown): s is string => strictInstantMs(s) !== null;

const pad = (n: number) => String(n).padStart(2, '0');

function offsetText(o: string): string | null {
  if (o === 'z') return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(o);
  if (m) return `${m[1]}${m[2]}:${m[3]}`;
  if (['sommartid', 'cest', 'summer', 'summertime', 'summer time'].includes(o)) return '+02:00';
  if (['vintertid', 'normaltid', 'cet', 'winter', 'wintertime', 'winter time'].includes(o)) return '+01:00';
  return null;
}

const LOCAL_PATTERNS = [
  /^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})[ t](?<h>\d{1,2})[:.](?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?$/,
  /^(?<d>\d{1,2})\/(?<mo>\d{1,2})(?:[ /](?<y>\d{4}))?,? (?<h>\d{1,2})[:.](?<mi>\d{2})$/,
  /^(?<h>\d{1,2})[:.](?<mi>\d{2})$/,
];

/** Splits an explicit offset or a named season ("sommartid") off the end of the text. */
function splitOffset(t: string): { local: string; offset: string | null; bad: boolean } {
  const m = /^(.*?)\s*(z|[+-]\d{2}:?\d{2}|sommartid|vintertid|normaltid|cest|cet|summer time|winter time|summer|winter)$/.exec(t);
  if (!m || m[1] === undefined || m[1] === '' || !/\d$/.test(m[1])) return { local: t, offset: null, bad: false };
  const offset = offsetText(m[2] as string);
  return { local: m[1], offset, bad: offset === null };
}

function instantFromWall(y: number, mo: number, d: number, h: number, mi: number, offset: string): string {
  return `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00${offset}`;
}

const wallMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function shiftDay(ymd: [number, number, number], by: number): [number, number, number] {
  const dt = new Date(Date.UTC(ymd[0], ymd[1] - 1, ymd[2] + by));
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}

/**
 * Reads a typed time: "2026-12-03 03:15", "3/12 03:15", "3/12 2026 03:15", "03:15", "03.15",
 * "nu"/"now", a full ISO instant with offset, or any of these with an offset or season after it
 * ("02:30 +01:00", "02:30 vintertid") to settle the autumn hour that occurs twice.
 */
export function resolveTime(text: string, o: TimeOptions, timeZone = STOCKHOLM): TimeResult {
  const raw = text.trim();
  const nowMs = Date.parse(o.now);
  const refuseFuture = !o.planned && o.refuseFuture !== false;
  const checkFuture = (instant: string): TimeResult =>
    refuseFuture && Date.parse(instant) > nowMs + FUTURE_SLACK_MS ? { ok: false, problem: { kind: 'future', instant } } : { ok: true, instant };
  if (ISO_OFFSET.test(raw)) {
    return strictInstantMs(raw) === null ? { ok: false, problem: { kind: 'no-such-date', text: raw } } : checkFuture(raw);
  }
  const t = raw.toLowerCase().replace(/\s+/g, ' ');
  if (t === 'nu' || t === 'now') return { ok: true, instant: o.now };
  const { local, offset, bad } = splitOffset(t);
  if (bad) return { ok: false, problem: { kind: 'unparseable' } };
  const g = LOCAL_PATTERNS.map((re) => re.exec(local)?.groups).find((x) => x !== undefined);
  if (!g) return { ok: false, problem: { kind: 'unparseable' } };
  const [h, mi] = [Number(g.h), Number(g.mi)];
  const today = localDateOf(o.now, timeZone).split('-').map(Number) as [number, number, number];
  let ymd: [number, number, number];
  if (g.y !== undefined) ymd = [Number(g.y), Number(g.mo), Number(g.d)];
  else if (g.d !== undefined) {
    // A date without year is the most recent such date (or, for a planned time, the next one).
    ymd = [today[0], Number(g.mo), Number(g.d)];
    const key = (x: [number, number, number]) => x[1] * 100 + x[2];
    if (!o.planned && key(ymd) > key(today)) ymd = [today[0] - 1, ymd[1], ymd[2]];
    if (o.planned && key(ymd) < key(today)) ymd = [today[0] + 1, ymd[1], ymd[2]];
  } else {
    // A time without date is the most recent such time, within the slack (planned: the next one).
    const typed = h * 60 + mi;
    const nowMin = wallMinutes(localTimeOf(o.now, timeZone));
    const slack = FUTURE_SLACK_MS / 60_000;
    ymd = today;
    if (!o.planned && typed > nowMin + slack) ymd = shiftDay(today, -1);
    if (o.planned && typed < nowMin - slack) ymd = shiftDay(today, 1);
  }
  const [y, mo, d] = ymd;
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59) return { ok: false, problem: { kind: 'no-such-date', text: raw } };
  if (offset !== null) return checkFuture(instantFromWall(y, mo, d, h, mi, offset));
  const all = wallClockInstants(y, mo, d, h, mi, timeZone) ?? [];
  const localText = `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`;
  if (all.length === 0) return { ok: false, problem: { kind: 'dst-gap', local: localText } };
  // Of the two 02:30s of an autumn night, one may not have happened yet, or be before the time this
  // one may not precede: then there is no doubt.
  const happened = refuseFuture ? all.filter((i) => Date.parse(i) <= nowMs + FUTURE_SLACK_MS) : all;
  if (happened.length === 0) return checkFuture(all[0] as string);
  const nb = o.notBefore;
  const possible = nb === undefined ? happened : happened.filter((i) => !isBefore(i, nb));
  // Both before it: the later one, which the caller refuses naming both times.
  if (possible.length === 0) return { ok: true, instant: happened[happened.length - 1] as string };
  if (possible.length > 1) return { ok: false, problem: { kind: 'dst-ambiguous', local: localText, earlier: possible[0] as string, later: possible[1] as string } };
  return { ok: true, instant: possible[0] as string };
}

/**
 * One of the two instants a clock time of the autumn night means: the first time the clock showed
 * it (summer time, +02:00 in Sweden) or the second (winter time, +01:00), in the order they happened.
 */
export interface TimeCandidate {
  instant: string;
  /** "+02:00": the offset of the instant, as it is saved. */
  offset: string;
  which: 'first' | 'second';
  /** "02:30": the clock time both share. */
  clock: string;
}

const offsetOf = (instant: string): string => (instant.endsWith('Z') ? '+00:00' : instant.slice(-6));

/** The two instants an autumn time that occurred twice may mean, earlier first: the caseworker chooses. */
export function twiceCandidates(p: Extract<TimeProblem, { kind: 'dst-ambiguous' }>): [TimeCandidate, TimeCandidate] {
  const clock = p.local.slice(11, 16);
  return [
    { instant: p.earlier, offset: offsetOf(p.earlier), which: 'first', clock },
    { instant: p.later, offset: offsetOf(p.later), which: 'second', clock },
  ];
}

/**
 * When the clock time of this instant occurred twice that night, which of the two it is (with the
 * offset Stockholm had then, whatever offset the instant is written with); undefined for every
 * other time. An echo or a default of such a time names which, so it is never read as the other.
 */
export function twiceOf(instant: string, timeZone = STOCKHOLM): TimeCandidate | undefined {
  const ms = strictInstantMs(instant);
  if (ms === null) return undefined;
  const [y, mo, d] = localDateOf(instant, timeZone).split('-').map(Number) as [number, number, number];
  const clock = localTimeOf(instant, timeZone);
  const [h, mi] = clock.split(':').map(Number) as [number, number];
  const all = wallClockInstants(y, mo, d, h, mi, timeZone) ?? [];
  if (all.length < 2) return undefined;
  const minute = Math.floor(ms / 60_000) * 60_000; // "nu" carries seconds
  const i = all.findIndex((x) => Date.parse(x) === minute);
  if (i < 0) return undefined;
  return { instant, offset: offsetOf(all[i] as string), which: i === 0 ? 'first' : 'second', clock };
}

/** `later` must not be before `earlier` (both ISO instants). */
export function isBefore(later: string, earlier: string): boolean {
  return Date.parse(later) < Date.parse(earlier);
}

const WEEKDAYS = {
  sv: ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS = {
  sv: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * "mån 30 nov 23:45" in Stockholm time; the year is added when it is not the year of `now`, so an
 * echoed time can always be told apart from the same clock time on another day.
 */
export function describeInstant(instant: string, lang: 'sv' | 'en', now?: string, timeZone = STOCKHOLM): string {
  const date = localDateOf(instant, timeZone);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const year = now === undefined || localDateOf(now, timeZone).slice(0, 4) !== date.slice(0, 4) ? ` ${y}` : '';
  return `${WEEKDAYS[lang][weekday(date)]} ${d} ${MONTHS[lang][mo - 1]}${year} ${localTimeOf(instant, timeZone)}`;
}
