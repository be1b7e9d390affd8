// Statutory deadlines (e.g. 7 § and 8 § LVU) in Swedish local days. Pure: the caller
// supplies both the starting instant and "today".

import {
  addDays,
  addMonths,
  epochDay,
  isWorkingDay,
  localDateOf,
  localTimeOf,
  nextWorkingDay,
  nonWorkingReason,
  STOCKHOLM,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  type LocalDate,
  type LocalizedName,
} from '../core/calendar.js';
import { CliError, EXIT } from '../core/errors.js';

/** Exactly one field must be set. */
export interface DeadlineRule {
  days?: number;
  weeks?: number;
  months?: number;
  next_working_day?: boolean;
}

export interface Deadline {
  /** Local day of the event the period runs from; that day itself is not counted. */
  startDay: LocalDate;
  /** The day the period ends by plain counting. */
  nominal: LocalDate;
  /** Nominal day moved past non-working days as Lag (1930:173) 2 § allows. */
  legal: LocalDate;
  /**
   * Last working day on or before the nominal day. This is what the tool advises, because no
   * court or JO decision was found that applies 1930:173 to LVU periods.
   */
  safe: LocalDate;
  moved: boolean;
  nominalReason: LocalizedName | null;
}

export type DeadlineStatus = 'overdue' | 'today' | 'soon' | 'ok';

/**
 * The hour the district opens. A "next working day" item from a night shift that is already in a
 * working day's morning (00:00 to before 08:00) is due that same morning: at 03:00 on a Thursday
 * the district's next working day is Thursday, not Friday.
 */
export const OFFICE_OPENS = '08:00';

/** The first working day the district can act on, for an event at this instant. */
export function nextOfficeDay(fromInstantIso: string): LocalDate {
  const day = localDateOf(fromInstantIso, STOCKHOLM);
  return isWorkingDay(day) && localTimeOf(fromInstantIso, STOCKHOLM) < OFFICE_OPENS ? day : nextWorkingDay(day);
}

/** How many calendar days before the safe date a deadline counts as 'soon'. */
export const SOON_WITHIN_DAYS = 2;

function ruleKind(rule: DeadlineRule): 'days' | 'weeks' | 'months' | 'next_working_day' {
  const set = (['days', 'weeks', 'months'] as const).filter((k) => rule[k] !== undefined);
  const kinds = rule.next_working_day === true ? [...set, 'next_working_day' as const] : set;
  const [kind] = kinds;
  if (kinds.length !== 1 || kind === undefined) {
    throw new RangeError(`A deadline rule needs exactly one of days, weeks, months, next_working_day: ${JSON.stringify(rule)}`);
  }
  if (kind !== 'next_working_day') {
    const n = rule[kind];
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      throw new RangeError(`Deadline ${kind} must be a non-negative integer: ${JSON.stringify(rule)}`);
    }
  }
  return kind;
}

/**
 * A deadline that would land after the year 9999 cannot be written as a date (YYYY-MM-DD): one
 * sentence for the user instead of an internal error at every checklist and export of the session.
 */
export class DeadlineOutOfRange extends CliError {
  constructor() {
    super('hostile.deadlineOutOfRange', {}, EXIT.failed);
  }
}

const LAST_DAY = '9999-12-31';

export function computeDeadline(fromInstantIso: string, rule: DeadlineRule): Deadline {
  try {
    return computeDeadlineInRange(fromInstantIso, rule);
  } catch (e) {
    // Only the calendar's refusal of a five-digit year is ours to translate; a bad rule stays a bug.
    if (e instanceof RangeError && /"\d{5,}-/.test(e.message)) throw new DeadlineOutOfRange();
    throw e;
  }
}

function computeDeadlineInRange(fromInstantIso: string, rule: DeadlineRule): Deadline {
  const kind = ruleKind(rule);
  const startDay = localDateOf(fromInstantIso, STOCKHOLM);
  if (kind === 'next_working_day') {
    const day = nextOfficeDay(fromInstantIso);
    return { startDay, nominal: day, legal: day, safe: day, moved: false, nominalReason: null };
  }
  const n = rule[kind] ?? 0;
  // Weeks are plain multiples of seven, which makes them end on the start's weekday (1930:173 1 §).
  const nominal =
    kind === 'months' ? addMonths(startDay, n) : addDays(startDay, kind === 'weeks' ? 7 * n : n);
  if (nominal > LAST_DAY || nominal.length > LAST_DAY.length) throw new DeadlineOutOfRange();
  const legal = workingDayOnOrAfter(nominal);
  return {
    startDay,
    nominal,
    legal,
    safe: workingDayOnOrBefore(nominal),
    moved: legal !== nominal,
    nominalReason: nonWorkingReason(nominal),
  };
}

/** Signed number of calendar days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return epochDay(b) - epochDay(a);
}

/**
 * Measured against the safe date, the one the tool tells people to act by; 'overdue' may
 * therefore be shown while the 1930:173 day is still open, which the caller can add from legal.
 */
export function deadlineStatus(deadline: Deadline, todayLocal: LocalDate): DeadlineStatus {
  const left = daysBetween(todayLocal, deadline.safe);
  if (left < 0) return 'overdue';
  if (left === 0) return 'today';
  return left <= SOON_WITHIN_DAYS ? 'soon' : 'ok';
}
