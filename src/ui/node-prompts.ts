// The prompt that fits each kind of node and field. Answers come back in the shape the engine's
// events carry (option ids, 'yes'/'no', numbers, ISO instants), checked here only as far as a
// person needs to be told at once; the engine checks them again when they are applied.
import { formatInstantLocal } from '../core/calendar.js';
import { describeInstant, isBefore, resolveTime } from '../engine/times.js';
import type { CNode } from '../core/model.js';
import type { Field } from '../core/schema.js';
import type { AnswerValue } from '../core/events.js';
import { t } from '../core/i18n.js';
import { timeProblemText } from './input-error.js';
import { checkboxSpec, inputSpec, selectSpec, type Parsed, type Reply, type Spec, type Ui } from './prompts.js';

type Question = Extract<CNode, { kind: 'question' }>;
type FieldValue = string | number | null;

const EMPTY = new Set(['', '-']);

const nowLocal = (ui: Ui) => formatInstantLocal(ui.now().toISOString());
const asLocal = (v: unknown) => (typeof v === 'string' && v !== '' ? formatInstantLocal(v) : undefined);

export function readNumber(ui: Ui, s: string, min?: number, max?: number): Parsed<number> {
  const text = s.trim().replace(/\s/g, '').replace(',', '.');
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n)) return { ok: false, error: t(ui.lang, 'input.not-a-number', { field: '' }) };
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    return { ok: false, error: t(ui.lang, 'input.out-of-range', { min: min ?? '-∞', max: max ?? '∞' }) };
  }
  return { ok: true, value: n };
}

export interface TimeRules {
  /** A planned time: may lie ahead, and a time without date is the next one. */
  planned?: boolean;
  /** An earlier time of the same node this one may not precede, with its label. */
  notBefore?: { value: string; label: string };
}

