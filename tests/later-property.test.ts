// "Fyll i senare" holds for every path, not for one example: on random walks of the three bundled
// routines, leaving everything that may wait for later and filling it in afterwards gives the
// same path, the same checklist and the same deadlines as answering at once; while it waits,
// nothing that must be done now is missing and every item it may add is named. Pure: the engine
// only (fast-check draws the answers; a failure prints the seed and the shrunk walk).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deferredFields, isDeferrable, laterNext, mayAdd, recordOf } from '../src/engine/later.js';
import { deriveChecklist } from '../src/engine/checklist.js';
import { apply, initialState, type WalkState } from '../src/engine/walk.js';
import type { CNode, CompiledRoutine } from '../src/core/model.js';
import type { AnswerValue, InputEvent, SessionEvent, Started } from '../src/core/events.js';
import { bundledReferences, routineFromFile } from './helpers/load-routine.js';

const TODAY = '2026-12-02';
const ROUTINES = ['barn-utnyttjande', 'vuxen-manniskohandel', 'vuxen-sex-mot-ersattning'].map((id) =>
  routineFromFile(`routines/${id}.yaml`, { references: bundledReferences(), today: TODAY }),
);

const at = (i: number) => new Date(Date.UTC(2026, 11, 2, 1, 0) + i * 60_000).toISOString();

function startedOf(r: CompiledRoutine): Started {
  return { t: 'started', v: 1, at: at(0), session: 's', routine: { id: r.id, version: r.version, hash: r.hash }, case_ref: 'K', worker: 'AB', practice: false, lang: 'sv', tool_version: 't' };
}

function must(r: CompiledRoutine, s: WalkState, e: SessionEvent): WalkState {
  const res = apply(r, s, e);
  if (!res.ok) throw new Error(`${e.t} ${'node' in e ? e.node : ''}: ${JSON.stringify(res.error)}`);
  return res.state;
}

/** A valid answer to a question, chosen by `pick` (a number in [0, 1)). */
function answerOf(n: Extract<CNode, { kind: 'question' }>, pick: number, i: number): AnswerValue {
  const options = n.type === 'yesno' ? ['yes', 'no'] : (n.options ?? []).map((o) => o.id);
  const k = Math.floor(pick * Math.max(1, options.length));
  switch (n.type) {
    case 'yesno':
    case 'choice':
      return options[k] ?? null;
    case 'multi': {
      const ticked = options.filter((_, j) => (Math.floor(pick * 2 ** options.length) >> j) & 1);
      return ticked.length || n.optional ? ticked : options.slice(0, 1);
    }
    case 'number':
      return Math.max(n.min ?? 0, Math.min(n.max ?? 99, Math.floor(pick * 30)));
    case 'datetime':
      return at(i);
    case 'text':
      return 'x';
  }
}

function fieldValue(type: string | undefined, pick: number, i: number): string | number {
  if (type === 'yesno') return pick < 0.5 ? 'yes' : 'no';
  if (type === 'number') return Math.floor(pick * 10);
  if (type === 'datetime') return at(i);
  return 'x';
}

/** The input for the current node, with every part answered. */
function fullInput(n: CNode, picks: number[], i: number): InputEvent {
  const pick = picks[i % picks.length] ?? 0.5;
  const fields = Object.fromEntries(recordOf(n).map((f, k) => [f.id, fieldValue(f.type, picks[(i + k + 1) % picks.length] ?? 0.5, i)]));
  if (n.kind === 'question') return { t: 'answered', at: at(i), node: n.id, value: answerOf(n, pick, i) };
  if (n.kind === 'step') return { t: 'recorded', at: at(i), node: n.id, fields };
  if (n.kind === 'decision') {
    return {
      t: 'decided', at: at(i), node: n.id, decided_by: 'Ordf', ground: n.grounds?.[Math.floor(pick * n.grounds.length)]?.id ?? null,
      decided_at: at(i), carried_out_at: n.carried_out ? at(i) : null, fields,
    };
  }
  throw new Error(`no input for ${n.id}`);
}

