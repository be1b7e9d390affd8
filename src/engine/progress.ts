// "steg 5 · minst 3 kvar": the fewest nodes still to answer before an end, given what is already
// answered. A branch whose condition reads only answers already on the path is decided now, so a
// route that is already ruled out (an adult's end for a 15-year-old) does not shorten the count;
// a condition that reads anything still unanswered may go either way. The count is therefore a
// true lower bound: it can drop by at most one per answer, never promise 1 and then say 20.
import { resolveRef, type CCondition, type CompiledRoutine } from '../routine/model.js';
import { evaluate, type Lookup } from './conditions.js';
import { lookupIn, type WalkState } from './walk.js';

/**
 * A condition in three values: true or false when the answers on the path decide it, undefined
 * while it depends on something still unanswered (`all` is false once one part is false, `any`
 * true once one part is true, as in Kleene's logic).
 */
function decided(c: CCondition, settled: (ref: string) => boolean, lookup: Lookup): boolean | undefined {
  if ('all' in c) {
    const v = c.all.map((x) => decided(x, settled, lookup));
    return v.includes(false) ? false : v.every((x) => x === true) ? true : undefined;
  }
  if ('any' in c) {
    const v = c.any.map((x) => decided(x, settled, lookup));
    return v.includes(true) ? true : v.every((x) => x === false) ? false : undefined;
  }
  if ('not' in c) {
    const v = decided(c.not, settled, lookup);
    return v === undefined ? undefined : !v;
  }
  if ('const' in c) return c.const;
  return settled(c.q) ? evaluate(c, lookup) : undefined;
}

export function remainingFrom(r: CompiledRoutine, s: WalkState): number {
  const from = s.current;
  if (from === null) return 0;
  const answered = new Set(s.path.filter((v) => v.input).map((v) => v.node));
  const lookup = lookupIn(s.path);
  const settled = (ref: string) => {
    const hit = resolveRef(r.nodes, ref);
    return hit !== undefined && answered.has(hit.node.id) && hit.node.id !== from;
  };
  /** Where a node may lead: routes whose condition is not already known to be false. */
  const nextOf = (id: string): string[] => {
    const n = r.nodes.get(id);
    if (!n) return [];
    const out: string[] = [];
    let fallThrough = true;
    for (const rt of n.routes) {
      const holds = rt.when === undefined ? undefined : decided(rt.when, settled, lookup);
      if (holds === false) continue;
      if (holds === true) {
        // A settled branch that holds and leads somewhere is taken: nothing after it (first wins).
        if (rt.next !== undefined && rt.answer === undefined) {
          out.push(rt.next);
          fallThrough = false;
          break;
        }
      }
      if (rt.next !== undefined) out.push(rt.next);
    }
    if (fallThrough && n.next !== undefined) out.push(n.next);
    return out;
  };
  const dist = new Map<string, number>([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift() as string;
    const n = r.nodes.get(id);
    if (!n) continue;
    if (n.kind === 'end') return dist.get(id) as number;
    for (const next of nextOf(id)) {
      if (!dist.has(next)) {
        dist.set(next, (dist.get(id) as number) + 1);
        queue.push(next);
      }
    }
  }
  return 0;
}
