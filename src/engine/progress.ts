// "steg 5 · minst 3 kvar": the fewest nodes still to answer before an end, given what is already
// answered. A branch whose condition reads only answers already on the path is decided now, so a
// route that is already ruled out (an adult's end for a 15-year-old) does not shorten the count;
// a condition that reads anything still unanswered may go either way. The count is therefore a
// true lower bound: it can drop by at most one per answer, never promise 1 and then say 20.
import { resolveRef, type CCondition, type CompiledRoutine } from '../routine/model.js';
import { evaluate } from './conditions.js';
import { lookupIn, type WalkState } from './walk.js';

function refsOf(c: CCondition, out: string[] = []): string[] {
  if ('all' in c) c.all.forEach((x) => refsOf(x, out));
  else if ('any' in c) c.any.forEach((x) => refsOf(x, out));
  else if ('not' in c) refsOf(c.not, out);
  else if ('q' in c) out.push(c.q);
  return out;
}

export function remainingFrom(r: CompiledRoutine, s: WalkState): number {
  const from = s.current;
  if (from === null) return 0;
  const answered = new Set(s.path.filter((v) => v.input).map((v) => v.node));
  const lookup = lookupIn(s.path);
  const settled = (c: CCondition) => refsOf(c).every((ref) => {
    const hit = resolveRef(r.nodes, ref);
    return hit !== undefined && answered.has(hit.node.id) && hit.node.id !== from;
  });
  /** Where a node may lead: routes whose condition is not already known to be false. */
  const nextOf = (id: string): string[] => {
    const n = r.nodes.get(id);
    if (!n) return [];
    const out: string[] = [];
    let fallThrough = true;
    for (const rt of n.routes) {
      if (rt.when !== undefined && settled(rt.when)) {
        if (!evaluate(rt.when, lookup)) continue;
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
