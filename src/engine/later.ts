// "Fyll i senare": which inputs may be left for later, and which are still waiting.
//
// The rule is automatic, so that routines need no marking, and the same for every path: an input
// (a question's answer, or a field of a step's or a decision's `record`) may wait unless the walk
// needs it tonight. It is needed when
//   - a deadline counts from it, or a time elsewhere may not precede it (`not_before`);
//   - a branch at another node that chooses where the walk goes reads it;
//   - its own node's way on could depend on it: for a question, some answer would lead elsewhere
//     given the answers so far (yes/no and choice are tried answer by answer; other kinds may not
//     wait when a route of their own depends on them);
//   - an item that must be done now (urgency `now`) would follow from it;
//   - the routine owner wrote `later: false` on it.
// A decision's own who/ground/when are its legal record and never wait. What waits may still add
// checklist items once it is filled in (never `now` ones); until then they are listed with it as
// items it may add. Filling it in therefore never changes the path (engine/walk.ts checks that
// again when it happens). Pure: no disk, clock or terminal.
import type { CItem, CNode, CompiledRoutine, Route } from '../core/model.js';
import type { Field } from '../core/schema.js';
import { baseRef, conditionRefs, route, type Visit } from './route.js';
import type { WalkState } from './walk.js';

/** Why an input may not wait, as far as the routine alone tells (the path may add own-routing). */
export type NotLater =
  | { kind: 'marked' }
  | { kind: 'decision-record' }
  | { kind: 'deadline'; item: string }
  | { kind: 'time-order'; node: string }
  | { kind: 'routes'; node: string }
  | { kind: 'now-item'; item: string }
  | { kind: 'own-route' };

interface Readers {
  /** Routes whose condition names the ref, by ref (a question's `answered_at` counts as the question). */
  routes: Map<string, { node: string; route: Route }[]>;
  deadlines: Map<string, string>;
  orders: Map<string, string>;
}

const readersCache = new WeakMap<CompiledRoutine, Readers>();

function readersOf(r: CompiledRoutine): Readers {
  const cached = readersCache.get(r);
  if (cached) return cached;
  const out: Readers = { routes: new Map(), deadlines: new Map(), orders: new Map() };
  for (const n of r.nodes.values()) {
    for (const rt of n.routes) {
      if (!rt.when) continue;
      for (const ref of conditionRefs(rt.when)) {
        const key = baseRef(ref);
        out.routes.set(key, [...(out.routes.get(key) ?? []), { node: n.id, route: rt }]);
      }
    }
    const fields = n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : [];
    const orders = [...fields.map((f) => f.not_before), n.kind === 'question' ? n.not_before : undefined];
    for (const nb of orders) if (nb !== undefined && nb.includes('.')) out.orders.set(baseRef(n.scope + nb), n.id);
  }
  for (const item of r.checklist.values()) if (item.dueFrom) out.deadlines.set(baseRef(item.dueFrom), item.id);
  readersCache.set(r, out);
  return out;
}

export function recordOf(n: CNode | undefined): readonly Field[] {
  return n && (n.kind === 'step' || n.kind === 'decision') ? (n.record ?? []) : [];
}

const DECISION_PARTS = new Set(['decided_by', 'ground', 'decided_at', 'carried_out_at']);

/** The routes of node `n` that depend on its own answer: answer routes, and branches naming it. */
function ownRoutes(n: CNode, ref: string): Route[] {
  return n.routes.filter((rt) => (n.kind === 'question' && rt.answer !== undefined) || (rt.when !== undefined && [...conditionRefs(rt.when)].some((q) => baseRef(q) === ref)));
}

function nowItem(r: CompiledRoutine, ids: readonly string[]): string | undefined {
  return ids.find((id) => r.checklist.get(id)?.urgency === 'now');
}

/**
 * Why the input `ref` of node `n` (the node id for a question, `node.field` for a field) may not
 * wait, from the routine alone; undefined when only its own node's way on is left to check.
 */
export function notLater(r: CompiledRoutine, n: CNode, field?: string): NotLater | undefined {
  const ref = field === undefined ? n.id : `${n.id}.${field}`;
  if (field === undefined) {
    if (n.kind !== 'question') return { kind: 'decision-record' };
    if (n.later === false) return { kind: 'marked' };
  } else {
    if (n.kind === 'decision' && DECISION_PARTS.has(field)) return { kind: 'decision-record' };
    const f = recordOf(n).find((x) => x.id === field);
    if (!f) return { kind: 'decision-record' };
    if (f.later === false) return { kind: 'marked' };
  }
  const readers = readersOf(r);
  const item = readers.deadlines.get(ref);
  if (item !== undefined) return { kind: 'deadline', item };
  const order = readers.orders.get(ref);
  if (order !== undefined) return { kind: 'time-order', node: order };
  for (const reader of readers.routes.get(ref) ?? []) {
    if (reader.node !== n.id && reader.route.next !== undefined) return { kind: 'routes', node: reader.node };
    const now = nowItem(r, reader.route.checklist);
    if (now !== undefined) return { kind: 'now-item', item: now };
  }
  const own = ownRoutes(n, ref);
  for (const rt of own) {
    const now = nowItem(r, rt.checklist);
    if (now !== undefined) return { kind: 'now-item', item: now };
  }
  // A field's own branches, and a question's that cannot be tried answer by answer, may not route.
  const tried = field === undefined && n.kind === 'question' && (n.type === 'yesno' || n.type === 'choice');
  if (!tried && own.some((rt) => rt.next !== undefined)) return { kind: 'own-route' };
  return undefined;
}

