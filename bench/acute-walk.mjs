// The acute path of issue 9, driven in a real pseudo-terminal: the child routine with the police
// on site, a 15-year-old, and custody needed. Shared by `npm run bench` (bench/acute-path.mjs,
// which prints the counts) and tests/acute-path.test.ts (which holds them to the budget). No
// `bench()` export: bench/run.mjs skips this file.
//
// Driven by the node the session log says is current (replayed with the built engine), and an
// answer table keyed by node id, so a reordered routine is walked the same way. Nodes not in the
// table get a neutral answer (no, the first option, a short text, the default time). A prompt is
// one question or field on screen, counted by its key-hint line; waiting is for screen text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeferrable, laterNext } from '../dist/engine/later.js';
import { replay } from '../dist/engine/walk.js';
import { EventSchema } from '../dist/core/events.js';

export const ROUTINE = 'barn-utnyttjande';

/** Issue 9: the call within 12 prompts of the start, the finished checklist within 30 with every field left for later. */
export const BUDGET = { call: 12, checklist: 30 };

/**
 * Answers by node id: the full id first, then the last segment (so a module's nodes match wherever
 * it is included). `behov` is in two modules: the interpreter is not needed, care under LVU is.
 */
export const ANSWERS = {
  'tolk.behov': 'no',
  'omh.behov': 'yes',
  'akut-fara': 'no',
  arende: 'utnyttjande',
  alder: '15',
  'alder-osaker': 'no',
  utlandsk: 'no',
  redan: 'yes', // the police are on site
  bradskande: 'yes', // custody cannot wait
  utfall: 'omh',
  forsvinnande: 'yes',
  placering: 'jourhem',
  'lvu-14': 'no',
  'handrackning-behov': 'no',
  kanda: 'kanda',
  inblandade: 'nej', // the guardians are known and not suspected
  bedomning: 'oklart',
  'barn-anmalan': 'anmal',
};

/** The node whose screen tells the caseworker to call the on-call decision-maker. */
export const CALL = /(^|\.)beslutsfattare$/;
/** Its instruction on screen. */
export const CALL_TEXT = /Kontakta beslutsfattaren i beredskap/;

/** The parts a node asks, in order, as prompt kinds and field ids. */
function parts(n) {
  if (n.kind === 'question') return [{ kind: n.type }];
  if (n.kind === 'end') return [{ kind: 'end' }];
  if (n.kind === 'step') return (n.record ?? []).length ? n.record.map((f) => ({ kind: f.type ?? 'text', field: f.id })) : [{ kind: 'done' }];
  const out = [{ kind: 'text', field: 'decided_by' }];
  if (n.grounds) out.push({ kind: 'choice', field: 'ground' });
  out.push({ kind: 'datetime', field: 'decided_at' });
  if (n.carried_out) out.push({ kind: 'datetime', field: 'carried_out_at' });
  for (const f of n.record ?? []) out.push({ kind: f.type ?? 'text', field: f.id });
  return out;
}

const digit = (i) => String(i + 1);

/** The keys that answer one prompt, and how many key presses that is. */
function keysFor(r, n, part) {
  const want = ANSWERS[n.id] ?? ANSWERS[n.id.split('.').pop()];
  switch (part.kind) {
    case 'yesno': return { keys: `${digit((want ?? 'no') === 'yes' ? 0 : 1)}\r`, n: 2 };
    case 'choice': {
      const opts = part.field === 'ground' ? n.grounds : n.options;
      const i = Math.max(0, (opts ?? []).findIndex((o) => o.id === want));
      return { keys: `${digit(i)}\r`, n: 2 };
    }
    case 'multi': return { keys: ' \r', n: 2 };
    case 'number': return { keys: `${want ?? '15'}\r`, n: 2 };
    case 'datetime': return { keys: '\r', n: 1 };
    case 'text': { const v = part.field === 'decided_by' ? 'Ordf NN' : (want ?? 'x'); return { keys: `${v}\r`, n: v.length + 1 }; }
    default: return { keys: '\r', n: 1 };
  }
}

