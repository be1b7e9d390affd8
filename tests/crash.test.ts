// SIGKILL at 50 random points of a real interactive session (at a prompt, mid-typing, in the
// middle of a step's fields, or just after Enter). Each time the log must parse (at most a torn
// last line) and hold every answer the screen had moved past; some of them are then resumed for
// real, which also takes over the lock the killed process left behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replay } from '../src/engine/walk.js';
import { EventSchema } from '../src/core/events.js';
import { readSession } from '../src/session/store.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { KEY, spawnCli, type Term } from './helpers/pty.js';
import { routineFromFile } from './helpers/load-routine.js';

const RUNS = 50;
const PARALLEL = 3;
const FIXTURE = path.join(ROOT, 'tests/fixtures/walk/alla-typer.yaml');
const routine = routineFromFile(FIXTURE, { today: '2026-12-01' });

// Seeded, so that a failing run can be replayed: CRASH_SEED=<seed> npx vitest run tests/crash.test.ts
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
function rng(s: number) {
  let x = s || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return Math.abs(x) % n;
  };
}

interface Part { prompt: string; keys: string }
interface Plan { node: string; parts: Part[]; expected: Record<string, unknown> }

/** One random answer per node on the child's path, with the keys that give it and what the log must hold. */
function planFor(pick: (n: number) => number): Plan[] {
  const yes = pick(2) === 0;
  const place = pick(3);
  const age = pick(18);
  const signs = ['pengar', 'telefon', 'kontroll'].map(() => pick(2) === 0);
  if (!signs.some(Boolean)) signs[2] = true;
  const lang = pick(2) === 0 ? 'arabiska' : null;
  const report = pick(2) === 0 ? '5000-K77' : null;
  return [
    { node: 'fara', parts: [{ prompt: '? Är någon i akut fara?', keys: (yes ? '' : KEY.down) + KEY.enter }], expected: { value: yes ? 'yes' : 'no' } },
    { node: 'plats', parts: [{ prompt: '? Var påträffades personen?', keys: KEY.down.repeat(place) + KEY.enter }], expected: { value: ['lagenhet', 'hotell', 'bil'][place] } },
    { node: 'alder', parts: [{ prompt: '? Hur gammal är personen?', keys: `${age}\r` }], expected: { value: age } },
    {
      node: 'tecken',
      parts: [{ prompt: '? Vilka tecken på utnyttjande finns?', keys: signs.map((s) => (s ? KEY.space : '') + KEY.down).join('') + KEY.enter }],
      expected: { value: ['pengar', 'telefon', 'kontroll'].filter((_, i) => signs[i]) },
    },
    { node: 'tid', parts: [{ prompt: '? När påträffades personen?', keys: '2026-11-01 03:15\r' }], expected: { value: '2026-11-01T03:15:00+01:00' } },
    { node: 'sprak', parts: [{ prompt: '? Vilket språk talar personen?', keys: `${lang ?? '-'}\r` }], expected: { value: lang } },
    {
      node: 'polis',
      parts: [
        { prompt: '? Vem kontaktades', keys: 'Vakthavande befäl\r' },
        { prompt: '? När ringde du', keys: '1/11 2026 03:30\r' },
        { prompt: '? Diarienummer', keys: `${report ?? '-'}\r` },
      ],
      expected: { fields: { kontakt: 'Vakthavande befäl', ringt: '2026-11-01T03:30:00+01:00', diarienummer: report } },
    },
    {
      node: 'omh',
      parts: [
        { prompt: '? Vem fattade beslutet?', keys: 'Ordförande NN\r' },
        { prompt: '? På vilken grund?', keys: KEY.down + KEY.enter },
        { prompt: '? När fattades beslutet?', keys: '2026-11-01 04:00\r' },
        { prompt: '? När verkställdes beslutet?', keys: '-\r' },
      ],
      expected: { decided_by: 'Ordförande NN', ground: 'beteende', decided_at: '2026-11-01T04:00:00+01:00', carried_out_at: null },
    },
    { node: 'klart', parts: [{ prompt: '? Informera vårdnadshavarna', keys: KEY.enter }], expected: { fields: {} } },
  ];
}
const FINAL_PROMPT = '? Rutinen är genomgången';

