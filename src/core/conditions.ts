// Evaluates compiled conditions against the values visible on the current path. An unanswered
// question makes a comparison false (only `answered: false` is true then), so a branch never
// fires on a guess.
import type { CCondition, CondValue } from './model.js';

export type Value = string | number | string[] | null | undefined;
export type Lookup = (ref: string) => Value;

const norm = (v: CondValue | string): string | number => (v === true ? 'yes' : v === false ? 'no' : v);

function compare(a: string | number, b: string | number): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? undefined : x - y;
  }
  // Recorded times and dates compare as instants, so `2026-12-03` and an ISO time with offset agree.
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return a.localeCompare(b);
}

export function evaluate(c: CCondition, lookup: Lookup): boolean {
  if ('all' in c) return c.all.every((x) => evaluate(x, lookup));
  if ('any' in c) return c.any.some((x) => evaluate(x, lookup));
  if ('not' in c) return !evaluate(c.not, lookup);
  if ('const' in c) return c.const;
  const v = lookup(c.q);
  const has = v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0 && c.includes === undefined);
  if (c.answered !== undefined) return c.answered === (v !== undefined && v !== null);
  if (!has) return false;
  if (c.includes !== undefined) return Array.isArray(v) && v.includes(c.includes);
  if (Array.isArray(v)) return false;
  const val = v as string | number;
  if (c.eq !== undefined) return compare(val, norm(c.eq)) === 0;
  if (c.ne !== undefined) return compare(val, norm(c.ne)) !== 0;
  if (c.in !== undefined) return c.in.some((x) => compare(val, norm(x)) === 0);
  const ord = (bound: number | string | undefined, ok: (d: number) => boolean) =>
    bound !== undefined && ((d) => d !== undefined && ok(d))(compare(val, bound));
  if (c.lt !== undefined) return ord(c.lt, (d) => d < 0);
  if (c.lte !== undefined) return ord(c.lte, (d) => d <= 0);
  if (c.gt !== undefined) return ord(c.gt, (d) => d > 0);
  if (c.gte !== undefined) return ord(c.gte, (d) => d >= 0);
  return false;
}
