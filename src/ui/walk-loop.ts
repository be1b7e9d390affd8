// The interactive walk: one node at a time, each answer committed (checked, appended, fsynced)
// before the next prompt appears. Help and notes are handled where they are asked, without
// leaving the node; going back, pausing and Ctrl+C leave it.
import { deferredFields, isDeferrable, laterNext } from '../engine/later.js';
import { previousInput } from '../engine/walk.js';
import { EXIT } from '../core/errors.js';
import { nodeText } from '../render/answer-text.js';
import { wrap } from '../render/wrap.js';
import type { CNode } from '../core/model.js';
import type { ContactsFile } from '../core/schema.js';
import type { InputEvent, SessionEvent } from '../core/events.js';
import type { LiveSession } from '../session/writer.js';
import { t } from '../core/i18n.js';
import { inputErrorText } from './input-error.js';
import { fillLater, laterFinishLines, laterLines, nowLines } from './later-view.js';
import { LATER, nodeAsks, type NodeAsk } from './node-asks.js';
import { noteSpec } from './pickers.js';
import { ask as askPrompt, isPromptExit, widthOf, withLaterAll, type Cmd, type PromptContext, type Spec, type Ui } from './prompts.js';
import { contactLines, endLines, finishLines, headerLines, helpLines } from './node-view.js';
import { onStopSignals } from './signals.js';

export interface WalkIo {
  ui: Ui;
  out: (s: string) => void;
  err: (s: string) => void;
  today: () => string;
  contacts?: ContactsFile | undefined;
  /** `jour-routine` plus the global flags this run was given, for the commands it prints. */
  jr: string;
  prompt?: PromptContext;
  /** Replaces the terminal prompts, for tests that script the answers. */
  ask?: <T>(spec: Spec<T>) => Promise<T>;
}

export type Ask = <T>(spec: Spec<T>) => Promise<T>;

/**
 * What the caseworker chose for this sitting: `all` leaves everything that can wait for later
 * without asking (key `*`), so only what the walk needs tonight is asked. Not stored: each input
 * left for later is in the log, and a resumed walk asks everything again until `*` is pressed.
 */
interface Sitting {
  all: boolean;
  /** Nodes left for later as a whole without a prompt; `<` passes over them while `all` is on. */
  skipped: Set<string>;
}

export async function walk(live: LiveSession, io: WalkIo): Promise<number> {
  const ask: Ask = io.ask ?? ((spec) => askPrompt(spec, io.prompt));
  const sitting: Sitting = { all: false, skipped: new Set() };
  // A closed terminal window or a shutdown: pause and release synchronously, the process ends next.
  const stop = onStopSignals((code) => {
    try {
      io.out(stopLines(live, io, code));
    } finally {
      live.release();
    }
  });
  try {
    if (live.state.path.length === 0) io.out(io.ui.c.dim(wrap(t(io.ui.lang, 'later.all.hint'), widthOf(io.ui)).join('\n')));
    // A finished session with fields left for later: resume is where they are filled in.
    if (live.state.outcome !== null && deferredFields(live.routine, live.state).length > 0) {
      await fillLater(live, io, ask, true);
    }
    for (;;) {
      const code = await turn(live, io, ask, sitting);
      if (code !== undefined) return code;
    }
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    io.out(stopLines(live, io, EXIT.interrupted));
    return EXIT.interrupted;
  } finally {
    stop();
  }
}

const now = (io: WalkIo) => io.ui.now().toISOString();

/** Pauses the session and says how to continue; used by pause, Ctrl+C and termination signals. */
function stopLines(live: LiveSession, io: WalkIo, code: number): string {
  if (!live.state.paused) live.commit({ t: 'paused', at: now(io) });
  const head = t(io.ui.lang, code === EXIT.ok ? 'ia.paused' : 'ia.interrupted');
  return `\n${head}\n  ${io.ui.c.bold(`${io.jr} resume ${live.id}`)}`;
}

async function turn(live: LiveSession, io: WalkIo, ask: Ask, sitting: Sitting): Promise<number | undefined> {
  const { routine: r, state: s } = live;
  const id = s.current ?? s.outcome;
  const n = id !== null ? r.nodes.get(id) : undefined;
  if (!n) throw new Error('walk: no current node');
  io.out(headerLines(io.ui, r, s).join('\n'));
  if (n.kind === 'end') io.out([...endLines(io.ui, r, s, io.today()), ...laterLines(io.ui, r, s)].join('\n'));
  const contact = contactLines(io.ui, n, io.contacts);
  if (contact.length) io.out(contact.join('\n'));
  const questionLater = n.kind === 'question' && laterNext(r, n, s.path) !== undefined;
  const asks = nodeAsks(io.ui, n, previousInput(s, n.id), (f) => isDeferrable(r, n, f), questionLater);
  if (asks.intro) io.out(io.ui.c.bold(wrap(asks.intro, widthOf(io.ui)).join('\n')));
  const reply = await askAll(live, io, ask, n, asks.items, sitting);
  if (reply.kind === 'cmd') return command(live, io, reply.cmd, sitting);
  if (n.kind === 'end') {
    if (!live.state.finished) live.commit({ t: 'finished', at: now(io) });
    io.out(['', ...finishLines(io.ui, live.id, io.jr), ...laterFinishLines(io.ui, live, io.jr)].join('\n'));
    return EXIT.ok;
  }
  const refused = live.commit(asks.event(reply.values, now(io)) as InputEvent);
  if (refused) io.err(t(io.ui.lang, 'ia.rejected', { reason: inputErrorText(io.ui.lang, refused) }));
  else {
    const arisen = nowLines(io.ui, r, live.state, n.id);
    if (arisen.length) io.out(arisen.join('\n'));
  }
  return undefined;
}

