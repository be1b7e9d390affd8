// Checks of what the graph names: conditions, checklist items, deadlines, legal references,
// contacts, and the routine's own review dates. `today` is passed in; nothing here reads a clock.
import { answerIds, dominanceTest, dominators } from './check-graph.js';
import type { Uses } from './compile.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { findField, recordedFields, resolveRef, type CCondition, type CNode, type CompiledRoutine } from '../core/model.js';
import { isOwnField, orderRules } from '../core/time-order.js';

const OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'includes', 'answered'] as const;
const ORDER_OPS = ['lt', 'lte', 'gt', 'gte'] as const;

/** Days between two YYYY-MM-DD dates; plain arithmetic on UTC midnights, no clock involved. */
const dayDiff = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

function leaves(c: CCondition): Extract<CCondition, { q: string }>[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  if ('const' in c) return [];
  return [c];
}

type Leaf = Extract<CCondition, { q: string }>;

function valueType(node: CNode, field: string | undefined): string {
  if (field !== undefined) return findField(node, field)?.type ?? 'unknown';
  return node.kind === 'question' ? node.type : 'none';
}

function checkLeaf(r: CompiledRoutine, at: CNode, c: Leaf, dominates: (a: string, b: string) => boolean, out: Diagnostic[]): void {
  const target = resolveRef(r.nodes, c.q);
  const type = target ? valueType(target.node, target.field) : 'unknown';
  if (!target || type === 'unknown' || type === 'none') {
    out.push(diag('unknown-question', c.pos, { q: c.q }));
    return;
  }
  const ops = OPS.filter((o) => c[o] !== undefined);
  if (ops.length !== 1) {
    out.push(diag('condition-type', c.pos, { q: c.q, op: ops.join('+') || '-', type }));
    return;
  }
  const op = ops[0] as (typeof OPS)[number];
  const ordered = (ORDER_OPS as readonly string[]).includes(op);
  const fits =
    op === 'answered' ||
    (op === 'includes' && type === 'multi') ||
    (ordered && (type === 'number' || type === 'datetime')) ||
    ((op === 'eq' || op === 'ne' || op === 'in') && type !== 'multi');
  if (!fits) {
    out.push(diag('condition-type', c.pos, { q: c.q, op, type }));
    return;
  }
  const allowed = target.field === undefined ? answerIds(target.node) : type === 'yesno' ? ['yes', 'no'] : undefined;
  if (allowed) {
    const named = op === 'in' ? (c.in ?? []) : op === 'eq' ? [c.eq] : op === 'ne' ? [c.ne] : op === 'includes' ? [c.includes] : [];
    for (const v of named) {
      const norm = v === true ? 'yes' : v === false ? 'no' : String(v);
      if (!allowed.includes(norm)) out.push(diag('unknown-option', c.pos, { q: c.q, option: String(v), allowed: allowed.join(', ') }));
    }
  }
  if (op !== 'answered' && !dominates(target.node.id, at.id)) {
    out.push(diag('condition-unanswered', c.pos, { q: c.q, node: at.id }));
  }
}

export function checkReferences(
  r: CompiledRoutine,
  uses: Uses,
  opts: { today: string; contacts?: ReadonlySet<string> | undefined },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dominates = dominanceTest(dominators(r));
  for (const n of r.nodes.values()) {
    for (const route of n.routes) if (route.when) leaves(route.when).forEach((l) => checkLeaf(r, n, l, dominates, out));
    if ('contact' in n && n.contact !== undefined && opts.contacts && !opts.contacts.has(n.contact)) {
      out.push(diag('unknown-contact', n.pos, { role: n.contact }));
    }
    checkTimeRules(r, n, out);
  }

  const usedItems = new Set<string>();
  for (const u of uses.items) {
    usedItems.add(u.id);
    if (!r.checklist.has(u.id)) out.push(diag('unknown-checklist-item', u.pos, { item: u.id }));
  }
  for (const item of r.checklist.values()) {
    if (!usedItems.has(item.id)) out.push(diag('unused-checklist-item', item.pos, { item: item.id }));
    if (item.dueFrom === undefined) continue;
    const pos = uses.dueFrom.get(item.id) ?? item.pos;
    const src = resolveRef(r.nodes, item.dueFrom);
    const prunedSource = [...uses.pruned].some((id) => item.dueFrom === id || item.dueFrom?.startsWith(`${id}.`));
    if (!src && prunedSource) continue;
    if (!src) {
      out.push(diag('unknown-deadline-source', pos, { from: item.dueFrom }));
      continue;
    }
    const type = valueType(src.node, src.field);
    if (type === 'unknown') out.push(diag('unknown-deadline-source', pos, { from: item.dueFrom }));
    else if (type !== 'datetime') out.push(diag('deadline-source-type', pos, { from: item.dueFrom, type }));
    else if (src.field === 'answered_at') {
      // The node records when it happened; the typing time can be hours or days off.
      const own = recordedFields(src.node).find((f) => f.type === 'datetime' && f.id !== 'answered_at');
      if (own) out.push(diag('deadline-from-typing-time', pos, { from: item.dueFrom, use: `${src.node.id}.${own.id}` }));
    }
  }

  const reported = new Set<string>();
  for (const u of uses.references) {
    const ref = r.references.get(u.id);
    if (!ref) {
      out.push(diag('unknown-reference', u.pos, { ref: u.id }));
      continue;
    }
    if (reported.has(u.id)) continue;
    reported.add(u.id);
    if (ref.valid_until !== undefined && ref.valid_until < opts.today) {
      out.push(diag('reference-expired', u.pos, { ref: u.id, until: ref.valid_until }));
    } else if (ref.valid_from > opts.today) {
      out.push(diag('reference-not-yet-valid', u.pos, { ref: u.id, from: ref.valid_from }));
    } else if (ref.valid_until !== undefined && dayDiff(opts.today, ref.valid_until) <= 60) {
      out.push(diag('reference-expires-soon', u.pos, { ref: u.id, until: ref.valid_until }));
    }
    if (ref.verify) out.push(diag('reference-unverified', u.pos, { ref: u.id }));
  }
  return out;
}

/** `planned` and `not_before` belong to times, and `not_before` must name a time the routine records. */
function checkTimeRules(r: CompiledRoutine, n: CNode, out: Diagnostic[]): void {
  const declared: { id: string; type: string; planned?: boolean | undefined; not_before?: string | undefined }[] =
    n.kind === 'question' ? [{ id: n.id, type: n.type, planned: n.planned, not_before: n.not_before }] : n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : [];
  for (const f of declared) {
    if (f.type !== 'datetime' && (f.planned !== undefined || f.not_before !== undefined)) {
      out.push(diag('time-rule-type', n.pos, { field: f.id, type: f.type }));
    }
  }
  for (const rule of orderRules(n)) {
    if (isOwnField(n, rule.notBefore)) {
      if (findField(n, rule.notBefore)?.type === 'datetime') continue;
    } else {
      const other = resolveRef(r.nodes, n.scope + rule.notBefore);
      if (other && other.field !== undefined && other.field !== 'answered_at' && findField(other.node, other.field)?.type === 'datetime') continue;
      if (other && other.field === undefined && other.node.kind === 'question' && other.node.type === 'datetime') continue;
    }
    out.push(diag('unknown-time-order', n.pos, { field: rule.field ?? n.id, ref: rule.notBefore }));
  }
}