/** The same input with everything that may wait left for later, or undefined if nothing may. */
function laterInput(r: CompiledRoutine, s: WalkState, n: CNode, full: InputEvent): InputEvent | undefined {
  if (full.t === 'answered') return laterNext(r, n, s.path, full.at) !== undefined ? { ...full, value: null, later: true } : undefined;
  const later = recordOf(n).filter((f) => isDeferrable(r, n, f.id)).map((f) => f.id);
  if (!later.length) return undefined;
  return { ...full, fields: { ...full.fields, ...Object.fromEntries(later.map((id) => [id, null])) }, later };
}

interface Walked {
  direct: WalkState;
  deferred: WalkState;
  /** The deferred walk before anything was filled in. */
  waiting: WalkState;
  fills: SessionEvent[];
}

/** Walks `r` twice with the same answers: answered at once, and with everything that may wait left. */
function walkTwice(r: CompiledRoutine, picks: number[]): Walked {
  let direct = initialState(r, startedOf(r));
  let deferred = direct;
  const fills: SessionEvent[] = [];
  for (let i = 1; i < 80 && direct.current !== null; i++) {
    const n = r.nodes.get(direct.current) as CNode;
    expect(deferred.current).toBe(direct.current);
    const full = fullInput(n, picks, i);
    direct = must(r, direct, full);
    const later = laterInput(r, deferred, n, full);
    deferred = must(r, deferred, later ?? full);
    if (later?.t === 'answered' && full.t === 'answered') fills.push({ t: 'completed', at: at(100 + i), node: n.id, fields: {}, value: full.value });
    else if (later && later.t !== 'answered' && full.t !== 'answered') {
      fills.push({ t: 'completed', at: at(100 + i), node: n.id, fields: Object.fromEntries((later.later ?? []).map((id) => [id, full.fields[id] ?? null])) });
    }
  }
  const waiting = deferred;
  for (const e of fills) deferred = must(r, deferred, e);
  return { direct, deferred, waiting, fills };
}

const itemsOf = (s: WalkState) => new Set(s.path.flatMap((v) => v.items));
const deadlinesOf = (r: CompiledRoutine, s: WalkState) =>
  deriveChecklist(r, s, TODAY).map((e) => [e.item.id, e.deadline && 'legal' in e.deadline ? e.deadline.legal : e.deadline ? 'waiting' : null]).sort();

describe('fyll i senare on every path of the bundled routines', () => {
  for (const r of ROUTINES) {
    it(`${r.id}: waiting and filling in afterwards ends where answering at once does`, () => {
      fc.assert(
        fc.property(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 8, maxLength: 40 }), (picks) => {
          const { direct, deferred, waiting } = walkTwice(r, picks);
          // The same way, the same end, the same checklist and deadlines.
          expect(deferred.path.map((v) => v.node)).toEqual(direct.path.map((v) => v.node));
          expect(deferred.outcome).toBe(direct.outcome);
          expect(itemsOf(deferred)).toEqual(itemsOf(direct));
          expect(deadlinesOf(r, deferred)).toEqual(deadlinesOf(r, direct));
          expect(deferredFields(r, deferred)).toEqual([]);
          // While it waits: every item to do now is already on the list, and every item still
          // missing is one that what waits may add.
          const now = itemsOf(waiting);
          const named = new Set(deferredFields(r, waiting).flatMap((d) => mayAdd(r, waiting, d).map((i) => i.id)));
          for (const id of itemsOf(direct)) {
            if (now.has(id)) continue;
            expect(r.checklist.get(id)?.urgency, id).not.toBe('now');
            expect(named.has(id), `${id} is missing while fields wait and is not named as one they may add`).toBe(true);
          }
          // Nothing waiting adds an item that answering at once would not have.
          for (const id of now) expect(itemsOf(direct).has(id), id).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }
});
