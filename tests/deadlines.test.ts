import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, isWorkingDay, localDateOf, localTimeOf, parseLocalDateTime, weekday } from '../src/core/calendar.js';
import {
  computeDeadline,
  daysBetween,
  deadlineStatus,
  type Deadline,
  type DeadlineRule,
} from '../src/engine/deadlines.js';

function at(localText: string): string {
  const instant = parseLocalDateTime(localText);
  if (instant === null) throw new Error(`bad fixture time ${localText}`);
  return instant;
}

describe('V1: immediate custody decided 2026-12-03 03:15, carried out 03:50', () => {
  it('7 § LVU: submission to the court within one week of the decision day', () => {
    expect(computeDeadline(at('2026-12-03 03:15'), { weeks: 1 })).toEqual({
      startDay: '2026-12-03', nominal: '2026-12-10', legal: '2026-12-10', safe: '2026-12-10',
      moved: false, nominalReason: null,
    });
  });

  it('8 § LVU: application for care within four weeks lands on New Year’s Eve', () => {
    expect(computeDeadline(at('2026-12-03 03:50'), { weeks: 4 })).toEqual({
      startDay: '2026-12-03', nominal: '2026-12-31', legal: '2027-01-04', safe: '2026-12-30',
      moved: true, nominalReason: { sv: 'Nyårsafton', en: "New Year's Eve" },
    });
  });
});

describe('next working day', () => {
  it.each([
    ['V2, Saturday 23:30 local', at('2026-12-05 23:30'), '2026-12-05', '2026-12-07'],
    ['Sunday 23:30 local', '2026-12-06T22:30:00Z', '2026-12-06', '2026-12-07'],
    ['Monday 00:30 local, still Sunday in UTC: that same Monday morning', '2026-12-06T23:30:00Z', '2026-12-07', '2026-12-07'],
    ['Thursday 03:15 (V1 custody): that same Thursday', at('2026-12-03 03:15'), '2026-12-03', '2026-12-03'],
    ['Thursday 07:59: that same Thursday', at('2026-12-03 07:59'), '2026-12-03', '2026-12-03'],
    ['Thursday 08:00, the district is open: Friday', at('2026-12-03 08:00'), '2026-12-03', '2026-12-04'],
    ['Saturday 03:00, not a working day: Monday', at('2026-12-05 03:00'), '2026-12-05', '2026-12-07'],
    ['Christmas Eve 02:00 (not a working day): the 28th', at('2026-12-24 02:00'), '2026-12-24', '2026-12-28'],
    ['day before Christmas Eve', at('2026-12-23 22:00'), '2026-12-23', '2026-12-28'],
    ['Maundy Thursday', at('2026-04-02 20:00'), '2026-04-02', '2026-04-07'],
  ])('%s', (_label, instant, startDay, day) => {
    expect(computeDeadline(instant, { next_working_day: true })).toEqual({
      startDay, nominal: day, legal: day, safe: day, moved: false, nominalReason: null,
    });
  });
});

