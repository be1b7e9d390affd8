// The case note: the Markdown a caseworker pastes into the journal. Pure and deterministic: the
// same routine and events give the same document, byte for byte (tests compare whole files).
import type { ChecklistEntry } from '../engine/checklist.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../routine/model.js';
import { t, type Lang } from '../ui/i18n.js';
import { checklistTaskBlocks, openItemsBlock, referencesBlock, referencesUsed } from './checklist-md.js';
import { bullets, document, heading, inline, quote, type Block } from './markdown.js';
import { laterBlocks } from './note-later.js';
import { auditBlock, contactsBlock, decisionsBlock, headerItems, timelineBlock } from './note-sections.js';

export function renderNote(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang): string {
  const practice = s.started.practice;
  const blocks: Block[] = [
    heading(1, inline(t(lang, practice ? 'note.titlePractice' : 'note.title', { title: r.title[lang] }))),
  ];
  if (practice) blocks.push(quote(t(lang, 'note.practice')));
  blocks.push(bullets(headerItems(r, s, lang, false)));
  blocks.push(heading(2, inline(t(lang, 'note.h.timeline'))), timelineBlock(r, s, lang));
  blocks.push(heading(2, inline(t(lang, 'note.h.decisions'))), decisionsBlock(r, s, lang));
  blocks.push(heading(2, inline(t(lang, 'note.h.contacts'))), contactsBlock(r, s, lang));
  blocks.push(heading(2, inline(t(lang, 'note.h.checklist'))), ...checklistTaskBlocks(r, entries, lang, 3, { details: false, withStatus: false }));
  blocks.push(heading(2, inline(t(lang, 'note.h.open'))), openItemsBlock(r, entries, lang));
  blocks.push(...laterBlocks(r, s, lang));
  blocks.push(heading(2, inline(t(lang, 'note.h.refs'))), referencesBlock(r, referencesUsed(r, s, entries), lang));
  const audit = auditBlock(r, s, lang);
  if (audit) blocks.push(heading(2, inline(t(lang, 'note.h.audit'))), audit);
  return document(blocks);
}
