// Opening a session from disk: read the log, check its events, find the routine it was started
// on (the current one if unchanged, else the snapshot), and replay. Every expected failure is a
// CliError with one sentence; the log itself is never modified here.
import type { Context } from '../core/context.js';
import { todayLocal } from '../core/context.js';
import { replay, type WalkState } from '../engine/walk.js';
import { CliError, EXIT } from '../core/errors.js';
import type { CompiledRoutine } from '../core/model.js';
import type { Registry } from '../routine/registry.js';
import { EventSchema, type SessionEvent, type Started } from '../core/events.js';
import { isSessionId } from './ids.js';
import { dataDirs } from './dirs.js';
import { readSnapshot } from './snapshot.js';
import { readSession } from './store.js';
import { sanitizeData } from '../core/terminal-text.js';

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

export function readEvents(ctx: Context, dir: string, id: string): { events: SessionEvent[]; lines: number[]; warnings: string[] } {
  if (!isSessionId(id)) throw new CliError('session.badId', { id: String(id).slice(0, 40) }, EXIT.usage);
  const log = readSession(dir, id);
  if (!log.ok) {
    const e = log.error;
    if (e.kind === 'not-found' || e.kind === 'invalid-id') throw new CliError('session.notFound', { id });
    if (e.kind === 'not-regular') throw new CliError('hostile.notRegular', { id, what: `${id}.jsonl` });
    if (e.kind === 'too-large') throw new CliError('hostile.tooLarge', { id, max: `${Math.round(e.max / 1024 / 1024)} MB` });
    throw new CliError('session.io', { id, code: e.code });
  }
  const warnings = log.value.warnings.map((w) =>
    ctx.msg(w.kind === 'torn-line' ? 'session.tornLine' : 'hostile.damagedLine', { line: w.line }),
  );
  const events: SessionEvent[] = [];
  const lines: number[] = [];
  log.value.events.forEach((raw, i) => {
    const line = log.value.lines[i] ?? i + 1;
    // A log is a file anyone with the account can edit: its strings are made terminal-safe before
    // any prompt (a previous answer offered as default) or screen can show them.
    sanitizeData(raw);
    const parsed = EventSchema.safeParse(raw);
    if (parsed.success) {
      events.push(parsed.data);
      lines.push(line);
    } else warnings.push(ctx.msg('session.badEvent', { line }));
  });
  if (events[0]?.t !== 'started') throw new CliError('session.corrupt', { id, line: 1 });
  return { events, lines, warnings };
}

export function openSession(ctx: Context, reg: Registry, id: string): OpenSession {
  const { sessions } = dataDirs(ctx);
  const { events, lines, warnings } = readEvents(ctx, sessions, id);
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
  for (const r of replayed.rejected) warnings.push(ctx.msg('session.rejectedEvent', { line: lines[r.index] ?? r.index + 1 }));
  return { id, dir: sessions, routine, events, state: replayed.state, started, routineChanged, warnings };
}
