// The checklist in Markdown: task items for `checklist --format md` and the case note, the open
// items with their deadlines, and the legal references a session used with their dates.
import { URGENCY_ORDER, type ChecklistEntry } from '../engine/checklist.js';
import type { Visit, WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';
import type { Started } from '../core/events.js';
import { t, type Lang } from '../core/i18n.js';
import { checklistMeta, deadlineParts, lawOf, statusText } from './checklist-text.js';
import { bold, bullets, document, heading, inline, quote, tasks, type Block, type Item } from './markdown.js';
import { whyText } from './why-text.js';

function ownerText(e: ChecklistEntry, lang: Lang): string {
  return t(lang, 'checklist.owner', { owner: t(lang, `owner.${e.item.owner}`) });
}

function refsItem(refs: readonly string[], r: CompiledRoutine, lang: Lang): Item[] {
  return refs.length ? [{ text: `${inline(t(lang, 'note.refs'))}: ${inline(refs.map((id) => lawOf(r, id, lang)).join('; '))}` }] : [];
}

/** Deadline lines as sub-items; `withStatus` only where "today" may appear (never in the note). */
export function deadlineItems(e: ChecklistEntry, r: CompiledRoutine, lang: Lang, withStatus = false): Item[] {
  return deadlineParts(e, r, lang, withStatus).map((p) => ({ text: p.tone === 'danger' ? bold(inline(p.text)) : inline(p.text) }));
}

/** Task items under one heading per urgency; done and not-applicable items are checked. */
export function checklistTaskBlocks(
  r: CompiledRoutine,
  entries: readonly ChecklistEntry[],
  lang: Lang,
  level: number,
  opts: { details: boolean; withStatus: boolean; path?: readonly Visit[] },
): Block[] {
  if (!entries.length) return [inline(t(lang, 'checklist.empty'))];
  const blocks: Block[] = [];
  for (const urgency of URGENCY_ORDER) {
    const group = entries.filter((e) => e.item.urgency === urgency);
    if (!group.length) continue;
    blocks.push(heading(level, inline(t(lang, `checklist.heading.${urgency}`))));
    // A not-applicable item is no task at all: a ticked box would say it was done.
    const lines = group.map((e) => {
      const status = statusText(e, lang);
      const na = e.status.state === 'na';
      const entry: Item = {
        text: `${na ? `${inline(t(lang, 'casenote.na'))}: ` : ''}${inline(e.item.text[lang])} (${inline(ownerText(e, lang))})`,
        // The note lists deadlines once, under open items; the printed list carries them here.
        sub: [
          ...(status ? [{ text: inline(status) }] : []),
          ...(opts.details && e.status.state === 'open' ? deadlineItems(e, r, lang, opts.withStatus) : []),
          ...(opts.details && !opts.path ? refsItem(e.item.refs, r, lang) : []),
          ...(opts.path ? [{ text: inline(whyText(r, opts.path, e, lang)) }] : []),
        ],
      };
      return na ? bullets([entry]) : tasks([{ ...entry, checked: e.status.state === 'done' }]);
    });
    blocks.push(lines.join('\n'));
  }
  return blocks;
}

/**
 * Open items: anything that was to be done "now" and still is not, then the earliest "act by",
 * then those waiting for a time, then the rest by urgency.
 */
export function openEntries(entries: readonly ChecklistEntry[]): ChecklistEntry[] {
  const rank = (e: ChecklistEntry) => (e.item.urgency === 'now' ? -1 : e.deadline === null ? 2 : 'waiting' in e.deadline ? 1 : 0);
  const key = (e: ChecklistEntry) => (e.deadline && 'safe' in e.deadline ? e.deadline.safe : '');
  return entries
    .filter((e) => e.status.state === 'open')
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || key(a.e).localeCompare(key(b.e)) || a.i - b.i)
    .map((x) => x.e);
}

/**
 * The references of the path taken, in order of first use: those of the steps and decisions
 * walked, of the chosen grounds, and of the items on the checklist. A question's reference says
 * why it is asked, whatever the answer; the law that applies is cited by the step or item the
 * answer leads to, so a branch not taken never brings its law into the note.
 */
export function referencesUsed(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[]): string[] {
  const ids: string[] = [];
  const add = (x: string | string[] | undefined) => {
    for (const id of x === undefined ? [] : Array.isArray(x) ? x : [x]) if (!ids.includes(id)) ids.push(id);
  };
  for (const v of s.path) {
    const n = r.nodes.get(v.node);
    if (!n || n.kind === 'question') continue;
    add(n.refs);
    const input = v.input;
    if (n.kind === 'decision' && input?.t === 'decided') add(n.grounds?.find((g) => g.id === input.ground)?.ref);
  }
  for (const e of entries) add(e.item.refs);
  return ids;
}

/** `checklist --format md`: a document of its own, with today's overdue marks (unlike the note). */
export function renderChecklistMarkdown(
  r: CompiledRoutine,
  started: Started,
  session: string,
  entries: readonly ChecklistEntry[],
  today: string,
  lang: Lang,
  extra: { path?: readonly Visit[]; calendar?: readonly string[] } = {},
): string {
  const blocks: Block[] = [heading(1, inline(t(lang, 'checklist.title', { title: r.title[lang] })))];
  if (started.practice) blocks.push(quote(bold(inline(t(lang, 'checklist.practice')))));
  const meta = checklistMeta(r, started, session, today, lang);
  blocks.push(bullets([{ text: inline(t(lang, 'checklist.meta', meta)) }, { text: inline(t(lang, 'checklist.metaWorker', meta)) }]));
  blocks.push(...checklistTaskBlocks(r, entries, lang, 2, { details: true, withStatus: true, ...(extra.path ? { path: extra.path } : {}) }));
  if (extra.calendar?.length) blocks.push(heading(2, inline(t(lang, 'casenote.h.calendar'))), ['```text', ...extra.calendar, '```'].join('\n'));
  return document(blocks);
}
