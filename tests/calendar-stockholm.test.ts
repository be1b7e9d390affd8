// Stockholm's clock is computed from the EU summer-time rule for 1996–2099 instead of asking Intl
// (core/calendar.ts, for start-up time). Here it is held to Intl's time-zone data: every quarter
// hour of both change-over weekends of every year, the millisecond on either side of each change,
// a spread of instants across the whole span, and the years just outside it. A date or time the
// caseworker sees must not move by a minute because of the shortcut.
import { describe, expect, it } from 'vitest';
import { formatInstantLocal, parseLocalDateTime, wallClockInstants } from '../src/core/calendar.js';

const ZONE = 'Europe/Stockholm';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const intl = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** "YYYY-MM-DD HH:MM" on Stockholm's clock at ms, as Intl (the IANA zone data) says. */
function intlLocal(ms: number): string {
  const p: Record<string, string> = {};
  for (const part of intl.formatToParts(ms)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The instants whose Stockholm clock reads wall (UTC ms of the same digits), found by Intl alone. */
function intlInstants(wall: number): number[] {
  const want = new Date(wall).toISOString().slice(0, 16).replace('T', ' ');
  return [2 * HOUR, HOUR].map((off) => wall - off).filter((ms) => intlLocal(ms) === want);
}

const iso = (ms: number) => new Date(ms).toISOString();
const offsetOf = (instant: string) => Number(instant.slice(-6, -3)) * HOUR;

/** Midnight UTC of the last Sunday of month mo (1-based) of year y, computed without the code under test. */
function lastSunday(y: number, mo: number): number {
  for (let d = 31; d >= 25; d--) {
    const ms = Date.UTC(y, mo - 1, d);
    if (new Date(ms).getUTCMonth() === mo - 1 && new Date(ms).getUTCDay() === 0) return ms;
  }
  throw new Error(`no last Sunday in ${y}-${mo}`);
}

const YEARS = Array.from({ length: 2099 - 1996 + 1 }, (_, i) => 1996 + i);

describe("Stockholm's clock from the EU rule agrees with the zone data", () => {
  it('every quarter hour of both change-over weekends, 1996–2099, and the milliseconds around each change', () => {
    const wrong: string[] = [];
    const check = (ms: number) => {
      const ours = formatInstantLocal(iso(ms));
      if (ours !== intlLocal(ms)) wrong.push(`${iso(ms)}: ${ours}, zone data ${intlLocal(ms)}`);
    };
    for (const y of YEARS) {
      for (const sunday of [lastSunday(y, 3), lastSunday(y, 10)]) {
        for (let ms = sunday - DAY; ms < sunday + DAY; ms += 15 * 60_000) check(ms);
        for (const d of [-1000, -1, 0, 1, 1000]) check(sunday + HOUR + d);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('instants spread over the whole span (every 61 hours and 7 minutes), and the years just outside it', () => {
    const wrong: string[] = [];
    const from = Date.UTC(1994, 0, 1);
    const to = Date.UTC(2101, 11, 31);
    for (let ms = from; ms < to; ms += 61 * HOUR + 7 * 60_000) {
      const ours = formatInstantLocal(iso(ms));
      if (ours !== intlLocal(ms)) wrong.push(`${iso(ms)}: ${ours}, zone data ${intlLocal(ms)}`);
    }
    for (const ms of [Date.UTC(1995, 11, 31, 22, 59, 59, 999), Date.UTC(1995, 11, 31, 23), Date.UTC(2099, 11, 31, 22, 59), Date.UTC(2099, 11, 31, 23, 30)]) {
      if (formatInstantLocal(iso(ms)) !== intlLocal(ms)) wrong.push(iso(ms));
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('a clock time on a change-over night: none in the spring gap, both in the autumn overlap, as the zone data has them', () => {
    const wrong: string[] = [];
    for (const y of YEARS) {
      for (const mo of [3, 10]) {
        const day = new Date(lastSunday(y, mo));
        for (let minutes = 0; minutes < 5 * 60; minutes += 30) {
          const [h, mi] = [Math.floor(minutes / 60), minutes % 60];
          const wall = Date.UTC(y, mo - 1, day.getUTCDate(), h, mi);
          const ours = (wallClockInstants(y, mo, day.getUTCDate(), h, mi) ?? []).map((s) => Date.parse(s));
          const theirs = intlInstants(wall);
          if (JSON.stringify(ours) !== JSON.stringify(theirs)) wrong.push(`${iso(wall).slice(0, 16)}: ${ours.map(iso)} vs ${theirs.map(iso)}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('the offset written with a time typed on a summer and a winter day', () => {
    const summer = parseLocalDateTime('2026-07-01 12:00');
    const winter = parseLocalDateTime('2026-12-01 12:00');
    expect(summer).toBe('2026-07-01T12:00:00+02:00');
    expect(winter).toBe('2026-12-01T12:00:00+01:00');
    expect(offsetOf(summer ?? '')).toBe(2 * HOUR);
    // The answer is the instant Intl reads back as the same clock time.
    expect(intlLocal(Date.parse(summer ?? ''))).toBe('2026-07-01 12:00');
  });
});
