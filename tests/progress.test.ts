// "steg 3 · 2–30 kvar": whatever is answered, the range shown next lies inside the one shown before,
// one step shorter. Random walks through every bundled routine, each answer drawn at random.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remainingRange } from '../src/engine/progress.js';
import { apply, initialState, type WalkState } from '../src/engine/walk.js';
import type { CNode } from '../src/core/model.js';
import type { SessionEvent, Started } from '../src/core/events.js';
import { bundledReferences, routineFromFile } from './helpers/load-routine.js';

const references = bundledReferences();
const load = (file: string) => routineFromFile(`routines/${file}`, { references, today: '2026-12-01' });
const at = '2026-12-03T02:10:00.000Z';

/** One event for the node, its choices taken from `pick` (a number in [0, 1)). */
function eventFor(n: CNode, pick: () => number): SessionEvent {
  const choose = <T>(xs: readonly T[]): T => xs[Math.floor(pick() * xs.length)] as T;
  const fields = Object.fromEntries(
    (n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : []).map((f) => [
      f.id,
      f.type === 'datetime' ? at : f.type === 'number' ? 1 : f.type === 'yesno' ? choose(['yes', 'no']) : 'x',
    ]),
  );
  if (n.kind === 'question') {
    const ids = (n.options ?? []).map((o) => o.id);
    const value =
      n.type === 'yesno' ? choose(['yes', 'no']) : n.type === 'choice' ? choose(ids) : n.type === 'multi' ? [choose(ids)]
        : n.type === 'number' ? Math.round((n.min ?? 0) + pick() * ((n.max ?? 30) - (n.min ?? 0))) : n.type === 'datetime' ? at : 'x';
    return { t: 'answered', at, node: n.id, value };
  }
  if (n.kind === 'step') return { t: 'recorded', at, node: n.id, fields };
  const ground = n.kind === 'decision' && n.grounds ? choose(n.grounds.map((g) => g.id)) : null;
  return { t: 'decided', at, node: n.id, decided_by: 'NN', ground, decided_at: at, carried_out_at: null, fields };
}

describe('progress on the screen', () => {
  for (const file of ['barn-utnyttjande.yaml', 'vuxen-manniskohandel.yaml', 'vuxen-sex-mot-ersattning.yaml']) {
    const r = load(file);
    it(`${r.id}: each range lies within the one before, one step shorter, on every random walk`, () => {
      const started: Started = {
        t: 'started', v: 1, at, session: 's', routine: { id: r.id, version: r.version, hash: r.hash }, case_ref: 'K', worker: 'AB', practice: false, lang: 'sv', tool_version: 't',
      };
      fc.assert(
        fc.property(fc.infiniteStream(fc.double({ min: 0, max: 0.999999, noNaN: true })), (stream) => {
          const it = stream[Symbol.iterator]();
          const pick = () => it.next().value as number;
          let s: WalkState = initialState(r, started);
          let prev = remainingRange(r, s);
          let steps = 0;
          for (let guard = 0; s.current !== null && guard < 300; guard++) {
            const res = apply(r, s, eventFor(r.nodes.get(s.current) as CNode, pick));
            if (!res.ok) return; // an answer this routine refuses (a number out of range): not a walk
            s = res.state;
            steps++;
            const now = remainingRange(r, s);
            expect(now.min, `after ${steps} answers`).toBeGreaterThanOrEqual(prev.min - 1);
            if (prev.max !== undefined) expect(now.max, `after ${steps} answers`).toBeLessThanOrEqual(prev.max - 1);
            prev = now;
          }
          expect(s.current).toBeNull();
        }),
        { numRuns: 150 },
      );
    });
  }
});
