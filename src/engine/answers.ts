// Turns an answers file (question id -> answer, step id -> fields, decision id -> who/ground/times)
// into the events a caseworker would have produced, walking the routine as it goes. Every problem
// is a diagnostic at the answer's position; all of them are reported in one run.
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import type { CNode, CompiledRoutine } from '../core/model.js';
import type { AnswerValue, InputEvent, SessionEvent, Started } from '../core/events.js';
import type { Field } from '../core/schema.js';
import { resolveTime } from './times.js';
import { checkInput, type InputError } from './values.js';
import { apply, initialState, type WalkState } from './walk.js';

export type Locate = (path: (string | number)[], key?: boolean) => Position;
type Raw = unknown;

const YES = new Set(['yes', 'ja', 'true']);
const NO = new Set(['no', 'nej', 'false']);

/** How typed times are read: `now` is the reference for a time without date and for "the future". */
export interface TimeRef {
  now: string;
  refuseFuture: boolean;
}

type TimeOut = { ok: true; value: string | null } | { ok: false; error: InputError };

/** `notBefore`: the time this one may not precede, which settles an autumn time that occurred twice when only one of the two can be meant (as in the walk). */
function toTime(v: Raw, ref: TimeRef, node: string, field: string | undefined, planned: boolean | undefined, notBefore?: unknown): TimeOut {
  if (v === undefined || v === null || v === '') return { ok: true, value: null };
  const f = field !== undefined ? { field } : {};
  if (typeof v !== 'string') return { ok: false, error: { kind: 'not-a-time', node, ...f } };
  const r = resolveTime(v, { now: ref.now, refuseFuture: ref.refuseFuture, ...(planned ? { planned } : {}), ...(typeof notBefore === 'string' ? { notBefore } : {}) });
  if (r.ok) return { ok: true, value: r.instant };
  return { ok: false, error: r.problem.kind === 'unparseable' ? { kind: 'not-a-time', node, ...f } : { kind: 'bad-time', node, ...f, problem: r.problem } };
}

type Converted = { ok: true; event: InputEvent } | { ok: false; error: InputError };

function toFieldValue(type: string, v: Raw): string | number | null | undefined {
  if (v === undefined || v === null || v === '') return null;
  if (type === 'number') return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : undefined;
  if (type === 'yesno') return YES.has(String(v).toLowerCase()) ? 'yes' : NO.has(String(v).toLowerCase()) ? 'no' : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The refusal a value that could not even be converted deserves, by the type it should have had. */
function unconvertible(node: string, type: string, field?: string): InputError {
  const f = field !== undefined ? { field } : {};
  if (type === 'datetime') return { kind: 'not-a-time', node, ...f };
  if (type === 'number') return { kind: 'not-a-number', node, ...f };
  if (type === 'yesno') return { kind: 'not-an-option', node, value: '?', allowed: ['yes', 'no'], ...f };
  return { kind: 'required', node, ...f };
}

/** `known`: the node's own times read already (a decision's), for a field's `not_before`. */
function fieldsOf(n: CNode, raw: Raw, ref: TimeRef, skip: string[], known: Record<string, unknown> = {}): { ok: true; fields: Record<string, string | number | null> } | { ok: false; error: InputError } {
  const given = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Raw>) : {};
  const record = n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : [];
  const fields: Record<string, string | number | null> = {};
  const fieldOf = (k: string): Field | undefined => record.find((x) => x.id === k);
  // A field that may not precede another is read after it, whatever the order in the file.
  const entries = Object.entries(given).sort(([a], [b]) => Number(fieldOf(a)?.not_before !== undefined) - Number(fieldOf(b)?.not_before !== undefined));
  for (const [k, v] of entries) {
    if (skip.includes(k)) continue;
    const f = fieldOf(k);
    if (f?.type === 'datetime') {
      const time = toTime(v, ref, n.id, k, f.planned, f.not_before === undefined ? undefined : (fields[f.not_before] ?? known[f.not_before]));
      if (!time.ok) return time;
      fields[k] = time.value;
      continue;
    }
    const value = toFieldValue(f?.type ?? 'text', v);
    if (value === undefined) return { ok: false, error: unconvertible(n.id, f?.type ?? 'text', k) };
    fields[k] = value;
  }
  return { ok: true, fields };
}

