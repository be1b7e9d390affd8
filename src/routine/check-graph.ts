// Graph checks on the compiled routine: every node can go on, every node is reached, every node
// can reach an end, and a condition only asks about questions that are answered on every path to it.
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { CNode, CompiledRoutine } from '../core/model.js';

const successorCache = new WeakMap<CNode, string[]>();

/** A node's targets, computed once per node: every graph check asks for them many times. */
export function successors(node: CNode): string[] {
  let out = successorCache.get(node);
  if (!out) {
    const set = new Set<string>();
    for (const r of node.routes) if (r.next !== undefined) set.add(r.next);
    if (node.next !== undefined) set.add(node.next);
    out = [...set];
    successorCache.set(node, out);
  }
  return out;
}

/** Answers a question can have, for `on` keys and conditions; undefined where any value goes. */
export function answerIds(node: CNode): string[] | undefined {
  if (node.kind !== 'question') return undefined;
  if (node.type === 'yesno') return ['yes', 'no'];
  if (node.type === 'choice' || node.type === 'multi') return (node.options ?? []).map((o) => o.id);
  return undefined;
}

function checkNodeShape(node: CNode, out: Diagnostic[]): void {
  if (node.kind === 'question') {
    const needsOptions = node.type === 'choice' || node.type === 'multi';
    if (needsOptions && !node.options) out.push(diag('options-missing', node.pos, { node: node.id }));
    if (!needsOptions && node.options) out.push(diag('options-not-allowed', node.pos, { node: node.id, type: node.type }));
    const allowed = answerIds(node);
    for (const r of node.routes) {
      if (r.answer !== undefined && (allowed === undefined || !allowed.includes(r.answer))) {
        out.push(diag('unknown-answer', r.pos, { answer: r.answer, node: node.id, allowed: (allowed ?? []).join(', ') }));
      }
    }
    dupes((node.options ?? []).map((o) => o.id), node, out);
  }
  if (node.kind === 'step' || node.kind === 'decision') dupes((node.record ?? []).map((f) => f.id), node, out);
  if (node.kind === 'decision') dupes((node.grounds ?? []).map((g) => g.id), node, out);
  if (node.kind === 'end' || node.next !== undefined) return;
  // Without a default, every possible answer must have its own way on.
  const allowed = answerIds(node);
  const covered = new Set(node.routes.filter((r) => r.answer !== undefined && r.next !== undefined).map((r) => r.answer));
  const complete = allowed !== undefined && node.kind === 'question' && node.type !== 'multi' && allowed.every((a) => covered.has(a));
  if (!complete) out.push(diag('no-route', node.pos, { node: node.id }));
}

function dupes(ids: string[], node: CNode, out: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) out.push(diag('duplicate-id', node.pos, { id: `${node.id}/${id}` }));
    seen.add(id);
  }
}

const rpoCache = new WeakMap<CompiledRoutine, string[]>();

/** Reverse-postorder from the start, iterative so that a 10,000-node chain cannot overflow the stack. */
export function reversePostorder(r: CompiledRoutine): string[] {
  let cached = rpoCache.get(r);
  if (!cached) {
    cached = computeReversePostorder(r);
    rpoCache.set(r, cached);
  }
  return [...cached];
}

function computeReversePostorder(r: CompiledRoutine): string[] {
  const order: string[] = [];
  const seen = new Set<string>([r.start]);
  const stack: { id: string; succ: string[]; i: number }[] = [];
  const push = (id: string) => {
    const n = r.nodes.get(id);
    stack.push({ id, succ: n ? successors(n) : [], i: 0 });
  };
  if (r.nodes.has(r.start)) push(r.start);
  while (stack.length) {
    const top = stack[stack.length - 1] as { id: string; succ: string[]; i: number };
    if (top.i < top.succ.length) {
      const s = top.succ[top.i++] as string;
      if (!seen.has(s) && r.nodes.has(s)) {
        seen.add(s);
        push(s);
      }
    } else {
      order.push(top.id);
      stack.pop();
    }
  }
  return order.reverse();
}

