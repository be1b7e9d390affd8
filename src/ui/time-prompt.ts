// The prompt for a time: what the typed text is read as (engine/times.ts), the echo of an accepted
// time, its default, and the question an autumn time that occurred twice asks. The engine gives
// the two instants as data; here they become the two answers the caseworker chooses between.
import { formatInstantLocal } from '../core/calendar.js';
import { describeInstant, isBefore, resolveTime, twiceCandidates, twiceOf, type TimeCandidate } from '../engine/times.js';
import { t } from '../core/i18n.js';
import { timeProblemText } from './input-error.js';
import type { KChoice } from './keyed-prompts.js';
import type { Parsed, Ui } from './prompts.js';

export interface TimeRules {
  /** A planned time: may lie ahead, and a time without date is the next one. */
  planned?: boolean;
  /** An earlier time of the same node this one may not precede, with its label. */
  notBefore?: { value: string; label: string };
}

const nowIso = (ui: Ui) => ui.now().toISOString();

const resolve = (ui: Ui, s: string, rules: TimeRules) =>
  resolveTime(s, { now: nowIso(ui), ...(rules.planned ? { planned: true } : {}), ...(rules.notBefore ? { notBefore: rules.notBefore.value } : {}) });

/** Reads a typed time as the caseworker meant it (see engine/times.ts), refusing it with one sentence. */
export function readTime(ui: Ui, s: string, rules: TimeRules = {}): Parsed<string> {
  const now = nowIso(ui);
  const r = resolve(ui, s, rules);
  if (!r.ok) return { ok: false, error: timeProblemText(ui.lang, r.problem, '', now) };
  const nb = rules.notBefore;
  if (nb && isBefore(r.instant, nb.value)) {
    return {
      ok: false,
      error: t(ui.lang, 'input.time-before', {
        label: t(ui.lang, 'ia.time.this'),
        value: describeInstant(r.instant, ui.lang, now),
        other: nb.label,
        otherValue: describeInstant(nb.value, ui.lang, now),
      }),
    };
  }
  return { ok: true, value: r.instant };
}

/**
 * "mån 30 nov 23:45", and for a clock time that occurred twice that night also which one
 * ("sön 25 okt 02:30 vintertid (+01:00)"): the echo must tell the two apart.
 */
function echoText(ui: Ui, instant: string): string {
  const time = describeInstant(instant, ui.lang, nowIso(ui));
  const twice = twiceOf(instant);
  if (twice === undefined) return t(ui.lang, 'time.echo', { time });
  return t(ui.lang, 'time.echo.twice', { time, season: t(ui.lang, `time.season.${twice.which}`), offset: twice.offset });
}

/** "→ mån 30 nov 23:45": every accepted time is shown with its date and weekday before it is saved. */
export const timeEcho = (ui: Ui) => (v: string | null) => (v === null ? '' : echoText(ui, v));

/**
 * The text a time is offered as ("2026-12-03 03:10"), read back as the same instant when the
 * caseworker just presses Enter: in the hour that occurs twice it names which ("… 02:40 vintertid").
 */
export function timeDefault(ui: Ui, instant: string): string {
  const twice = twiceOf(instant);
  const text = formatInstantLocal(instant);
  return twice === undefined ? text : `${text} ${t(ui.lang, `time.season.${twice.which}`)}`;
}

/** A saved time as its default, else now. */
export const timeDefaultOf = (ui: Ui, prev: unknown): string =>
  timeDefault(ui, typeof prev === 'string' && prev !== '' ? prev : nowIso(ui));

/** The question an autumn time that occurred twice asks, and its two answers. */
export interface TimeChoice {
  message: string;
  choices: KChoice[];
}

function candidateChoice(ui: Ui, c: TimeCandidate): KChoice {
  const time = describeInstant(c.instant, ui.lang, nowIso(ui));
  const season = t(ui.lang, `time.season.${c.which}`);
  return {
    // The instant itself: read back exactly, with its offset, when chosen.
    value: c.instant,
    name: t(ui.lang, 'time.twice.choice', { clock: c.clock, season, offset: c.offset, which: t(ui.lang, `time.twice.${c.which}`), time }),
    short: t(ui.lang, 'time.echo.twice', { time, season, offset: c.offset }),
  };
}

/**
 * When the typed text is a clock time that occurred twice and either may be meant, the choice
 * between the two; undefined for any other text (which readTime takes or refuses).
 */
export function timeChoice(ui: Ui, s: string, rules: TimeRules = {}): TimeChoice | undefined {
  const r = resolve(ui, s, rules);
  if (r.ok || r.problem.kind !== 'dst-ambiguous') return undefined;
  const candidates = twiceCandidates(r.problem);
  return {
    message: t(ui.lang, 'time.twice.ask', { clock: candidates[0].clock }),
    choices: candidates.map((c) => candidateChoice(ui, c)),
  };
}