/** Reads a typed time as the caseworker meant it (see engine/times.ts), refusing it with one sentence. */
export function readTime(ui: Ui, s: string, rules: TimeRules = {}): Parsed<string> {
  const now = ui.now().toISOString();
  const r = resolveTime(s, { now, ...(rules.planned ? { planned: true } : {}) });
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

/** "→ mån 30 nov 23:45": every accepted time is shown with its date and weekday before it is saved. */
export const timeEcho = (ui: Ui) => (v: string | null) =>
  v === null ? '' : t(ui.lang, 'time.echo', { time: describeInstant(v, ui.lang, ui.now().toISOString()) });

/** Wraps a reader so that an optional value may be left empty ('' or '-' gives null). */
function orEmpty<T>(optional: boolean | undefined, read: (s: string) => Parsed<T>, lang: Ui['lang']): (s: string) => Parsed<T | null> {
  return (s) => {
    if (EMPTY.has(s.trim())) return optional ? { ok: true, value: null } : { ok: false, error: t(lang, 'ia.required') };
    return read(s);
  };
}

const yesNo = (ui: Ui) => [
  { value: 'yes', name: t(ui.lang, 'answer.yes') },
  { value: 'no', name: t(ui.lang, 'answer.no') },
];

const optionalMark = (ui: Ui, optional: boolean | undefined) => (optional ? ` ${t(ui.lang, 'ia.optional')}` : '');

export function questionSpec(ui: Ui, n: Question, prev?: AnswerValue): Spec<Reply<AnswerValue>> {
  const message = n.question[ui.lang] + optionalMark(ui, n.optional && n.type !== 'multi' && n.type !== 'choice' && n.type !== 'yesno');
  const options = (n.options ?? []).map((o) => ({ value: o.id, name: o.label[ui.lang], ...(o.help ? { description: o.help[ui.lang] } : {}) }));
  const prevText = prev === null || prev === undefined || Array.isArray(prev) ? undefined : String(prev);
  switch (n.type) {
    case 'yesno':
      return selectSpec(ui, message, yesNo(ui), prevText, (v) => v);
    case 'choice':
      return selectSpec(ui, message, options, prevText, (v) => v);
    case 'multi':
      return checkboxSpec(ui, message, options, Array.isArray(prev) ? prev : [], !n.optional);
    case 'number':
      return inputSpec(ui, message, prevText, orEmpty(n.optional, (s) => readNumber(ui, s, n.min, n.max), ui.lang));
    case 'datetime':
      return inputSpec(ui, message, asLocal(prev) ?? nowLocal(ui), orEmpty(n.optional, (s) => readTime(ui, s, { planned: n.planned === true }), ui.lang), { echo: timeEcho(ui) });
    case 'text':
      return inputSpec(ui, message, prevText, orEmpty(n.optional, (s) => ({ ok: true, value: s.trim() }), ui.lang), { freeText: true });
  }
}

/** `later`: the field may be left "fyll i senare" (engine/later.ts decides which). */
export function fieldSpec(ui: Ui, f: Field, prev?: FieldValue, notBefore?: TimeRules['notBefore'], later = false): Spec<Reply<FieldValue>> {
  const opts = { later, freeText: f.type === 'text' };
  const message = f.label[ui.lang] + optionalMark(ui, f.optional && f.type !== 'yesno');
  const prevText = prev === null || prev === undefined ? undefined : String(prev);
  switch (f.type) {
    case 'yesno':
      return selectSpec(ui, message, yesNo(ui), prevText, (v) => v, opts);
    case 'number':
      return inputSpec(ui, message, prevText, orEmpty(f.optional, (s) => readNumber(ui, s), ui.lang), opts);
    case 'datetime': {
      const rules: TimeRules = { planned: f.planned === true, ...(notBefore ? { notBefore } : {}) };
      return inputSpec(ui, message, asLocal(prev) ?? nowLocal(ui), orEmpty(f.optional, (s) => readTime(ui, s, rules), ui.lang), { ...opts, echo: timeEcho(ui) });
    }
    case 'text':
      return inputSpec(ui, message, prevText, orEmpty(f.optional, (s) => ({ ok: true, value: s.trim() }), ui.lang), opts);
  }
}

/** A step without anything to record: the caseworker confirms it is done. */
export function doneSpec(ui: Ui, message: string): Spec<Reply<true>> {
  return selectSpec(ui, message, [{ value: 'done', name: t(ui.lang, 'answer.done') }], undefined, () => true as const);
}

export function decidedBySpec(ui: Ui, prev?: string): Spec<Reply<string>> {
  return inputSpec(ui, t(ui.lang, 'ia.decision.by'), prev, orEmpty(false, (s) => ({ ok: true, value: s.trim() }), ui.lang), { freeText: true }) as Spec<Reply<string>>;
}

export function groundSpec(ui: Ui, n: Extract<CNode, { kind: 'decision' }>, prev?: string | null): Spec<Reply<string>> {
  const choices = (n.grounds ?? []).map((g) => ({ value: g.id, name: g.label[ui.lang] }));
  return selectSpec(ui, t(ui.lang, 'ia.decision.ground'), choices, prev ?? undefined, (v) => v);
}

export function decidedAtSpec(ui: Ui, prev?: string): Spec<Reply<string>> {
  return inputSpec(ui, t(ui.lang, 'ia.decision.at'), asLocal(prev) ?? nowLocal(ui), (s) => readTime(ui, s), { echo: timeEcho(ui) });
}

/** Execution may not have happened yet: '-' (or clearing the default) records it as not carried out. */
export function carriedOutSpec(ui: Ui, prev?: string | null, decidedAt?: string): Spec<Reply<string | null>> {
  const rules: TimeRules = decidedAt ? { notBefore: { value: decidedAt, label: t(ui.lang, 'ia.time.decidedAt') } } : {};
  return inputSpec(ui, t(ui.lang, 'ia.decision.carried'), asLocal(prev) ?? nowLocal(ui), orEmpty(true, (s) => readTime(ui, s, rules), ui.lang), { echo: timeEcho(ui) });
}

export function endSpec(ui: Ui): Spec<Reply<'finish'>> {
  return selectSpec(ui, t(ui.lang, 'ia.end.prompt'), [{ value: 'finish', name: t(ui.lang, 'ia.end.finish') }], undefined, () => 'finish' as const);
}
