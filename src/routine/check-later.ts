// "Fyll i senare" and the routine: a record field marked `later: true` must not be read by a
// condition or a deadline, since the walk needs it to decide. Reported where it is read, because
// that is the line the routine owner has to weigh against the marking.
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import { resolveRef, type CCondition, type CompiledRoutine } from '../core/model.js';

function leaves(c: CCondition): Extract<CCondition, { q: string }>[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  if ('const' in c) return [];
  return [c];
}

function markedLater(r: CompiledRoutine, ref: string): boolean {
  const hit = resolveRef(r.nodes, ref);
  if (!hit || hit.field === undefined) return false;
  const n = hit.node;
  const record = n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : [];
  return record.some((f) => f.id === hit.field && f.later === true);
}

export function checkLater(r: CompiledRoutine): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (ref: string, at: Position, reader: string) => {
    if (markedLater(r, ref)) out.push(diag('later-read', at, { field: ref, reader }));
  };
  for (const n of r.nodes.values()) {
    for (const rt of n.routes) if (rt.when) for (const leaf of leaves(rt.when)) report(leaf.q, leaf.pos, n.id);
  }
  for (const item of r.checklist.values()) if (item.dueFrom) report(item.dueFrom, item.pos, item.id);
  return out;
}
