// `jour-routine purge --older-than DAYS [--yes]`: deletes finished sessions (log, routine copy,
// stale lock) whose last activity is older than DAYS. Unfinished sessions are never touched:
// an open case must not disappear because nobody resumed it for a while.
import type { Context } from '../core/context.js';
import { todayLocal } from '../core/context.js';
import { replay } from '../engine/walk.js';
import { CliError, EXIT } from '../core/errors.js';
import type { Registry } from '../routine/registry.js';
import { EventSchema, type SessionEvent } from '../core/events.js';
import { listSessions, summarize, type SessionSummary } from '../session/list.js';
import { acquireLock } from '../session/lock.js';
import { dataDirs } from '../session/dirs.js';
import { removeQuietly } from '../session/paths.js';
import { readSnapshot } from '../session/snapshot.js';
import { snapshotFile } from '../session/snapshot-write.js';
import { deleteSession, readSession, sessionBackups, type Event } from '../session/store.js';
import { openRoutines } from './shared.js';
import { confirmSpec } from '../ui/pickers.js';
import { ask } from '../ui/prompts.js';
import { uiOf } from '../ui/session-ui.js';

const DAY_MS = 86_400_000;

function parseDays(v: string | undefined): number {
  if (v === undefined) throw new CliError('ia.purge.needDays', {}, EXIT.usage);
  if (!/^\d+$/.test(v.trim())) throw new CliError('ia.purge.badDays', { value: v.slice(0, 20) }, EXIT.usage);
  return Number(v.trim());
}

const purgeable = (s: SessionSummary, cutoff: number) => s.state === 'finished' && Date.parse(s.last_activity) < cutoff;

/**
 * Does the walk, replayed on its routine (current if unchanged, else its saved copy), stand at an
 * end? undefined when neither copy is at hand: the log's own flags then decide, as in `sessions`.
 */
function walkFinished(ctx: Context, reg: Registry | undefined, dir: string, id: string, raw: readonly Event[]): boolean | undefined {
  const events: SessionEvent[] = [];
  for (const e of raw) {
    const p = EventSchema.safeParse(e);
    if (p.success) events.push(p.data);
  }
  const started = events[0];
  if (started?.t !== 'started') return undefined;
  const current = reg?.routines.get(started.routine.id)?.result.routine;
  const routine = current?.hash === started.routine.hash ? current : readSnapshot(dir, id, todayLocal(ctx));
  if (!routine || routine.hash !== started.routine.hash) return undefined;
  return replay(routine, events)?.state.finished;
}

/**
 * Under the session's lock, so a session someone has open right now is skipped, not pulled away;
 * and re-read under it, because the list was taken before the question was asked (or before a
 * thousand other deletions): a session resumed meanwhile must not go.
 */
function remove(ctx: Context, reg: Registry | undefined, dir: string, s: SessionSummary, cutoff: number): boolean {
  const lock = acquireLock(dir, s.id);
  if (!lock.ok) {
    ctx.err(ctx.msg('ia.purge.locked', { id: s.id }));
    return false;
  }
  try {
    const log = readSession(dir, s.id);
    const now = log.ok ? summarize(s.id, log.value.events, s.last_activity) : undefined;
    if (!log.ok || !now || !purgeable(now, cutoff) || now.last_activity !== s.last_activity ||
        walkFinished(ctx, reg, dir, s.id, log.value.events) === false) {
      ctx.err(ctx.msg('hostile.purgeChanged', { id: s.id }));
      return false;
    }
    const del = deleteSession(dir, s.id);
    if (!del.ok && del.error.kind !== 'not-found') {
      ctx.err(ctx.msg('ia.purge.failed', { id: s.id, code: del.error.kind === 'io' ? del.error.code : del.error.kind }));
      return false;
    }
    removeQuietly(snapshotFile(dir, s.id));
    for (const b of sessionBackups(dir, s.id)) removeQuietly(b);
    return true;
  } finally {
    lock.value.release();
  }
}

async function routinesOrNone(ctx: Context): Promise<Registry | undefined> {
  try {
    return await openRoutines(ctx);
  } catch {
    return undefined; // a broken contacts file must not stop a purge; the saved copies still decide
  }
}

export async function purgeAction(ctx: Context, o: { olderThan?: string; yes?: boolean }): Promise<number> {
    const days = parseDays(o.olderThan);
    // Refused before looking, so that a script without --yes fails the same way every time.
    if (!o.yes && !ctx.stdinIsTTY) throw new CliError('ia.purge.noTTY', {}, EXIT.failed);
    const dir = dataDirs(ctx).sessions;
    const cutoff = ctx.now().getTime() - days * DAY_MS;
    const reg = await routinesOrNone(ctx);
    const old = listSessions(dir).sessions.filter((s) => purgeable(s, cutoff));
    if (old.length > 0 && !o.yes) {
      const sure = await ask(confirmSpec(uiOf(ctx), ctx.msg('ia.purge.confirm', { n: old.length, days })));
      if (!sure) {
        ctx.out(ctx.msg('ia.purge.cancelled'));
        return EXIT.ok;
      }
    }
    const removed = old.filter((s) => remove(ctx, reg, dir, s, cutoff)).length;
    ctx.out(ctx.msg('ia.purge.removed', { n: removed }));
    return EXIT.ok;
}
