// How an answer reads in the terminal, the note and the handover.
import { formatInstantRecord } from './record-time.js';
import { isInstant } from '../engine/values.js';
import type { CNode } from '../core/model.js';
import type { InputEvent } from '../core/events.js';
import { t, type Lang } from '../core/i18n.js';

export function valueText(v: string | number | null | string[]): string {
  if (v === null || v === '') return '–';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '–';
  if (typeof v === 'string' && isInstant(v)) return formatInstantRecord(v);
  return String(v);
}

export function nodeText(n: CNode, lang: Lang): string {
  switch (n.kind) {
    case 'question':
      return n.question[lang];
    case 'step':
      return n.step[lang];
    case 'decision':
      return n.decision[lang];
    case 'end':
      return n.end[lang];
  }
}

/** The answer as a person reads it: option labels instead of ids, Ja/Nej, local times. */
export function answerText(n: CNode, input: InputEvent | undefined, lang: Lang): string {
  if (!input) return '';
  if (input.t === 'answered' && n.kind === 'question') {
    if (input.later === true) return t(lang, 'later.value');
    const v = input.value;
    if (n.type === 'yesno' && (v === 'yes' || v === 'no')) return t(lang, `answer.${v}`);
    const label = (id: string) => n.options?.find((o) => o.id === id)?.label[lang] ?? id;
    if (Array.isArray(v)) return v.length ? v.map(label).join(', ') : '–';
    if ((n.type === 'choice') && typeof v === 'string') return label(v);
    return valueText(v);
  }
  const fields = (n.kind === 'step' || n.kind === 'decision' ? n.record : undefined) ?? [];
  const parts: string[] = [];
  if (input.t === 'decided' && n.kind === 'decision') {
    parts.push(`${t(lang, 'field.decided_by')}: ${input.decided_by}`);
    if (input.ground !== null) parts.push(`${t(lang, 'field.ground')}: ${n.grounds?.find((g) => g.id === input.ground)?.label[lang] ?? input.ground}`);
    parts.push(`${t(lang, 'field.decided_at')}: ${valueText(input.decided_at)}`);
    if (n.carried_out) parts.push(`${t(lang, 'field.carried_out_at')}: ${valueText(input.carried_out_at)}`);
  }
  if (input.t === 'recorded' || input.t === 'decided') {
    for (const [k, v] of Object.entries(input.fields)) {
      const f = fields.find((x) => x.id === k);
      const later = input.later?.includes(k) === true;
      const shown = later ? t(lang, 'later.value') : f?.type === 'yesno' && (v === 'yes' || v === 'no') ? t(lang, `answer.${v}`) : valueText(v);
      parts.push(`${f?.label[lang] ?? k}: ${shown}`);
    }
  }
  return parts.length ? parts.join('; ') : t(lang, 'answer.done');
}
