// The calendar of the coming weeks the handover and the printed checklist end with: pure text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/core/calendar.js';
import { calendarPicture, isoWeek } from '../src/render/calendar-picture.js';

describe('the calendar picture', () => {
  it('numbers weeks as ISO 8601 does, across a year end', () => {
    expect(isoWeek('2026-12-03')).toBe(49);
    expect(isoWeek('2026-12-31')).toBe(53);
    expect(isoWeek('2027-01-03')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
    expect(isoWeek('2025-12-29')).toBe(1);
  });

  it("marks the act-by day with the item's number, stars today, shades Midsummer and weekends", () => {
    const lines = calendarPicture([{ date: '2027-06-28', tag: '1', text: 'Ansök om vård (stadsdelen)' }], '2027-06-21', 'sv', '2027-06-21');
    const text = lines.join('\n');
    expect(lines[1]).toMatch(/^v\.25 jun +21\* +22 +23 +24 +░25░ +░26░ +░27░$/);
    expect(lines[2]).toMatch(/^v\.26 jun–jul +\[28\]1/);
    expect(text).toContain('2027-06-25 Midsommarafton');
    expect(text).toContain('2027-06-26 Midsommardagen');
    expect(text).toContain(' 1  2027-06-28  Ansök om vård (stadsdelen)');
    expect(text.replace(/\s+/g, ' ')).toContain('* = i dag');
  });

  it('stops after eight weeks and says which deadlines fall after it', () => {
    const lines = calendarPicture([{ date: '2027-04-02', tag: '5', text: 'Utredningen klar' }], '2026-12-03', 'en');
    expect(lines.filter((l) => /^w\.\d/.test(l))).toHaveLength(8);
    expect(lines.join('\n')).toContain(' 5  2027-04-02  Utredningen klar (after the calendar)');
  });

  it('is empty without a deadline, and never wider than 80 columns nor with trailing spaces (property)', () => {
    expect(calendarPicture([], '2026-12-03', 'sv')).toEqual([]);
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(day, fc.array(fc.tuple(fc.integer({ min: 0, max: 70 }), fc.string({ maxLength: 120 })), { minLength: 1, maxLength: 12 }), fc.constantFrom<'sv' | 'en'>('sv', 'en'), (from, marks, lang) => {
        const lines = calendarPicture(marks.map(([d, text], i) => ({ date: addDays(from, d), tag: String(i + 1), text: text.replace(/\s/g, ' ') })), from, lang, from);
        for (const l of lines) {
          expect([...l].length).toBeLessThanOrEqual(80);
          expect(l).toBe(l.trimEnd());
        }
      }),
      { numRuns: 200 },
    );
  });
});
