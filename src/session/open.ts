// Opening a session from disk: read the log, check its events, find the routine it was started
// on (the current one if unchanged, else the snapshot), and replay. Every expected failure is a
// CliError with one sentence; the log itself is never modified here.
import type { Context } from '../context.js';
import { todayLocal } from '../context.js';
import { replay, type WalkState } from '../engine/walk.js';
import { CliError, EXIT } from '../errors.js';
import type { CompiledRoutine } from '../routine/model.js';
import type { Registry } from '../routine/registry.js';
import { EventSchema, type SessionEvent, type Started } from './events.js';
import { isSessionId } from './ids.js';
import { resolveDataDir, sessionsDir } from './paths.js';
import { readSnapshot } from './snapshot.js';
import { readSession } from './store.js';

export function dataDirs(ctx: Context): { data: string; sessions: string } {
  const data = resolveDataDir({ flag: ctx.opts.dataDir, env: ctx.env });
  return { data, sessions: sessionsDir(data) };
}

export interface OpenSession {
  id: string;
  dir: string;
  routine: CompiledRoutine;
  events: SessionEvent[];
  state: WalkState;
  started: Started;
  /** The routine file changed since the session started; it runs on the recorded version. */
  routineChanged: boolean;
  warnings: string[];
}

export function readEvents(ctx: Context, dir: string, id: string): { events: SessionEvent[]; warnings: string[] } {
  if (!isSessionId(id)) throw new CliError('session.badId', { id: String(id).slice(0, 40) }, EXIT.usage);
  const log = readSession(dir, id);
  if (!log.ok) {
    const e = log.error;
    if (e.kind === 'not-found' || e.kind === 'invalid-id') throw new CliError('session.notFound', { id });
    if (e.kind === 'corrupt') throw new CliError('session.corrupt', { id, line: e.line });
    throw new CliError('session.io', { id, code: e.code });
  }
  const warnings = log.value.warnings.map((w) => ctx.msg('session.tornLine', { line: w.line }));
  const events: SessionEvent[] = [];
  log.value.events.forEach((raw, i) => {
    const parsed = EventSchema.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else warnings.push(ctx.msg('session.badEvent', { line: i + 1 }));
  });
  if (events[0]?.t !== 'started') throw new CliError('session.corrupt', { id, line: 1 });
  return { events, warnings };
}

export function openSession(ctx: Context, reg: Registry, id: string): OpenSession {
  const { sessions } = dataDirs(ctx);
  const { events, warnings } = readEvents(ctx, sessions, id);
  const started = events[0] as Started;
  const current = reg.routines.get(started.routine.id)?.result.routine;
  let routine: CompiledRoutine | undefined = current?.hash === started.routine.hash ? current : undefined;
  const routineChanged = routine === undefined;
  if (!routine) routine = readSnapshot(sessions, id, todayLocal(ctx));
  if (!routine || routine.hash !== started.routine.hash) {
    throw new CliError('session.routineGone', { id, routine: started.routine.id, version: started.routine.version });
  }
  if (routineChanged) {
    const params = { routine: started.routine.id, version: started.routine.version, now: current?.version ?? '-' };
    // Not found is not the same as changed: the folder it came from may just not be given this time.
    warnings.push(ctx.msg(current ? 'session.routineChanged' : 'session.routineNotLoaded', params));
  }
  const replayed = replay(routine, events);
  if (!replayed) throw new CliError('session.corrupt', { id, line: 1 });
  for (const r of replayed.rejected) warnings.push(ctx.msg('session.rejectedEvent', { line: r.index + 1 }));
  return { id, dir: sessions, routine, events, state: replayed.state, started, routineChanged, warnings };
}
