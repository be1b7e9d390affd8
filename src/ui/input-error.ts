// One sentence for an input the engine refused, in the caseworker's language.
import type { InputError } from '../engine/values.js';
import { t, type Lang } from './i18n.js';

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
    default:
      return t(lang, `input.${e.kind}`, { field });
  }
}
