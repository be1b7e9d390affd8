// The note's "to be completed" section: fields the caseworker left "fyll i senare" during the
// night, as open tasks for whoever completes the record.
import { deferredFields } from '../engine/later.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../routine/model.js';
import { t, type Lang } from '../ui/i18n.js';
import { nodeText } from './answer-text.js';
import { heading, inline, paragraph, tasks, type Block } from './markdown.js';

export function laterBlocks(r: CompiledRoutine, s: WalkState, lang: Lang): Block[] {
  const left = deferredFields(r, s);
  if (left.length === 0) return [];
  const items = left.map((d) => {
    const n = r.nodes.get(d.node);
    return { text: inline(`${n ? nodeText(n, lang) : d.node}: ${d.field.label[lang]}`), checked: false };
  });
  return [heading(2, inline(t(lang, 'later.noteTitle'))), paragraph(inline(t(lang, 'later.noteIntro'))), tasks(items)];
}
