// The walk: the state of a session is what replaying its events against the routine gives.
// Going back truncates the path; the abandoned answers stay in `superseded` for the audit trail
// but no longer count for conditions, the checklist or the note. Pure: no disk, clock or terminal.
import type { CNode, CompiledRoutine } from '../core/model.js';
import type { InputEvent, SessionEvent, Started } from '../core/events.js';
import { lookupIn, route, type Visit } from './route.js';
import { isDeferrable, laterNext } from './later.js';
import { checkInput, type InputError } from './values.js';

type Completed = Extract<SessionEvent, { t: 'completed' }>;

export { lookupIn, route, type Visit };

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
      if (e.t === 'answered' && e.later === true) {
        // Left "fyll i senare": allowed only where every answer would lead to the same node.
        const next = e.value === null ? laterNext(r, n, s.path, e.at) : undefined;
        if (next === undefined) return { ok: false, error: { kind: 'not-deferrable', node: n.id } };
        const visit: Visit = { node: n.id, at: e.at, input: e, items: [] };
        visit.items = route([...s.path, visit], n, e).items;
        s.path.push(visit);
        arrive(r, s, next, e.at);
        break;
      }
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
      if (!v?.input) return { ok: false, error: { kind: 'not-on-path', node: e.node } };
      const filled = completedInput(r, s.path.slice(0, i), v.input, e);
      if ('kind' in filled) return { ok: false, error: filled };
      const path = refreshed(r, s, i, filled);
      if (!path) return { ok: false, error: { kind: 'changes-path', node: e.node } };
      s.path = path;
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

/** The node's input with what was left for later filled in by `e`, or why it cannot be. */
function completedInput(r: CompiledRoutine, before: readonly Visit[], input: InputEvent, e: Completed): InputEvent | InputError {
  const n = node(r, e.node);
  if (input.t === 'answered') {
    if (input.later !== true) return { kind: 'not-deferred', node: e.node };
    if (e.value === undefined) return { kind: 'required', node: e.node };
    const answered: InputEvent = { t: 'answered', at: input.at, node: e.node, value: e.value };
    return checkInput(n, answered, lookupIn(before)) ?? answered;
  }
  const later = input.later ?? [];
  const bad = Object.keys(e.fields).find((k) => !later.includes(k));
  if (bad !== undefined) return { kind: 'not-deferred', node: e.node, field: bad };
  const rest = later.filter((k) => !(k in e.fields));
  const { later: _, ...kept } = input;
  const merged: InputEvent = { ...kept, fields: { ...input.fields, ...e.fields }, ...(rest.length ? { later: rest } : {}) };
  // Checked as the node's input would be: the fields still waiting may wait, and times keep their order.
  return checkInput(n, merged, lookupIn(before), (f) => isDeferrable(r, n, f)) ?? merged;
}

/**
 * The path with visit `i` given `input`, every visit's items from there on counted again (what
 * was filled in may add items); undefined if a visit would now lead elsewhere, which the rule in
 * engine/later.ts rules out and a log written against another routine version could still try.
 */
function refreshed(r: CompiledRoutine, s: WalkState, i: number, input: InputEvent): Visit[] | undefined {
  const path = [...s.path];
  path[i] = { ...(path[i] as Visit), input };
  for (let j = i; j < path.length; j++) {
    const v = path[j] as Visit;
    if (!v.input) continue;
    const { next, items } = route(path.slice(0, j + 1), node(r, v.node), v.input);
    const stillLater = v.input.t === 'answered' && v.input.later === true;
    if (!stillLater && next !== (path[j + 1]?.node ?? s.current ?? undefined)) return undefined;
    path[j] = { ...v, items };
  }
  return path;
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
