// Which nodes and routes of a routine no scenario reaches. A route counts as taken when it fired
// on a walk: its answer was given or its condition held at that point (as in engine/walk.ts
// `route`, which applies the checklist of every firing route and the `next` of the first). The
// default `next` counts when no firing route led on. Routes a module parameter switched off, and
// the nodes only they lead to, can never be reached, so they are left out of the count instead of
// being reported forever.
import { evaluate } from '../core/conditions.js';
import { lookupIn, type WalkState } from '../engine/walk.js';
import type { Position } from '../core/diagnostics.js';
import type { CNode, CompiledRoutine, Route } from '../core/model.js';

export interface RouteRef {
  node: string;
  /** Index in the node's routes, or 'next' for the default way on. */
  route: number | 'next';
  target: string | undefined;
  pos: Position;
}

export interface Coverage {
  routine: string;
  nodes: { total: number; unreached: { id: string; pos: Position }[] };
  routes: { total: number; unreached: RouteRef[] };
}

const dead = (rt: Route) => rt.when !== undefined && 'const' in rt.when && !rt.when.const;

function key(node: string, route: number | 'next'): string {
  return `${node}\u0000${route}`;
}

/** The routes that fired on one walk, as keys of `key()`. */
export function firedRoutes(r: CompiledRoutine, state: WalkState): Set<string> {
  const out = new Set<string>();
  state.path.forEach((visit, i) => {
    const n = r.nodes.get(visit.node);
    const input = visit.input;
    if (!n || !input) return;
    const value = input.t === 'answered' ? input.value : undefined;
    const lookup = lookupIn(state.path.slice(0, i + 1));
    let led = false;
    n.routes.forEach((rt, j) => {
      const hit =
        rt.answer !== undefined
          ? Array.isArray(value)
            ? value.includes(rt.answer)
            : value === rt.answer
          : rt.when !== undefined && evaluate(rt.when, lookup);
      if (!hit) return;
      out.add(key(n.id, j));
      if (rt.next !== undefined) led = true;
    });
    if (!led && n.next !== undefined) out.add(key(n.id, 'next'));
  });
  return out;
}

export function coverage(r: CompiledRoutine, states: readonly WalkState[]): Coverage {
  const reached = new Set<string>();
  const fired = new Set<string>();
  for (const s of states) {
    for (const v of s.path) reached.add(v.node);
    if (s.current !== null) reached.add(s.current);
    for (const k of firedRoutes(r, s)) fired.add(k);
  }
  const unreachedNodes: Coverage['nodes']['unreached'] = [];
  const unreachedRoutes: RouteRef[] = [];
  let routes = 0;
  const live = liveNodes(r);
  let nodes = 0;
  for (const n of r.nodes.values()) {
    if (!live.has(n.id)) continue;
    nodes++;
    if (!reached.has(n.id)) unreachedNodes.push({ id: n.id, pos: n.pos });
    const refs: RouteRef[] = n.routes.flatMap((rt, j) => (dead(rt) ? [] : [{ node: n.id, route: j, target: rt.next, pos: rt.pos }]));
    if (n.next !== undefined && !defaultNeverUsed(n)) refs.push({ node: n.id, route: 'next', target: n.next, pos: n.pos });
    routes += refs.length;
    for (const ref of refs) if (!fired.has(key(ref.node, ref.route))) unreachedRoutes.push(ref);
  }
  return {
    routine: r.id,
    nodes: { total: nodes, unreached: unreachedNodes },
    routes: { total: routes, unreached: unreachedRoutes },
  };
}

/** Nodes a walk can reach at all: module parameters can switch whole parts of a module off. */
export function liveNodes(r: CompiledRoutine): Set<string> {
  const live = new Set<string>([r.start]);
  const queue = [r.start];
  while (queue.length) {
    const n = r.nodes.get(queue.pop() as string);
    if (!n) continue;
    const next = [...n.routes.filter((rt) => !dead(rt)).map((rt) => rt.next), defaultNeverUsed(n) ? undefined : n.next];
    for (const id of next) {
      if (id !== undefined && !live.has(id)) {
        live.add(id);
        queue.push(id);
      }
    }
  }
  return live;
}

/**
 * A `next` that cannot be used: a route that always fires leads on first, or every answer of a
 * yes/no or single-choice question has its own way on.
 */
export function defaultNeverUsed(n: CNode): boolean {
  if (n.routes.some((rt) => rt.next !== undefined && rt.when !== undefined && 'const' in rt.when && rt.when.const)) return true;
  if (n.kind !== 'question' || (n.type !== 'yesno' && n.type !== 'choice')) return false;
  const answers = n.type === 'yesno' ? ['yes', 'no'] : (n.options ?? []).map((o) => o.id);
  const leading = new Set(n.routes.filter((rt) => rt.answer !== undefined && rt.next !== undefined).map((rt) => rt.answer));
  return !n.optional && answers.every((a) => leading.has(a));
}
