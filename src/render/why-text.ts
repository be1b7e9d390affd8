// Why an item is on the checklist, as a reader wants it: the answers that put it there and the
// law that drives it ("Varför: Är barnet i akut fara? Ja; 10 kap. 21 § OSL").
import type { ChecklistEntry, Reason } from '../engine/checklist.js';
import { lookupIn, type Visit } from '../engine/walk.js';
import { findField, resolveRef, type CNode, type CompiledRoutine } from '../core/model.js';
import { t, type Lang } from '../core/i18n.js';
import { answerText, nodeText, valueText } from './answer-text.js';
import { lawOf } from './checklist-text.js';

/** "Fråga? Svar", or "Steg: svar" when the text does not end in punctuation. */
export function joinAsked(question: string, answer: string): string {
  const q = question.trim();
  return /[?!:.]$/.test(q) ? `${q} ${answer}` : `${q}: ${answer}`;
}

function answered(path: readonly Visit[], n: CNode, lang: Lang): string {
  const visit = path.find((v) => v.node === n.id);
  return n.kind === 'question' && visit?.input ? joinAsked(nodeText(n, lang), answerText(n, visit.input, lang)) : nodeText(n, lang);
}

function reasonParts(r: CompiledRoutine, path: readonly Visit[], reason: Reason, lang: Lang): string[] {
  const n = r.nodes.get(reason.node);
  if (!n) return [reason.node];
  if ('answer' in reason) {
    const label = n.kind === 'question' && n.type === 'yesno' ? t(lang, `answer.${reason.answer}`) : n.kind === 'question' ? (n.options?.find((o) => o.id === reason.answer)?.label[lang] ?? reason.answer) : reason.answer;
    return [joinAsked(nodeText(n, lang), label)];
  }
  if ('when' in reason) {
    const lookup = lookupIn(path);
    return reason.asked.map((ref) => {
      const found = resolveRef(r.nodes, ref);
      if (!found) return ref;
      if (found.field === undefined) return answered(path, found.node, lang);
      const label = findField(found.node, found.field)?.label[lang] ?? found.field;
      const v = lookup(ref);
      return joinAsked(`${nodeText(found.node, lang)}: ${label}`, valueText(v ?? null));
    });
  }
  return [answered(path, n, lang)];
}

/** The reasons and the laws, each once, in the order they came. */
export function whyParts(r: CompiledRoutine, path: readonly Visit[], e: ChecklistEntry, lang: Lang): string[] {
  const parts = [...e.why.flatMap((w) => reasonParts(r, path, w, lang)), ...e.item.refs.map((id) => lawOf(r, id, lang))];
  return [...new Set(parts)];
}

export function whyText(r: CompiledRoutine, path: readonly Visit[], e: ChecklistEntry, lang: Lang): string {
  return t(lang, 'why.because', { why: whyParts(r, path, e, lang).join('; ') });
}
