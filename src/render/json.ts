// The stable machine form of a walked session, printed by `run --json` and `checklist --format json`,
// read by scenario tests. Documented in docs/routine-format.md; add fields, never rename them.
import type { ChecklistEntry } from '../engine/checklist.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';

export const JSON_FORMAT_VERSION = 1;

export function checklistJson(entries: readonly ChecklistEntry[]) {
  return entries.map((e) => ({
    id: e.item.id,
    text: e.item.text,
    owner: e.item.owner,
    urgency: e.item.urgency,
    refs: e.item.refs,
    added_by: e.addedBy,
    status: e.status.state,
    ...(e.status.state !== 'open' ? { status_by: e.status.by, status_at: e.status.at } : {}),
    ...(e.status.state === 'na' ? { reason: e.status.reason } : {}),
    deadline:
      e.deadline === null
        ? null
        : 'waiting' in e.deadline
          ? { waiting_for: e.deadline.waiting }
          : {
              from: e.deadline.from,
              from_ref: e.deadline.fromRef,
              nominal: e.deadline.nominal,
              legal: e.deadline.legal,
              safe: e.deadline.safe,
              moved: e.deadline.moved,
              nominal_reason: e.deadline.nominalReason,
              status: e.deadline.status,
            },
    expired_refs: e.expiredRefs,
    // Why the item is on the list: the node, and the answer or the branch (with what it read).
    why: e.why.map((w) => ('answer' in w ? { node: w.node, answer: w.answer } : 'when' in w ? { node: w.node, branch: true, asked: w.asked } : { node: w.node })),
  }));
}

export function sessionJson(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[]) {
  const answers: Record<string, unknown> = {};
  const decisions: unknown[] = [];
  const path = s.path.map((v) => {
    const input = v.input;
    if (input?.t === 'answered') answers[v.node] = input.value;
    if (input?.t === 'recorded') answers[v.node] = input.fields;
    if (input?.t === 'decided') {
      const d = { node: v.node, decided_by: input.decided_by, ground: input.ground, decided_at: input.decided_at, carried_out_at: input.carried_out_at, fields: input.fields };
      answers[v.node] = d;
      decisions.push(d);
    }
    return { node: v.node, kind: r.nodes.get(v.node)?.kind ?? 'unknown', at: v.at };
  });
  return {
    format: JSON_FORMAT_VERSION,
    routine: { id: r.id, version: r.version, hash: r.hash },
    session: s.started.session,
    case_ref: s.started.case_ref,
    practice: s.started.practice,
    started_at: s.started.at,
    path,
    answers,
    decisions,
    notes: s.notes,
    checklist: checklistJson(entries),
    current: s.current,
    outcome: s.outcome,
    finished: s.finished,
  };
}
