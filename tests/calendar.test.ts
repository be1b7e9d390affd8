import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatInstantRecord } from '../src/render/record-time.js';
import {
  addDays,
  addMonths,
  compareDates,
  easterSunday,
  formatInstantLocal,
  isWorkingDay,
  localDateOf,
  localTimeOf,
  nextWorkingDay,
  nonWorkingReason,
  parseLocalDateTime,
  swedishPublicHolidays,
  weekday,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../src/core/calendar.js';

// Written out by hand (weekdays checked against an independent calendar), not computed by the code.
const HOLIDAYS: Record<number, [string, string][]> = {
  2026: [
    ['2026-01-01', 'Nyårsdagen'], ['2026-01-06', 'Trettondedag jul'], ['2026-04-03', 'Långfredagen'],
    ['2026-04-05', 'Påskdagen'], ['2026-04-06', 'Annandag påsk'], ['2026-05-01', 'Första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'], ['2026-05-24', 'Pingstdagen'],
    ['2026-06-06', 'Sveriges nationaldag'], ['2026-06-20', 'Midsommardagen'],
    ['2026-10-31', 'Alla helgons dag'], ['2026-12-25', 'Juldagen'], ['2026-12-26', 'Annandag jul'],
  ],
  2027: [
    ['2027-01-01', 'Nyårsdagen'], ['2027-01-06', 'Trettondedag jul'], ['2027-03-26', 'Långfredagen'],
    ['2027-03-28', 'Påskdagen'], ['2027-03-29', 'Annandag påsk'], ['2027-05-01', 'Första maj'],
    ['2027-05-06', 'Kristi himmelsfärdsdag'], ['2027-05-16', 'Pingstdagen'],
    ['2027-06-06', 'Sveriges nationaldag'], ['2027-06-26', 'Midsommardagen'],
    ['2027-11-06', 'Alla helgons dag'], ['2027-12-25', 'Juldagen'], ['2027-12-26', 'Annandag jul'],
  ],
  2028: [
    ['2028-01-01', 'Nyårsdagen'], ['2028-01-06', 'Trettondedag jul'], ['2028-04-14', 'Långfredagen'],
    ['2028-04-16', 'Påskdagen'], ['2028-04-17', 'Annandag påsk'], ['2028-05-01', 'Första maj'],
    ['2028-05-25', 'Kristi himmelsfärdsdag'], ['2028-06-04', 'Pingstdagen'],
    ['2028-06-06', 'Sveriges nationaldag'], ['2028-06-24', 'Midsommardagen'],
    ['2028-11-04', 'Alla helgons dag'], ['2028-12-25', 'Juldagen'], ['2028-12-26', 'Annandag jul'],
  ],
};
const ALL_HOLIDAYS = Object.values(HOLIDAYS).flat();

describe('Swedish public holidays', () => {
  it.each([2026, 2027, 2028])('lists exactly the holidays of %i in date order', (year) => {
    const got = swedishPublicHolidays(year).map((h) => [h.date, h.name.sv]);
    expect(got).toEqual(HOLIDAYS[year]);
  });

  it.each(ALL_HOLIDAYS)('%s (%s) is not a working day', (date, name) => {
    expect(isWorkingDay(date)).toBe(false);
    expect(nonWorkingReason(date)?.sv).toBe(name);
  });

  it.each([
    [2026, '2026-04-05'], [2027, '2027-03-28'], [2028, '2028-04-16'], [2000, '2000-04-23'],
    [2024, '2024-03-31'], [2025, '2025-04-20'], [2038, '2038-04-25'], [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('keeps holidays in date order when Whit Sunday falls after National Day (2038)', () => {
    const dates = swedishPublicHolidays(2038).map((h) => h.date);
    expect(dates).toContain('2038-06-13');
    expect([...dates].sort()).toEqual(dates);
  });

  it('returns copies that callers cannot corrupt', () => {
    const first = swedishPublicHolidays(2026);
    first[0]!.name.sv = 'changed';
    first.pop();
    expect(swedishPublicHolidays(2026)).toHaveLength(13);
    expect(nonWorkingReason('2026-01-01')?.sv).toBe('Nyårsdagen');
  });
});

describe('nonWorkingReason', () => {
  it.each([
    ['2026-06-19', 'Midsommarafton', 'Midsummer Eve'],
    ['2027-06-25', 'Midsommarafton', 'Midsummer Eve'],
    ['2028-06-23', 'Midsommarafton', 'Midsummer Eve'],
    ['2026-12-24', 'Julafton', 'Christmas Eve'],
    ['2027-12-24', 'Julafton', 'Christmas Eve'],
    ['2028-12-24', 'Julafton', 'Christmas Eve'], // a Sunday: the eve's name wins
    ['2026-12-31', 'Nyårsafton', "New Year's Eve"],
    ['2027-12-31', 'Nyårsafton', "New Year's Eve"],
    ['2026-12-05', 'lördag', 'Saturday'],
    ['2026-12-06', 'söndag', 'Sunday'],
    ['2026-02-28', 'lördag', 'Saturday'],
  ])('%s is %s', (date, sv, en) => {
    expect(nonWorkingReason(date)).toEqual({ sv, en });
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    '2026-12-03', '2026-12-07', '2026-06-18', '2026-06-26', '2026-12-23', '2026-12-30',
    '2027-01-04', '2026-11-02', '2026-04-02', '2026-04-07', '2027-06-18',
  ])('%s is a working day', (date) => {
    expect(nonWorkingReason(date)).toBeNull();
    expect(isWorkingDay(date)).toBe(true);
  });

  it.each(['2026-02-30', '2026-13-01', '3/12 2026', '', '2026-1-5'])('rejects malformed date %j', (d) => {
    expect(() => nonWorkingReason(d)).toThrow(RangeError);
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2026-12-03', 3], ['2026-12-07', 0], ['2026-12-05', 5], ['2026-12-06', 6], ['2027-01-04', 0],
    ['2000-01-01', 5], ['2100-12-31', 4],
  ])('weekday(%s) = %i', (d, wd) => {
    expect(weekday(d)).toBe(wd);
  });

  it.each([
    ['2026-12-03', 7, '2026-12-10'], ['2026-12-03', 28, '2026-12-31'], ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'], ['2027-02-28', 1, '2027-03-01'], ['2027-01-04', -5, '2026-12-30'],
    ['2026-12-03', 0, '2026-12-03'],
  ])('addDays(%s, %i) = %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'], ['2028-01-31', 1, '2028-02-29'], ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'], ['2026-11-15', 2, '2027-01-15'], ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-03', 12, '2027-12-03'], ['2028-02-29', 12, '2029-02-28'], ['2026-05-31', 0, '2026-05-31'],
  ])('addMonths(%s, %i) = %s', (d, n, want) => {
    expect(addMonths(d, n)).toBe(want);
  });

  it.each([
    ['2026-12-03', '2026-12-10', -1], ['2027-01-01', '2026-12-31', 1], ['2026-12-03', '2026-12-03', 0],
  ])('compareDates(%s, %s) = %i', (a, b, want) => {
    expect(compareDates(a, b)).toBe(want);
  });
});

describe('working-day navigation', () => {
  it.each([
    ['2026-12-05', '2026-12-07'], ['2026-12-03', '2026-12-04'], ['2026-12-23', '2026-12-28'],
    ['2026-12-30', '2027-01-04'], ['2026-04-02', '2026-04-07'], ['2026-06-18', '2026-06-22'],
  ])('nextWorkingDay(%s) = %s', (d, want) => {
    expect(nextWorkingDay(d)).toBe(want);
  });

  it.each([
    ['2026-12-03', '2026-12-03', '2026-12-03'], ['2026-12-31', '2027-01-04', '2026-12-30'],
    ['2026-04-05', '2026-04-07', '2026-04-02'], ['2026-06-20', '2026-06-22', '2026-06-18'],
    ['2026-12-26', '2026-12-28', '2026-12-23'],
  ])('around %s: on or after %s, on or before %s', (d, after, before) => {
    expect(workingDayOnOrAfter(d)).toBe(after);
    expect(workingDayOnOrBefore(d)).toBe(before);
  });
});

describe('instants in local time', () => {
  it.each([
    ['2026-12-03T02:15:00Z', '2026-12-03', '03:15'],
    ['2026-12-02T23:30:00Z', '2026-12-03', '00:30'], // winter: UTC+1 crosses midnight
    ['2026-12-03T03:15:00+01:00', '2026-12-03', '03:15'],
    ['2026-03-28T23:30:00Z', '2026-03-29', '00:30'], // last night of winter time
    ['2026-03-29T00:59:00Z', '2026-03-29', '01:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29', '03:00'], // clocks jump 02:00 -> 03:00
    ['2026-10-24T22:30:00Z', '2026-10-25', '00:30'], // still summer time, UTC+2
    ['2026-10-25T00:30:00Z', '2026-10-25', '02:30'], // first 02:30
    ['2026-10-25T01:30:00Z', '2026-10-25', '02:30'], // second 02:30, winter time
    ['2026-06-30T22:00:00.500Z', '2026-07-01', '00:00'],
  ])('%s is %s %s in Stockholm', (instant, date, time) => {
    expect(localDateOf(instant)).toBe(date);
    expect(localTimeOf(instant)).toBe(time);
    expect(formatInstantLocal(instant)).toBe(`${date} ${time}`);
  });

  it('a printed record names the offset in the autumn hour that occurs twice, and only there', () => {
    expect(formatInstantRecord('2026-10-25T00:30:00Z')).toBe('2026-10-25 02:30 (+02:00)'); // first 02:30
    expect(formatInstantRecord('2026-10-25T01:30:00Z')).toBe('2026-10-25 02:30 (+01:00)'); // second 02:30
    expect(formatInstantRecord('2026-10-24T23:59:00Z')).toBe('2026-10-25 01:59');
    expect(formatInstantRecord('2026-10-25T02:00:00Z')).toBe('2026-10-25 03:00');
    expect(formatInstantRecord('2026-03-29T01:00:00Z')).toBe('2026-03-29 03:00'); // spring: nothing twice
    expect(formatInstantRecord('2026-12-01T02:30:00Z')).toBe('2026-12-01 03:30');
  });

  it('honours other time zones', () => {
    expect(formatInstantLocal('2026-12-02T23:30:00Z', 'UTC')).toBe('2026-12-02 23:30');
    expect(formatInstantLocal('2026-12-03T03:00:00Z', 'America/New_York')).toBe('2026-12-02 22:00');
  });

  it.each(['2026-12-03T03:15', 'not a date', '', '2026-13-03T03:15:00Z'])('rejects instant %j', (s) => {
    expect(() => localDateOf(s)).toThrow(RangeError);
  });
});

describe('parseLocalDateTime', () => {
  const REF = '2026-12-05T22:30:00Z'; // Saturday 23:30 local (V2)

  it.each([
    ['2026-12-03 03:15', '2026-12-03T03:15:00+01:00'],
    ['2026-12-03T03:15', '2026-12-03T03:15:00+01:00'],
    ['  2026-12-03   03:15 ', '2026-12-03T03:15:00+01:00'],
    ['3/12 2026 03:15', '2026-12-03T03:15:00+01:00'],
    ['03/12/2026 03:50', '2026-12-03T03:50:00+01:00'],
    ['3/12 03:15', '2026-12-03T03:15:00+01:00'],
    ['03:15', '2026-12-05T03:15:00+01:00'],
    ['3.15', '2026-12-05T03:15:00+01:00'],
    ['23:30', '2026-12-05T23:30:00+01:00'],
    ['2026-07-01 12:00', '2026-07-01T12:00:00+02:00'],
    ['2028-02-29 00:00', '2028-02-29T00:00:00+01:00'],
    ['2026-03-29 01:59', '2026-03-29T01:59:00+01:00'],
    ['2026-03-29 02:30', '2026-03-29T03:30:00+02:00'], // gap: pushed forward by the missing hour
    ['2026-03-29 03:00', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25 02:30', '2026-10-25T02:30:00+02:00'], // overlap: the first (summer-time) 02:30
    ['2026-10-25 03:00', '2026-10-25T03:00:00+01:00'],
    ['nu', REF],
    ['NOW', REF],
  ])('%j -> %s', (text, want) => {
    expect(parseLocalDateTime(text, REF)).toBe(want);
  });

  it.each([
    '2026-02-31 10:00', '31/2 2026 10:00', '2026-12-03 25:00', '2026-12-03 24:00', '2026-12-03 12:60',
    '2027-02-29 12:00', '2026-13-01 10:00', '', 'igår', '2026-12-03', '3/12 2026', '12:5', '1203',
    '2026-12-03 03:15:00', '2026-12-03T03:15:00Z',
  ])('%j -> null', (text) => {
    expect(parseLocalDateTime(text, REF)).toBeNull();
  });

  it.each(['03:15', '3/12 03:15', 'nu'])('%j without a reference instant -> null', (text) => {
    expect(parseLocalDateTime(text)).toBeNull();
  });

  it('takes the bare time on the reference instant’s local day, not its UTC day', () => {
    expect(parseLocalDateTime('00:10', '2026-12-05T23:30:00Z')).toBe('2026-12-06T00:10:00+01:00');
  });

  it('works in another zone', () => {
    expect(parseLocalDateTime('2026-07-01 12:00', undefined, 'America/New_York')).toBe('2026-07-01T12:00:00-04:00');
  });

  it('round-trips every minute, except that a repeated autumn time maps to its first occurrence', () => {
    const minute = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2100, 11, 31) / 60_000 });
    fc.assert(
      fc.property(minute, (m) => {
        const instant = new Date(m * 60_000).toISOString();
        const parsed = parseLocalDateTime(formatInstantLocal(instant), instant);
        expect(parsed).not.toBeNull();
        const diff = m * 60_000 - Date.parse(parsed!);
        expect([0, 3_600_000]).toContain(diff);
        expect(formatInstantLocal(parsed!)).toBe(formatInstantLocal(instant));
      }),
      { numRuns: 500, examples: [[Date.UTC(2026, 9, 25, 1, 30) / 60_000], [Date.UTC(2026, 2, 29, 1, 0) / 60_000]] },
    );
  });
});
