// One writer per session: `<id>.lock` next to the log, holding who owns it.
//
// Hand-written rather than proper-lockfile on purpose: proper-lockfile decides that a lock is stale
// when its owner stops refreshing the file's mtime, and a laptop whose lid is closed for hours in
// the middle of a session stops refreshing too, so the session would be handed to a second process
// while the first is still alive. Asking the OS whether the owner's pid still runs has no such gap.
// Known limit: after a reboot an unrelated process may have reused the pid; the lock then reads as
// held until that process ends (the safe direction: refusing, never two writers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../core/errors.js';
import { readRegularFile } from '../core/fs-safe.js';
import { isSessionId } from './ids.js';
import {
  closeQuietly, errnoCode, removeQuietly, toIoError, writeAll, writeFileAtomic, type IoError,
} from './paths.js';

export type LockInfo = { pid: number; host: string; since: string; token?: string };
/** pid and since are null only for a lock file that is still being written (or was cut off by a crash). */
export type Locked = {
  kind: 'locked';
  pid: number | null;
  since: string | null;
  sameHost: boolean;
  /** The holder's host name as it wrote it (other host only), so the message can say where. */
  host?: string;
  /** The lock is a link, folder, FIFO or device: never ours to read, replace or remove. */
  notRegular?: boolean;
};
export type LockError = Locked | { kind: 'invalid-id' } | IoError;
export type SessionLock = { release(): void };

// An unreadable lock (created, not yet written; or emptied by a power cut) belongs to nobody we can
// ask. Its age only answers "has the writer had time to write ~100 bytes?", not "is the owner alive".
const UNREADABLE_GRACE_MS = 10_000;

type Seen =
  | { state: 'missing' }
  | { state: 'foreign' }
  | { state: 'held'; raw: string; info: LockInfo }
  | { state: 'unreadable'; raw: string; mtimeMs: number };

export function lockFile(dir: string, id: string): string {
  return path.join(dir, `${id}.lock`);
}

export function acquireLock(dir: string, id: string): Result<SessionLock, LockError> {
  if (!isSessionId(id)) return err({ kind: 'invalid-id' });
  const file = lockFile(dir, id);
  // pid+host is not enough to tell our lock from one taken over by another acquire in this process.
  const token = randomBytes(8).toString('hex');
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), token };
  const content = JSON.stringify(mine) + '\n';
  // A few rounds cover a holder that releases, or a rival that takes over, while we look.
  for (let round = 0; round < 3; round++) {
    const created = createExclusive(file, content);
    if (!created.ok) return created;
    if (created.value) return ok(handle(file, token));
    const seen = readLock(file);
    if (seen.state === 'missing') continue;
    if (!isStale(seen)) return err(lockedBy(seen));
    // Narrows the window in which a fresh lock taken by someone else could be overwritten.
    const again = readLock(file);
    if (again.state === 'missing' || again.state === 'foreign' || seen.state === 'foreign' || again.raw !== seen.raw) continue;
    const w = writeFileAtomic(file, content, { force: true });
    if (!w.ok) {
      if (w.error.kind === 'io') return err(w.error);
      continue; // 'exists' cannot happen with force; look again rather than guess
    }
    const confirm = readLock(file);
    if (confirm.state === 'held' && confirm.info.token === token) return ok(handle(file, token));
  }
  const last = readLock(file);
  return err(last.state === 'missing' ? { kind: 'locked', pid: null, since: null, sameHost: true } : lockedBy(last));
}

/** ok(true) if we created the lock, ok(false) if one exists. */
function createExclusive(file: string, content: string): Result<boolean, IoError> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (e) {
    return errnoCode(e) === 'EEXIST' ? ok(false) : err(toIoError('lock', e));
  }
  try {
    writeAll(fd, Buffer.from(content, 'utf8'));
  } catch (e) {
    closeQuietly(fd);
    removeQuietly(file); // a half-written lock would block the session for the grace period
    return err(toIoError('lock', e));
  }
  closeQuietly(fd);
  return ok(true);
}

// A lock is ~120 bytes; anything much bigger was not written by us.
const MAX_LOCK_BYTES = 4096;

function readLock(file: string): Seen {
  let raw: string;
  let mtimeMs: number;
  const read = readRegularFile(file, MAX_LOCK_BYTES, { follow: false });
  if (!read.ok && read.error.kind === 'not-regular') return { state: 'foreign' };
  try {
    if (!read.ok) throw new Error(read.error.kind);
    raw = read.value.toString('utf8');
    mtimeMs = fs.lstatSync(file).mtimeMs;
  } catch {
    // Gone (released) or unreadable for a moment: the caller's next round looks again.
    return { state: 'missing' };
  }
  try {
    const v = JSON.parse(raw) as Partial<LockInfo> | null;
    if (
      v !== null && typeof v === 'object' &&
      // kill(0 or negative) would address a process group, so only a plain positive pid counts.
      Number.isInteger(v.pid) && (v.pid as number) > 0 &&
      typeof v.host === 'string' && typeof v.since === 'string'
    ) {
      return { state: 'held', raw, info: v as LockInfo };
    }
  } catch {
    // falls through
  }
  return { state: 'unreadable', raw, mtimeMs };
}

function isStale(seen: Exclude<Seen, { state: 'missing' }>): boolean {
  if (seen.state === 'foreign') return false;
  if (seen.state === 'unreadable') return Math.abs(Date.now() - seen.mtimeMs) > UNREADABLE_GRACE_MS;
  // On another host (a shared network folder) we cannot ask about the pid, so it stays held.
  return seen.info.host === os.hostname() && !pidRunning(seen.info.pid);
}

function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user. Anything else unknown: assume alive rather than steal.
    return errnoCode(e) !== 'ESRCH';
  }
}

function lockedBy(seen: Exclude<Seen, { state: 'missing' }>): Locked {
  if (seen.state === 'foreign') return { kind: 'locked', pid: null, since: null, sameHost: true, notRegular: true };
  if (seen.state === 'unreadable') {
    return { kind: 'locked', pid: null, since: new Date(seen.mtimeMs).toISOString(), sameHost: true };
  }
  const { pid, since, host } = seen.info;
  const sameHost = host === os.hostname();
  return sameHost ? { kind: 'locked', pid, since, sameHost } : { kind: 'locked', pid, since, sameHost, host };
}

function handle(file: string, token: string): SessionLock {
  let released = false;
  return {
    release(): void {
      if (released) return;
      released = true;
      const seen = readLock(file);
      // Someone who judged us dead and took over must not lose their lock to our cleanup.
      if (seen.state !== 'held' || seen.info.token !== token) return;
      try {
        fs.unlinkSync(file);
      } catch {
        // release runs on the way out; an error here must not mask the real outcome
      }
    },
  };
}