/** Converts one raw answer to the node's input event; the engine then checks it like any other. */
export function convertAnswer(n: CNode, raw: Raw, at: string, ref: TimeRef = { now: at, refuseFuture: false }): Converted {
  if (n.kind === 'question') {
    let value: AnswerValue | undefined;
    if (raw === undefined || raw === null) value = null;
    else if (n.type === 'yesno') {
      const s = String(raw).toLowerCase();
      value = YES.has(s) ? 'yes' : NO.has(s) ? 'no' : String(raw);
    } else if (n.type === 'multi') value = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    else if (n.type === 'number') value = typeof raw === 'number' ? raw : Number.isFinite(Number(raw)) && String(raw).trim() !== '' ? Number(raw) : String(raw);
    else if (n.type === 'datetime') {
      const time = toTime(raw, ref, n.id, undefined, n.planned);
      if (!time.ok) return time;
      value = time.value;
    }
    else value = typeof raw === 'object' ? undefined : String(raw);
    return value === undefined ? { ok: false, error: unconvertible(n.id, n.type) } : { ok: true, event: { t: 'answered', at, node: n.id, value } };
  }
  if (n.kind === 'step') {
    const f = fieldsOf(n, raw, ref, []);
    return f.ok ? { ok: true, event: { t: 'recorded', at, node: n.id, fields: f.fields } } : f;
  }
  if (n.kind === 'decision') {
    const g = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Raw>) : {};
    const decidedAt = toTime(g.decided_at, ref, n.id, 'decided_at', false);
    if (!decidedAt.ok) return decidedAt;
    const carried = toTime(g.carried_out_at, ref, n.id, 'carried_out_at', false, decidedAt.value);
    if (!carried.ok) return carried;
    const f = fieldsOf(n, g, ref, ['decided_by', 'ground', 'decided_at', 'carried_out_at'], { decided_at: decidedAt.value, carried_out_at: carried.value });
    if (!f.ok) return f;
    return {
      ok: true,
      event: {
        t: 'decided',
        at,
        node: n.id,
        decided_by: g.decided_by === undefined || g.decided_by === null ? '' : String(g.decided_by),
        ground: g.ground === undefined || g.ground === null ? null : String(g.ground),
        decided_at: decidedAt.value ?? '',
        carried_out_at: carried.value,
        fields: f.fields,
      },
    };
  }
  return { ok: false, error: { kind: 'finished' } };
}

/** Steps that record nothing required are passed without an entry in the answers file. */
function needsAnswer(n: CNode): boolean {
  if (n.kind === 'step') return (n.record ?? []).some((f) => !f.optional);
  return n.kind !== 'end';
}

export interface AnswersRun {
  state: WalkState;
  events: SessionEvent[];
  diagnostics: Diagnostic[];
  /** Problems as typed data, for messages: the diagnostic at the same index explains where. */
  problems: (InputError | { kind: 'unknown-id'; id: string } | { kind: 'missing'; node: string })[];
}

/**
 * `time.now` (default: the walk's start) is the "now" a time without date is read against; future
 * times are refused only when `time.refuseFuture` says so, since a scenario records a whole night
 * that began at its `at`.
 */
export function runAnswers(r: CompiledRoutine, answers: Record<string, Raw>, started: Started, locate: Locate, time?: TimeRef): AnswersRun {
  const ref: TimeRef = time ?? { now: started.at, refuseFuture: false };
  const diagnostics: Diagnostic[] = [];
  const problems: AnswersRun['problems'] = [];
  const report = (code: Diagnostic['code'], pos: Position, problem: AnswersRun['problems'][number], params: Record<string, string>) => {
    diagnostics.push(diag(code, pos, params));
    problems.push(problem);
  };
  for (const id of Object.keys(answers)) {
    if (!r.nodes.has(id)) report('answer-unknown-id', locate([id], true), { kind: 'unknown-id', id }, { id });
  }
  // Check every answer's type up front, so all wrong types are reported, not only the first on the path.
  const converted = new Map<string, InputEvent>();
  for (const [id, raw] of Object.entries(answers)) {
    const n = r.nodes.get(id);
    if (n?.kind === 'end') report('answer-to-end', locate([id], true), { kind: 'unknown-id', id }, { id });
    if (!n || n.kind === 'end') continue;
    const c = convertAnswer(n, raw, started.at, ref);
    const error: InputError | undefined = c.ok ? checkInput(n, c.event) : c.error;
    if (error) {
      const field = 'field' in error ? error.field : undefined;
      const pos = field !== undefined ? locate([id, field]) : locate([id]);
      report('answer-invalid', pos, error, { id, field: field ?? '' });
    } else if (c.ok) converted.set(id, c.event);
  }
  let state = initialState(r, started);
  const events: SessionEvent[] = [started];
  for (let guard = 0; state.current !== null && guard < r.nodes.size * 4 + 10; guard++) {
    const n = r.nodes.get(state.current) as CNode;
    let event = converted.get(n.id);
    if (!event && !Object.hasOwn(answers, n.id) && !needsAnswer(n)) {
      const c = convertAnswer(n, {}, started.at, ref);
      if (c.ok) event = c.event;
    }
    if (!event) {
      if (!Object.hasOwn(answers, n.id)) report('answer-missing', locate([], false), { kind: 'missing', node: n.id }, { id: n.id });
      break;
    }
    const res = apply(r, state, event);
    if (!res.ok) {
      report('answer-invalid', locate([n.id]), res.error, { id: n.id, field: '' });
      break;
    }
    state = res.state;
    events.push(event);
  }
  // An answer the walk never reached was written for another path: accepted silently, a file meant
  // to test one branch would pass while testing another. Only when the walk is complete, since an
  // incomplete one is already reported as missing an answer.
  if (state.current === null) {
    const visited = new Set(state.path.map((v) => v.node));
    for (const id of converted.keys()) {
      if (!visited.has(id)) report('answer-not-taken', locate([id], true), { kind: 'unknown-id', id }, { id });
    }
  }
  // In file order, as a routine owner reads the file; problems stay paired with their diagnostic.
  const order = diagnostics.map((_d, i) => i).sort((a, b) => {
    const x = diagnostics[a] as Diagnostic;
    const y = diagnostics[b] as Diagnostic;
    return x.line - y.line || x.col - y.col;
  });
  return { state, events, diagnostics: order.map((i) => diagnostics[i] as Diagnostic), problems: order.map((i) => problems[i] as AnswersRun['problems'][number]) };
}
