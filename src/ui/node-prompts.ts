// The prompt that fits each kind of node and field. Answers come back in the shape the engine's
// events carry (option ids, 'yes'/'no', numbers, ISO instants), checked here only as far as a
// person needs to be told at once; the engine checks them again when they are applied.
import type { CNode } from '../core/model.js';
import type { Field } from '../core/schema.js';
import type { AnswerValue } from '../core/events.js';
import { t } from '../core/i18n.js';
import { checkboxSpec, inputSpec, selectSpec, type KeyOpts, type Parsed, type Reply, type Spec, type Ui } from './prompts.js';
import { readTime, timeChoice, timeDefaultOf, timeEcho, type TimeRules } from './time-prompt.js';

type Question = Extract<CNode, { kind: 'question' }>;
type FieldValue = string | number | null;

const EMPTY = new Set(['', '-']);

export function readNumber(ui: Ui, s: string, min?: number, max?: number): Parsed<number> {
  const text = s.trim().replace(/\s/g, '').replace(',', '.');
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n)) return { ok: false, error: t(ui.lang, 'input.not-a-number', { field: '' }) };
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    return { ok: false, error: t(ui.lang, 'input.out-of-range', { min: min ?? '-∞', max: max ?? '∞' }) };
  }
  return { ok: true, value: n };
}

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

/**
 * A time: offered as the earlier answer or now, echoed with date and weekday once accepted, and an
 * autumn time that occurred twice asks which before the prompt finishes.
 */
function timeSpec(ui: Ui, message: string, prev: unknown, optional: boolean | undefined, rules: TimeRules, opts: KeyOpts = {}): Spec<Reply<string | null>> {
  return inputSpec(ui, message, timeDefaultOf(ui, prev), orEmpty(optional, (s) => readTime(ui, s, rules), ui.lang), {
    ...opts,
    echo: timeEcho(ui),
    choose: (s) => timeChoice(ui, s, rules),
  });
}

const optionalMark = (ui: Ui, optional: boolean | undefined) => (optional ? ` ${t(ui.lang, 'ia.optional')}` : '');

/** `later`: the question may be left "fyll i senare" here (engine/later.ts decides where). */
export function questionSpec(ui: Ui, n: Question, prev?: AnswerValue, later = false): Spec<Reply<AnswerValue>> {
  const opts = { later };
  const message = n.question[ui.lang] + optionalMark(ui, n.optional && n.type !== 'multi' && n.type !== 'choice' && n.type !== 'yesno');
  const options = (n.options ?? []).map((o) => ({ value: o.id, name: o.label[ui.lang], ...(o.help ? { description: o.help[ui.lang] } : {}) }));
  const prevText = prev === null || prev === undefined || Array.isArray(prev) ? undefined : String(prev);
  switch (n.type) {
    case 'yesno':
      return selectSpec(ui, message, yesNo(ui), prevText, (v) => v, opts);
    case 'choice':
      return selectSpec(ui, message, options, prevText, (v) => v, opts);
    case 'multi':
      return checkboxSpec(ui, message, options, Array.isArray(prev) ? prev : [], !n.optional, opts);
    case 'number':
      return inputSpec(ui, message, prevText, orEmpty(n.optional, (s) => readNumber(ui, s, n.min, n.max), ui.lang), opts);
    case 'datetime':
      return timeSpec(ui, message, prev, n.optional, { planned: n.planned === true }, opts);
    case 'text':
      return inputSpec(ui, message, prevText, orEmpty(n.optional, (s) => ({ ok: true, value: s.trim() }), ui.lang), { ...opts, freeText: true });
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
      return timeSpec(ui, message, prev, f.optional, rules, opts);
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
  return timeSpec(ui, t(ui.lang, 'ia.decision.at'), prev, false, {}) as Spec<Reply<string>>;
}

/** Execution may not have happened yet: '-' (or clearing the default) records it as not carried out. */
export function carriedOutSpec(ui: Ui, prev?: string | null, decidedAt?: string): Spec<Reply<string | null>> {
  const rules: TimeRules = decidedAt ? { notBefore: { value: decidedAt, label: t(ui.lang, 'ia.time.decidedAt') } } : {};
  return timeSpec(ui, t(ui.lang, 'ia.decision.carried'), prev, true, rules);
}

export function endSpec(ui: Ui): Spec<Reply<'finish'>> {
  return selectSpec(ui, t(ui.lang, 'ia.end.prompt'), [{ value: 'finish', name: t(ui.lang, 'ia.end.finish') }], undefined, () => 'finish' as const);
}
