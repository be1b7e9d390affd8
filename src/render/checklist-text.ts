// The checklist as plain text for the terminal and for paper: grouped by urgency, checkboxes that
// work with a pen, at most 80 columns, no colour codes (the caller adds colour only on a terminal).
import { URGENCY_ORDER, type ChecklistEntry } from '../engine/checklist.js';
import { formatInstantLocal } from '../engine/calendar.js';
import type { CompiledRoutine } from '../routine/model.js';
import { t, type Lang } from '../ui/i18n.js';
import { wrap } from './wrap.js';

export const WIDTH = 80;

function box(e: ChecklistEntry): string {
  return e.status.state === 'done' ? '[x]' : e.status.state === 'na' ? '[-]' : '[ ]';
}

export function deadlineLines(e: ChecklistEntry, r: CompiledRoutine, lang: Lang, indent: string): string[] {
  const d = e.deadline;
  if (d === null) return [];
  if ('waiting' in d) return wrap(t(lang, 'checklist.waiting', { from: d.waiting }), WIDTH, indent);
  const lines = wrap(t(lang, 'checklist.actBy', { safe: d.safe, from: formatInstantLocal(d.from) }), WIDTH, indent);
  if (d.nominal !== d.safe || d.legal !== d.nominal) {
    lines.push(...wrap(t(lang, 'checklist.nominal', { nominal: d.nominal, legal: d.legal, reason: d.nominalReason?.[lang] ?? '' }), WIDTH, indent));
  }
  for (const x of e.expiredRefs) {
    const law = r.references.get(x.id)?.law[lang] ?? x.id;
    lines.push(...wrap(t(lang, 'checklist.refExpires', { law, until: x.until }), WIDTH, indent));
  }
  return lines;
}

export function renderChecklistText(r: CompiledRoutine, entries: readonly ChecklistEntry[], lang: Lang, title?: string): string[] {
  const lines: string[] = [];
  if (title) lines.push(...wrap(title, WIDTH), '');
  for (const urgency of URGENCY_ORDER) {
    const group = entries.filter((e) => e.item.urgency === urgency);
    if (!group.length) continue;
    lines.push(t(lang, `checklist.heading.${urgency}`).toUpperCase());
    for (const e of group) {
      const owner = t(lang, `owner.${e.item.owner}`);
      lines.push(...wrap(`${box(e)} ${e.item.text[lang]} (${owner})`, WIDTH).map((l, i) => (i === 0 ? l : `    ${l}`)));
      const refs = e.item.refs.map((id) => r.references.get(id)?.law[lang] ?? id);
      if (refs.length) lines.push(...wrap(refs.join('; '), WIDTH, '    '));
      lines.push(...deadlineLines(e, r, lang, '    '));
      if (e.status.state === 'done') lines.push(...wrap(t(lang, 'checklist.doneBy', { by: e.status.by, at: formatInstantLocal(e.status.at) }), WIDTH, '    '));
      if (e.status.state === 'na') lines.push(...wrap(t(lang, 'checklist.naBy', { by: e.status.by, reason: e.status.reason }), WIDTH, '    '));
    }
    lines.push('');
  }
  if (!entries.length) lines.push(t(lang, 'checklist.empty'));
  return lines;
}
