// "Fyll i senare": which recorded fields may be left for later, and which are still waiting.
// The rule is automatic so that routines need no marking: a field of a step's or a decision's
// `record` may be deferred unless a condition or a deadline reads it (then the walk needs it to
// decide) or the routine owner wrote `later: false` on it. Questions are never deferred: their
// answers choose the path. A decision's own who/ground/when are its legal record, never deferred.
// Pure: no disk, clock or terminal.
import type { CCondition, CNode, CompiledRoutine } from '../core/model.js';
import type { Field } from '../core/schema.js';
import type { WalkState } from './walk.js';

const readCache = new WeakMap<CompiledRoutine, ReadonlySet<string>>();

function condRefs(c: CCondition, out: Set<string>): void {
  if ('all' in c) c.all.forEach((x) => condRefs(x, out));
  else if ('any' in c) c.any.forEach((x) => condRefs(x, out));
  else if ('not' in c) condRefs(c.not, out);
  else if ('q' in c) out.add(c.q);
}

/** Every `q` a condition names and every `due.from` of a checklist item: what the walk reads. */
export function readRefs(r: CompiledRoutine): ReadonlySet<string> {
  const cached = readCache.get(r);
  if (cached) return cached;
  const out = new Set<string>();
  for (const n of r.nodes.values()) for (const rt of n.routes) if (rt.when) condRefs(rt.when, out);
  for (const item of r.checklist.values()) if (item.dueFrom) out.add(item.dueFrom);
  readCache.set(r, out);
  return out;
}

export function recordOf(n: CNode | undefined): readonly Field[] {
  return n && (n.kind === 'step' || n.kind === 'decision') ? (n.record ?? []) : [];
}

/** Whether `field` of node `n` may be left "fyll i senare". */
export function isDeferrable(r: CompiledRoutine, n: CNode, field: string): boolean {
  const f = recordOf(n).find((x) => x.id === field);
  if (!f || f.later === false) return false;
  return !readRefs(r).has(`${n.id}.${field}`);
}

export interface Deferred {
  node: string;
  field: Field;
  /** When the node was answered. */
  at: string;
}

/** The fields on the current path that were left for later and are not filled in yet, in path order. */
export function deferredFields(r: CompiledRoutine, s: WalkState): Deferred[] {
  const out: Deferred[] = [];
  for (const v of s.path) {
    const input = v.input;
    if (!input || input.t === 'answered' || !input.later?.length) continue;
    const fields = recordOf(r.nodes.get(v.node));
    for (const id of input.later) {
      const f = fields.find((x) => x.id === id);
      if (f) out.push({ node: v.node, field: f, at: v.at });
    }
  }
  return out;
}
