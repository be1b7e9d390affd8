// Opening files in a folder someone else may have tampered with: a FIFO, a device, a directory or
// a symlink loop must end in an error value, never a hang or an endless read, and writes must never
// follow a symlink planted where case data goes. Every read is bounded.
import fs from 'node:fs';
import { err, ok, type Result } from './errors.js';

export type NotFound = { kind: 'not-found' };
/** Not a plain file: a FIFO, device, directory, socket, or (when not following) a symlink. */
export type NotRegular = { kind: 'not-regular' };
export type TooLarge = { kind: 'too-large'; max: number };
export type FsError = { kind: 'io'; op: string; code: string };
export type SafeReadError = NotFound | NotRegular | TooLarge | FsError;

const C = fs.constants;
// Absent on Windows, where a symlink needs rights ordinary users lack; 0 leaves the flag out.
export const O_NOFOLLOW: number = C.O_NOFOLLOW ?? 0;
// A FIFO opened for reading blocks until a writer appears; non-blocking makes the open return so
// that fstat can refuse it. Harmless on regular files.
const O_NONBLOCK: number = C.O_NONBLOCK ?? 0;

function code(e: unknown): string | undefined {
  const c = (e as NodeJS.ErrnoException | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

function ioError(op: string, e: unknown): FsError {
  const c = code(e);
  if (c === undefined) throw e;
  return { kind: 'io', op, code: c };
}

/**
 * Opens for reading and returns the fd only if it is a regular file. `follow: false` refuses a
 * symlink itself (used inside the data folder); routine folders may legitimately use links.
 */
export function openRegular(file: string, opts: { follow: boolean; flags?: number }): Result<number, NotFound | NotRegular | FsError> {
  const flags = (opts.flags ?? C.O_RDONLY) | O_NONBLOCK | (opts.follow ? 0 : O_NOFOLLOW);
  let fd: number;
  try {
    fd = fs.openSync(file, flags);
  } catch (e) {
    const c = code(e);
    if (c === 'ENOENT') return err({ kind: 'not-found' });
    // ELOOP: a symlink under O_NOFOLLOW, or a loop; EISDIR: a directory opened for writing.
    // EMLINK/EFTYPE are how some BSDs say the same as ELOOP under O_NOFOLLOW.
    if (c === 'ELOOP' || c === 'EISDIR' || c === 'EMLINK' || c === 'EFTYPE' || c === 'ENXIO') return err({ kind: 'not-regular' });
    return err(ioError('open', e));
  }
  try {
    if (!fs.fstatSync(fd).isFile()) {
      fs.closeSync(fd);
      return err({ kind: 'not-regular' });
    }
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      // already failing
    }
    return err(ioError('stat', e));
  }
  return ok(fd);
}

/** Reads at most maxBytes; a file that is (or grows) larger is refused rather than read on and on. */
export function readBounded(fd: number, maxBytes: number): Result<Buffer, TooLarge | FsError> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const buf = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return err({ kind: 'too-large', max: maxBytes });
    }
  } catch (e) {
    // EAGAIN cannot come from a regular file; anything here is a real read error.
    return err(ioError('read', e));
  }
  return ok(Buffer.concat(chunks, total));
}

export function readRegularFile(file: string, maxBytes: number, opts: { follow: boolean }): Result<Buffer, SafeReadError> {
  const opened = openRegular(file, opts);
  if (!opened.ok) return opened;
  try {
    return readBounded(opened.value, maxBytes);
  } finally {
    try {
      fs.closeSync(opened.value);
    } catch {
      // the read result stands
    }
  }
}

/** What sits at a path, without following a symlink there. */
export function lstatKind(file: string): Result<'missing' | 'file' | 'other', FsError> {
  try {
    return ok(fs.lstatSync(file).isFile() ? 'file' : 'other');
  } catch (e) {
    return code(e) === 'ENOENT' ? ok('missing') : err(ioError('lstat', e));
  }
}
