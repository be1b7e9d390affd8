// The answers the conflict check forks on at a node: each single answer, each combination of the
// multiple-choice options that change something, or one widened choice past the fork limit.
import { answerIds } from './check-graph.js';
import { ANSWERED } from './conflict-facts.js';
import type { CNode, Route } from '../core/model.js';

/** Unknown branch conditions or multiple-choice options enumerated at one node before widening. */
export const MAX_FORK_BITS = 10;

export interface Choice {
  /** The tracked value of the answer; undefined when left empty. */
  value: string | undefined;
  /** Whether an answer route is taken with this choice. */
  hit: (rt: Route) => boolean;
  /** Bits of the conflicting options chosen. */
  option: bigint;
}

export function answerChoices(n: CNode, optionBit: Map<string, bigint>): Choice[] {
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
}
