// The note's "to be completed" section: fields the caseworker left "fyll i senare" during the
// night, as open tasks for whoever completes the record.
import { formatInstantRecord } from './record-time.js';
import { deferredFields, deferredGroups, recordOf } from '../engine/later.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';
import { t, type Lang } from '../core/i18n.js';
import { nodeText } from './answer-text.js';
import { item, type DBlock, type DItem } from './doc.js';

const questionName = (r: CompiledRoutine, node: string, lang: Lang): string => {
  const n = r.nodes.get(node);
  return n ? nodeText(n, lang) : node;
};

const fieldName = (r: CompiledRoutine, node: string, field: string, lang: Lang): string => {
  const n = r.nodes.get(node);
  const f = recordOf(n).find((x) => x.id === field);
  return `${n ? nodeText(n, lang) : node}: ${f?.label[lang] ?? field}`;
};

export function laterBlocks(r: CompiledRoutine, s: WalkState, lang: Lang): DBlock[] {
  const left = deferredFields(r, s);
  // What was filled in afterwards is said too: the journal shows when each entry was made.
  const filled: DItem[] = s.events.flatMap((e) => {
    if (e.t !== 'completed') return [];
    const names = e.value !== undefined ? [questionName(r, e.node, lang)] : Object.keys(e.fields).map((f) => fieldName(r, e.node, f, lang));
    return names.map((name) => item([`${name} (${formatInstantRecord(e.at)})`]));
  });
  if (left.length === 0 && filled.length === 0) return [];
  const blocks: DBlock[] = [{ h: 2, text: t(lang, 'later.noteTitle') }];
  if (left.length) {
    const items: DItem[] = deferredGroups(r, s).map((g) => {
      const name = g.fields.length ? `${questionName(r, g.node, lang)}: ${g.fields.map((f) => f.label[lang]).join('; ')}` : questionName(r, g.node, lang);
      const may = g.mayAdd.length ? ` (${t(lang, 'later.mayAdd', { items: g.mayAdd.map((i) => i.text[lang]).join('; ') })})` : '';
      return { spans: [name + may], box: 'open' };
    });
    blocks.push({ p: [t(lang, 'later.noteIntro')] }, { ul: items });
  }
  if (filled.length) blocks.push({ p: [t(lang, 'later.noteFilled')] }, { ul: filled });
  return blocks;
}
