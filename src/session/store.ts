// The session log on disk: one JSON event per line, appended and fsynced before the caller moves on.
// Generic over events (their schema lives elsewhere); only `t: string` is required so a line can be
// told apart from debris. Expected failures are returned as data, never thrown.
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../core/errors.js';
import { openRegular, readBounded, type NotRegular, type TooLarge } from '../core/fs-safe.js';
import { isSessionId, newSessionId } from './ids.js';
import {
  closeQuietly, ensurePrivateDir, errnoCode, fsyncDir, removeQuietly, toIoError, writeAll, type IoError,
} from './paths.js';

// Lives with the other file primitives in paths.ts (the lock uses it too); exported here for exports.
export { writeFileAtomic } from './paths.js';

export type Event = Record<string, unknown> & { t: string };
export type NotFound = { kind: 'not-found' };
export type InvalidId = { kind: 'invalid-id' };
export type InvalidEvent = { kind: 'invalid-event' };
export type Corrupt = { kind: 'corrupt'; line: number };
export type { Exists, IoError } from './paths.js';
export type TornLine = { kind: 'torn-line'; line: number };
/** A complete line (it has its newline) that does not parse: kept in the file, skipped when read. */
export type DamagedLine = { kind: 'damaged-line'; line: number };
/** `lines`: the file line of each event, so a later warning names the line a person can find. */
export type SessionLog = { events: Event[]; lines: number[]; warnings: (TornLine | DamagedLine)[] };
export type { NotRegular, TooLarge } from '../core/fs-safe.js';

/**
 * A night's session is a few hundred lines of a few hundred bytes; 64 MB leaves room for pasted
 * notes and still bounds what a damaged or planted file can make us read.
 */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;

const NL = 0x0a;

export function sessionFile(dir: string, id: string): string {
  return path.join(dir, `${id}.jsonl`);
}

/** The one definition of a valid line, shared by reading and by the repair before an append. */
function parseLine(text: string): Event | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Event).t === 'string') {
      return v as Event;
    }
  } catch {
    // falls through: not JSON
  }
  return undefined;
}

function serialize(event: Record<string, unknown>): Buffer | undefined {
  if (typeof event.t !== 'string') return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(event);
  } catch {
    return undefined; // circular or BigInt: it could never be read back
  }
  return typeof json === 'string' ? Buffer.from(json + '\n', 'utf8') : undefined;
}

/** `firstEvent` may be a function of the new id, so that the started event can record its own session. */
export function createSession(
  dir: string,
  firstEvent: Record<string, unknown> | ((id: string) => Record<string, unknown>),
): Result<{ id: string; file: string }, InvalidEvent | IoError> {
  const eventFor = typeof firstEvent === 'function' ? firstEvent : () => firstEvent;
  if (!serialize(eventFor(newSessionId()))) return err({ kind: 'invalid-event' });
  const made = ensurePrivateDir(dir);
  if (!made.ok) return made;
  for (;;) {
    const id = newSessionId();
    const line = serialize(eventFor(id));
    if (!line) return err({ kind: 'invalid-event' });
    const file = sessionFile(dir, id);
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') continue; // a 50-bit collision: just draw again
      return err(toIoError('create', e));
    }
    try {
      writeAll(fd, line);
      fs.fsyncSync(fd);
    } catch (e) {
      closeQuietly(fd);
      removeQuietly(file);
      return err(toIoError('write', e));
    }
    closeQuietly(fd);
    const synced = fsyncDir(dir);
    return synced.ok ? ok({ id, file }) : synced;
  }
}

/**
 * Where the durable log ends: the file size, or the start of the last line if that line has no
 * newline (a write cut short by a crash). A complete line that does not parse is not ours to
 * drop: it stays, and readers skip it with a warning. Reads backwards so an append stays cheap.
 */
function validEnd(fd: number, size: number): number {
  if (size === 0) return 0;
  const last = Buffer.alloc(1);
  fs.readSync(fd, last, 0, 1, size - 1);
  if (last[0] === NL) return size;
  let win = Math.min(size, 4096);
  for (;;) {
    const buf = Buffer.alloc(win);
    fs.readSync(fd, buf, 0, win, size - win);
    const nl = buf.lastIndexOf(NL);
    if (nl >= 0) return size - win + nl + 1;
    if (win >= size) return 0;
    win = Math.min(size, win * 4);
  }
}

/** Before a torn tail is cut, the whole log as it was goes to `<id>.orig-<ms>.bak` (private, never replaced). */
function backUp(dir: string, id: string, fd: number, size: number): void {
  const buf = Buffer.alloc(size);
  let got = 0;
  while (got < size) {
    const n = fs.readSync(fd, buf, got, size - got, got);
    if (n === 0) break;
    got += n;
  }
  const out = fs.openSync(path.join(dir, `${id}.orig-${Date.now()}.bak`), 'wx', 0o600);
  try {
    writeAll(out, buf.subarray(0, got));
    fs.fsyncSync(out);
  } finally {
    closeQuietly(out);
  }
}

