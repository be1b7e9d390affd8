// The case note the caseworker signs and pastes into the journal: a summary first, then the
// course of events by when things happened, the decisions, the checklist with why each item is
// there, the legal references of the path, and last the record of when each answer was entered.
// Markdown (the default) or plain text; pure and deterministic, byte for byte.
import type { ChecklistEntry } from '../engine/checklist.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';
import { t, type Lang } from '../core/i18n.js';
import { strong, type DBlock } from './doc.js';
import { renderMd } from './doc-md.js';
import { renderText } from './doc-text.js';
import { auditBlocks, checklistBlocks, courseBlock, decisionsBlocks, noteData, referencesBlocks, summaryBlock } from './note-parts.js';
import { laterBlocks } from './note-later.js';

export type DocFormat = 'md' | 'text';

export function noteBlocks(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang): DBlock[] {
  const d = noteData(r, s, entries, lang);
  const practice = s.started.practice;
  return [
    { h: 1, text: t(lang, practice ? 'note.titlePractice' : 'note.title', { title: r.title[lang] }) },
    ...(practice ? [{ quote: [strong(t(lang, 'casenote.practiceMark')), ` ${t(lang, 'casenote.practiceText')}`] } as DBlock] : []),
    { h: 2, text: t(lang, 'casenote.h.summary') },
    summaryBlock(d),
    { h: 2, text: t(lang, 'casenote.h.course') },
    courseBlock(d),
    ...decisionsBlocks(d),
    ...checklistBlocks(d),
    ...laterBlocks(r, s, lang),
    ...referencesBlocks(d),
    ...auditBlocks(d),
  ];
}

export function renderNote(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang, format: DocFormat = 'md'): string {
  const blocks = noteBlocks(r, s, entries, lang);
  return format === 'text' ? renderText(blocks) : renderMd(blocks);
}
