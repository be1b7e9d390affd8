// The checklist of a session: every item the current path put on it, with owner, urgency,
// legal references, the deadline computed from the recorded time, and its status from the ticks.
import type { CCondition, CItem, CNode, CompiledRoutine } from '../core/model.js';
import type { Reference } from '../core/schema.js';
import { computeDeadline, deadlineStatus, type Deadline, type DeadlineStatus } from './deadlines.js';
import { evaluate } from '../core/conditions.js';
import { lookupIn, type Visit, type WalkState } from './walk.js';
import { conditionRefs, deferredRefs, readsDeferred } from './route.js';

export type ItemStatus =
  | { state: 'open' }
  | { state: 'done'; by: string; at: string }
  | { state: 'na'; by: string; at: string; reason: string };

export interface DeadlineInfo extends Deadline {
  from: string;
  fromRef: string;
  status: DeadlineStatus;
}

export interface ChecklistEntry {
  item: CItem;
  /** The node whose visit put the item on the list first. */
  addedBy: string;
  addedAt: string;
  status: ItemStatus;
  /** Computed deadline, or `waiting` when the time it counts from is not recorded yet. */
  deadline: DeadlineInfo | { waiting: string } | null;
  /** References cited by the item whose validity ends before the deadline, or before today. */
  expiredRefs: { id: string; until: string }[];
  /** Why the item is on the list: every visit, answer or branch on the path that put it there. */
  why: Reason[];
}

/**
 * One reason an item is on the list. `node` alone: the node itself lists the item (reaching it is
 * the reason). With `answer`: that answer to the question. With `when`: a branch whose condition
 * held; `asked` names the questions and fields the condition read, so a reader sees the answers.
 */
export type Reason =
  | { node: string }
  | { node: string; answer: string }
  | { node: string; when: CCondition; asked: string[] };

/** The reasons one visit gives, the same way `route` in walk.ts adds its items. */
function visitReasons(n: CNode, visit: Visit, pathSoFar: readonly Visit[]): Map<string, Reason[]> {
  const out = new Map<string, Reason[]>();
  const add = (id: string, reason: Reason) => out.set(id, [...(out.get(id) ?? []), reason]);
  for (const id of n.checklist) add(id, { node: n.id });
  const value = visit.input?.t === 'answered' ? visit.input.value : undefined;
  const lookup = lookupIn(pathSoFar);
  const deferred = deferredRefs(pathSoFar);
  for (const rt of n.routes) {
    if (rt.answer !== undefined) {
      const hit = Array.isArray(value) ? value.includes(rt.answer) : value === rt.answer;
      if (hit) for (const id of rt.checklist) add(id, { node: n.id, answer: rt.answer });
    } else if (rt.when !== undefined && rt.checklist.length && !readsDeferred(rt.when, deferred) && evaluate(rt.when, lookup)) {
      const asked = [...conditionRefs(rt.when)];
      for (const id of rt.checklist) add(id, { node: n.id, when: rt.when, asked });
    }
  }
  return out;
}

/** For every item on the list, the reasons in path order; pure, from the path alone. */
export function itemReasons(r: CompiledRoutine, path: readonly Visit[]): Map<string, Reason[]> {
  const all = new Map<string, Reason[]>();
  path.forEach((v, i) => {
    const n = r.nodes.get(v.node);
    if (!n) return;
    for (const [id, reasons] of visitReasons(n, v, path.slice(0, i + 1))) {
      if (v.items.includes(id)) all.set(id, [...(all.get(id) ?? []), ...reasons]);
    }
  });
  return all;
}

export const URGENCY_ORDER = ['now', 'before_shift_end', 'later'] as const;

function refWarnings(refs: readonly string[], all: ReadonlyMap<string, Reference>, by: string): { id: string; until: string }[] {
  return refs.flatMap((id) => {
    const until = all.get(id)?.valid_until;
    return until !== undefined && until < by ? [{ id, until }] : [];
  });
}

export function deriveChecklist(r: CompiledRoutine, s: WalkState, today: string): ChecklistEntry[] {
  const seen = new Map<string, { node: string; at: string }>();
  for (const v of s.path) for (const id of v.items) if (!seen.has(id)) seen.set(id, { node: v.node, at: v.at });
  const lookup = lookupIn(s.path);
  const reasons = itemReasons(r, s.path);
  const entries: ChecklistEntry[] = [];
  for (const [id, origin] of seen) {
    const item = r.checklist.get(id);
    if (!item) continue;
    const tick = s.ticks.get(id);
    const status: ItemStatus =
      !tick || tick.status === 'open'
        ? { state: 'open' }
        : tick.status === 'done'
          ? { state: 'done', by: tick.by, at: tick.at }
          : { state: 'na', by: tick.by, at: tick.at, reason: tick.reason ?? '' };
    let deadline: ChecklistEntry['deadline'] = null;
    if (item.due && item.dueFrom) {
      const from = lookup(item.dueFrom);
      if (typeof from === 'string' && !Number.isNaN(Date.parse(from))) {
        const d = computeDeadline(from, item.due);
        deadline = { ...d, from, fromRef: item.dueFrom, status: deadlineStatus(d, today) };
      } else deadline = { waiting: item.dueFrom };
    }
    // A deadline past the law's validity is the case LVU 2027-01-01 warns about: flag it everywhere.
    const by = deadline && 'legal' in deadline ? deadline.legal : today;
    entries.push({ item, addedBy: origin.node, addedAt: origin.at, status, deadline, expiredRefs: refWarnings(item.refs, r.references, by), why: reasons.get(id) ?? [] });
  }
  return entries.sort(
    (a, b) =>
      URGENCY_ORDER.indexOf(a.item.urgency) - URGENCY_ORDER.indexOf(b.item.urgency) ||
      dueKey(a).localeCompare(dueKey(b)) ||
      0,
  );
}

const dueKey = (e: ChecklistEntry): string => (e.deadline && 'safe' in e.deadline ? e.deadline.safe : '9999');

