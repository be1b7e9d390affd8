// Conflicts: checklist items (and answer options) that must never be on the same path, because
// together they would tell the night shift two opposite things ("contact the guardians" beside
// "tell the suspected guardians nothing"). The check is a dataflow over the compiled graph, not an
// enumeration of paths: each node holds the set of distinct "fact sets" that can reach it, where a
// fact set records only what matters here (the conflicting items and options already on the path,
// and the answers that later conditions test). Paths that differ in anything else merge, so a
// routine with millions of paths costs as much as its number of distinct relevant histories, and
// that number is capped per node by widening (merging everything that reaches the node), which may
// report a conflict that no real walk can produce but never misses one. Facts that no later node
// can use (an answer no later condition tests, an item whose partners cannot follow) are dropped on
// arrival, as a compiler drops dead variables; that keeps the combinations few in real routines.
import { dirname, relative } from 'node:path';
import { answerIds, successors } from './check-graph.js';
import type { Uses } from './compile.js';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import { findField, resolveRef, type CCondition, type CNode, type CompiledRoutine, type Route } from '../core/model.js';

/** Fact sets kept per node before they are merged into one (sound, less precise). */
export const STATES_PER_NODE = 1024;
/** Unknown branch conditions or multiple-choice options enumerated at one node before widening. */
const MAX_FORK_BITS = 10;

type Leaf = Extract<CCondition, { q: string }>;
/** Three-valued: a condition on an answer the check does not follow may be either. */
type Tri = 0 | 1 | 2;
const UNKNOWN: Tri = 2;

/** A value tracked for a tested answer; ANSWERED when only "answered or not" can be known. */
const ANSWERED = '\u0000answered';

interface Tracked {
  ref: string;
  node: string;
  /** Values the answer can take when the node is visited; '' stands for "left empty". */
  values: string[];
  bits: Map<string, bigint>;
  all: bigint;
}

interface Site {
  key: string;
  pos: Position;
  /** The node whose visit or route puts it on the path. */
  node: string;
}

function leavesOf(c: CCondition, out: Leaf[]): void {
  if ('all' in c) c.all.forEach((x) => leavesOf(x, out));
  else if ('any' in c) c.any.forEach((x) => leavesOf(x, out));
  else if ('not' in c) leavesOf(c.not, out);
  else if (!('const' in c)) out.push(c);
}

function domainOf(node: CNode, field: string | undefined): { values: string[]; optional: boolean } {
  if (field === undefined) {
    const ids = node.kind === 'question' && node.type !== 'multi' ? answerIds(node) : undefined;
    const optional = node.kind === 'question' && node.optional === true;
    return { values: ids ?? [ANSWERED], optional };
  }
  if (field === 'answered_at') return { values: [ANSWERED], optional: false };
  if (field === 'carried_out_at') return { values: [ANSWERED], optional: true };
  const f = findField(node, field);
  const optional = f?.optional === true;
  return { values: f?.type === 'yesno' ? ['yes', 'no'] : [ANSWERED], optional };
}

const norm = (v: unknown): string => (v === true ? 'yes' : v === false ? 'no' : String(v));

function and(xs: Tri[]): Tri {
  if (xs.includes(0)) return 0;
  return xs.includes(UNKNOWN) ? UNKNOWN : 1;
}
function or(xs: Tri[]): Tri {
  if (xs.includes(1)) return 1;
  return xs.includes(UNKNOWN) ? UNKNOWN : 0;
}

