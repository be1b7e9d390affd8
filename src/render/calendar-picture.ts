// A picture of the coming weeks for the handover and the printed checklist: one row per week,
// each deadline's act-by day in brackets with the number of its item, weekends and holidays
// shaded, today starred. Plain text of at most 80 columns, so it prints and pastes as it is.
import { addDays, epochDay, nonWorkingReason, weekday, type LocalDate } from '../core/calendar.js';
import { t, type Lang } from '../core/i18n.js';
import { wrap } from './wrap.js';

export interface CalendarMark {
  /** The day to act by (the safe date). */
  date: LocalDate;
  /** Short tag shown beside the day: the item's number. */
  tag: string;
  /** What is due, for the legend. */
  text: string;
}

const WIDTH = 80;
const MAX_WEEKS = 8;
const SHADE = '░';
const LABEL = 12;
const CELL = 7;

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
export function isoWeek(d: LocalDate): number {
  const thursday = addDays(d, 3 - weekday(d));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor((epochDay(thursday) - epochDay(jan1)) / 7) + 1;
}

const monthName = (d: LocalDate, lang: Lang) => t(lang, `calendar.month.${Number(d.slice(5, 7))}`);

function tagOf(marks: readonly CalendarMark[]): string {
  const all = marks.map((m) => m.tag).join(',');
  return all.length <= CELL - 4 ? all : `${marks[0]?.tag ?? ''}+`;
}

function cell(d: LocalDate, marks: readonly CalendarMark[], today: LocalDate | undefined): string {
  const day = String(Number(d.slice(8, 10))).padStart(2, ' ');
  const shaded = nonWorkingReason(d) !== null;
  const [l, r] = marks.length ? ['[', ']'] : shaded ? [SHADE, SHADE] : [' ', d === today ? '*' : ' '];
  return `${l}${day}${r}${marks.length ? tagOf(marks) : ''}`.padEnd(CELL, ' ');
}

/**
 * The weeks from `from` to the last act-by day (at most eight), then a legend: what each tag is
 * due for, and the holidays in the shaded days. Empty when there is no deadline to show.
 */
export function calendarPicture(marks: readonly CalendarMark[], from: LocalDate, lang: Lang, today?: LocalDate): string[] {
  if (!marks.length) return [];
  const monday = addDays(from, -weekday(from));
  const last = marks.reduce((a, m) => (m.date > a ? m.date : a), from);
  const weeks = Math.min(MAX_WEEKS, Math.max(1, Math.floor((epochDay(last) - epochDay(monday)) / 7) + 1));
  const end = addDays(monday, weeks * 7 - 1);
  const days = (t(lang, 'calendar.days')).split(',');
  const lines = [`${t(lang, 'calendar.week').padEnd(LABEL)} ${days.map((x) => ` ${x}`.padEnd(CELL)).join('')}`.trimEnd()];
  const holidays: string[] = [];
  for (let w = 0; w < weeks; w++) {
    const start = addDays(monday, w * 7);
    const sunday = addDays(start, 6);
    const months = monthName(start, lang) === monthName(sunday, lang) ? monthName(start, lang) : `${monthName(start, lang)}–${monthName(sunday, lang)}`;
    const cells: string[] = [];
    for (let i = 0; i < 7; i++) {
      const d = addDays(start, i);
      cells.push(cell(d, marks.filter((m) => m.date === d), today));
      const reason = nonWorkingReason(d);
      if (reason && i < 5) holidays.push(`${d} ${reason[lang]}`);
      else if (reason && !['lördag', 'söndag'].includes(reason.sv)) holidays.push(`${d} ${reason[lang]}`);
    }
    lines.push(`${`${t(lang, 'calendar.weekShort')}${isoWeek(start)} ${months}`.padEnd(LABEL)} ${cells.join('')}`.trimEnd());
  }
  lines.push('');
  lines.push(...wrap(t(lang, today ? 'calendar.legendToday' : 'calendar.legend', { shade: SHADE }), WIDTH));
  if (holidays.length) lines.push(...wrap(t(lang, 'calendar.holidays', { list: holidays.join(', ') }), WIDTH));
  const sorted = [...marks].sort((a, b) => a.date.localeCompare(b.date) || a.tag.localeCompare(b.tag, undefined, { numeric: true }));
  for (const m of sorted) {
    const outside = m.date > end ? ` ${t(lang, 'calendar.outside')}` : '';
    const first = `${m.tag.padStart(2)}  ${m.date}  `;
    const body = wrap(`${m.text}${outside}`, WIDTH - first.length);
    lines.push(...body.map((l, i) => (i === 0 ? first : ' '.repeat(first.length)) + l));
  }
  return lines.map((l) => l.trimEnd());
}
