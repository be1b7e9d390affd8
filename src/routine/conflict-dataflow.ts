// The dataflow of the conflict check: from the start node, each node receives the distinct fact
// sets that can reach it, forks them on its answers and on branch conditions it cannot judge, and
// passes them on. Past STATES_PER_NODE sets a node widens: everything that reaches it is merged
// into one set, which may report a conflict no real walk can produce but never misses one.
import { successors } from './check-graph.js';
import type { FactBits } from './conflict-bits.js';
import { answerChoices, MAX_FORK_BITS, type Choice } from './conflict-choices.js';
import { evalCondition, UNKNOWN } from './conflict-conditions.js';
import { WIDE } from './conflict-facts.js';
import type { Report } from './conflict-report.js';
import type { CCondition, CNode, CompiledRoutine, Route } from '../core/model.js';

/** Fact sets kept per node before they are merged into one (sound, less precise). */
export const STATES_PER_NODE = 1024;

export function runDataflow(r: CompiledRoutine, bits: FactBits, liveMask: Map<string, bigint>, report: Report): void {
  const { itemBits, trackedByNode } = bits;
  const states = new Map<string, Set<bigint>>();
  const wide = new Map<string, bigint>();
  const work: [string, bigint][] = [];
  const arrive = (id: string, full: bigint) => {
    if (!r.nodes.has(id)) return;
    const f = full & (liveMask.get(id) as bigint);
    const w = wide.get(id);
    if (w !== undefined) {
      const merged = w | f | WIDE;
      if (merged !== w) {
        wide.set(id, merged);
        work.push([id, merged]);
      }
      return;
    }
    let set = states.get(id);
    if (!set) states.set(id, (set = new Set()));
    if (set.has(f)) return;
    set.add(f);
    if (set.size > STATES_PER_NODE) {
      let merged = WIDE;
      for (const x of set) merged |= x;
      wide.set(id, merged);
      work.push([id, merged]);
      return;
    }
    work.push([id, f]);
  };

  /** Every combination of the tracked answers this node records, applied to f. */
  const withAnswers = (n: CNode, f: bigint): bigint[] => {
    let out: bigint[] = [f];
    for (const t of trackedByNode.get(n.id) ?? []) {
      if (t.ref === n.id) continue; // the question's own answer is forked with its routes below
      const next: bigint[] = [];
      for (const g of out) {
        for (const v of t.values) next.push((g & ~t.all) | (v === '' ? 0n : (t.bits.get(v) as bigint)));
      }
      out = next;
    }
    return out;
  };

  const choiceCache = new Map<string, Choice[]>();
  const branchCache = new Map<string, Route[]>();
  const choicesOf = (n: CNode): Choice[] => {
    let c = choiceCache.get(n.id);
    if (!c) choiceCache.set(n.id, (c = answerChoices(n, bits.optionBit)));
    return c;
  };

  const step = (n: CNode, f0: bigint) => {
    if (n.kind === 'end') {
      report(f0 | (itemBits.get(n) ?? 0n), n.id);
      return;
    }
    const own = trackedByNode.get(n.id)?.find((t) => t.ref === n.id);
    for (const f1 of withAnswers(n, f0)) {
      for (const choice of choicesOf(n)) {
        let f = f1 | (itemBits.get(n) ?? 0n) | choice.option;
        if (own) {
          const v = choice.value;
          f = (f & ~own.all) | (v === undefined ? 0n : (own.bits.get(v) ?? 0n));
        }
        let next: string | undefined;
        for (const rt of n.routes) {
          if (rt.answer === undefined || !choice.hit(rt)) continue;
          f |= itemBits.get(rt) ?? 0n;
          if (next === undefined && rt.next !== undefined) next = rt.next;
        }
        let branches = branchCache.get(n.id);
        if (!branches) branchCache.set(n.id, (branches = n.routes.filter((rt) => rt.when !== undefined)));
        const verdicts = branches.map((rt) => evalCondition(rt.when as CCondition, f, bits.tracked));
        const open = verdicts.map((v, i) => (v === UNKNOWN ? i : -1)).filter((i) => i >= 0);
        const combos = open.length > MAX_FORK_BITS ? [-1] : Array.from({ length: 1 << open.length }, (_, m) => m);
        for (const m of combos) {
          let g = f;
          let to = next;
          branches.forEach((rt, i) => {
            const k = open.indexOf(i);
            // Past the fork limit every unknown branch counts as taken for its items (sound), and
            // the walk may go to any of their targets.
            const taken = verdicts[i] === 1 || (k >= 0 && (m === -1 || (m & (1 << k)) !== 0));
            if (!taken) return;
            g |= itemBits.get(rt) ?? 0n;
            if (to === undefined && rt.next !== undefined && m !== -1) to = rt.next;
          });
          report(g, n.id);
          if (m === -1) {
            for (const s of successors(n)) arrive(s, g);
            continue;
          }
          const dest = to ?? n.next;
          if (dest !== undefined) arrive(dest, g);
        }
      }
    }
  };

  arrive(r.start, 0n);
  while (work.length) {
    const [id, f] = work.pop() as [string, bigint];
    const w = wide.get(id);
    if (w !== undefined && f !== w) continue; // superseded by a wider fact set
    step(r.nodes.get(id) as CNode, f);
  }
}
