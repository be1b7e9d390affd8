// A time as printed in a record (checklist, note, handover): the local date and time, and in the
// autumn hour the clock shows twice its offset too ("2026-10-25 02:30 (+01:00)"), since the wall
// time alone does not say which was meant. Not for text that is read back as a time.
import { formatInstantLocal } from '../core/calendar.js';
import { twiceOf } from '../engine/times.js';

export function formatInstantRecord(instantIso: string): string {
  const local = formatInstantLocal(instantIso);
  const twice = twiceOf(instantIso);
  return twice === undefined ? local : `${local} (${twice.offset})`;
}