/** The arguments `start` is run with in the terminal. */
export const START_ARGS = ['--contacts', 'examples/contacts.yaml', 'start', ROUTINE, '--case', 'BENCH-1', '--worker', 'BE', '--practice'];

/**
 * Walks the acute path once in the terminal `term` (started with START_ARGS and JOUR_ROUTINE_DATA
 * = `data`): `term.waitFor(re)` resolves with the screen text since the previous wait, `term.send`
 * types. `deferAll`: `*` at the first prompt, so that everything that may be left "fyll i senare"
 * is left without being asked (fields, and questions no answer to which changes the way).
 *
 * Returns the prompt on which the call instruction appeared and its screen, the number of prompts
 * before the end (where the finished checklist is on screen) and that screen, the key presses,
 * each prompt (`trail`) and how many prompts were of each kind (`kinds`): a question, a part of a
 * decision (who, ground, times), a field the walk needs (a condition or a deadline reads it), a
 * field that could wait but was answered, `>` (left for later), a step confirmed as done.
 */
export async function walkAcute(r, term, data, deferAll) {
  let prompts = 0;
  let keys = 0;
  let toCall;
  let callScreen = '';
  let node;
  let part = 0;
  let seenEvents = 0;
  const trail = [];
  const kinds = {};
  if (deferAll) {
    // One key at the first prompt, as the first screen suggests; the same prompt is drawn again
    // and is counted once, below.
    await term.waitFor(/Bråttom\? \*[\s\S]*\? hjälp[^\n]*\n?/);
    term.send('*');
    keys++;
    await term.waitFor(/Allt som kan vänta fylls i senare/);
  }
  for (;;) {
    const screen = await term.waitFor(/\? hjälp[^\n]*\n?/);
    const dir = join(data, 'sessions');
    const file = readdirSync(dir).find((f) => f.endsWith('.jsonl'));
    const events = readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((l) => EventSchema.parse(JSON.parse(l)));
    const state = replay(r, events).state;
    const id = state.current ?? state.outcome;
    if (id !== node || events.length !== seenEvents) part = 0;
    node = id;
    seenEvents = events.length;
    const n = r.nodes.get(id);
    prompts++;
    // The call may be on a screen of its own or shown above the next prompt (its step asks
    // nothing the walk needs when everything that can wait is left for later).
    if (toCall === undefined && (CALL.test(id) || CALL_TEXT.test(screen))) { toCall = prompts; callScreen = screen; }
    if (n.kind === 'end') {
      // The finished checklist is on screen with the end; what remains is confirming it.
      term.send('\r');
      await term.waitFor(/--handover/);
      return { toCall, callScreen, toChecklist: prompts - 1, endScreen: screen, keys, trail, kinds };
    }
    // With everything that can wait left for later, only the parts the walk needs are asked.
    const ps = parts(n).filter((p) => !deferAll || !p.field || !isDeferrable(r, n, p.field));
    const k = keysFor(r, n, ps[part] ?? { kind: 'text' });
    trail.push(`${id}${ps[part]?.field ? `.${ps[part].field}` : ''}`);
    const mayWait = n.kind === 'question' && laterNext(r, n, state.path) !== undefined;
    const kind = n.kind === 'question' ? (mayWait ? 'question-may-wait' : 'question') : n.kind === 'decision' && !(n.record ?? []).some((f) => f.id === ps[part]?.field) ? 'decision'
      : ps[part]?.field && !isDeferrable(r, n, ps[part].field) ? 'needed' : ps[part]?.field ? 'field' : 'done';
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    part++;
    keys += k.n;
    term.send(k.keys);
    await term.waitFor(/✔[^\n]*/);
  }
}

/** The child routine as the built tool loads it (the bundled routines only). */
export async function loadAcuteRoutine() {
  const { openRegistry } = await import('../dist/routine/registry.js');
  const reg = openRegistry({ extraFolders: [], today: new Date().toISOString().slice(0, 10) });
  const r = reg.routines.get(ROUTINE)?.result.routine;
  if (!r) throw new Error(`${ROUTINE} does not load`);
  return r;
}
