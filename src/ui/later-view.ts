// "Fyll i senare" and "NU" in the walk: the line that says what must be done now as soon as an
// answer puts it on the checklist, the fields left for later at the end, and filling them in
// when a finished session is resumed.
import { deferredFields } from '../engine/later.js';
import type { WalkState } from '../engine/walk.js';
import { nodeText } from '../render/answer-text.js';
import { wrap } from '../render/wrap.js';
import type { CompiledRoutine } from '../core/model.js';
import type { LiveSession } from '../session/writer.js';
import { t } from '../core/i18n.js';
import { inputErrorText } from './input-error.js';
import { fieldSpec } from './node-prompts.js';
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

const fieldLine = (ui: Ui, r: CompiledRoutine, node: string, label: string) => {
  const n = r.nodes.get(node);
  return `${n ? nodeText(n, ui.lang) : node}: ${label}`;
};

/** The fields still left for later, listed at the end of the walk. */
export function laterLines(ui: Ui, r: CompiledRoutine, s: WalkState): string[] {
  const left = deferredFields(r, s);
  if (left.length === 0) return [];
  const lines = ['', ui.c.bold(t(ui.lang, 'later.title', { n: left.length }))];
  for (const d of left) lines.push(...wrap(`☐ ${fieldLine(ui, r, d.node, d.field.label[ui.lang])}`, widthOf(ui), '  '));
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
    if (n) io.out(ui.c.bold(wrap(nodeText(n, ui.lang), widthOf(ui)).join('\n')));
    for (;;) {
      const reply = await ask(fieldSpec(ui, d.field, undefined, undefined, true));
      if (reply.kind === 'cmd') {
        if (reply.cmd === 'help' && d.field.help) {
          io.out(wrap(d.field.help[ui.lang], widthOf(ui), '  ').join('\n'));
          continue;
        }
        if (reply.cmd === 'later' || reply.cmd === 'help') break;
        return;
      }
      const refused = live.commit({ t: 'completed', at: ui.now().toISOString(), node: d.node, fields: { [d.field.id]: reply.value } });
      if (refused) io.err(t(ui.lang, 'ia.rejected', { reason: inputErrorText(ui.lang, refused) }));
      break;
    }
  }
  const still = deferredFields(live.routine, live.state).length;
  io.out(still === 0 ? ui.c.green(t(ui.lang, 'later.allDone')) : t(ui.lang, still === 1 ? 'later.stillLeft.one' : 'later.stillLeft', { n: still }));
}