const data = tempDir('jr-crash-');
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));
const env = { JOUR_ROUTINE_DATA: data };
const args = ['--routines', 'tests/fixtures/walk'];

interface Outcome { id: string; acked: Plan[]; tail: string }

async function killedRun(run: number): Promise<Outcome> {
  const pick = rng(seed * 101 + run);
  const plan = planFor(pick);
  const k = pick(plan.length); // nodes answered and acknowledged before the kill
  const tail = ['at-prompt', 'mid-typing', 'mid-node', 'in-flight'][pick(4)] as string;
  const term = spawnCli([...args, 'start', 'alla-typer', '--case', `K-${run}`, '--worker', 'AB'], env);
  try {
    const id = /Session ([a-z2-7]{10})/.exec(await term.waitFor(/Session [a-z2-7]{10}/))?.[1] as string;
    // The acknowledgement wait has already seen the next node's first prompt.
    let seen = false;
    const answer = async (p: Plan, parts = p.parts.length) => {
      for (const part of p.parts.slice(0, parts)) {
        if (!seen) await term.waitFor(part.prompt);
        seen = false;
        term.send(part.keys);
      }
    };
    for (let i = 0; i < k; i++) {
      await answer(plan[i] as Plan);
      // Acknowledged: the next node's prompt is on screen, so this answer must be on disk.
      await term.waitFor(plan[i + 1]?.parts[0]?.prompt ?? FINAL_PROMPT);
      seen = true;
    }
    const next = plan[k] as Plan;
    if (tail === 'mid-typing') term.send(next.parts[0]?.keys.slice(0, 3) ?? '');
    if (tail === 'mid-node') await answer(next, Math.max(1, next.parts.length - 1));
    if (tail === 'in-flight') {
      await answer(next);
      await new Promise((r) => setTimeout(r, pick(15)));
    }
    term.kill('SIGKILL');
    await term.exited;
    return { id, acked: plan.slice(0, k), tail };
  } finally {
    term.kill('SIGKILL');
  }
}

function checkLog(o: Outcome): void {
  const log = readSession(path.join(data, 'sessions'), o.id);
  if (!log.ok) throw new Error(`log of ${o.id} does not parse: ${log.error.kind}`);
  expect(log.value.warnings.length).toBeLessThanOrEqual(1);
  const events = log.value.events.map((e) => EventSchema.parse(e));
  const replayed = replay(routine as NonNullable<typeof routine>, events);
  expect(replayed?.rejected).toEqual([]);
  const pathNow = replayed?.state.path ?? [];
  o.acked.forEach((p, i) => {
    expect(pathNow[i]?.node, `run ${o.id} (${o.tail}) step ${i}`).toBe(p.node);
    expect(pathNow[i]?.input).toMatchObject(p.expected);
  });
  // An answer sent just before the kill may or may not have made it; nothing beyond it can have.
  expect(pathNow.filter((v) => v.input).length).toBeLessThanOrEqual(o.acked.length + 1);
}

async function resumed(o: Outcome): Promise<void> {
  const term: Term = spawnCli([...args, 'resume', o.id], env);
  try {
    const screen = await term.waitFor(/\n\? \S/);
    expect(screen).not.toContain('öppen i ett annat fönster');
    o.acked.forEach((p, i) => {
      const n = routine?.nodes.get(p.node);
      const text = n?.kind === 'question' ? n.question.sv : n?.kind === 'step' ? n.step.sv : n?.kind === 'decision' ? n.decision.sv : '';
      expect(screen).toContain(`${i + 1}. ${text} →`);
    });
    term.send(KEY.ctrlC);
    expect((await term.exited).code).toBe(130);
  } finally {
    term.kill('SIGKILL');
  }
}

describe('a session killed at any point', () => {
  it(`keeps every acknowledged answer over ${RUNS} kills, and resumes after a kill (seed ${seed})`, async () => {
    let next = 0;
    const worker = async () => {
      while (next < RUNS) {
        const run = next++;
        const o = await killedRun(run);
        checkLog(o);
        if (run % 5 === 0) {
          await resumed(o);
          checkLog(o);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    expect(fs.readdirSync(path.join(data, 'sessions')).filter((f) => f.endsWith('.jsonl'))).toHaveLength(RUNS);
  }, 240_000);
});
