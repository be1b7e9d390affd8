// Turns an answers file (question id -> answer, step id -> fields, decision id -> who/ground/times)
// into the events a caseworker would have produced, walking the routine as it goes. Every problem
// is a diagnostic at the answer's position; all of them are reported in one run.
import { diag, type Diagnostic, type Position } from '../routine/diagnostics.js';
import type { CNode, CompiledRoutine } from '../routine/model.js';
import type { AnswerValue, InputEvent, SessionEvent, Started } from '../session/events.js';
import { parseLocalDateTime } from './calendar.js';
import { checkInput, type InputError } from './values.js';
import { apply, initialState, type WalkState } from './walk.js';

export type Locate = (path: (string | number)[], key?: boolean) => Position;
type Raw = unknown;

const YES = new Set(['yes', 'ja', 'true']);
const NO = new Set(['no', 'nej', 'false']);

function toTime(v: Raw, at: string): string | null | undefined {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') return undefined;
  // A full ISO time with its offset is already unambiguous; only wall-clock times need Stockholm.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  return parseLocalDateTime(v, at) ?? undefined;
}

type Converted = { ok: true; event: InputEvent } | { ok: false; error: InputError };

function toFieldValue(type: string, v: Raw, at: string): string | number | null | undefined {
  if (v === undefined || v === null || v === '') return null;
  if (type === 'datetime') return toTime(v, at);
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

function fieldsOf(n: CNode, raw: Raw, at: string, skip: string[]): { ok: true; fields: Record<string, string | number | null> } | { ok: false; error: InputError } {
  const given = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Raw>) : {};
  const record = n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : [];
  const fields: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(given)) {
    if (skip.includes(k)) continue;
    const f = record.find((x) => x.id === k);
    const value = toFieldValue(f?.type ?? 'text', v, at);
    if (value === undefined) return { ok: false, error: unconvertible(n.id, f?.type ?? 'text', k) };
    fields[k] = value;
  }
  return { ok: true, fields };
}

/** Converts one raw answer to the node's input event; the engine then checks it like any other. */
export function convertAnswer(n: CNode, raw: Raw, at: string): Converted {
  if (n.kind === 'question') {
    let value: AnswerValue | undefined;
    if (raw === undefined || raw === null) value = null;
    else if (n.type === 'yesno') {
      const s = String(raw).toLowerCase();
      value = YES.has(s) ? 'yes' : NO.has(s) ? 'no' : String(raw);
    } else if (n.type === 'multi') value = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    else if (n.type === 'number') value = typeof raw === 'number' ? raw : Number.isFinite(Number(raw)) && String(raw).trim() !== '' ? Number(raw) : String(raw);
    else if (n.type === 'datetime') value = toTime(raw, at) ?? String(raw);
    else value = typeof raw === 'object' ? undefined : String(raw);
    return value === undefined ? { ok: false, error: unconvertible(n.id, n.type) } : { ok: true, event: { t: 'answered', at, node: n.id, value } };
  }
  if (n.kind === 'step') {
    const f = fieldsOf(n, raw, at, []);
    return f.ok ? { ok: true, event: { t: 'recorded', at, node: n.id, fields: f.fields } } : f;
  }
  if (n.kind === 'decision') {
    const g = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Raw>) : {};
    const decidedAt = toTime(g.decided_at, at);
    if (decidedAt === undefined) return { ok: false, error: unconvertible(n.id, 'datetime', 'decided_at') };
    const carried = toTime(g.carried_out_at, at);
    if (carried === undefined) return { ok: false, error: unconvertible(n.id, 'datetime', 'carried_out_at') };
    const f = fieldsOf(n, g, at, ['decided_by', 'ground', 'decided_at', 'carried_out_at']);
    if (!f.ok) return f;
    return {
      ok: true,
      event: {
        t: 'decided',
        at,
        node: n.id,
        decided_by: g.decided_by === undefined || g.decided_by === null ? '' : String(g.decided_by),
        ground: g.ground === undefined || g.ground === null ? null : String(g.ground),
        decided_at: decidedAt ?? '',
        carried_out_at: carried,
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

export function runAnswers(r: CompiledRoutine, answers: Record<string, Raw>, started: Started, locate: Locate): AnswersRun {
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
    const c = convertAnswer(n, raw, started.at);
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
      const c = convertAnswer(n, {}, started.at);
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