/** Whether `field` of node `n` may be left "fyll i senare" (fields depend on the routine alone). */
export function isDeferrable(r: CompiledRoutine, n: CNode, field: string): boolean {
  return notLater(r, n, field) === undefined;
}

/** The answers a yes/no or choice question can be given (none when it may stay empty: that too). */
function answersOf(n: Extract<CNode, { kind: 'question' }>): (string | null)[] {
  const ids = n.type === 'yesno' ? ['yes', 'no'] : (n.options ?? []).map((o) => o.id);
  return n.optional ? [...ids, null] : ids;
}

/**
 * Where question `n` leads when it is left for later, if every answer it could be given leads to
 * the same node, given `path` (the visits before it); undefined when it may not wait there.
 */
export function laterNext(r: CompiledRoutine, n: CNode, path: readonly Visit[], at = ''): string | undefined {
  if (n.kind !== 'question' || notLater(r, n) !== undefined) return undefined;
  const tryAnswer = (value: string | null) =>
    route([...path, { node: n.id, at, input: { t: 'answered', at, node: n.id, value }, items: [] }], n, { t: 'answered', at, node: n.id, value }).next;
  if (n.type !== 'yesno' && n.type !== 'choice') return n.next;
  const nexts = new Set(answersOf(n).map(tryAnswer));
  const [only] = nexts;
  return nexts.size === 1 ? only : undefined;
}

export interface Deferred {
  node: string;
  /** The field left for later; absent when the question itself was. */
  field?: Field;
  /** When the node was answered. */
  at: string;
}

/** The inputs on the current path that were left for later and are not filled in yet, in path order. */
export function deferredFields(r: CompiledRoutine, s: WalkState): Deferred[] {
  const out: Deferred[] = [];
  for (const v of s.path) {
    const input = v.input;
    if (!input) continue;
    if (input.t === 'answered') {
      if (input.later === true) out.push({ node: v.node, at: v.at });
      continue;
    }
    if (!input.later?.length) continue;
    const fields = recordOf(r.nodes.get(v.node));
    for (const id of input.later) {
      const f = fields.find((x) => x.id === id);
      if (f) out.push({ node: v.node, field: f, at: v.at });
    }
  }
  return out;
}

/** The checklist items filling in `d` may add (not yet on the list), in routine order. */
export function mayAdd(r: CompiledRoutine, s: WalkState, d: Deferred): CItem[] {
  return mayAddBeside(r, itemsOn(s), d);
}

const itemsOn = (s: WalkState): ReadonlySet<string> => new Set(s.path.flatMap((v) => v.items));

/** `on`: the items already on the list. */
function mayAddBeside(r: CompiledRoutine, on: ReadonlySet<string>, d: Deferred): CItem[] {
  const ref = d.field ? `${d.node}.${d.field.id}` : d.node;
  const n = r.nodes.get(d.node);
  const ids = new Set<string>();
  for (const reader of readersOf(r).routes.get(ref) ?? []) reader.route.checklist.forEach((id) => ids.add(id));
  if (n) for (const rt of ownRoutes(n, ref)) rt.checklist.forEach((id) => ids.add(id));
  return [...ids].filter((id) => !on.has(id)).map((id) => r.checklist.get(id)).filter((x): x is CItem => x !== undefined);
}

/** What waits, node by node in path order: a question, or the fields of one step or decision. */
export interface DeferredGroup {
  node: string;
  /** The fields left for later; empty when the question itself was. */
  fields: Field[];
  /** The checklist items filling them in may add (not yet on the list). */
  mayAdd: CItem[];
}

export function deferredGroups(r: CompiledRoutine, s: WalkState): DeferredGroup[] {
  const out: DeferredGroup[] = [];
  const on = itemsOn(s);
  for (const d of deferredFields(r, s)) {
    let g = out.at(-1);
    if (!g || g.node !== d.node) out.push((g = { node: d.node, fields: [], mayAdd: [] }));
    if (d.field) g.fields.push(d.field);
    for (const item of mayAddBeside(r, on, d)) if (!g.mayAdd.includes(item)) g.mayAdd.push(item);
  }
  return out;
}
