// "Fyll i senare" and the routine: a record field marked `later: true` must be one the walk can
// leave for later (engine/later.ts): no deadline counts from it, and nothing that chooses the way
// or puts an item to do now on the list reads it. Reported where it is read, because that is the
// line the routine owner has to weigh against the marking.
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import { resolveRef, type CCondition, type CompiledRoutine, type Route } from '../core/model.js';

function leaves(c: CCondition): Extract<CCondition, { q: string }>[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  if ('const' in c) return [];
  return [c];
}

function markedLater(r: CompiledRoutine, ref: string): { node: string } | undefined {
  const hit = resolveRef(r.nodes, ref);
  if (!hit || hit.field === undefined) return undefined;
  const n = hit.node;
  const record = n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : [];
  return record.some((f) => f.id === hit.field && f.later === true) ? { node: n.id } : undefined;
}

/** Whether a route that reads a field keeps it from waiting: it chooses the way, or adds a "now" item. */
function needs(r: CompiledRoutine, reader: string, owner: string, rt: Route): boolean {
  return (reader !== owner && rt.next !== undefined) || rt.checklist.some((id) => r.checklist.get(id)?.urgency === 'now');
}

export function checkLater(r: CompiledRoutine): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (ref: string, at: Position, reader: string) => out.push(diag('later-read', at, { field: ref, reader }));
  for (const n of r.nodes.values()) {
    for (const rt of n.routes) {
      if (!rt.when) continue;
      for (const leaf of leaves(rt.when)) {
        const marked = markedLater(r, leaf.q);
        if (marked && (needs(r, n.id, marked.node, rt) || (n.id === marked.node && rt.next !== undefined))) report(leaf.q, leaf.pos, n.id);
      }
    }
  }
  for (const item of r.checklist.values()) if (item.dueFrom && markedLater(r, item.dueFrom)) report(item.dueFrom, item.pos, item.id);
  return out;
}
