// What changed between two versions of a routine, in the terms a routine owner approves: metadata,
// nodes added, removed or changed (modules expanded, so module changes show at their qualified
// ids), checklist items, the legal references used, and the modules included. Pure.
import { compareNodes, nodeText, texts, type Change } from './diff-nodes.js';
import type { CItem, CompiledRoutine } from '../core/model.js';

export type { Change } from './diff-nodes.js';

type Emit = (c: Omit<Change, 'area' | 'id'>) => void;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function emitter(out: Change[], area: Change['area'], id: string, kind?: string): Emit {
  return (c) => out.push({ area, id, ...(kind !== undefined ? { kind } : {}), ...c });
}

function meta(out: Change[], a: CompiledRoutine, b: CompiledRoutine): void {
  const emit = emitter(out, 'routine', '');
  const plain: [string, unknown, unknown][] = [
    ['id', a.id, b.id],
    ['version', a.version, b.version],
    ['reviewed', a.reviewed, b.reviewed],
    ['review_by', a.reviewBy, b.reviewBy],
    ['approved_by', a.approvedBy, b.approvedBy],
    ['start', a.start, b.start],
  ];
  for (const [field, x, y] of plain) if (x !== y) emit({ op: 'changed', field, old: x, new: y });
  texts(emit, 'title', a.title, b.title);
  texts(emit, 'description', a.description, b.description);
  for (const c of b.changelog) {
    const before = a.changelog.find((x) => x.version === c.version);
    if (!before) emit({ op: 'added', field: 'changelog', key: String(c.version), new: c });
    else if (!same(before, c)) emit({ op: 'changed', field: 'changelog', key: String(c.version), old: before, new: c });
  }
}

function items(out: Change[], a: CompiledRoutine, b: CompiledRoutine): void {
  for (const [id, x] of a.checklist) if (!b.checklist.has(id)) out.push({ area: 'item', op: 'removed', id, old: itemView(x) });
  for (const [id, y] of b.checklist) {
    const x = a.checklist.get(id);
    if (!x) {
      out.push({ area: 'item', op: 'added', id, new: itemView(y) });
      continue;
    }
    const emit = emitter(out, 'item', id);
    texts(emit, 'text', x.text, y.text);
    texts(emit, 'help', x.help, y.help);
    for (const field of ['owner', 'urgency'] as const) if (x[field] !== y[field]) emit({ op: 'changed', field, old: x[field], new: y[field] });
    const due = (i: CItem) => (i.due ? { ...i.due, from: i.dueFrom } : undefined);
    if (!same(due(x), due(y))) emit({ op: 'changed', field: 'due', old: due(x), new: due(y) });
    if (!same(x.refs, y.refs)) emit({ op: 'changed', field: 'refs', old: x.refs, new: y.refs });
  }
}

export function itemView(i: CItem) {
  return { text: i.text, owner: i.owner, urgency: i.urgency, refs: i.refs, ...(i.due ? { due: { ...i.due, from: i.dueFrom } } : {}) };
}

/** Every reference the routine cites: at nodes, decision grounds and checklist items. */
export function usedReferences(r: CompiledRoutine): Set<string> {
  const used = new Set<string>();
  for (const n of r.nodes.values()) {
    n.refs.forEach((x) => used.add(x));
    if (n.kind === 'decision') for (const g of n.grounds ?? []) [g.ref ?? []].flat().forEach((x) => used.add(x));
  }
  for (const i of r.checklist.values()) i.refs.forEach((x) => used.add(x));
  return used;
}

function references(out: Change[], a: CompiledRoutine, b: CompiledRoutine): void {
  const ua = usedReferences(a);
  const ub = usedReferences(b);
  for (const id of [...ua].sort()) if (!ub.has(id)) out.push({ area: 'reference', op: 'removed', id, old: a.references.get(id) });
  for (const id of [...ub].sort()) {
    const y = b.references.get(id);
    if (!ua.has(id)) {
      out.push({ area: 'reference', op: 'added', id, new: y });
      continue;
    }
    const x = a.references.get(id);
    if (!x || !y) continue;
    const emit = emitter(out, 'reference', id);
    texts(emit, 'law', x.law, y.law);
    texts(emit, 'title', x.title, y.title);
    texts(emit, 'note', x.note, y.note);
    for (const field of ['valid_from', 'valid_until', 'verify'] as const) {
      if (x[field] !== y[field]) emit({ op: 'changed', field, old: x[field], new: y[field] });
    }
  }
}

function modules(out: Change[], a: CompiledRoutine, b: CompiledRoutine): void {
  const view = (m: CompiledRoutine['modules'][number]) => ({ module: m.id, version: m.version });
  for (const m of a.modules) if (!b.modules.some((x) => x.at === m.at)) out.push({ area: 'module', op: 'removed', id: m.at, old: view(m) });
  for (const m of b.modules) {
    const before = a.modules.find((x) => x.at === m.at);
    if (!before) out.push({ area: 'module', op: 'added', id: m.at, new: view(m) });
    else if (before.id !== m.id || before.version !== m.version) out.push({ area: 'module', op: 'changed', id: m.at, old: view(before), new: view(m) });
  }
}

export function diffRoutines(a: CompiledRoutine, b: CompiledRoutine): Change[] {
  const out: Change[] = [];
  meta(out, a, b);
  modules(out, a, b);
  for (const [id, x] of a.nodes) {
    if (!b.nodes.has(id)) out.push({ area: 'node', op: 'removed', id, kind: x.kind, old: nodeText(x) });
  }
  for (const [id, y] of b.nodes) {
    const x = a.nodes.get(id);
    if (!x) out.push({ area: 'node', op: 'added', id, kind: y.kind, new: nodeText(y) });
    else compareNodes(emitter(out, 'node', id, y.kind), x, y);
  }
  items(out, a, b);
  references(out, a, b);
  return out;
}
