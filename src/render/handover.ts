// The handover to the district social services that take the case over in the morning: what was
// decided and done, what remains with deadline and owner, and for every open item what is
// important to think about, so that the practical case-handling manual travels with the case.
import type { ChecklistEntry } from '../engine/checklist.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../routine/model.js';
import { t, type Lang } from '../ui/i18n.js';
import { nodeText } from './answer-text.js';
import { lawOf, statusText } from './checklist-text.js';
import { deadlineItems, openEntries, referencesBlock, referencesUsed } from './checklist-md.js';
import { bold, bullets, document, heading, inline, paragraph, quote, text, type Block, type Item } from './markdown.js';
import { contactItems, decisionsBlock, headerItems, notesBlock } from './note-sections.js';

function doneBlock(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang): Block {
  const items: Item[] = [...contactItems(r, s, lang)];
  for (const e of entries) {
    const status = statusText(e, lang);
    if (status) items.push({ text: `${inline(e.item.text[lang])} – ${inline(status)}` });
  }
  return items.length ? bullets(items) : inline(t(lang, 'handover.nothingDone'));
}

function thinkBlocks(label: string, help: string | undefined): Block[] {
  return help === undefined || help.trim() === '' ? [] : [paragraph(`${bold(inline(label))}: ${text(help)}`)];
}

/** One sub-section per open item, numbered so that two items with the same text stay distinct (MD024). */
function remainingBlocks(r: CompiledRoutine, entries: readonly ChecklistEntry[], lang: Lang): Block[] {
  const open = openEntries(entries);
  if (!open.length) return [inline(t(lang, 'handover.nothingLeft'))];
  return open.flatMap((e, i) => {
    const facts: Item[] = [{ text: `${bold(inline(t(lang, 'handover.owner')))}: ${inline(t(lang, `owner.${e.item.owner}`))}` }];
    const deadline = deadlineItems(e, r, lang);
    if (deadline.length) facts.push({ text: bold(inline(t(lang, 'handover.deadline'))), sub: deadline });
    if (e.item.refs.length) facts.push({ text: `${bold(inline(t(lang, 'note.refs')))}: ${inline(e.item.refs.map((id) => lawOf(r, id, lang)).join('; '))}` });
    const origin = r.nodes.get(e.addedBy);
    return [
      heading(3, `${i + 1}. ${inline(e.item.text[lang])}`),
      bullets(facts),
      ...thinkBlocks(t(lang, 'handover.think'), e.item.help?.[lang]),
      ...(origin ? thinkBlocks(t(lang, 'handover.fromStep', { node: nodeText(origin, lang) }), origin.help?.[lang]) : []),
    ];
  });
}

function unfinishedBlocks(r: CompiledRoutine, s: WalkState, lang: Lang): Block[] {
  const current = s.current === null ? undefined : r.nodes.get(s.current);
  if (!current) return [];
  return [
    heading(2, inline(t(lang, 'handover.h.unfinished'))),
    paragraph(inline(t(lang, 'handover.nextStep', { node: nodeText(current, lang) }))),
    ...thinkBlocks(t(lang, 'handover.think'), current.help?.[lang]),
  ];
}

export function renderHandover(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang): string {
  const practice = s.started.practice;
  const blocks: Block[] = [
    heading(1, inline(t(lang, practice ? 'handover.titlePractice' : 'handover.title', { title: r.title[lang] }))),
  ];
  if (practice) blocks.push(quote(t(lang, 'handover.practice')));
  blocks.push(bullets(headerItems(r, s, lang, true)));
  blocks.push(heading(2, inline(t(lang, 'note.h.decisions'))), decisionsBlock(r, s, lang));
  blocks.push(heading(2, inline(t(lang, 'handover.h.done'))), doneBlock(r, s, entries, lang));
  blocks.push(heading(2, inline(t(lang, 'handover.h.remaining'))), ...remainingBlocks(r, entries, lang));
  blocks.push(...unfinishedBlocks(r, s, lang));
  blocks.push(heading(2, inline(t(lang, 'handover.h.notes'))), notesBlock(r, s, lang) ?? inline(t(lang, 'handover.noNotes')));
  blocks.push(heading(2, inline(t(lang, 'note.h.refs'))), referencesBlock(r, referencesUsed(r, s, entries), lang));
  return document(blocks);
}
