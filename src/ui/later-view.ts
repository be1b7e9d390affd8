// "Fyll i senare" and "NU" in the walk: the line that says what must be done now as soon as an
// answer puts it on the checklist, the fields left for later at the end, and filling them in
// when a finished session is resumed.
import { deferredFields, deferredGroups } from '../engine/later.js';
import type { Field } from '../core/schema.js';
import type { AnswerValue, SessionEvent } from '../core/events.js';
import type { WalkState } from '../engine/walk.js';
import { nodeText } from '../render/answer-text.js';
import { wrap } from '../render/wrap.js';
import type { CompiledRoutine } from '../core/model.js';
import type { LiveSession } from '../session/writer.js';
import { t, type Lang } from '../core/i18n.js';
import { inputErrorText } from './input-error.js';
import { fieldSpec, questionSpec } from './node-prompts.js';
import { pickSpec, widthOf, type Ui } from './prompts.js';
import type { Ask, WalkIo } from './walk-loop.js';

/** The "now" items the latest answer at `nodeId` put on the checklist, as short lines. */
export function nowLines(ui: Ui, r: CompiledRoutine, s: WalkState, nodeId: string): string[] {
  const visit = [...s.path].reverse().find((v) => v.node === nodeId);
  // An end reached right after the answer adds its own items; they show on the end screen.
  const seenBefore = new Set(s.path.slice(0, visit ? s.path.lastIndexOf(visit) : 0).flatMap((v) => v.items));
  const items = (visit?.items ?? []).filter((id) => !seenBefore.has(id)).map((id) => r.checklist.get(id)).filter((x) => x !== undefined);
  const now = items.filter((i) => i.urgency === 'now');
  const tag = t(ui.lang, 'later.nowTag');
  return now.flatMap((i) => wrap(`${tag} ▸ ${i.text[ui.lang]}`, widthOf(ui), '  ').map((l, k) => (k === 0 ? ui.c.yellow.bold(l) : ui.c.yellow(`  ${l.trimStart()}`))));
}

/** What waits, as the caseworker reads it: the node and the field, or the question itself. */
function deferredName(r: CompiledRoutine, node: string, fields: readonly Field[], lang: Lang): string {
  const n = r.nodes.get(node);
  const text = n ? nodeText(n, lang) : node;
  return fields.length ? `${text}: ${fields.map((f) => f.label[lang]).join('; ')}` : text;
}

/** The inputs still left for later, node by node, with what each may still add to the checklist. */
export function laterLines(ui: Ui, r: CompiledRoutine, s: WalkState): string[] {
  const groups = deferredGroups(r, s);
  if (groups.length === 0) return [];
  const lines = ['', ui.c.bold(t(ui.lang, 'later.title', { n: deferredFields(r, s).length }))];
  for (const g of groups) {
    lines.push(...wrap(`☐ ${deferredName(r, g.node, g.fields, ui.lang)}`, widthOf(ui), '    '));
    if (g.mayAdd.length) {
      const may = t(ui.lang, 'later.mayAdd', { items: g.mayAdd.map((i) => i.text[ui.lang]).join('; ') });
      lines.push(...wrap(may, widthOf(ui) - 4).map((l) => ui.c.dim(`    ${l}`)));
    }
  }
  return lines;
}

export function laterFinishLines(ui: Ui, live: LiveSession, jr: string): string[] {
  const n = deferredFields(live.routine, live.state).length;
  return n === 0 ? [] : [ui.c.bold(t(ui.lang, n === 1 ? 'later.resume.one' : 'later.resume', { n, jr, id: live.id }))];
}

/** Offers to fill in what was left for later; each field filled in is one `completed` event. */
export async function fillLater(live: LiveSession, io: WalkIo, ask: Ask, offer: boolean): Promise<void> {
  const ui = io.ui;
  const left = deferredFields(live.routine, live.state);
  io.out(laterLines(ui, live.routine, live.state).join('\n'));
  if (offer) {
    const yes = await ask(pickSpec(ui, t(ui.lang, 'later.fillNow'), [
      { value: 'yes', name: t(ui.lang, 'later.fillYes') },
      { value: 'no', name: t(ui.lang, 'later.fillNo') },
    ], 'yes'));
    if (yes !== 'yes') return;
  }
  for (const d of left) {
    const n = live.routine.nodes.get(d.node);
    if (!n) continue;
    if (d.field) io.out(ui.c.bold(wrap(nodeText(n, ui.lang), widthOf(ui)).join('\n')));
    const help = d.field ? d.field.help?.[ui.lang] : n.help?.[ui.lang];
    for (;;) {
      const reply = d.field
        ? await ask(fieldSpec(ui, d.field, undefined, undefined, true))
        : n.kind === 'question' ? await ask(questionSpec(ui, n, undefined, true)) : undefined;
      if (!reply) break;
      if (reply.kind === 'cmd') {
        if (reply.cmd === 'help' && help) {
          io.out(wrap(help, widthOf(ui), '  ').join('\n'));
          continue;
        }
        if (reply.cmd === 'later' || reply.cmd === 'help') break;
        return;
      }
      const at = ui.now().toISOString();
      const e: SessionEvent = d.field
        ? { t: 'completed', at, node: d.node, fields: { [d.field.id]: reply.value as string | number | null } }
        : { t: 'completed', at, node: d.node, fields: {}, value: reply.value as AnswerValue };
      const before = new Set(live.state.path.flatMap((v) => v.items));
      const refused = live.commit(e);
      if (refused) io.err(t(ui.lang, 'ia.rejected', { reason: inputErrorText(ui.lang, refused) }));
      else {
        // What the answer put on the checklist, said where it happens rather than only in the list.
        const added = live.state.path.flatMap((v) => v.items).filter((id) => !before.has(id));
        for (const id of new Set(added)) {
          const item = live.routine.checklist.get(id);
          if (item) io.out(ui.c.yellow(wrap(t(ui.lang, 'later.added', { item: item.text[ui.lang] }), widthOf(ui), '  ').join('\n')));
        }
      }
      break;
    }
  }
  const still = deferredFields(live.routine, live.state).length;
  io.out(still === 0 ? ui.c.green(t(ui.lang, 'later.allDone')) : t(ui.lang, still === 1 ? 'later.stillLeft.one' : 'later.stillLeft', { n: still }));
}
