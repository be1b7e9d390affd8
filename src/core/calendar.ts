// Swedish calendar arithmetic for statutory deadlines. Pure: no clock, no disk.
// Dates are carried as 'YYYY-MM-DD' strings so they compare lexically and never
// pick up the host's time zone; instants are ISO strings with an explicit offset.

export type LocalDate = string;
export interface LocalizedName { sv: string; en: string }
export interface PublicHoliday { date: LocalDate; name: LocalizedName }

export const STOCKHOLM = 'Europe/Stockholm';
const DAY_MS = 86_400_000;
// The Gregorian calendar repeats every 400 years (146097 days); used to keep
// Date.UTC away from its two-digit-year quirk.
const CYCLE_MS = 146_097 * DAY_MS;

function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return y >= 100 ? Date.UTC(y, mo - 1, d, h, mi, s) : Date.UTC(y + 400, mo - 1, d, h, mi, s) - CYCLE_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(y: number, mo: number): number {
  return new Date(utcMs(y, mo + 1, 1) - DAY_MS).getUTCDate();
}

function isValidYmd(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parseDate(d: LocalDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const ymd: [number, number, number] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || !isValidYmd(...ymd)) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return ymd;
}

function ymdString(y: number, mo: number, d: number): LocalDate {
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** Days since 1970-01-01 (negative before). */
export function epochDay(d: LocalDate): number {
  return Math.round(utcMs(...parseDate(d)) / DAY_MS);
}

function fromEpochDay(n: number): LocalDate {
  const dt = new Date(n * DAY_MS);
  return ymdString(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(d: LocalDate, n: number): LocalDate {
  return fromEpochDay(epochDay(d) + n);
}

/** Lag (1930:173) 1 §: same day number; if the target month is shorter, its last day. */
export function addMonths(d: LocalDate, n: number): LocalDate {
  const [y, mo, day] = parseDate(d);
  const index = y * 12 + (mo - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return ymdString(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(d: LocalDate): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((epochDay(d) + 3) % 7) + 7) % 7;
}

export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const diff = epochDay(a) - epochDay(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const [a, b, c] = [year % 19, Math.floor(year / 100), year % 100];
  const [d, e, f] = [Math.floor(b / 4), b % 4, Math.floor((b + 8) / 25)];
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const [i, k] = [Math.floor(c / 4), c % 4];
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return ymdString(year, Math.floor(n / 31), (n % 31) + 1);
}

/** The Saturday in the seven-day window starting at the given date. */
function saturdayFrom(start: LocalDate): LocalDate {
  return addDays(start, (5 - weekday(start) + 7) % 7);
}

// Holidays are computed for a year only when a date in it is first asked about, and kept by date.
const holidayCache = new Map<number, PublicHoliday[]>();
const holidayByDate = new Map<number, Map<LocalDate, LocalizedName>>();

function holidaysOf(year: number): PublicHoliday[] {
  let list = holidayCache.get(year);
  if (!list) {
    list = buildHolidays(year);
    holidayCache.set(year, list);
    holidayByDate.set(year, new Map(list.map((h) => [h.date, h.name])));
  }
  return list;
}

/** Lag (1989:253) om allmänna helgdagar, in date order. */
export function swedishPublicHolidays(year: number): PublicHoliday[] {
  // Copies, so a caller mutating the result cannot corrupt later lookups.
  return holidaysOf(year).map((h) => ({ date: h.date, name: { ...h.name } }));
}

function buildHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const on = (mo: number, d: number): LocalDate => ymdString(year, mo, d);
  const list: PublicHoliday[] = [
    { date: on(1, 1), name: { sv: 'Nyårsdagen', en: "New Year's Day" } },
    { date: on(1, 6), name: { sv: 'Trettondedag jul', en: 'Epiphany' } },
    { date: addDays(easter, -2), name: { sv: 'Långfredagen', en: 'Good Friday' } },
    { date: easter, name: { sv: 'Påskdagen', en: 'Easter Sunday' } },
    { date: addDays(easter, 1), name: { sv: 'Annandag påsk', en: 'Easter Monday' } },
    { date: on(5, 1), name: { sv: 'Första maj', en: 'May Day' } },
    { date: addDays(easter, 39), name: { sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' } },
    { date: addDays(easter, 49), name: { sv: 'Pingstdagen', en: 'Whit Sunday' } },
    { date: on(6, 6), name: { sv: 'Sveriges nationaldag', en: 'National Day of Sweden' } },
    { date: saturdayFrom(on(6, 20)), name: { sv: 'Midsommardagen', en: 'Midsummer Day' } },
    { date: saturdayFrom(on(10, 31)), name: { sv: 'Alla helgons dag', en: "All Saints' Day" } },
    { date: on(12, 25), name: { sv: 'Juldagen', en: 'Christmas Day' } },
    { date: on(12, 26), name: { sv: 'Annandag jul', en: 'Boxing Day' } },
  ];
  // Whit Sunday can fall after 6 June (e.g. 2038), so order is not fixed by construction.
  return list.sort((x, y) => compareDates(x.date, y.date));
}

const WEEKEND: Record<number, LocalizedName> = {
  5: { sv: 'lördag', en: 'Saturday' },
  6: { sv: 'söndag', en: 'Sunday' },
};

/**
 * Why d is not a day for acting under Lag (1930:173) 2 §, or null if it is.
 * A holiday's own name wins over "Saturday"/"Sunday" because it is what a reader recognises.
 */
export function nonWorkingReason(d: LocalDate): LocalizedName | null {
  const [y, mo, day] = parseDate(d);
  holidaysOf(y);
  const holiday = holidayByDate.get(y)?.get(d);
  // A copy, as swedishPublicHolidays gives: the kept names are never handed out.
  if (holiday) return { ...holiday };
  if (mo === 12 && day === 24) return { sv: 'Julafton', en: 'Christmas Eve' };
  if (mo === 12 && day === 31) return { sv: 'Nyårsafton', en: "New Year's Eve" };
  const wd = weekday(d);
  if (mo === 6 && day >= 19 && day <= 25 && wd === 4) return { sv: 'Midsommarafton', en: 'Midsummer Eve' };
  const weekend = WEEKEND[wd];
  return weekend ? { ...weekend } : null;
}

export function isWorkingDay(d: LocalDate): boolean {
  return nonWorkingReason(d) === null;
}

export function workingDayOnOrAfter(d: LocalDate): LocalDate {
  let cur = d;
  while (!isWorkingDay(cur)) cur = addDays(cur, 1);
  return cur;
}

export function nextWorkingDay(d: LocalDate): LocalDate {
  return workingDayOnOrAfter(addDays(d, 1));
}

export function workingDayOnOrBefore(d: LocalDate): LocalDate {
  let cur = d;
  while (!isWorkingDay(cur)) cur = addDays(cur, -1);
  return cur;
}

// ---- Instants and wall-clock time ----

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  // hourCycle h23: with hour12:false some ICU versions print midnight as "24".
  const f = formatters.get(timeZone) ?? new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  formatters.set(timeZone, f);
  return f;
}

// Stockholm's clock without Intl: creating the first Intl.DateTimeFormat with a time zone loads the
// zone data and costs tens of milliseconds at start-up, more than the rest of the calendar. Since
// 1996 Sweden follows the EU rule (summer time from 01:00 UTC on the last Sunday of March to 01:00
// UTC on the last Sunday of October, CET+1 otherwise); outside the years below, and for any other
// zone, Intl decides. tests/calendar-stockholm.test.ts holds the rule to Intl's zone data.
const EU_RULE_FIRST = 1996;
const EU_RULE_LAST = 2099;
const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of month mo of year y. */
function lastSundayAt1Utc(y: number, mo: number): number {
  const lastDay = utcMs(y, mo + 1, 1) - DAY_MS;
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
}

const summerTime = new Map<number, [number, number]>();

/** Stockholm's offset from UTC at instant ms in milliseconds, or undefined outside the EU-rule years. */
function stockholmOffsetMs(ms: number): number | undefined {
  const y = new Date(ms).getUTCFullYear();
  if (y < EU_RULE_FIRST || y > EU_RULE_LAST) return undefined;
  let span = summerTime.get(y);
  if (!span) {
    span = [lastSundayAt1Utc(y, 3), lastSundayAt1Utc(y, 10)];
    summerTime.set(y, span);
  }
  return ms >= span[0] && ms < span[1] ? 2 * HOUR_MS : HOUR_MS;
}

/** The wall clock in timeZone at instant ms (to the second), expressed as if it were UTC milliseconds. */
function wallMs(ms: number, timeZone: string): number {
  const offset = timeZone === STOCKHOLM ? stockholmOffsetMs(ms) : undefined;
  if (offset !== undefined) return ms - (((ms % 1000) + 1000) % 1000) + offset;
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return utcMs(p.year ?? 0, p.month ?? 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

function offsetMinutes(ms: number, timeZone: string): number {
  return Math.round((wallMs(ms, timeZone) - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}

function parseInstant(instantIso: string): number {
  // An explicit offset is required: without one Date.parse would use the host's zone.
  const ms = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(instantIso.trim()) ? Date.parse(instantIso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant with offset: ${JSON.stringify(instantIso)}`);
  return ms;
}

function wallIso(instantIso: string, timeZone: string): string {
  return new Date(wallMs(parseInstant(instantIso), timeZone)).toISOString();
}

export function localDateOf(instantIso: string, timeZone = STOCKHOLM): LocalDate {
  return wallIso(instantIso, timeZone).slice(0, 10);
}

/** "HH:MM". */
export function localTimeOf(instantIso: string, timeZone = STOCKHOLM): string {
  return wallIso(instantIso, timeZone).slice(11, 16);
}

/** "YYYY-MM-DD HH:MM". */
export function formatInstantLocal(instantIso: string, timeZone = STOCKHOLM): string {
  return `${localDateOf(instantIso, timeZone)} ${localTimeOf(instantIso, timeZone)}`;
}

function formatWithOffset(ms: number, timeZone: string): string {
  const off = offsetMinutes(ms, timeZone);
  const abs = Math.abs(off);
  const wall = new Date(wallMs(ms, timeZone)).toISOString().slice(0, 19);
  return `${wall}${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Wall-clock time to instant. Same policy as Temporal's 'compatible' disambiguation:
 * in an overlap (autumn) the earlier instant, i.e. the first time the clock shows it;
 * in a gap (spring) the time is pushed forward by the gap, so 02:30 becomes 03:30 summer time.
 */
function zonedToInstant(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): string {
  const wall = utcMs(y, mo, d, h, mi);
  const before = offsetMinutes(wall - DAY_MS, timeZone);
  const after = offsetMinutes(wall + DAY_MS, timeZone);
  const matches = [before, after]
    .map((off) => wall - off * 60_000)
    .filter((ms) => wallMs(ms, timeZone) === wall);
  const ms = matches.length > 0 ? Math.min(...matches) : wall - before * 60_000;
  return formatWithOffset(ms, timeZone);
}

function refYmd(refInstantIso: string | undefined, timeZone: string): [number, number, number] | null {
  if (refInstantIso === undefined) return null;
  try {
    return parseDate(localDateOf(refInstantIso, timeZone));
  } catch {
    return null;
  }
}

const DATE_TIME_PATTERNS = [
  /^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})[ t](?<h>\d{1,2})[:.](?<mi>\d{2})$/,
  /^(?<d>\d{1,2})\/(?<mo>\d{1,2})(?:[ /](?<y>\d{4}))?,? (?<h>\d{1,2})[:.](?<mi>\d{2})$/,
  /^(?<h>\d{1,2})[:.](?<mi>\d{2})$/,
];

/**
 * Accepts "2026-12-03 03:15", "2026-12-03T03:15", "3/12 2026 03:15", "3/12 03:15" and
 * "03:15", plus "nu"/"now" (returns refInstantIso). A dot may separate hours and minutes
 * ("03.15"), as Swedish usage allows. Missing year or date come from refInstantIso's local
 * date as is, never the previous day or year: rejecting a time in the future is the caller's job.
 * Returns null for anything unparseable or not a real date/time. What a caseworker types is read
 * by times.ts instead (most recent such time, future, DST gap and overlap refused).
 */
export function parseLocalDateTime(text: string, refInstantIso?: string, timeZone = STOCKHOLM): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'nu' || t === 'now') return refInstantIso ?? null;
  const g = DATE_TIME_PATTERNS.map((re) => re.exec(t)?.groups).find((x) => x !== undefined);
  if (!g) return null;
  let [y, mo, d] = [Number(g.y), Number(g.mo), Number(g.d)];
  if (g.y === undefined) {
    const ref = refYmd(refInstantIso, timeZone);
    if (!ref) return null;
    y = ref[0];
    if (g.d === undefined) [, mo, d] = ref;
  }
  const [h, mi] = [Number(g.h), Number(g.mi)];
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59) return null;
  return zonedToInstant(y, mo, d, h, mi, timeZone);
}

/**
 * Every instant at which the wall clock in timeZone shows this date and time, earliest first:
 * none in the spring gap, two in the autumn overlap, one otherwise. Null for a date or time that
 * does not exist in the calendar (2026-02-30, 24:10).
 */
export function wallClockInstants(y: number, mo: number, d: number, h: number, mi: number, timeZone = STOCKHOLM): string[] | null {
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59) return null;
  const wall = utcMs(y, mo, d, h, mi);
  const offsets = [...new Set([offsetMinutes(wall - DAY_MS, timeZone), offsetMinutes(wall + DAY_MS, timeZone)])];
  const ms = offsets.map((off) => wall - off * 60_000).filter((x) => wallMs(x, timeZone) === wall);
  return [...new Set(ms)].sort((a, b) => a - b).map((x) => formatWithOffset(x, timeZone));
}

/** True when y-mo-d is a real calendar date. */
export function isRealDate(y: number, mo: number, d: number): boolean {
  return isValidYmd(y, mo, d);
}
