// Checks one input against the node it answers. Pure: times arrive already parsed to ISO instants
// by the prompt or the answers file; here they are only checked.
import type { CNode } from '../core/model.js';
import type { Field } from '../core/schema.js';
import type { Text } from '../core/schema.js';
import type { AnswerValue, InputEvent } from '../core/events.js';
import type { Value } from '../core/conditions.js';
import { checkOrder } from '../core/time-order.js';
import { isStrictInstant, type TimeProblem } from './times.js';

export type InputError =
  | { kind: 'not-current'; node: string; current: string | null }
  | { kind: 'wrong-kind'; node: string; expected: InputEvent['t'] }
  | { kind: 'required'; node: string; field?: string }
  | { kind: 'not-an-option'; node: string; value: string; allowed: string[]; field?: string }
  | { kind: 'not-a-number'; node: string; field?: string }
  | { kind: 'out-of-range'; node: string; min?: number; max?: number }
  | { kind: 'not-a-time'; node: string; field?: string }
  /** A typed time that reads as a time but cannot be taken: in the future, in a DST gap or overlap, no such date. */
  | { kind: 'bad-time'; node: string; field?: string; problem: TimeProblem }
  | { kind: 'unknown-field'; node: string; field: string }
  | { kind: 'not-on-path'; node: string }
  /** A time earlier than one it may not precede (carried out before decided, `not_before`). */
  | { kind: 'time-before'; node: string; field?: string; label?: Text; other: string; otherLabel?: Text; value: string; otherValue: string }
  | { kind: 'not-deferrable'; node: string; field?: string }
  | { kind: 'not-deferred'; node: string; field?: string }
  /** Filling in what was left for later would lead the walk elsewhere (a log from another routine version). */
  | { kind: 'changes-path'; node: string }
  | { kind: 'finished' };

/** A full ISO instant with offset whose date exists: 2026-02-30 is refused, not rolled over. */
export const isInstant = (s: unknown): s is string => isStrictInstant(s);

export function expectedEvent(node: CNode): InputEvent['t'] | undefined {
  return node.kind === 'question' ? 'answered' : node.kind === 'step' ? 'recorded' : node.kind === 'decision' ? 'decided' : undefined;
}

function checkAnswer(node: Extract<CNode, { kind: 'question' }>, value: AnswerValue): InputError | undefined {
  const id = node.id;
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0 && node.type !== 'multi')) {
    return node.optional ? undefined : { kind: 'required', node: id };
  }
  switch (node.type) {
    case 'yesno':
      return value === 'yes' || value === 'no' ? undefined : { kind: 'not-an-option', node: id, value: String(value), allowed: ['yes', 'no'] };
    case 'choice': {
      const allowed = (node.options ?? []).map((o) => o.id);
      return typeof value === 'string' && allowed.includes(value) ? undefined : { kind: 'not-an-option', node: id, value: String(value), allowed };
    }
    case 'multi': {
      const allowed = (node.options ?? []).map((o) => o.id);
      if (!Array.isArray(value)) return { kind: 'not-an-option', node: id, value: String(value), allowed };
      if (value.length === 0 && !node.optional) return { kind: 'required', node: id };
      const bad = value.find((v) => !allowed.includes(v));
      return bad === undefined ? undefined : { kind: 'not-an-option', node: id, value: bad, allowed };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'not-a-number', node: id };
      if ((node.min !== undefined && value < node.min) || (node.max !== undefined && value > node.max)) {
        return { kind: 'out-of-range', node: id, ...(node.min !== undefined ? { min: node.min } : {}), ...(node.max !== undefined ? { max: node.max } : {}) };
      }
      return undefined;
    }
    case 'datetime':
      return isInstant(value) ? undefined : { kind: 'not-a-time', node: id };
    case 'text':
      return typeof value === 'string' ? undefined : { kind: 'required', node: id };
  }
}

/** `later`: fields left "fyll i senare", which must be empty and may be deferred at all. */
export function checkFields(
  nodeId: string,
  fields: readonly Field[],
  given: Record<string, string | number | null>,
  later: readonly string[] = [],
  deferrable: (field: string) => boolean = () => false,
): InputError | undefined {
  for (const key of Object.keys(given)) {
    if (!fields.some((f) => f.id === key)) return { kind: 'unknown-field', node: nodeId, field: key };
  }
  for (const key of later) {
    if (!fields.some((f) => f.id === key)) return { kind: 'unknown-field', node: nodeId, field: key };
    const v = given[key];
    if (!deferrable(key) || (v !== undefined && v !== null && v !== '')) return { kind: 'not-deferrable', node: nodeId, field: key };
  }
  for (const f of fields) {
    const v = given[f.id];
    if (v === undefined || v === null || v === '') {
      if (!f.optional && !later.includes(f.id)) return { kind: 'required', node: nodeId, field: f.id };
      continue;
    }
    if (f.type === 'datetime' && !isInstant(v)) return { kind: 'not-a-time', node: nodeId, field: f.id };
    if (f.type === 'number' && typeof v !== 'number') return { kind: 'not-a-number', node: nodeId, field: f.id };
    if (f.type === 'yesno' && v !== 'yes' && v !== 'no') return { kind: 'not-an-option', node: nodeId, value: String(v), allowed: ['yes', 'no'], field: f.id };
  }
  return undefined;
}

/**
 * `lookup` gives times recorded earlier on the path, for `not_before` rules that name another node;
 * `deferrable` says which record fields may be left "fyll i senare" (see engine/later.ts).
 */
export function checkInput(
  node: CNode,
  event: InputEvent,
  lookup?: (ref: string) => Value,
  deferrable?: (field: string) => boolean,
): InputError | undefined {
  const error = checkShape(node, event, deferrable);
  if (error) return error;
  const order = checkOrder(node, event, lookup);
  return order ? { kind: 'time-before', node: node.id, ...order } : undefined;
}

function checkShape(node: CNode, event: InputEvent, deferrable?: (field: string) => boolean): InputError | undefined {
  const expected = expectedEvent(node);
  if (expected === undefined) return { kind: 'finished' };
  if (event.t !== expected) return { kind: 'wrong-kind', node: node.id, expected };
  if (event.t === 'answered' && node.kind === 'question') return checkAnswer(node, event.value);
  if (event.t === 'recorded' && node.kind === 'step') return checkFields(node.id, node.record ?? [], event.fields, event.later, deferrable);
  if (event.t === 'decided' && node.kind === 'decision') {
    if (event.decided_by.trim() === '') return { kind: 'required', node: node.id, field: 'decided_by' };
    if (!isInstant(event.decided_at)) return { kind: 'not-a-time', node: node.id, field: 'decided_at' };
    if (node.grounds) {
      const allowed = node.grounds.map((g) => g.id);
      if (event.ground === null || !allowed.includes(event.ground)) {
        return { kind: 'not-an-option', node: node.id, value: String(event.ground), allowed, field: 'ground' };
      }
    }
    // The execution time may be unknown when the decision is recorded; the 8 § deadline waits for it.
    if (node.carried_out && event.carried_out_at !== null && !isInstant(event.carried_out_at)) {
      return { kind: 'not-a-time', node: node.id, field: 'carried_out_at' };
    }
    return checkFields(node.id, node.record ?? [], event.fields, event.later, deferrable);
  }
  return undefined;
}