/** Returns only once the event is on disk; an error means it is not in the log. */
export function appendEvent(
  dir: string,
  id: string,
  event: Record<string, unknown>,
): Result<void, InvalidId | InvalidEvent | NotFound | NotRegular | IoError> {
  if (!isSessionId(id)) return err({ kind: 'invalid-id' });
  const line = serialize(event);
  if (!line) return err({ kind: 'invalid-event' });
  // O_APPEND without O_CREAT: appending to a session that does not exist must not create one.
  // No-follow and regular only: a link planted in place of the log must not carry case data out.
  const opened = openRegular(sessionFile(dir, id), { follow: false, flags: fs.constants.O_RDWR | fs.constants.O_APPEND });
  if (!opened.ok) return opened;
  const fd = opened.value;
  let before = -1;
  try {
    const size = fs.fstatSync(fd).size;
    before = validEnd(fd, size);
    if (before < size) {
      backUp(dir, id, fd, size);
      fs.ftruncateSync(fd, before);
    }
    writeAll(fd, line);
    fs.fsyncSync(fd);
    return ok(undefined);
  } catch (e) {
    // Undo a partial write so a retry of the same event cannot leave a duplicate behind.
    if (before >= 0) {
      try {
        fs.ftruncateSync(fd, before);
      } catch {
        // the next append repairs a torn tail anyway
      }
    }
    return err(toIoError('append', e));
  } finally {
    closeQuietly(fd);
  }
}

export function readSession(
  dir: string,
  id: string,
): Result<SessionLog, InvalidId | NotFound | NotRegular | TooLarge | IoError> {
  if (!isSessionId(id)) return err({ kind: 'invalid-id' });
  const opened = openRegular(sessionFile(dir, id), { follow: false });
  if (!opened.ok) return opened;
  let read: ReturnType<typeof readBounded>;
  try {
    read = readBounded(opened.value, MAX_LOG_BYTES);
  } finally {
    closeQuietly(opened.value);
  }
  if (!read.ok) return read;
  const text = read.value.toString('utf8');
  const events: Event[] = [];
  const lineOf: number[] = [];
  const warnings: SessionLog['warnings'] = [];
  if (text === '') return ok({ events, lines: lineOf, warnings });
  const lines = text.split('\n');
  // A log always ends with '\n', so split leaves '' last; anything else there is a write cut short.
  const tail = lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const ev = parseLine(lines[i] ?? '');
    if (ev) {
      events.push(ev);
      lineOf.push(i + 1);
    } else warnings.push({ kind: 'damaged-line', line: i + 1 });
  }
  if (tail !== '') warnings.push({ kind: 'torn-line', line: lines.length + 1 });
  return ok({ events, lines: lineOf, warnings });
}

export function listSessionIds(dir: string): Result<string[], IoError> {
  try {
    return ok(
      fs.readdirSync(dir)
        .filter((n) => n.endsWith('.jsonl') && isSessionId(n.slice(0, -'.jsonl'.length)))
        .map((n) => n.slice(0, -'.jsonl'.length))
        .sort(),
    );
  } catch (e) {
    // ENOTDIR (a file where the folder should be) is an error, not "no sessions".
    return errnoCode(e) === 'ENOENT' ? ok([]) : err(toIoError('list', e));
  }
}

export function sessionFileStat(
  dir: string,
  id: string,
): Result<{ mtime: Date; size: number }, InvalidId | NotFound | IoError> {
  if (!isSessionId(id)) return err({ kind: 'invalid-id' });
  try {
    const st = fs.lstatSync(sessionFile(dir, id));
    return ok({ mtime: st.mtime, size: st.size });
  } catch (e) {
    return errnoCode(e) === 'ENOENT' ? err({ kind: 'not-found' }) : err(toIoError('stat', e));
  }
}

/** Removes the log only; the caller holds the session lock and releases it afterwards. */
export function deleteSession(dir: string, id: string): Result<void, InvalidId | NotFound | IoError> {
  if (!isSessionId(id)) return err({ kind: 'invalid-id' });
  try {
    fs.unlinkSync(sessionFile(dir, id));
  } catch (e) {
    return errnoCode(e) === 'ENOENT' ? err({ kind: 'not-found' }) : err(toIoError('delete', e));
  }
  // A purge that a power cut undoes would bring case data back.
  return fsyncDir(dir);
}

/** Files that belong to a session besides its log and lock: the backups made before a repair. */
export function sessionBackups(dir: string, id: string): string[] {
  if (!isSessionId(id)) return [];
  try {
    return fs.readdirSync(dir).filter((n) => n.startsWith(`${id}.orig-`) && n.endsWith('.bak')).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}
