// Time per answer in a session whose log already holds 500 events (issue 3), in-process through
// the built modules: what an answer costs while walking (engine apply + append with fsync), and
// what opening such a session costs (read + validate + replay), as `resume` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apply, initialState, replay } from '../dist/engine/walk.js';
import { loadRoutine } from '../dist/routine/load.js';
import { readFileSafe } from '../dist/routine/registry.js';
import { EventSchema } from '../dist/core/events.js';
import { appendEvent, createSession, readSession } from '../dist/session/store.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = 500;
const REPS = Number(process.env.BENCH_REPS ?? 50);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const us = (x) => (x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(0)} µs`);

// Three answers and a step back, over and over: a caseworker changing their mind, 125 times.
const CYCLE = [
  (at) => ({ t: 'answered', at, node: 'fara', value: 'yes' }),
  (at) => ({ t: 'answered', at, node: 'plats', value: 'bil' }),
  (at) => ({ t: 'answered', at, node: 'alder', value: 15 }),
  (at) => ({ t: 'went_back', at, node: 'fara' }),
];

export async function bench() {
  const r = loadRoutine(join(ROOT, 'tests/fixtures/walk/alla-typer.yaml'), { readFile: readFileSafe, references: new Map(), today: '2026-12-01' }).routine;
  if (!r) throw new Error('fixture routine does not load');
  const dir = mkdtempSync(join(tmpdir(), 'jr-bench-walk-'));
  try {
    const at = () => new Date().toISOString();
    const started = { t: 'started', v: 1, at: at(), session: 'x', routine: { id: r.id, version: r.version, hash: r.hash }, case_ref: 'B', worker: 'BE', practice: true, lang: 'sv', tool_version: 'bench' };
    const made = createSession(dir, (id) => ({ ...started, session: id }));
    if (!made.ok) throw new Error('cannot create a session');
    const id = made.value.id;
    let state = initialState(r, started);
    let i = 0;
    const step = () => {
      const e = CYCLE[i++ % CYCLE.length](at());
      const res = apply(r, state, e);
      if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.error)}`);
      const w = appendEvent(dir, id, e);
      if (!w.ok) throw new Error(`append failed: ${w.error.kind}`);
      state = res.state;
    };
    while (state.events.length < EVENTS) step();

    const answer = [];
    const open = [];
    for (let k = 0; k < REPS; k++) {
      let t0 = performance.now();
      step();
      answer.push(performance.now() - t0);
      t0 = performance.now();
      const log = readSession(dir, id);
      if (!log.ok) throw new Error('cannot read the log');
      const events = log.value.events.map((e) => EventSchema.parse(e));
      const replayed = replay(r, events);
      if (!replayed || replayed.rejected.length) throw new Error('replay refused events');
      open.push(performance.now() - t0);
    }
    const [a, o] = [median(answer), median(open)];
    const row = (label, x) => `${label.padEnd(62)}${us(x).padStart(9)}`;
    return [
      row(`answer, ${EVENTS}–${EVENTS + REPS} events in the log (apply + append + fsync)`, a),
      row(`open the session (read + validate + replay ${EVENTS}+ events)`, o),
      row('first answer after a resume (both)', a + o),
      `median of ${REPS}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