/**
 * Asks each part of a node in turn; help and notes come back to the same part, `<` goes back one
 * part (its answer offered again) and from the first part leaves the node, `>` leaves the part
 * and the deferrable parts after it for later.
 */
async function askAll(live: LiveSession, io: WalkIo, ask: Ask, n: CNode, items: NodeAsk[], sitting: Sitting) {
  const values: unknown[] = [];
  let draft: unknown;
  let asked = false;
  // This part and the node's following ones that may wait: documentation is done later as a
  // whole; a part the walk needs is still asked.
  const leave = (i: number): number => {
    let k = i;
    while (k < items.length && (items[k] as NodeAsk).later) {
      values.push(LATER);
      k++;
    }
    return k;
  };
  for (let i = 0; i < items.length; ) {
    const item = items[i] as NodeAsk;
    if (sitting.all && item.later && draft === undefined) {
      const k = leave(i);
      io.out(io.ui.c.dim(wrap(t(io.ui.lang, 'later.skipped', { what: items.slice(i, k).map((x) => x.name ?? '').filter(Boolean).join('; ') }), widthOf(io.ui), '  ').join('\n')));
      i = k;
      continue;
    }
    asked = true;
    const reply = await ask(withLaterAll(io.ui, item.spec(draft, values), sitting.all));
    draft = reply.kind === 'cmd' ? reply.draft : undefined;
    if (reply.kind === 'value') {
      values.push(reply.value);
      i++;
    } else if (reply.cmd === 'laterAll') {
      sitting.all = !sitting.all;
      io.out(io.ui.c.bold(wrap(t(io.ui.lang, sitting.all ? 'later.all.on' : 'later.all.off'), widthOf(io.ui)).join('\n')));
      // Turned on at a part that may wait: that part is left too (the loop leaves it next).
      if (!sitting.all || !item.later) continue;
    } else if (reply.cmd === 'later') {
      if (!item.later) continue;
      const k = leave(i);
      const count = k - i;
      i = k;
      io.out(io.ui.c.dim(t(io.ui.lang, count === 1 ? 'later.deferred.one' : 'later.deferred', { n: count })));
    } else if (reply.cmd === 'back' && i > 0) {
      draft = values.pop();
      i--;
    } else if (reply.cmd === 'help') {
      io.out(helpLines(io.ui, live.routine, n, item.help).join('\n'));
    } else if (reply.cmd === 'note') {
      await addNote(live, io, ask, n.id);
    } else {
      return { kind: 'cmd' as const, cmd: reply.cmd };
    }
  }
  if (asked) sitting.skipped.delete(n.id);
  else sitting.skipped.add(n.id);
  return { kind: 'values' as const, values };
}

async function addNote(live: LiveSession, io: WalkIo, ask: Ask, node: string): Promise<void> {
  const text = await ask(noteSpec(io.ui));
  if (text === '') return;
  const e: SessionEvent = { t: 'noted', at: now(io), node, text };
  live.commit(e);
  io.out(io.ui.c.green(t(io.ui.lang, 'ia.note.saved')));
}

async function command(live: LiveSession, io: WalkIo, cmd: Cmd, sitting: Sitting): Promise<number | undefined> {
  if (cmd === 'pause') {
    io.out(stopLines(live, io, EXIT.ok));
    return EXIT.ok;
  }
  if (cmd !== 'back') return undefined;
  // One question back: the latest answered node on the path, its answer offered again. While
  // everything that can wait is left, a node left without a prompt would only be left again.
  const target = [...live.state.path].reverse().find((v) => v.input !== undefined && !(sitting.all && sitting.skipped.has(v.node)))?.node;
  if (target === undefined) {
    io.out(t(io.ui.lang, 'ia.back.none'));
    return undefined;
  }
  const refused = live.commit({ t: 'went_back', at: now(io), node: target });
  const n = live.routine.nodes.get(target);
  if (refused) io.err(t(io.ui.lang, 'ia.rejected', { reason: inputErrorText(io.ui.lang, refused) }));
  else if (n) io.out(io.ui.c.dim(wrap(t(io.ui.lang, 'ia.back.done', { question: nodeText(n, io.ui.lang) }), widthOf(io.ui)).join('\n')));
  return undefined;
}