/** Appends in place: copying the list for every edge is quadratic in a node's in-degree. */
function addTo(m: Map<string, string[]>, key: string, value: string): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** Immediate dominators (Cooper, Harvey & Kennedy), over the reachable nodes, on array indexes. */
export function dominators(r: CompiledRoutine): Map<string, string> {
  const rpo = reversePostorder(r);
  const n = rpo.length;
  const index = new Map(rpo.map((id, i) => [id, i]));
  const preds: number[][] = Array.from({ length: n }, () => []);
  rpo.forEach((id, i) => {
    for (const s of successors(r.nodes.get(id) as CNode)) {
      const j = index.get(s);
      if (j !== undefined) (preds[j] as number[]).push(i);
    }
  });
  // In reverse postorder a dominator always has the smaller index, so "walk up the larger" meets.
  const idom = new Int32Array(n).fill(-1);
  if (n > 0) idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    let x = a;
    let y = b;
    while (x !== y) {
      while (x > y) x = idom[x] as number;
      while (y > x) y = idom[y] as number;
    }
    return x;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 1; i < n; i++) {
      let next = -1;
      for (const p of preds[i] as number[]) {
        if (idom[p] === -1) continue;
        next = next === -1 ? p : intersect(p, next);
      }
      if (next !== -1 && idom[i] !== next) {
        idom[i] = next;
        changed = true;
      }
    }
  }
  const out = new Map<string, string>();
  rpo.forEach((id, i) => {
    if (idom[i] !== -1) out.set(id, rpo[idom[i] as number] as string);
  });
  return out;
}

/**
 * Whether a dominates b, in constant time per question: pre- and post-order numbers of
 * the dominator tree, built once. Walking up the tree for every condition is quadratic on long
 * routines.
 */
export function dominanceTest(idom: ReadonlyMap<string, string>): (a: string, b: string) => boolean {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [n, up] of idom) {
    if (n === up) roots.push(n);
    else addTo(children, up, n);
  }
  const pre = new Map<string, number>();
  const post = new Map<string, number>();
  let clock = 0;
  for (const root of roots) {
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    pre.set(root, clock++);
    while (stack.length) {
      const top = stack[stack.length - 1] as { id: string; i: number };
      const kids = children.get(top.id) ?? [];
      if (top.i < kids.length) {
        const k = kids[top.i++] as string;
        pre.set(k, clock++);
        stack.push({ id: k, i: 0 });
      } else {
        post.set(top.id, clock++);
        stack.pop();
      }
    }
  }
  return (a, b) => {
    if (a === b) return true;
    const pa = pre.get(a);
    const pb = pre.get(b);
    if (pa === undefined || pb === undefined) return false;
    return pa <= pb && (post.get(b) as number) <= (post.get(a) as number);
  };
}

/** Tarjan's strongly connected components, iterative; returns the ids that sit on a cycle. */
function onCycle(r: CompiledRoutine): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Set<string>();
  let counter = 0;
  for (const rootId of r.nodes.keys()) {
    if (index.has(rootId)) continue;
    const work: { id: string; succ: string[]; i: number }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, succ: successors(r.nodes.get(id) as CNode).filter((s) => r.nodes.has(s)), i: 0 });
    };
    enter(rootId);
    while (work.length) {
      const top = work[work.length - 1] as { id: string; succ: string[]; i: number };
      if (top.i < top.succ.length) {
        const s = top.succ[top.i++] as string;
        if (!index.has(s)) enter(s);
        else if (onStack.has(s)) low.set(top.id, Math.min(low.get(top.id) as number, index.get(s) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(top.id) as number));
      if (low.get(top.id) === index.get(top.id)) {
        const comp: string[] = [];
        for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
          onStack.delete(x);
          comp.push(x);
          if (x === top.id) break;
        }
        const selfLoop = successors(r.nodes.get(top.id) as CNode).includes(top.id);
        if (comp.length > 1 || selfLoop) comp.forEach((c) => result.add(c));
      }
    }
  }
  return result;
}

export function checkGraph(r: CompiledRoutine): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of r.nodes.values()) checkNodeShape(n, out);

  const reachable = new Set(reversePostorder(r));
  for (const n of r.nodes.values()) {
    if (!reachable.has(n.id)) out.push(diag('unreachable', n.pos, { node: n.id }));
  }

  // Walk backwards from the ends: what is not met cannot finish.
  const preds = new Map<string, string[]>();
  for (const n of r.nodes.values()) {
    for (const s of successors(n)) addTo(preds, s, n.id);
  }
  const canEnd = new Set<string>();
  // A node pointing at a missing target already has its error; counting it as able to end keeps
  // that one mistake from being reported again at every node before it.
  const queue = [...r.nodes.values()]
    .filter((n) => n.kind === 'end' || successors(n).some((s) => !r.nodes.has(s)))
    .map((n) => n.id);
  queue.forEach((id) => canEnd.add(id));
  while (queue.length) {
    const id = queue.pop() as string;
    for (const p of preds.get(id) ?? []) {
      if (!canEnd.has(p)) {
        canEnd.add(p);
        queue.push(p);
      }
    }
  }
  const cyclic = onCycle(r);
  for (const n of r.nodes.values()) {
    if (canEnd.has(n.id) || !reachable.has(n.id)) continue;
    out.push(diag(cyclic.has(n.id) ? 'cycle-no-exit' : 'no-end', n.pos, { node: n.id }));
  }
  return out;
}
