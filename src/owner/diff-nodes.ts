// Comparing two versions of one node: texts per language, question type and options, fields to
// record, grounds, references, checklist items, and the ways on. Pure; used by diff.ts.
import type { CCondition, CNode, Route } from '../core/model.js';
import type { Text } from '../core/schema.js';

export type ChangeOp = 'added' | 'removed' | 'changed';

export interface Change {
  area: 'routine' | 'module' | 'node' | 'item' | 'reference';
  op: ChangeOp;
  /** The node, item, reference or include point; '' for the routine itself. */
  id: string;
  /** Node kind (for nodes), in the new version when there is one. */
  kind?: string;
  field?: string;
  /** Which option, field, ground or route within the node. */
  key?: string;
  lang?: 'sv' | 'en';
  old?: unknown;
  new?: unknown;
}

/** A route without its file position, as compared and reported. */
export interface RouteView {
  answer?: string;
  when?: CCondition;
  next?: string;
  checklist: string[];
}

type Emit = (c: Omit<Change, 'area' | 'id'>) => void;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function stripPos(c: CCondition): CCondition {
  if ('all' in c) return { all: c.all.map(stripPos) };
  if ('any' in c) return { any: c.any.map(stripPos) };
  if ('not' in c) return { not: stripPos(c.not) };
  if ('const' in c) return c;
  const { pos: _pos, ...rest } = c;
  return rest as CCondition;
}

export function routeView(r: Route): RouteView {
  return {
    ...(r.answer !== undefined ? { answer: r.answer } : {}),
    ...(r.when !== undefined ? { when: stripPos(r.when) } : {}),
    ...(r.next !== undefined ? { next: r.next } : {}),
    checklist: r.checklist,
  };
}

export function texts(emit: Emit, field: string, a: Text | undefined, b: Text | undefined, key?: string): void {
  for (const lang of ['sv', 'en'] as const) {
    if (a?.[lang] !== b?.[lang]) emit({ op: 'changed', field, lang, old: a?.[lang], new: b?.[lang], ...(key !== undefined ? { key } : {}) });
  }
}

function value(emit: Emit, field: string, a: unknown, b: unknown, key?: string): void {
  if (!same(a, b)) emit({ op: 'changed', field, old: a, new: b, ...(key !== undefined ? { key } : {}) });
}

/** Compares lists of things with ids (options, fields, grounds): added, removed, and what changed. */
function byId<T extends { id: string }>(emit: Emit, field: string, a: T[] | undefined, b: T[] | undefined, compare: (x: T, y: T) => void): void {
  const olds = new Map((a ?? []).map((x) => [x.id, x]));
  const news = new Map((b ?? []).map((x) => [x.id, x]));
  for (const [id, x] of olds) if (!news.has(id)) emit({ op: 'removed', field, key: id, old: x });
  for (const [id, y] of news) {
    const x = olds.get(id);
    if (!x) emit({ op: 'added', field, key: id, new: y });
    else compare(x, y);
  }
}

export function nodeText(n: CNode): Text {
  return n.kind === 'question' ? n.question : n.kind === 'step' ? n.step : n.kind === 'decision' ? n.decision : n.end;
}

const routeKey = (r: RouteView) => (r.answer !== undefined ? `answer:${r.answer}` : `when:${JSON.stringify(r.when)}`);

/**
 * Routes are matched by their answer, or by an identical condition; branches left over on both
 * sides are paired in written order and reported as a changed condition, which is how an owner
 * who edited `lt: 18` to `lt: 16` thinks of it.
 */
function routes(emit: Emit, a: Route[], b: Route[]): void {
  const olds = a.map(routeView);
  const news = b.map(routeView);
  const unmatchedOld: RouteView[] = [];
  const pool = new Map<string, RouteView[]>();
  for (const r of news) pool.set(routeKey(r), [...(pool.get(routeKey(r)) ?? []), r]);
  const matched = new Set<RouteView>();
  for (const r of olds) {
    const twin = pool.get(routeKey(r))?.find((x) => !matched.has(x));
    if (!twin) {
      unmatchedOld.push(r);
      continue;
    }
    matched.add(twin);
    if (!same(r, twin)) emit({ op: 'changed', field: 'route', key: routeKey(r), old: r, new: twin });
  }
  const unmatchedNew = news.filter((r) => !matched.has(r));
  const oldBranches = unmatchedOld.filter((r) => r.answer === undefined);
  const newBranches = unmatchedNew.filter((r) => r.answer === undefined);
  const pairs = Math.min(oldBranches.length, newBranches.length);
  for (let i = 0; i < pairs; i++) emit({ op: 'changed', field: 'route', key: `branch:${i}`, old: oldBranches[i], new: newBranches[i] });
  for (const r of unmatchedOld) if (r.answer !== undefined || oldBranches.indexOf(r) >= pairs) emit({ op: 'removed', field: 'route', key: routeKey(r), old: r });
  for (const r of unmatchedNew) if (r.answer !== undefined || newBranches.indexOf(r) >= pairs) emit({ op: 'added', field: 'route', key: routeKey(r), new: r });
}

export function compareNodes(emit: Emit, a: CNode, b: CNode): void {
  if (a.kind !== b.kind) emit({ op: 'changed', field: 'kind', old: a.kind, new: b.kind });
  texts(emit, 'text', nodeText(a), nodeText(b));
  texts(emit, 'section', a.section, b.section);
  texts(emit, 'help', a.help, b.help);
  if (a.kind === 'question' && b.kind === 'question') {
    value(emit, 'type', a.type, b.type);
    value(emit, 'min', a.min, b.min);
    value(emit, 'max', a.max, b.max);
    value(emit, 'optional', a.optional ?? false, b.optional ?? false);
    value(emit, 'planned', a.planned ?? false, b.planned ?? false);
    value(emit, 'not-before', a.not_before, b.not_before);
    byId(emit, 'option', a.options, b.options, (x, y) => {
      texts(emit, 'option', x.label, y.label, x.id);
      texts(emit, 'option-help', x.help, y.help, x.id);
    });
  }
  const record = (n: CNode) => (n.kind === 'step' || n.kind === 'decision' ? n.record : undefined);
  byId(emit, 'field', record(a), record(b), (x, y) => {
    texts(emit, 'field', x.label, y.label, x.id);
    value(emit, 'field-type', x.type, y.type, x.id);
    value(emit, 'field-optional', x.optional ?? false, y.optional ?? false, x.id);
    // Whether a time may lie ahead, and what it may not precede, change what the caseworker can enter.
    value(emit, 'field-planned', x.planned ?? false, y.planned ?? false, x.id);
    value(emit, 'field-not-before', x.not_before, y.not_before, x.id);
  });
  if (a.kind === 'decision' && b.kind === 'decision') {
    value(emit, 'carried_out', a.carried_out ?? false, b.carried_out ?? false);
    byId(emit, 'ground', a.grounds, b.grounds, (x, y) => {
      texts(emit, 'ground', x.label, y.label, x.id);
      value(emit, 'ground-ref', x.ref, y.ref, x.id);
    });
  }
  value(emit, 'refs', a.refs, b.refs);
  value(emit, 'checklist', a.checklist, b.checklist);
  value(emit, 'contact', 'contact' in a ? a.contact : undefined, 'contact' in b ? b.contact : undefined);
  routes(emit, a.routes, b.routes);
  value(emit, 'next', a.next, b.next);
}
