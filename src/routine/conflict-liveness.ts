// Which facts a node can still use (conflict check): the answers tested at it or anywhere after
// it, and the items and options whose partners can still join the path. Facts outside a node's
// mask are dropped on arrival, as a compiler drops dead variables.
import { successors } from './check-graph.js';
import type { FactBits } from './conflict-bits.js';
import { branchLeaves } from './conflict-conditions.js';
import { WIDE } from './conflict-facts.js';
import type { Pairs } from './conflict-pairs.js';
import type { CompiledRoutine } from '../core/model.js';

/** The live bits of each node, WIDE included. */
export function liveMasks(r: CompiledRoutine, pairs: Pairs, bits: FactBits): Map<string, bigint> {
  const ids = [...r.nodes.keys()];
  const preds = new Map<string, string[]>();
  for (const n of r.nodes.values()) for (const s2 of successors(n)) preds.set(s2, [...(preds.get(s2) ?? []), n.id]);
  const tested = new Map<string, bigint>();
  const added = new Map<string, Set<string>>();
  for (const n of r.nodes.values()) {
    let tests = 0n;
    for (const l of branchLeaves(n)) tests |= bits.tracked.get(l.q)?.all ?? 0n;
    tested.set(n.id, tests);
    const keys = new Set<string>();
    for (const id of [...n.checklist, ...n.routes.flatMap((rt) => rt.checklist)]) if (pairs.has(`item:${id}`)) keys.add(`item:${id}`);
    if (n.kind === 'question') for (const o of n.options ?? []) if (pairs.has(`option:${n.id}=${o.id}`)) keys.add(`option:${n.id}=${o.id}`);
    added.set(n.id, keys);
  }
  // Backward fixpoint: what is tested, or can be added, at a node or anywhere after it.
  const liveTests = new Map<string, bigint>(ids.map((id) => [id, tested.get(id) ?? 0n]));
  const addable = new Map<string, Set<string>>(ids.map((id) => [id, new Set(added.get(id))]));
  const queue = [...ids];
  const queued = new Set(queue);
  while (queue.length) {
    const id = queue.pop() as string;
    queued.delete(id);
    const lt = liveTests.get(id) as bigint;
    const ad = addable.get(id) as Set<string>;
    for (const p of preds.get(id) ?? []) {
      const plt = liveTests.get(p) as bigint;
      const pad = addable.get(p) as Set<string>;
      let changed = (plt | lt) !== plt;
      if (changed) liveTests.set(p, plt | lt);
      for (const k of ad) if (!pad.has(k)) (pad.add(k), (changed = true));
      if (changed && !queued.has(p)) (queue.push(p), queued.add(p));
    }
  }
  const liveMask = new Map<string, bigint>();
  for (const id of ids) {
    let mask = WIDE | (liveTests.get(id) as bigint);
    const ad = addable.get(id) as Set<string>;
    for (const [key, partners] of pairs) {
      if ([...partners].some((p) => ad.has(p))) mask |= bits.bitsOfKey.get(key) ?? 0n;
    }
    liveMask.set(id, mask);
  }
  return liveMask;
}
