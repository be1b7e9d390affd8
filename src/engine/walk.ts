// The walk: the state of a session is what replaying its events against the routine gives.
// Going back truncates the path; the abandoned answers stay in `superseded` for the audit trail
// but no longer count for conditions, the checklist or the note. Pure: no disk, clock or terminal.
import type { CNode, CompiledRoutine } from '../core/model.js';
import type { InputEvent, SessionEvent, Started } from '../core/events.js';
import { evaluate, type Value } from '../core/conditions.js';
import { isDeferrable, recordOf } from './later.js';
import { checkFields, checkInput, type InputError } from './values.js';

export interface Visit {
  node: string;
  at: string;
  /** The input that answered the node; absent for the end node. */
  input?: InputEvent;
  /** Checklist items this visit put on the list. */
  items: string[];
}

export interface Note {
  at: string;
  node: string | null;
  text: string;
}

export type Tick = Extract<SessionEvent, { t: 'ticked' }>;

export interface WalkState {
  started: Started;
  path: Visit[];
  /** The node waiting for input, or null once an end is reached. */
  current: string | null;
  outcome: string | null;
  finished: boolean;
  paused: boolean;
  notes: Note[];
  superseded: Visit[];
  ticks: Map<string, Tick>;
  events: SessionEvent[];
  lastAt: string;
}

export type ApplyResult = { ok: true; state: WalkState } | { ok: false; error: InputError };

function node(r: CompiledRoutine, id: string): CNode {
  const n = r.nodes.get(id);
  if (!n) throw new Error(`walk: node ${id} is not in routine ${r.id}`);
  return n;
}

/** The value a condition or deadline sees for `q` or `node.field`, from the current path only. */
export function lookupIn(path: readonly Visit[]): (ref: string) => Value {
  const byNode = new Map<string, Visit>();
  for (const v of path) byNode.set(v.node, v);
  return (ref) => {
    let visit = byNode.get(ref);
    let field: string | undefined;
    if (!visit) {
      const dot = ref.lastIndexOf('.');
      if (dot <= 0) return undefined;
      visit = byNode.get(ref.slice(0, dot));
      field = ref.slice(dot + 1);
    }
    if (!visit) return undefined;
    if (field === 'answered_at') return visit.at;
    const input = visit.input;
    if (!input) return undefined;
    if (field === undefined) return input.t === 'answered' ? input.value : undefined;
    if (input.t === 'recorded') return input.fields[field];
    if (input.t === 'decided') {
      if (field === 'decided_by') return input.decided_by;
      if (field === 'ground') return input.ground;
      if (field === 'decided_at') return input.decided_at;
      if (field === 'carried_out_at') return input.carried_out_at;
      return input.fields[field];
    }
    return undefined;
  };
}

/** Where an answered node leads, and the checklist items its answer and branches add. */
export function route(path: readonly Visit[], n: CNode, input: InputEvent | undefined): { next?: string; items: string[] } {
  const items = [...n.checklist];
  let next: string | undefined;
  const value = input?.t === 'answered' ? input.value : undefined;
  for (const rt of n.routes) {
    if (rt.answer === undefined) continue;
    const hit = Array.isArray(value) ? value.includes(rt.answer) : value === rt.answer;
    if (!hit) continue;
    items.push(...rt.checklist);
    if (next === undefined && rt.next !== undefined) next = rt.next;
  }
  const lookup = lookupIn(path);
  for (const rt of n.routes) {
    if (rt.when === undefined || !evaluate(rt.when, lookup)) continue;
    items.push(...rt.checklist);
    if (next === undefined && rt.next !== undefined) next = rt.next;
  }
  return { ...(next ?? n.next ? { next: next ?? n.next } : {}), items: [...new Set(items)] };
}

/** After arriving at a node: an end is visited at once, since it asks nothing. */
function arrive(r: CompiledRoutine, s: WalkState, id: string, at: string): void {
  const n = node(r, id);
  if (n.kind === 'end') {
    s.path.push({ node: id, at, items: [...n.checklist] });
    s.current = null;
    s.outcome = id;
  } else {
    s.current = id;
    s.outcome = null;
  }
}

export function initialState(r: CompiledRoutine, started: Started): WalkState {
  const s: WalkState = {
    started,
    path: [],
    current: r.start,
    outcome: null,
    finished: false,
    paused: false,
    notes: [],
    superseded: [],
    ticks: new Map(),
    events: [started],
    lastAt: started.at,
  };
  arrive(r, s, r.start, started.at);
  return s;
}