export function checkConflicts(r: CompiledRoutine, uses: Uses): Diagnostic[] {
  const out: Diagnostic[] = [];

  // ------------------------------------------------ the declared pairs
  const pairs = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!pairs.has(a)) pairs.set(a, new Set());
    if (!pairs.has(b)) pairs.set(b, new Set());
    pairs.get(a)?.add(b);
    pairs.get(b)?.add(a);
  };
  for (const c of uses.conflicts) {
    let ok = true;
    if (!r.checklist.has(c.target)) {
      out.push(diag('unknown-conflict', c.pos, { item: c.target }));
      ok = false;
    }
    if (c.fromPos && !r.checklist.has(c.from.slice('item:'.length))) {
      out.push(diag('unknown-conflict', c.fromPos, { item: c.from.slice('item:'.length) }));
      ok = false;
    }
    if (c.from.startsWith('option:') && !r.nodes.has(c.from.slice('option:'.length).split('=')[0] as string)) ok = false;
    if (ok) link(c.from, `item:${c.target}`);
  }
  if (pairs.size === 0 || !r.nodes.has(r.start)) return out;

  // ------------------------------------------------ bits: one per place that puts a conflicting thing on the path
  let nextBit = 1n; // bit 0 marks a widened (merged) fact set
  const WIDE = 1n;
  const bitsOfKey = new Map<string, bigint>();
  const newBit = (): bigint => {
    nextBit <<= 1n;
    return nextBit;
  };
  // One bit per conflicting item or option, not per place: paths that put the same item on the
  // list at different places merge. The places are kept to name one in the diagnostic.
  const sitesOfKey = new Map<string, Site[]>();
  const addSite = (key: string, pos: Position, node: string): bigint => {
    let b = bitsOfKey.get(key);
    if (b === undefined) bitsOfKey.set(key, (b = newBit()));
    sitesOfKey.set(key, [...(sitesOfKey.get(key) ?? []), { key, pos, node }]);
    return b;
  };
  /** Bits a node's or a route's checklist adds. */
  const itemBits = new Map<object, bigint>();
  const bitsFor = (owner: object, node: string, ids: string[]): bigint => {
    let bits = 0n;
    const where = uses.itemSites.get(owner) ?? [];
    ids.forEach((id, i) => {
      if (!pairs.has(`item:${id}`)) return;
      const pos = where[i] ?? (r.checklist.get(id)?.pos as Position);
      bits |= addSite(`item:${id}`, pos, node);
    });
    return bits;
  };
  const optionBit = new Map<string, bigint>();
  for (const n of r.nodes.values()) {
    itemBits.set(n, bitsFor(n, n.id, n.checklist));
    for (const rt of n.routes) itemBits.set(rt, bitsFor(rt, n.id, rt.checklist));
    if (n.kind === 'question') {
      for (const o of n.options ?? []) {
        const key = `option:${n.id}=${o.id}`;
        if (!pairs.has(key)) continue;
        const pos = uses.optionPos.get(`${n.id}=${o.id}`) ?? n.pos;
        optionBit.set(`${n.id}=${o.id}`, addSite(key, pos, n.id));
      }
    }
  }

  // ------------------------------------------------ answers that conditions test
  const tracked = new Map<string, Tracked>();
  const trackedByNode = new Map<string, Tracked[]>();
  for (const n of r.nodes.values()) {
    for (const rt of n.routes) {
      if (!rt.when) continue;
      const ls: Leaf[] = [];
      leavesOf(rt.when, ls);
      for (const l of ls) {
        if (tracked.has(l.q)) continue;
        const target = resolveRef(r.nodes, l.q);
        if (!target) continue;
        const d = domainOf(target.node, target.field);
        const values = d.optional ? [...d.values, ''] : d.values;
        const bits = new Map<string, bigint>();
        let all = 0n;
        for (const v of values) {
          if (v === '') continue;
          const b = newBit();
          bits.set(v, b);
          all |= b;
        }
        const t: Tracked = { ref: l.q, node: target.node.id, values, bits, all };
        tracked.set(l.q, t);
        trackedByNode.set(target.node.id, [...(trackedByNode.get(target.node.id) ?? []), t]);
      }
    }
  }

  // ------------------------------------------------ liveness: which facts a node can still use
  const ids = [...r.nodes.keys()];
  const preds = new Map<string, string[]>();
  for (const n of r.nodes.values()) for (const s2 of successors(n)) preds.set(s2, [...(preds.get(s2) ?? []), n.id]);
  const tested = new Map<string, bigint>();
  const added = new Map<string, Set<string>>();
  for (const n of r.nodes.values()) {
    let bits = 0n;
    for (const rt of n.routes) {
      if (!rt.when) continue;
      const ls: Leaf[] = [];
      leavesOf(rt.when, ls);
      for (const l of ls) bits |= tracked.get(l.q)?.all ?? 0n;
    }
    tested.set(n.id, bits);
    const keys = new Set<string>();
    for (const id of [...n.checklist, ...n.routes.flatMap((rt) => rt.checklist)]) if (pairs.has(`item:${id}`)) keys.add(`item:${id}`);
    if (n.kind === 'question') for (const o of n.options ?? []) if (pairs.has(`option:${n.id}=${o.id}`)) keys.add(`option:${n.id}=${o.id}`);
    added.set(n.id, keys);
  }
  // Backward fixpoint: what is tested, or can be added, at a node or anywhere after it.
  const liveTests = new Map<string, bigint>(ids.map((id) => [id, tested.get(id) ?? 0n]));
  const addable = new Map<string, Set<string>>(ids.map((id) => [id, new Set(added.get(id))]));
  const queue = [...ids];
  const queued = new Set(queue);
  while (queue.length) {
    const id = queue.pop() as string;
    queued.delete(id);
    const lt = liveTests.get(id) as bigint;
    const ad = addable.get(id) as Set<string>;
    for (const p of preds.get(id) ?? []) {
      const plt = liveTests.get(p) as bigint;
      const pad = addable.get(p) as Set<string>;
      let changed = (plt | lt) !== plt;
      if (changed) liveTests.set(p, plt | lt);
      for (const k of ad) if (!pad.has(k)) (pad.add(k), (changed = true));
      if (changed && !queued.has(p)) (queue.push(p), queued.add(p));
    }
  }
  const liveMask = new Map<string, bigint>();
  for (const id of ids) {
    let mask = WIDE | (liveTests.get(id) as bigint);
    const ad = addable.get(id) as Set<string>;
    for (const [key, partners] of pairs) {
      if ([...partners].some((p) => ad.has(p))) mask |= bitsOfKey.get(key) ?? 0n;
    }
    liveMask.set(id, mask);
  }

  // ------------------------------------------------ three-valued conditions on a fact set
  const evalLeaf = (c: Leaf, f: bigint): Tri => {
    const t = tracked.get(c.q);
    if (!t || (f & WIDE) !== 0n) return UNKNOWN;
    let value: string | undefined;
    for (const [v, b] of t.bits) if ((f & b) !== 0n) value = v;
    if (c.answered !== undefined) return c.answered === (value !== undefined) ? 1 : 0;
    if (value === undefined) return 0;
    if (value === ANSWERED) return UNKNOWN;
    if (c.includes !== undefined) return UNKNOWN;
    if (c.eq !== undefined) return value === norm(c.eq) ? 1 : 0;
    if (c.ne !== undefined) return value !== norm(c.ne) ? 1 : 0;
    if (c.in !== undefined) return c.in.some((x) => norm(x) === value) ? 1 : 0;
    return UNKNOWN;
  };
  const evalCond = (c: CCondition, f: bigint): Tri => {
    if ('all' in c) return and(c.all.map((x) => evalCond(x, f)));
    if ('any' in c) return or(c.any.map((x) => evalCond(x, f)));
    if ('not' in c) {
      const v = evalCond(c.not, f);
      return v === UNKNOWN ? UNKNOWN : v === 1 ? 0 : 1;
    }
    if ('const' in c) return c.const ? 1 : 0;
    return evalLeaf(c, f);
  };

  // ------------------------------------------------ conflicts in one fact set
  const reported = new Set<string>();
  // The first place (in file order) of an item that lies on a way to the node where the conflict shows.
  const reach = new Map<string, Set<string>>();
  const reachable = (from: string): Set<string> => {
    let seen = reach.get(from);
    if (seen) return seen;
    seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const id = stack.pop() as string;
      const node = r.nodes.get(id);
      for (const s2 of node ? successors(node) : []) if (!seen.has(s2)) (seen.add(s2), stack.push(s2));
    }
    reach.set(from, seen);
    return seen;
  };
  const siteFor = (key: string, at: string): Site => {
    const all = sitesOfKey.get(key) ?? [];
    return all.find((x) => reachable(x.node).has(at)) ?? (all[0] as Site);
  };
  const before = (a: Site, b: Site) => a.pos.file.localeCompare(b.pos.file) || a.pos.line - b.pos.line || a.pos.col - b.pos.col;
  // Each unordered pair once, with its bits, so that checking a fact set is a few AND operations.
  const pairList: { a: string; b: string; ba: bigint; bb: bigint }[] = [];
  for (const [a, others] of pairs) {
    for (const b of others) {
      if (a < b) pairList.push({ a, b, ba: bitsOfKey.get(a) ?? 0n, bb: bitsOfKey.get(b) ?? 0n });
    }
  }
  let open = pairList.filter((p) => p.ba !== 0n && p.bb !== 0n);
  const report = (f: bigint, at: string) => {
    let hit = false;
    for (const p of open) {
      const ba = p.ba & f;
      const bb = p.bb & f;
      if (ba === 0n || bb === 0n) continue;
      hit = true;
      const key = `${p.a}|${p.b}`;
      reported.add(key);
      const sa = siteFor(p.a, at);
      const sb = siteFor(p.b, at);
      const [s1, s2] = before(sa, sb) <= 0 ? [sa, sb] : [sb, sa];
      const rel = relative(dirname(s1.pos.file), s2.pos.file).split('\\').join('/');
      out.push(
        diag('conflict', s1.pos, {
          a: label(s1.key),
          b: label(s2.key),
          other: s1.pos.file === s2.pos.file ? `${s2.pos.line}:${s2.pos.col}` : `${rel}:${s2.pos.line}:${s2.pos.col}`,
        }),
      );
    }
    if (hit) open = open.filter((p) => !reported.has(`${p.a}|${p.b}`));
  };

  // ------------------------------------------------ the dataflow
  const states = new Map<string, Set<bigint>>();
  const wide = new Map<string, bigint>();
  const work: [string, bigint][] = [];
  const arrive = (id: string, full: bigint) => {
    if (!r.nodes.has(id)) return;
    const f = full & (liveMask.get(id) as bigint);
    const w = wide.get(id);
    if (w !== undefined) {
      const merged = w | f | WIDE;
      if (merged !== w) {
        wide.set(id, merged);
        work.push([id, merged]);
      }
      return;
    }
    let set = states.get(id);
    if (!set) states.set(id, (set = new Set()));
    if (set.has(f)) return;
    set.add(f);
    if (set.size > STATES_PER_NODE) {
      let merged = WIDE;
      for (const x of set) merged |= x;
      wide.set(id, merged);
      work.push([id, merged]);
      return;
    }
    work.push([id, f]);
  };

  /** Every combination of the tracked answers this node records, applied to f. */
  const withAnswers = (n: CNode, f: bigint): bigint[] => {
    let out: bigint[] = [f];
    for (const t of trackedByNode.get(n.id) ?? []) {
      if (t.ref === n.id) continue; // the question's own answer is forked with its routes below
      const next: bigint[] = [];
      for (const g of out) {
        for (const v of t.values) next.push((g & ~t.all) | (v === '' ? 0n : (t.bits.get(v) as bigint)));
      }
      out = next;
    }
    return out;
  };

  type Choice = { value: string | undefined; hit: (rt: Route) => boolean; option: bigint };
  const choiceCache = new Map<string, Choice[]>();
  const branchCache = new Map<string, Route[]>();
  const choicesOf = (n: CNode): Choice[] => {
    let c = choiceCache.get(n.id);
    if (!c) choiceCache.set(n.id, (c = answerChoices(n)));
    return c;
  };
  const answerChoices = (n: CNode): Choice[] => {
    if (n.kind !== 'question') return [{ value: undefined, hit: () => false, option: 0n }];
    const ids = answerIds(n);
    const empty = { value: undefined, hit: () => false, option: 0n };
    if (ids === undefined) return [{ value: ANSWERED, hit: () => false, option: 0n }, ...(n.optional ? [empty] : [])];
    if (n.type !== 'multi') {
      const one = ids.map((id) => ({ value: id, hit: (rt: Route) => rt.answer === id, option: optionBit.get(`${n.id}=${id}`) ?? 0n }));
      return n.optional ? [...one, empty] : one;
    }
    // Multiple choice: only the options that change something here are enumerated.
    const matter = ids.filter((id) => optionBit.has(`${n.id}=${id}`) || n.routes.some((rt) => rt.answer === id));
    if (matter.length > MAX_FORK_BITS) {
      let all = 0n;
      for (const id of matter) all |= optionBit.get(`${n.id}=${id}`) ?? 0n;
      return [{ value: ANSWERED, hit: (rt) => rt.answer !== undefined, option: all }];
    }
    const out: Choice[] = [];
    for (let mask = 0; mask < 1 << matter.length; mask++) {
      const chosen = new Set(matter.filter((_, i) => (mask & (1 << i)) !== 0));
      let option = 0n;
      for (const id of chosen) option |= optionBit.get(`${n.id}=${id}`) ?? 0n;
      out.push({ value: ANSWERED, hit: (rt) => rt.answer !== undefined && chosen.has(rt.answer), option });
    }
    return out;
  };

  const step = (n: CNode, f0: bigint) => {
    if (n.kind === 'end') {
      report(f0 | (itemBits.get(n) ?? 0n), n.id);
      return;
    }
    const own = trackedByNode.get(n.id)?.find((t) => t.ref === n.id);
    for (const f1 of withAnswers(n, f0)) {
      for (const choice of choicesOf(n)) {
        let f = f1 | (itemBits.get(n) ?? 0n) | choice.option;
        if (own) {
          const v = choice.value;
          f = (f & ~own.all) | (v === undefined ? 0n : (own.bits.get(v) ?? 0n));
        }
        let next: string | undefined;
        for (const rt of n.routes) {
          if (rt.answer === undefined || !choice.hit(rt)) continue;
          f |= itemBits.get(rt) ?? 0n;
          if (next === undefined && rt.next !== undefined) next = rt.next;
        }
        let branches = branchCache.get(n.id);
        if (!branches) branchCache.set(n.id, (branches = n.routes.filter((rt) => rt.when !== undefined)));
        const verdicts = branches.map((rt) => evalCond(rt.when as CCondition, f));
        const open = verdicts.map((v, i) => (v === UNKNOWN ? i : -1)).filter((i) => i >= 0);
        const combos = open.length > MAX_FORK_BITS ? [-1] : Array.from({ length: 1 << open.length }, (_, m) => m);
        for (const m of combos) {
          let g = f;
          let to = next;
          branches.forEach((rt, i) => {
            const k = open.indexOf(i);
            // Past the fork limit every unknown branch counts as taken for its items (sound), and
            // the walk may go to any of their targets.
            const taken = verdicts[i] === 1 || (k >= 0 && (m === -1 || (m & (1 << k)) !== 0));
            if (!taken) return;
            g |= itemBits.get(rt) ?? 0n;
            if (to === undefined && rt.next !== undefined && m !== -1) to = rt.next;
          });
          report(g, n.id);
          if (m === -1) {
            for (const s of successors(n)) arrive(s, g);
            continue;
          }
          const dest = to ?? n.next;
          if (dest !== undefined) arrive(dest, g);
        }
      }
    }
  };

  arrive(r.start, 0n);
  while (work.length) {
    const [id, f] = work.pop() as [string, bigint];
    const w = wide.get(id);
    if (w !== undefined && f !== w) continue; // superseded by a wider fact set
    step(r.nodes.get(id) as CNode, f);
  }
  return out;

  function label(key: string): string {
    return key.startsWith('item:') ? key.slice('item:'.length) : key.slice('option:'.length);
  }
}
