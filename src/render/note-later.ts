// The note's "to be completed" section: fields the caseworker left "fyll i senare" during the
// night, as open tasks for whoever completes the record.
import { formatInstantRecord } from './record-time.js';
import { deferredFields, recordOf } from '../engine/later.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';
import { t, type Lang } from '../core/i18n.js';
import { nodeText } from './answer-text.js';
import { item, type DBlock, type DItem } from './doc.js';

const fieldName = (r: CompiledRoutine, node: string, field: string, lang: Lang): string => {
  const n = r.nodes.get(node);
  const f = recordOf(n).find((x) => x.id === field);
  return `${n ? nodeText(n, lang) : node}: ${f?.label[lang] ?? field}`;
};

export function laterBlocks(r: CompiledRoutine, s: WalkState, lang: Lang): DBlock[] {
  const left = deferredFields(r, s);
  // What was filled in afterwards is said too: the journal shows when each entry was made.
  const filled: DItem[] = s.events.flatMap((e) =>
    e.t === 'completed' ? Object.keys(e.fields).map((f) => item([`${fieldName(r, e.node, f, lang)} (${formatInstantRecord(e.at)})`])) : [],
  );
  if (left.length === 0 && filled.length === 0) return [];
  const blocks: DBlock[] = [{ h: 2, text: t(lang, 'later.noteTitle') }];
  if (left.length) {
    const items: DItem[] = left.map((d) => ({ spans: [fieldName(r, d.node, d.field.id, lang)], box: 'open' }));
    blocks.push({ p: [t(lang, 'later.noteIntro')] }, { ul: items });
  }
  if (filled.length) blocks.push({ p: [t(lang, 'later.noteFilled')] }, { ul: filled });
  return blocks;
}