describe('computeDeadline', () => {
  it.each<[string, string, DeadlineRule, string, string, string, string, string | null]>([
    // label, from instant, rule, startDay, nominal, legal, safe, reason
    ['DST spring: 23:30Z is already the 29th; lands on Easter Sunday', '2026-03-28T23:30:00Z', { days: 7 },
      '2026-03-29', '2026-04-05', '2026-04-07', '2026-04-02', 'Påskdagen'],
    ['DST autumn: 22:30Z is already the 25th', '2026-10-24T22:30:00Z', { weeks: 1 },
      '2026-10-25', '2026-11-01', '2026-11-02', '2026-10-30', 'söndag'],
    ['Midsummer Eve', at('2026-06-12 14:00'), { weeks: 1 },
      '2026-06-12', '2026-06-19', '2026-06-22', '2026-06-18', 'Midsommarafton'],
    ['Good Friday', at('2027-03-19 09:00'), { days: 7 },
      '2027-03-19', '2027-03-26', '2027-03-30', '2027-03-25', 'Långfredagen'],
    ['Easter Monday', at('2026-03-30 09:00'), { weeks: 1 },
      '2026-03-30', '2026-04-06', '2026-04-07', '2026-04-02', 'Annandag påsk'],
    ['Christmas Eve', at('2026-12-17 09:00'), { weeks: 1 },
      '2026-12-17', '2026-12-24', '2026-12-28', '2026-12-23', 'Julafton'],
    ['a month from 31 January ends on Saturday 28 February', at('2026-01-31 12:00'), { months: 1 },
      '2026-01-31', '2026-02-28', '2026-03-02', '2026-02-27', 'lördag'],
    ['a month from 31 March ends on 30 April', at('2026-03-31 12:00'), { months: 1 },
      '2026-03-31', '2026-04-30', '2026-04-30', '2026-04-30', null],
    ['a leap-year February end', at('2028-01-31 12:00'), { months: 1 },
      '2028-01-31', '2028-02-29', '2028-02-29', '2028-02-29', null],
    ['zero days is the start day itself', at('2026-12-03 03:15'), { days: 0 },
      '2026-12-03', '2026-12-03', '2026-12-03', '2026-12-03', null],
    ['Midsummer Day via days', at('2028-06-14 08:00'), { days: 10 },
      '2028-06-14', '2028-06-24', '2028-06-26', '2028-06-22', 'Midsommardagen'],
  ])('%s', (_label, from, rule, startDay, nominal, legal, safe, reasonSv) => {
    const d = computeDeadline(from, rule);
    expect(d).toMatchObject({ startDay, nominal, legal, safe, moved: legal !== nominal });
    expect(d.nominalReason?.sv ?? null).toBe(reasonSv);
  });

  it.each<[string, DeadlineRule]>([
    ['no field', {}],
    ['two fields', { days: 1, weeks: 1 }],
    ['days and next_working_day', { days: 1, next_working_day: true }],
    ['next_working_day false', { next_working_day: false }],
    ['negative days', { days: -1 }],
    ['fractional weeks', { weeks: 1.5 }],
    ['NaN months', { months: Number.NaN }],
  ])('rejects a rule with %s', (_label, rule) => {
    expect(() => computeDeadline('2026-12-03T02:15:00Z', rule)).toThrow(RangeError);
  });

  it('rejects an instant without an offset rather than guessing the host zone', () => {
    expect(() => computeDeadline('2026-12-03T03:15', { days: 1 })).toThrow(RangeError);
  });
});

describe('daysBetween and deadlineStatus', () => {
  it.each([
    ['2026-12-03', '2026-12-10', 7], ['2026-12-10', '2026-12-03', -7], ['2026-12-31', '2027-01-04', 4],
    ['2028-02-28', '2028-03-01', 2], ['2026-03-28', '2026-03-30', 2],
  ])('daysBetween(%s, %s) = %i', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  const v1Care: Deadline = computeDeadline('2026-12-03T02:50:00Z', { weeks: 4 }); // safe 2026-12-30
  it.each([
    ['2026-12-03', 'ok'], ['2026-12-27', 'ok'], ['2026-12-28', 'soon'], ['2026-12-29', 'soon'],
    ['2026-12-30', 'today'], ['2026-12-31', 'overdue'], ['2027-01-04', 'overdue'],
  ])('on %s the care application is %s', (today, status) => {
    expect(deadlineStatus(v1Care, today)).toBe(status);
  });
});

describe('properties', () => {
  const instant = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T12:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString());

  it('safe <= nominal <= legal, both ends are working days, and the move is under a week', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 }), (from, days) => {
        const d = computeDeadline(from, { days });
        expect(d.startDay).toBe(localDateOf(from));
        expect(d.nominal).toBe(addDays(d.startDay, days));
        expect(d.safe <= d.nominal && d.nominal <= d.legal).toBe(true);
        expect(isWorkingDay(d.safe)).toBe(true);
        expect(isWorkingDay(d.legal)).toBe(true);
        expect(daysBetween(d.nominal, d.legal)).toBeLessThan(7);
        expect(daysBetween(d.safe, d.nominal)).toBeLessThan(7);
        expect(d.moved).toBe(d.legal !== d.nominal);
        expect(d.nominalReason === null).toBe(isWorkingDay(d.nominal));
      }),
      { numRuns: 2000 },
    );
  });

  it('a period in weeks ends on the weekday it started (1930:173 1 §)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (from, weeks) => {
        const d = computeDeadline(from, { weeks });
        expect(weekday(d.nominal)).toBe(weekday(d.startDay));
        expect(daysBetween(d.startDay, d.nominal)).toBe(7 * weeks);
      }),
    );
  });

  it('next_working_day is the first working day the district is open after the event', () => {
    fc.assert(
      fc.property(instant, (from) => {
        const d = computeDeadline(from, { next_working_day: true });
        const sameMorning = isWorkingDay(d.startDay) && localTimeOf(from) < '08:00';
        expect(daysBetween(d.startDay, d.legal) === 0).toBe(sameMorning);
        expect(isWorkingDay(d.legal)).toBe(true);
        for (let day = addDays(d.startDay, 1); day < d.legal; day = addDays(day, 1)) {
          expect(isWorkingDay(day)).toBe(false);
        }
      }),
    );
  });
});
