// Where an answered node leads and what it puts on the checklist, from the path alone. An input
// left "fyll i senare" is unknown, not empty: a branch whose condition reads it neither fires nor
// fails until it is filled in (engine/later.ts allows that only where no route depends on it).
// Pure: no disk, clock or terminal.
import type { CCondition, CNode, Route } from '../core/model.js';
import type { InputEvent } from '../core/events.js';
import { evaluate, type Value } from '../core/conditions.js';

export interface Visit {
  node: string;
  at: string;
  /** The input that answered the node; absent for the end node. */
  input?: InputEvent;
  /** Checklist items this visit put on the list. */
  items: string[];
}

/** The value a condition or deadline sees for `q` or `node.field`, from the current path only. */
export function lookupIn(path: readonly Visit[]): (ref: string) => Value {
  const byNode = new Map<string, Visit>();
  for (const v of path) byNode.set(v.node, v);
  return (ref) => {
    let visit = byNode.get(ref);
    let field: string | undefined;
    if (!visit) {
      const dot = ref.lastIndexOf('.');
      if (dot <= 0) return undefined;
      visit = byNode.get(ref.slice(0, dot));
      field = ref.slice(dot + 1);
    }
    if (!visit) return undefined;
    if (field === 'answered_at') return visit.at;
    const input = visit.input;
    if (!input) return undefined;
    if (field === undefined) return input.t === 'answered' ? input.value : undefined;
    if (input.t === 'recorded') return input.fields[field];
    if (input.t === 'decided') {
      if (field === 'decided_by') return input.decided_by;
      if (field === 'ground') return input.ground;
      if (field === 'decided_at') return input.decided_at;
      if (field === 'carried_out_at') return input.carried_out_at;
      return input.fields[field];
    }
    return undefined;
  };
}

/** Every question and field a condition names. */
export function conditionRefs(c: CCondition, out: Set<string> = new Set()): Set<string> {
  if ('all' in c) c.all.forEach((x) => conditionRefs(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionRefs(x, out));
  else if ('not' in c) conditionRefs(c.not, out);
  else if ('q' in c) out.add(c.q);
  return out;
}

/** The inputs on the path left "fyll i senare": `node` for a question, `node.field` for a field. */
export function deferredRefs(path: readonly Visit[]): Set<string> {
  const out = new Set<string>();
  for (const v of path) {
    const input = v.input;
    if (!input) continue;
    if (input.t === 'answered') {
      if (input.later === true) out.add(v.node);
    } else for (const f of input.later ?? []) out.add(`${v.node}.${f}`);
  }
  return out;
}

/** The input a reference is about: a question's `answered_at` is the question's. */
export const baseRef = (ref: string): string => (ref.endsWith('.answered_at') ? ref.slice(0, -'.answered_at'.length) : ref);

/** Whether a condition names an input that is still left for later (its `answered_at` included). */
export function readsDeferred(c: CCondition, deferred: ReadonlySet<string>): boolean {
  if (deferred.size === 0) return false;
  for (const ref of conditionRefs(c)) if (deferred.has(baseRef(ref))) return true;
  return false;
}

const answerHits = (rt: Route, value: unknown) => (Array.isArray(value) ? value.includes(rt.answer) : value === rt.answer);

/**
 * Where an answered node leads, and the checklist items its answer and branches add. `path` ends
 * with the node's own visit. A question left for later matches no answer route; where it leads
 * then is decided by engine/later.ts (`laterNext`), which has proved every answer leads there.
 */
export function route(path: readonly Visit[], n: CNode, input: InputEvent | undefined): { next?: string; items: string[] } {
  const items = [...n.checklist];
  let next: string | undefined;
  const value = input?.t === 'answered' ? input.value : undefined;
  for (const rt of n.routes) {
    if (rt.answer === undefined || !answerHits(rt, value)) continue;
    items.push(...rt.checklist);
    if (next === undefined && rt.next !== undefined) next = rt.next;
  }
  const lookup = lookupIn(path);
  const deferred = deferredRefs(path);
  for (const rt of n.routes) {
    if (rt.when === undefined || readsDeferred(rt.when, deferred) || !evaluate(rt.when, lookup)) continue;
    items.push(...rt.checklist);
    if (next === undefined && rt.next !== undefined) next = rt.next;
  }
  return { ...(next ?? n.next ? { next: next ?? n.next } : {}), items: [...new Set(items)] };
}
