// Module parameters are decided at compile time, so a branch on `{ param: barn, eq: true }` is
// always or never taken in a given routine. This removes what can never happen: the adult routine
// does not show, walk or draw the child-only police steps of the shared police module.
import type { CCondition, CNode } from '../core/model.js';

const T: CCondition = { const: true };
const F: CCondition = { const: false };
const isConst = (c: CCondition, v: boolean) => 'const' in c && c.const === v;

export function fold(c: CCondition): CCondition {
  if ('all' in c) {
    const xs = c.all.map(fold);
    if (xs.some((x) => isConst(x, false))) return F;
    const rest = xs.filter((x) => !isConst(x, true));
    return rest.length === 0 ? T : rest.length === 1 ? (rest[0] as CCondition) : { all: rest };
  }
  if ('any' in c) {
    const xs = c.any.map(fold);
    if (xs.some((x) => isConst(x, true))) return T;
    const rest = xs.filter((x) => !isConst(x, false));
    return rest.length === 0 ? F : rest.length === 1 ? (rest[0] as CCondition) : { any: rest };
  }
  if ('not' in c) {
    const x = fold(c.not);
    return 'const' in x ? { const: !x.const } : { not: x };
  }
  return c;
}

function targets(n: CNode): string[] {
  return [...n.routes.map((r) => r.next), n.next].filter((x): x is string => x !== undefined);
}

function reachable(nodes: ReadonlyMap<string, CNode>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const n = nodes.get(queue.pop() as string);
    if (!n) continue;
    for (const t of targets(n)) if (!seen.has(t)) (seen.add(t), queue.push(t));
  }
  return seen;
}

function pruneNode(n: CNode): void {
  n.routes = n.routes
    .map((r) => (r.when ? { ...r, when: fold(r.when) } : r))
    .filter((r) => !(r.when && isConst(r.when, false)));
  // Answer routes still come first; an always-true branch only replaces the default `next`.
  const always = n.routes.findIndex((r) => r.when && isConst(r.when, true) && r.next !== undefined);
  if (always < 0) return;
  n.next = n.routes[always]?.next;
  n.routes = n.routes
    .map((r, i) => (i >= always && r.when ? { ...r, next: undefined } : r))
    .filter((r) => r.answer !== undefined || r.next !== undefined || r.checklist.length > 0);
}

/** Folds constant conditions and drops the nodes that only constant-false branches led to. */
const hasConst = (c: CCondition): boolean =>
  'const' in c || ('all' in c && c.all.some(hasConst)) || ('any' in c && c.any.some(hasConst)) || ('not' in c && hasConst(c.not));

export function pruneConstants(nodes: Map<string, CNode>, start: string): Set<string> {
  // Most routines test no module parameter; then there is nothing to fold and no graph to walk.
  const affected = [...nodes.values()].filter((n) => n.routes.some((r) => r.when !== undefined && hasConst(r.when)));
  if (affected.length === 0) return new Set();
  const before = reachable(nodes, start);
  for (const n of affected) pruneNode(n);
  const after = reachable(nodes, start);
  // Nodes unreachable before pruning stay: they are the author's mistake, for the checker to report.
  const removed = new Set([...before].filter((id) => !after.has(id)));
  for (const id of removed) nodes.delete(id);
  return removed;
}