function clone(s: WalkState): WalkState {
  return { ...s, path: [...s.path], notes: [...s.notes], superseded: [...s.superseded], ticks: new Map(s.ticks), events: [...s.events] };
}

export function apply(r: CompiledRoutine, state: WalkState, e: SessionEvent): ApplyResult {
  const s = clone(state);
  switch (e.t) {
    case 'answered':
    case 'recorded':
    case 'decided': {
      if (s.current === null) return { ok: false, error: { kind: 'finished' } };
      if (e.node !== s.current) return { ok: false, error: { kind: 'not-current', node: e.node, current: s.current } };
      const n = node(r, s.current);
      const error = checkInput(n, e, lookupIn(s.path), (f) => isDeferrable(r, n, f));
      if (error) return { ok: false, error };
      const visit: Visit = { node: n.id, at: e.at, input: e, items: [] };
      const withVisit = [...s.path, visit];
      const { next, items } = route(withVisit, n, e);
      visit.items = items;
      s.path.push(visit);
      if (next === undefined) return { ok: false, error: { kind: 'finished' } };
      arrive(r, s, next, e.at);
      break;
    }
    case 'went_back': {
      const i = s.path.findIndex((v) => v.node === e.node && v.input !== undefined);
      if (i < 0) return { ok: false, error: { kind: 'not-on-path', node: e.node } };
      s.superseded.push(...s.path.slice(i));
      s.path = s.path.slice(0, i);
      s.current = e.node;
      s.outcome = null;
      s.finished = false;
      break;
    }
    case 'completed': {
      let i = s.path.length - 1;
      while (i >= 0 && !(s.path[i]?.node === e.node && s.path[i]?.input)) i--;
      const v = s.path[i];
      const input = v?.input;
      if (!v || !input || input.t === 'answered') return { ok: false, error: { kind: 'not-on-path', node: e.node } };
      const later = input.later ?? [];
      const bad = Object.keys(e.fields).find((k) => !later.includes(k));
      if (bad !== undefined) return { ok: false, error: { kind: 'not-deferred', node: e.node, field: bad } };
      const fields = { ...input.fields, ...e.fields };
      const rest = later.filter((k) => !(k in e.fields));
      const n = node(r, e.node);
      const error = checkFields(n.id, recordOf(n), fields, rest, (f) => isDeferrable(r, n, f));
      if (error) return { ok: false, error };
      const { later: _, ...kept } = input;
      s.path[i] = { ...v, input: { ...kept, fields, ...(rest.length ? { later: rest } : {}) } };
      break;
    }
    case 'noted':
      s.notes.push({ at: e.at, node: e.node, text: e.text });
      break;
    case 'ticked':
      s.ticks.set(e.item, e);
      break;
    case 'paused':
      s.paused = true;
      break;
    case 'resumed':
      s.paused = false;
      break;
    case 'finished':
      // A stray `finished` while the walk still stands at a question finishes nothing.
      if (s.current !== null) return { ok: false, error: { kind: 'required', node: s.current } };
      s.finished = true;
      break;
    case 'started':
      return { ok: false, error: { kind: 'finished' } };
  }
  s.events.push(e);
  s.lastAt = e.at;
  return { ok: true, state: s };
}

/**
 * Replays a log. Events the routine no longer accepts (a log written against another version) are
 * returned, not thrown, so a session can always be read.
 */
export function replay(r: CompiledRoutine, events: readonly SessionEvent[]): { state: WalkState; rejected: { index: number; error: InputError }[] } | undefined {
  const first = events[0];
  if (!first || first.t !== 'started') return undefined;
  let state = initialState(r, first);
  const rejected: { index: number; error: InputError }[] = [];
  events.slice(1).forEach((e, i) => {
    const res = apply(r, state, e);
    if (res.ok) state = res.state;
    else rejected.push({ index: i + 1, error: res.error });
  });
  return { state, rejected };
}

/** The most recent abandoned answer for a node, offered as the default when it is asked again. */
export function previousInput(state: WalkState, nodeId: string): InputEvent | undefined {
  for (let i = state.superseded.length - 1; i >= 0; i--) {
    const v = state.superseded[i] as Visit;
    if (v.node === nodeId && v.input) return v.input;
  }
  return undefined;
}

export function sectionOf(r: CompiledRoutine, id: string): CNode['section'] | undefined {
  const n = r.nodes.get(id);
  return n?.section ?? n?.moduleTitle ?? r.title;
}
