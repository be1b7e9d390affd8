// "steg 5 · 3–12 kvar": the fewest and the most nodes still to answer before an end, given what is
// already answered. A branch whose condition reads only answers already on the path is decided
// now, so a route that is already ruled out (an adult's end for a 15-year-old) is not counted; a
// condition that reads anything still unanswered may go either way. Every answer can only narrow
// the routes that remain, so each range lies within the one before it, one step shorter: the
// screen never says "2 kvar" and then "23 kvar" (it said "2–30" first).
import { resolveRef, type CCondition, type CompiledRoutine } from '../core/model.js';
import { evaluate, type Lookup } from '../core/conditions.js';
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

export interface Remaining {
  min: number;
  /** Undefined when a loop lies ahead, so the most cannot be told. */
  max: number | undefined;
}

export function remainingFrom(r: CompiledRoutine, s: WalkState): number {
  return remainingRange(r, s).min;
}

export function remainingRange(r: CompiledRoutine, s: WalkState): Remaining {
  const from = s.current;
  if (from === null) return { min: 0, max: 0 };
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
  let min = 0;
  while (queue.length) {
    const id = queue.shift() as string;
    const n = r.nodes.get(id);
    if (!n) continue;
    if (n.kind === 'end') {
      min = dist.get(id) as number;
      break;
    }
    for (const next of nextOf(id)) {
      if (!dist.has(next)) {
        dist.set(next, (dist.get(id) as number) + 1);
        queue.push(next);
      }
    }
  }
  return { min, max: longest(from, nextOf, (id) => r.nodes.get(id)?.kind === 'end') };
}

/** The longest route to an end, iteratively (deep routines must not overflow the stack); undefined on a loop. */
function longest(from: string, nextOf: (id: string) => string[], isEnd: (id: string) => boolean): number | undefined {
  const memo = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: { id: string; next: string[]; i: number }[] = [{ id: from, next: nextOf(from), i: 0 }];
  onStack.add(from);
  while (stack.length) {
    const top = stack[stack.length - 1] as { id: string; next: string[]; i: number };
    if (isEnd(top.id) || top.i >= top.next.length) {
      let best = isEnd(top.id) ? 0 : -Infinity;
      if (!isEnd(top.id)) for (const n of top.next) best = Math.max(best, (memo.get(n) ?? -Infinity) + 1);
      memo.set(top.id, best);
      onStack.delete(top.id);
      stack.pop();
      continue;
    }
    const n = top.next[top.i++] as string;
    if (memo.has(n)) continue;
    if (onStack.has(n)) return undefined;
    onStack.add(n);
    stack.push({ id: n, next: nextOf(n), i: 0 });
  }
  const v = memo.get(from);
  return v === undefined || v === -Infinity ? undefined : v;
}
