// One sentence for an input the engine refused, in the caseworker's language.
import { describeInstant, type TimeProblem } from '../engine/times.js';
import type { InputError } from '../engine/values.js';
import { t, type Lang } from '../core/i18n.js';

/** One sentence for a typed time that was understood but cannot be taken. */
export function timeProblemText(lang: Lang, p: TimeProblem, field = '', now?: string): string {
  switch (p.kind) {
    case 'unparseable':
      return t(lang, 'input.not-a-time', { field });
    case 'future':
      return t(lang, 'input.bad-time.future', { time: describeInstant(p.instant, lang, now), field });
    case 'no-such-date':
      return t(lang, 'input.bad-time.no-such-date', { text: p.text, field });
    case 'dst-gap':
      return t(lang, 'input.bad-time.dst-gap', { local: p.local, field });
    case 'dst-ambiguous':
      return t(lang, 'input.bad-time.dst-ambiguous', { local: p.local, field });
  }
}

export function inputErrorText(lang: Lang, e: InputError): string {
  const field = 'field' in e && e.field ? t(lang, 'input.field', { field: e.field }) : '';
  switch (e.kind) {
    case 'not-current':
      return t(lang, 'input.not-current', { node: e.node, current: e.current ?? '-' });
    case 'wrong-kind':
      return t(lang, 'input.wrong-kind', { node: e.node, expected: e.expected });
    case 'not-an-option':
      return t(lang, 'input.not-an-option', { value: e.value, allowed: e.allowed.join(', '), field });
    case 'out-of-range':
      return t(lang, 'input.out-of-range', { min: e.min ?? '-∞', max: e.max ?? '∞' });
    case 'unknown-field':
      return t(lang, 'input.unknown-field', { field: e.field });
    case 'not-on-path':
      return t(lang, 'input.not-on-path', { node: e.node });
    case 'finished':
      return t(lang, 'input.finished');
    case 'bad-time':
      return timeProblemText(lang, e.problem, field);
    case 'time-before':
      return t(lang, 'input.time-before', {
        label: e.label?.[lang] ?? e.field ?? e.node,
        value: describeInstant(e.value, lang),
        other: e.otherLabel?.[lang] ?? e.other,
        otherValue: describeInstant(e.otherValue, lang),
      });
    default:
      return t(lang, `input.${e.kind}`, { field });
  }
}
