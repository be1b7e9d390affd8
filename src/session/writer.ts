// The one writer of an open session: every event is checked by the engine, then appended and
// fsynced, and only then becomes the state the UI shows. So whatever the screen has moved past
// is on disk, and a refused event never reaches the log.
import { apply, type WalkState } from '../engine/walk.js';
import type { InputError } from '../engine/values.js';
import { CliError } from '../core/errors.js';
import type { CompiledRoutine } from '../core/model.js';
import type { SessionEvent } from '../core/events.js';
import { acquireLock, type Locked, type SessionLock } from './lock.js';
import { appendEvent } from './store.js';

export class LiveSession {
  constructor(
    readonly routine: CompiledRoutine,
    readonly dir: string,
    readonly id: string,
    private current: WalkState,
    private readonly lock: SessionLock,
  ) {}

  get state(): WalkState {
    return this.current;
  }

  /** Returns the engine's refusal, or undefined once the event is durable. A failed write throws. */
  commit(e: SessionEvent): InputError | undefined {
    const res = apply(this.routine, this.current, e);
    if (!res.ok) return res.error;
    const w = appendEvent(this.dir, this.id, e);
    if (!w.ok) throw new CliError('session.writeFailed', { code: w.error.kind === 'io' ? w.error.code : w.error.kind });
    this.current = res.state;
    return undefined;
  }

  release(): void {
    this.lock.release();
  }
}

/** The lock or one clear sentence: a second window on the same session must not write to it. */
export function takeLock(dir: string, id: string): SessionLock {
  const got = acquireLock(dir, id);
  if (got.ok) return got.value;
  const e = got.error;
  if (e.kind === 'locked') throw lockedError(id, e);
  if (e.kind === 'invalid-id') throw new CliError('session.badId', { id });
  throw new CliError('session.io', { id, code: e.code });
}

/** Who holds the lock, and for a holder we cannot ask (another host, not a file) how to take over. */
export function lockedError(id: string, e: Locked): CliError {
  if (e.notRegular) return new CliError('hostile.lockNotRegular', { id });
  if (!e.sameHost && e.host !== undefined) {
    return new CliError('hostile.lockOtherHost', { id, host: e.host.slice(0, 64), pid: e.pid ?? '?', since: e.since ?? '?' });
  }
  return e.pid !== null ? new CliError('session.locked', { id, pid: e.pid }) : new CliError('session.lockedUnknown', { id });
}
