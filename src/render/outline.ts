// `jour-routine show`: the routine as a routine owner reads it, top to bottom in the order a
// night shift meets the nodes, each with its ways on. Pure: returns lines.
import type { CNode, CompiledRoutine, Route } from '../core/model.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/i18n.js';
import { nodeText } from './answer-text.js';
import { conditionText } from './condition-text.js';
import { reversePostorder } from '../routine/check-graph.js';

const MARK: Record<CNode['kind'], string> = { question: '?', step: '>', decision: '§', end: '■' };

/**
 * Reverse postorder from the start: every node after all the nodes that lead to it (loops aside),
 * which is the order a night shift meets them, with side branches before the ends they lead to.
 */
export function walkOrder(r: CompiledRoutine): string[] {
  const order = reversePostorder(r);
  const seen = new Set(order);
  // Unreachable nodes still belong in the outline, last, so that nothing in the file is hidden.
  for (const id of r.nodes.keys()) if (!seen.has(id)) order.push(id);
  return order;
}

function routeLine(route: Route, n: CNode, lang: Lang): string {
  let label: string;
  if (route.answer !== undefined) {
    const opt = n.kind === 'question' ? n.options?.find((o) => o.id === route.answer) : undefined;
    label = opt ? opt.label[lang] : t(lang, `answer.${route.answer}`);
  } else label = `${t(lang, 'outline.if')} ${conditionText(route.when ?? { const: true }, lang)}`;
  const items = route.checklist.length ? `[+ ${route.checklist.join(', ')}]` : '';
  return route.next === undefined ? `${label}: ${items}` : `${label} → ${route.next}${items ? `  ${items}` : ''}`;
}

export function renderOutline(r: CompiledRoutine, lang: Lang): string[] {
  const lines: string[] = [];
  lines.push(`${r.title[lang]}  (${r.id} v${r.version})`);
  lines.push(r.description[lang]);
  lines.push(`${t(lang, 'outline.reviewed')} ${r.reviewed} · ${t(lang, 'outline.reviewBy')} ${r.reviewBy} · ${t(lang, 'outline.approvedBy')} ${r.approvedBy}`);
  let section: string | undefined;
  for (const id of walkOrder(r)) {
    const n = r.nodes.get(id) as CNode;
    const sec = n.section?.[lang] ?? n.moduleTitle?.[lang] ?? r.title[lang];
    if (sec !== section) {
      section = sec;
      lines.push('', `== ${sec}`);
    }
    const refs = n.refs.length ? `  (${n.refs.map((x) => r.references.get(x)?.law[lang] ?? x).join('; ')})` : '';
    const kind = n.kind === 'question' ? ` [${t(lang, `qtype.${n.type}`)}]` : '';
    lines.push(`${MARK[n.kind]} ${id}${kind}: ${nodeText(n, lang)}${refs}`);
    if (n.kind === 'question' && n.options) lines.push(`    ${n.options.map((o) => `${o.id}=${o.label[lang]}`).join(' | ')}`);
    if (n.kind === 'decision' && n.grounds) lines.push(`    ${t(lang, 'outline.grounds')}: ${n.grounds.map((g) => g.label[lang]).join(' | ')}`);
    if ((n.kind === 'step' || n.kind === 'decision') && n.record?.length) {
      lines.push(`    ${t(lang, 'outline.record')}: ${n.record.map((f) => f.label[lang]).join(', ')}`);
    }
    if (n.checklist.length) lines.push(`    + ${n.checklist.join(', ')}`);
    for (const route of n.routes) lines.push(`    ${routeLine(route, n, lang)}`);
    if (n.next !== undefined) lines.push(`    ${n.routes.length ? t(lang, 'outline.otherwise') : t(lang, 'outline.then')} → ${n.next}`);
  }
  lines.push('', `== ${t(lang, 'outline.checklist')}`);
  // Items only a ruled-out branch of a module could add do not belong to this routine's list.
  const used = new Set([...r.nodes.values()].flatMap((n) => [...n.checklist, ...n.routes.flatMap((x) => x.checklist)]));
  for (const item of r.checklist.values()) {
    if (!used.has(item.id)) continue;
    const due = item.due ? `  ${t(lang, 'outline.due')} ${dueText(item.due, lang)} ${item.dueFrom}` : '';
    lines.push(`[ ] ${item.id}: ${item.text[lang]} (${t(lang, `owner.${item.owner}`)}, ${t(lang, `urgency.${item.urgency}`)})${due}`);
  }
  return lines;
}

export function dueText(due: { days?: number; weeks?: number; months?: number; next_working_day?: true }, lang: Lang): string {
  // One week, not "1 veckor": the singular has a message of its own.
  if (due.days !== undefined) return t(lang, due.days === 1 ? 'due.day' : 'due.days', { n: due.days });
  if (due.weeks !== undefined) return t(lang, due.weeks === 1 ? 'due.week' : 'due.weeks', { n: due.weeks });
  if (due.months !== undefined) return t(lang, due.months === 1 ? 'due.month' : 'due.months', { n: due.months });
  return t(lang, 'due.nextWorkingDay');
}
