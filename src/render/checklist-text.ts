// The checklist as plain text for the terminal and for paper: grouped by urgency, checkboxes that
// work with a pen, at most 80 columns. Colour comes only through `style`, applied after wrapping,
// so widths are measured on the plain text and a pipe to a printer gets no escape codes.
import { URGENCY_ORDER, type ChecklistEntry } from '../engine/checklist.js';
import { formatInstantRecord } from './record-time.js';
import { findField, resolveRef, type CompiledRoutine } from '../core/model.js';
import type { Started } from '../core/events.js';
import { t, type Lang } from '../core/i18n.js';
import { nodeText } from './answer-text.js';
import { wrap } from './wrap.js';

export const WIDTH = 80;
const INDENT = '    ';

export type Tone = 'danger' | 'warn' | 'heading' | 'muted';
export type Style = (tone: Tone, line: string) => string;
export const PLAIN: Style = (_tone, line) => line;

/** One line of a deadline, unwrapped; the markdown renderers use the same wording. */
export interface DeadlinePart {
  text: string;
  tone?: Tone;
}

function box(e: ChecklistEntry): string {
  return e.status.state === 'done' ? '[x]' : e.status.state === 'na' ? '[-]' : '[ ]';
}

/** "Omedelbart omhändertagande: Beslutstid" for `omh.decided_at`, so nobody reads field ids. */
export function sourceLabel(r: CompiledRoutine, ref: string, lang: Lang): string {
  const found = resolveRef(r.nodes, ref);
  if (!found) return ref;
  const field = found.field !== undefined ? findField(found.node, found.field)?.label[lang] : undefined;
  const node = nodeText(found.node, lang);
  if (!field) return node;
  // A question already ends in "?": "Är barnet i fara? Besvarad …", not "fara?: Besvarad …".
  return /[?!.:]$/.test(node.trim()) ? `${node} ${field}` : `${node}: ${field}`;
}

export function lawOf(r: CompiledRoutine, id: string, lang: Lang): string {
  return r.references.get(id)?.law[lang] ?? id;
}

/**
 * The safe date first, then the nominal day and the 1930:173 day as information only. `withStatus`
 * adds "overdue/today/soon", which depends on today: never in the deterministic note.
 */
export function deadlineParts(e: ChecklistEntry, r: CompiledRoutine, lang: Lang, withStatus: boolean): DeadlinePart[] {
  const parts: DeadlinePart[] = [];
  const d = e.deadline;
  if (d !== null && 'waiting' in d) parts.push({ text: t(lang, 'checklist.waiting', { from: sourceLabel(r, d.waiting, lang) }) });
  else if (d !== null) {
    const from = `${sourceLabel(r, d.fromRef, lang)} ${formatInstantRecord(d.from)}`;
    const actBy = t(lang, 'checklist.actBy', { safe: d.safe, from });
    const urgent = withStatus && e.status.state === 'open' && d.status !== 'ok';
    parts.push(
      urgent
        ? { text: `${t(lang, `checklist.status.${d.status}`)}: ${actBy}`, tone: d.status === 'soon' ? 'warn' : 'danger' }
        : { text: actBy },
    );
    if (d.nominal !== d.safe || d.legal !== d.nominal) {
      const reason = d.nominalReason?.[lang] ?? '';
      parts.push({ text: t(lang, 'checklist.nominal', { nominal: d.nominal, legal: d.legal, reason }) });
    }
  }
  // The flag travels with the item wherever it is shown: LVU may be gone before the deadline.
  for (const x of e.expiredRefs) {
    parts.push({ text: t(lang, 'checklist.refExpires', { law: lawOf(r, x.id, lang), until: x.until }), tone: 'warn' });
  }
  return parts;
}

export function statusText(e: ChecklistEntry, lang: Lang): string | undefined {
  const s = e.status;
  if (s.state === 'done') return t(lang, 'checklist.doneBy', { by: s.by, at: formatInstantRecord(s.at) });
  if (s.state === 'na') return t(lang, 'checklist.naBy', { by: s.by, at: formatInstantRecord(s.at), reason: s.reason });
  return undefined;
}

/** Title, routine and case, and the training mark, for the top of the printed list. */
export function renderChecklistHeader(
  r: CompiledRoutine,
  started: Started,
  session: string,
  today: string,
  lang: Lang,
  style: Style = PLAIN,
): string[] {
  const lines: string[] = [];
  const practice = t(lang, 'checklist.practice');
  if (started.practice) lines.push(style('danger', `*** ${practice} ***`));
  lines.push(...wrap(t(lang, 'checklist.title', { title: r.title[lang] }), WIDTH).map((l) => style('heading', l)));
  const meta = checklistMeta(r, started, session, today, lang);
  lines.push(...wrap(t(lang, 'checklist.meta', meta), WIDTH), ...wrap(t(lang, 'checklist.metaWorker', meta), WIDTH));
  lines.push(t(lang, 'checklist.legend'), '');
  return lines;
}

export function renderChecklistText(
  r: CompiledRoutine,
  entries: readonly ChecklistEntry[],
  lang: Lang,
  title?: string,
  opts: { style?: Style; withStatus?: boolean; why?: (e: ChecklistEntry) => string } = {},
): string[] {
  const style = opts.style ?? PLAIN;
  const lines: string[] = [];
  if (title) lines.push(...wrap(title, WIDTH), '');
  for (const urgency of URGENCY_ORDER) {
    const group = entries.filter((e) => e.item.urgency === urgency);
    if (!group.length) continue;
    lines.push(style('heading', t(lang, `checklist.heading.${urgency}`).toUpperCase()));
    for (const e of group) {
      const owner = t(lang, 'checklist.owner', { owner: t(lang, `owner.${e.item.owner}`) });
      const first = wrap(`${box(e)} ${e.item.text[lang]} (${owner})`, WIDTH - INDENT.length);
      lines.push(...first.map((l, i) => (i === 0 ? l : `${INDENT}${l}`)));
      // "Act by" right under the item: on paper it is what the eye must find first.
      for (const p of deadlineParts(e, r, lang, opts.withStatus ?? false)) {
        lines.push(...wrap(p.text, WIDTH, INDENT).map((l) => (p.tone ? style(p.tone, l) : l)));
      }
      const refs = e.item.refs.map((id) => lawOf(r, id, lang));
      const status = statusText(e, lang);
      if (status) lines.push(...wrap(status, WIDTH, INDENT).map((l) => style('muted', l)));
      // "Why" names the laws too, so they are not printed twice.
      if (opts.why) lines.push(...wrap(opts.why(e), WIDTH, INDENT));
      else if (refs.length) lines.push(...wrap(refs.join('; '), WIDTH, INDENT));
    }
    lines.push('');
  }
  if (!entries.length) lines.push(t(lang, 'checklist.empty'));
  return lines;
}

/** The header facts of a printed or markdown checklist: routine, case, caseworker, times. */
export function checklistMeta(r: CompiledRoutine, started: Started, session: string, today: string, lang: Lang) {
  return {
    id: r.id,
    version: r.version,
    case: started.case_ref.trim() || t(lang, 'checklist.noCase'),
    session,
    worker: started.worker.trim() || '–',
    start: formatInstantRecord(started.at),
    today,
  };
}
