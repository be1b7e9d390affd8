// The bits of the conflict check's fact sets: one per conflicting item or option, and one per value
// of each answer that a branch condition tests, so that paths with the same relevant history are
// one number and merge. Bits are handed out in the order of the routine's nodes, on every run alike.
import { answerIds } from './check-graph.js';
import type { Uses } from './compile.js';
import { branchLeaves } from './conflict-conditions.js';
import { ANSWERED, WIDE, type Site, type Tracked } from './conflict-facts.js';
import type { Pairs } from './conflict-pairs.js';
import type { Position } from '../core/diagnostics.js';
import { findField, resolveRef, type CNode, type CompiledRoutine } from '../core/model.js';

export interface FactBits {
  /** The bit of each conflicting key. */
  bitsOfKey: Map<string, bigint>;
  /** Every place that puts a key on the path, to name one in the diagnostic. */
  sitesOfKey: Map<string, Site[]>;
  /** Bits a node's or a route's checklist adds. */
  itemBits: Map<object, bigint>;
  /** The bit of a conflicting answer option, by `node=option`. */
  optionBit: Map<string, bigint>;
  /** Answers that conditions test, by the reference the condition uses. */
  tracked: Map<string, Tracked>;
  trackedByNode: Map<string, Tracked[]>;
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

export function factBits(r: CompiledRoutine, uses: Uses, pairs: Pairs): FactBits {
  let nextBit = WIDE;
  const newBit = (): bigint => {
    nextBit <<= 1n;
    return nextBit;
  };

  // One bit per conflicting item or option, not per place: paths that put the same item on the
  // list at different places merge. The places are kept to name one in the diagnostic.
  const bitsOfKey = new Map<string, bigint>();
  const sitesOfKey = new Map<string, Site[]>();
  const addSite = (key: string, pos: Position, node: string): bigint => {
    let b = bitsOfKey.get(key);
    if (b === undefined) bitsOfKey.set(key, (b = newBit()));
    sitesOfKey.set(key, [...(sitesOfKey.get(key) ?? []), { key, pos, node }]);
    return b;
  };
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

  // Answers that conditions test: a bit for each value they can take.
  const tracked = new Map<string, Tracked>();
  const trackedByNode = new Map<string, Tracked[]>();
  for (const n of r.nodes.values()) {
    for (const l of branchLeaves(n)) {
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
  return { bitsOfKey, sitesOfKey, itemBits, optionBit, tracked, trackedByNode };
}
