// The acute path of issue 9, measured in a real pseudo-terminal: the child routine with the
// police on site, a 15-year-old, and custody needed. Prints how many prompts it takes until the
// instruction to call the on-call decision-maker is on screen, and how many until the finished
// checklist, (a) answering every field and (b) leaving every "fyll i senare" field for later.
//
// Driven by the node the session log says is current (replayed with the built engine), and an
// answer table keyed by node id, so a reordered routine is walked the same way. Nodes not in the
// table get a neutral answer (no, the first option, a short text, the default time).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';
import { isDeferrable } from '../dist/engine/later.js';
import { replay } from '../dist/engine/walk.js';
import { openRegistry } from '../dist/routine/registry.js';
import { EventSchema } from '../dist/core/events.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROUTINE = 'barn-utnyttjande';

/**
 * Answers by node id: the full id first, then the last segment (so a module's nodes match wherever
 * it is included). `behov` is in two modules: the interpreter is not needed, care under LVU is.
 */
const ANSWERS = {
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
const CALL = /(^|\.)beslutsfattare$/;

const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const strip = (s) => s.replace(ANSI, '').replace(/\r/g, '');

function term(args, env) {
  const pty = spawn(process.execPath, [join(ROOT, 'bin/jour-routine'), ...args], {
    name: 'xterm-256color', cols: 100, rows: 40, cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'sv_SE.UTF-8', NO_COLOR: '1', ...env },
  });
  let raw = '';
  let mark = 0;
  let exited = false;
  const waiters = new Set();
  pty.onData((d) => { raw += d; for (const w of [...waiters]) w(); });
  pty.onExit(() => { exited = true; for (const w of [...waiters]) w(); });
  const waitFor = (re) => new Promise((res, rej) => {
    const check = () => {
      const hay = strip(raw).slice(mark);
      const m = re.exec(hay);
      if (m) { waiters.delete(check); clearTimeout(timer); mark += m.index + m[0].length; res(m[0]); }
      else if (exited) { waiters.delete(check); clearTimeout(timer); rej(new Error(`exited before ${re}:\n${hay.slice(-800)}`)); }
    };
    const timer = setTimeout(() => { waiters.delete(check); rej(new Error(`no ${re} on screen:\n${strip(raw).slice(mark).slice(-800)}`)); }, 30_000);
    waiters.add(check);
    check();
  });
  return { waitFor, send: (k) => pty.write(k), kill: () => { if (!exited) pty.kill(); }, text: () => strip(raw) };
}

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

/** The keys that answer one prompt. */
function keysFor(r, n, part, deferAll) {
  if (deferAll && part.field && isDeferrable(r, n, part.field)) return { keys: '>', n: 1 };
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

async function walkOnce(r, deferAll) {
  const data = mkdtempSync(join(tmpdir(), 'jr-bench-acute-'));
  const t = term(['--contacts', 'examples/contacts.yaml', 'start', ROUTINE, '--case', 'BENCH-1', '--worker', 'BE', '--practice'], { JOUR_ROUTINE_DATA: data });
  try {
    let prompts = 0;
    let keys = 0;
    let toCall;
    let node;
    let part = 0;
    let seenEvents = 0;
    for (;;) {
      await t.waitFor(/\? hjälp[^\n]*\n?/);
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
      if (toCall === undefined && CALL.test(id)) toCall = prompts;
      if (n.kind === 'end') {
        // The finished checklist is on screen with the end; what remains is confirming it.
        t.send('\r');
        await t.waitFor(/--handover/);
        return { toCall, toChecklist: prompts - 1, keys };
      }
      const ps = parts(n);
      const k = keysFor(r, n, ps[part] ?? { kind: 'text' }, deferAll);
      part++;
      // `>` leaves the node's following deferrable fields for later too.
      if (k.keys === '>') while (ps[part]?.field && isDeferrable(r, n, ps[part].field)) part++;
      keys += k.n;
      t.send(k.keys);
      await t.waitFor(/✔[^\n]*/);
    }
  } finally {
    t.kill();
    rmSync(data, { recursive: true, force: true });
  }
}

export async function bench() {
  const reg = openRegistry({ extraFolders: [], today: new Date().toISOString().slice(0, 10) });
  const r = reg.routines.get(ROUTINE)?.result.routine;
  if (!r) throw new Error(`${ROUTINE} does not load`);
  const all = await walkOnce(r, false);
  const later = await walkOnce(r, true);
  const row = (label, a, b) => `${label.padEnd(58)}${String(a ?? '–').padStart(8)}${String(b ?? '–').padStart(12)}`;
  return [
    `${ROUTINE}, police on site, 15 years old, custody needed (prompts; issue 9 budget: 12 / 30)`,
    row('', 'all', 'fyll senare'),
    row('prompts until "call the on-call decision-maker" is shown', all.toCall, later.toCall),
    row('prompts until the finished checklist', all.toChecklist, later.toChecklist),
    row('key presses until the finished checklist', all.keys, later.keys),
  ];
}
