// Branch conditions judged on a fact set (conflict check), three-valued: a condition on an answer
// the check does not follow, or on a widened fact set, may be either.
import { ANSWERED, WIDE, type Tracked } from './conflict-facts.js';
import type { CCondition, CNode } from '../core/model.js';

export type Leaf = Extract<CCondition, { q: string }>;
export type Tri = 0 | 1 | 2;
export const UNKNOWN: Tri = 2;

/** The answer tests of a condition, in order. */
function leavesOf(c: CCondition, out: Leaf[]): void {
  if ('all' in c) c.all.forEach((x) => leavesOf(x, out));
  else if ('any' in c) c.any.forEach((x) => leavesOf(x, out));
  else if ('not' in c) leavesOf(c.not, out);
  else if (!('const' in c)) out.push(c);
}

/** The answer tests of every branch condition of a node, in the order of its routes. */
export function branchLeaves(n: CNode): Leaf[] {
  const out: Leaf[] = [];
  for (const rt of n.routes) if (rt.when) leavesOf(rt.when, out);
  return out;
}

const norm = (v: unknown): string => (v === true ? 'yes' : v === false ? 'no' : String(v));

function and(xs: Tri[]): Tri {
  if (xs.includes(0)) return 0;
  return xs.includes(UNKNOWN) ? UNKNOWN : 1;
}
function or(xs: Tri[]): Tri {
  if (xs.includes(1)) return 1;
  return xs.includes(UNKNOWN) ? UNKNOWN : 0;
}

function evalLeaf(c: Leaf, f: bigint, tracked: Map<string, Tracked>): Tri {
  const t = tracked.get(c.q);
  if (!t || (f & WIDE) !== 0n) return UNKNOWN;
  let value: string | undefined;
  for (const [v, b] of t.bits) if ((f & b) !== 0n) value = v;
  if (c.answered !== undefined) return c.answered === (value !== undefined) ? 1 : 0;
  if (value === undefined) return 0;
  if (value === ANSWERED) return UNKNOWN;
  if (c.includes !== undefined) return UNKNOWN;
  if (c.eq !== undefined) return value === norm(c.eq) ? 1 : 0;
  if (c.ne !== undefined) return value !== norm(c.ne) ? 1 : 0;
  if (c.in !== undefined) return c.in.some((x) => norm(x) === value) ? 1 : 0;
  return UNKNOWN;
}

export function evalCondition(c: CCondition, f: bigint, tracked: Map<string, Tracked>): Tri {
  if ('all' in c) return and(c.all.map((x) => evalCondition(x, f, tracked)));
  if ('any' in c) return or(c.any.map((x) => evalCondition(x, f, tracked)));
  if ('not' in c) {
    const v = evalCondition(c.not, f, tracked);
    return v === UNKNOWN ? UNKNOWN : v === 1 ? 0 : 1;
  }
  if ('const' in c) return c.const ? 1 : 0;
  return evalLeaf(c, f, tracked);
}
