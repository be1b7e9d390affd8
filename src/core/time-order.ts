// Times that must come in order: a decision cannot be carried out before it was made, and a
// routine may say the same of any recorded time (`not_before`). Pure and declarative: the rules
// come from the node, the other times from the event itself or the path (via `lookup`).
import { findField, type CNode } from './model.js';
import type { Text } from './schema.js';
import type { InputEvent } from './events.js';
import type { Value } from './conditions.js';

export interface OrderRule {
  /** The field that must not be earlier; absent for a datetime question's own answer. */
  field?: string;
  /** A field of the same node, or `node.field` (relative to the node's module, as in `due.from`). */
  notBefore: string;
}

export interface OrderViolation {
  field?: string;
  label?: Text;
  other: string;
  otherLabel?: Text;
  value: string;
  otherValue: string;
}

/** The rules a node carries: declared ones, and a decision's carried-out time never before its decision time. */
export function orderRules(n: CNode): OrderRule[] {
  const rules: OrderRule[] = [];
  if (n.kind === 'question' && n.type === 'datetime' && n.not_before !== undefined) rules.push({ notBefore: n.not_before });
  if (n.kind === 'decision' && n.carried_out) rules.push({ field: 'carried_out_at', notBefore: 'decided_at' });
  if (n.kind === 'step' || n.kind === 'decision') {
    for (const f of n.record ?? []) if (f.not_before !== undefined) rules.push({ field: f.id, notBefore: f.not_before });
  }
  return rules;
}

/** True when `ref` names a time recorded by the node itself (not its answered_at, which is the typing time). */
export function isOwnField(n: CNode, ref: string): boolean {
  return ref !== 'answered_at' && findField(n, ref) !== undefined;
}

function ownValue(e: InputEvent, field: string | undefined): Value {
  if (e.t === 'answered') return field === undefined ? e.value : undefined;
  if (field === undefined) return undefined;
  if (e.t === 'decided') {
    if (field === 'decided_at') return e.decided_at;
    if (field === 'carried_out_at') return e.carried_out_at;
  }
  return e.fields[field];
}

export function checkOrder(n: CNode, e: InputEvent, lookup?: (ref: string) => Value): OrderViolation | undefined {
  for (const rule of orderRules(n)) {
    const value = ownValue(e, rule.field);
    const own = isOwnField(n, rule.notBefore);
    const other = own ? ownValue(e, rule.notBefore) : lookup?.(n.scope + rule.notBefore);
    // A time not recorded (yet) cannot be out of order; the deadline that needs it waits for it.
    if (typeof value !== 'string' || typeof other !== 'string') continue;
    const [a, b] = [Date.parse(value), Date.parse(other)];
    if (Number.isNaN(a) || Number.isNaN(b) || a >= b) continue;
    const label = rule.field !== undefined ? findField(n, rule.field)?.label : undefined;
    const otherLabel = own ? findField(n, rule.notBefore)?.label : undefined;
    return {
      ...(rule.field !== undefined ? { field: rule.field } : {}),
      ...(label ? { label } : {}),
      other: rule.notBefore,
      ...(otherLabel ? { otherLabel } : {}),
      value,
      otherValue: other,
    };
  }
  return undefined;
}
