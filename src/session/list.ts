// What `sessions`, `resume` and `purge` need to know about each session, read from its log alone:
// no routine is loaded, so a session whose routine is gone is still listed (and can be purged).
import { StartedEvent } from '../core/events.js';
import { listSessionIds, readSession, sessionFileStat, type Event } from './store.js';

export type SessionState = 'active' | 'paused' | 'finished';

export interface SessionSummary {
  id: string;
  routine: { id: string; version: number };
  case_ref: string;
  worker: string;
  practice: boolean;
  started: string;
  last_activity: string;
  state: SessionState;
}

const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * The same flags the walk derives (finished until a went_back, paused until a resumed), without the
 * routine. 'active' covers a session open right now and one whose process died without pausing.
 */
export function summarize(id: string, events: readonly Event[], fallbackTime: string): SessionSummary | undefined {
  const started = StartedEvent.safeParse(events[0]);
  if (!started.success) return undefined;
  let finished = false;
  let paused = false;
  let last = started.data.at;
  for (const e of events.slice(1)) {
    if (e.t === 'finished') finished = true;
    // Any input after a `finished` (out of order, or a stray one mid-walk followed by more answers)
    // means the walk went on: only a finish that nothing moved past counts.
    if (e.t === 'went_back' || e.t === 'answered' || e.t === 'recorded' || e.t === 'decided') finished = false;
    if (e.t === 'paused') paused = true;
    if (e.t === 'resumed') paused = false;
    if (isTime(e.at) && Date.parse(e.at) >= Date.parse(last)) last = e.at;
  }
  const s = started.data;
  return {
    id,
    routine: { id: s.routine.id, version: s.routine.version },
    case_ref: s.case_ref,
    worker: s.worker,
    practice: s.practice,
    started: isTime(s.at) ? s.at : fallbackTime,
    last_activity: isTime(last) ? last : fallbackTime,
    state: finished ? 'finished' : paused ? 'paused' : 'active',
  };
}

export function listSessions(dir: string): { sessions: SessionSummary[]; unreadable: string[] } {
  const ids = listSessionIds(dir);
  if (!ids.ok) return { sessions: [], unreadable: [] };
  const sessions: SessionSummary[] = [];
  const unreadable: string[] = [];
  for (const id of ids.value) {
    const log = readSession(dir, id);
    const st = sessionFileStat(dir, id);
    const mtime = st.ok ? st.value.mtime.toISOString() : new Date(0).toISOString();
    const summary = log.ok ? summarize(id, log.value.events, mtime) : undefined;
    if (summary) sessions.push(summary);
    else unreadable.push(id);
  }
  // Most recent first: the case the caseworker was just on is the one they look for.
  sessions.sort((a, b) => Date.parse(b.last_activity) - Date.parse(a.last_activity) || a.id.localeCompare(b.id));
  return { sessions, unreadable };
}
