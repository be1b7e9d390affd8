// Where session data lives, and the durable-file primitives the store and the lock share.
// Nothing here knows about events; everything takes explicit paths so tests can use temp dirs.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import envPaths from 'env-paths';
import { err, ok, type Result } from '../core/errors.js';
import { lstatKind, type NotRegular } from '../core/fs-safe.js';

/**
 * An operating-system failure as data. Deliberately without the path or the OS message: those embed
 * the data folder (often the caseworker's user name) and would end up in logs and error output.
 */
export type IoError = { kind: 'io'; op: string; code: string };
export type Exists = { kind: 'exists' };
export type { NotRegular } from '../core/fs-safe.js';

/** Turns an fs error into IoError; anything that is not an fs error is a bug and is rethrown. */
export function toIoError(op: string, e: unknown): IoError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') throw e;
  return { kind: 'io', op, code };
}

export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * `--data-dir`, then JOUR_ROUTINE_DATA, then the per-user data folder of the OS. An empty value counts
 * as unset so that `JOUR_ROUTINE_DATA=` in a wrapper script does not put case data in the cwd.
 * env-paths reads XDG_DATA_HOME / LOCALAPPDATA from process.env itself, not from `env`.
 */
export function resolveDataDir(opts: { flag?: string | undefined; env: NodeJS.ProcessEnv }): string {
  const chosen =
    nonEmpty(opts.flag) ?? nonEmpty(opts.env.JOUR_ROUTINE_DATA) ?? envPaths('jour-routine', { suffix: '' }).data;
  // Absolute, so that a later chdir or a message naming the folder cannot point somewhere else.
  return path.resolve(chosen);
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s : undefined;
}

export function sessionsDir(dataDir: string): string {
  return path.join(dataDir, 'sessions');
}

/**
 * mkdir -p with 0700, then chmod: mkdir's mode is filtered by the umask and is not applied to a folder
 * that already exists (e.g. one created by hand or by an older version with 0755).
 */
export function ensurePrivateDir(dir: string): Result<void, IoError> {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    return err(toIoError('mkdir', e));
  }
  if (process.platform !== 'win32') {
    try {
      fs.chmodSync(dir, 0o700);
    } catch (e) {
      return err(toIoError('chmod', e));
    }
  }
  return ok(undefined);
}

// Windows cannot open a directory as a file (EISDIR) or refuses to flush it (EPERM/EACCES); NTFS
// journals the rename itself. Some POSIX file systems (certain network mounts) answer EINVAL/ENOTSUP.
const DIR_FSYNC_UNSUPPORTED =
  process.platform === 'win32' ? new Set(['EISDIR', 'EPERM', 'EACCES']) : new Set(['EINVAL', 'ENOTSUP']);

/**
 * Flushes a directory entry (a create, rename or unlink) to disk: without it a power cut can
 * leave a file whose data was fsynced but whose name never reached the disk.
 */
export function fsyncDir(dir: string): Result<void, IoError> {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    return ok(undefined);
  } catch (e) {
    const code = errnoCode(e);
    if (code !== undefined && DIR_FSYNC_UNSUPPORTED.has(code)) return ok(undefined);
    return err(toIoError('fsync-dir', e));
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Close on a path that is already failing or finished: a second error would only hide the first. */
export function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // nothing useful to do
  }
}

/** A short synchronous pause for retry loops; the CLI is synchronous and single-user. */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** writeSync may write less than asked; a short write left unnoticed would be a torn line we acked. */
export function writeAll(fd: number, buf: Uint8Array): void {
  let done = 0;
  while (done < buf.length) done += fs.writeSync(fd, buf, done, buf.length - done);
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // cleanup after a failure already being reported
  }
}

// Windows: antivirus or the search indexer briefly holds files open, and rename fails meanwhile.
const RENAME_RETRY = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Readers see the old file or the new one, never half of either. Private: exports hold case data.
 * Never through a symlink: without force anything at the path (a dangling link included) is
 * `exists`, and the final step is link(2), which refuses an existing name atomically; with force
 * only a regular file is replaced, never a device, FIFO, directory or link.
 */
export function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  opts: { force: boolean },
): Result<void, Exists | NotRegular | IoError> {
  const there = lstatKind(file);
  if (!there.ok) return there;
  if (there.value !== 'missing' && !opts.force) return err({ kind: 'exists' });
  if (there.value === 'other') return err({ kind: 'not-regular' });
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fs.fsyncSync(fd);
    } finally {
      closeQuietly(fd);
    }
    if (!opts.force && linkInPlace(tmp, file) === 'exists') {
      removeQuietly(tmp);
      return err({ kind: 'exists' });
    }
    for (let attempt = 0; opts.force || fs.existsSync(tmp); attempt++) {
      try {
        fs.renameSync(tmp, file);
        break;
      } catch (e) {
        if (attempt >= 10 || !RENAME_RETRY.has(errnoCode(e) ?? '')) throw e;
        sleepSync(50);
      }
    }
  } catch (e) {
    removeQuietly(tmp);
    return err(toIoError('write-atomic', e));
  }
  return fsyncDir(dir);
}

/**
 * link(2) then drop the temporary name: creating the final name fails if anything took it since
 * we looked. 'fallback' where the file system has no hard links (FAT, some shares): rename then.
 */
function linkInPlace(tmp: string, file: string): 'linked' | 'exists' | 'fallback' {
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    const c = errnoCode(e);
    if (c === 'EEXIST') return 'exists';
    if (c === 'EPERM' || c === 'ENOTSUP' || c === 'ENOSYS' || c === 'EXDEV' || c === 'EOPNOTSUPP') {
      const again = lstatKind(file);
      return again.ok && again.value === 'missing' ? 'fallback' : 'exists';
    }
    throw e;
  }
  removeQuietly(tmp);
  return 'linked';
}

export type NotDir = { kind: 'not-dir' };
export type NotOurs = { kind: 'not-ours' };

/**
 * The data folder as found: missing (fine, made on first write), or a folder that is ours. One that
 * others may write to is tightened to 0700 (its files to 0600) when we own it, refused when we do
 * not: someone else could plant links or read case data there. A file in its place is refused.
 */
export function securePrivateDir(dir: string): Result<'missing' | 'ok' | 'tightened', NotDir | NotOurs | IoError> {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    const c = errnoCode(e);
    if (c === 'ENOENT') return ok('missing');
    if (c === 'ENOTDIR') return err({ kind: 'not-dir' });
    return err(toIoError('stat', e));
  }
  if (!st.isDirectory()) return err({ kind: 'not-dir' });
  if (process.platform === 'win32' || (st.mode & 0o077) === 0) return ok('ok');
  const me = process.getuid?.();
  if (me !== undefined && st.uid !== me) return (st.mode & 0o022) !== 0 ? err({ kind: 'not-ours' }) : ok('ok');
  try {
    fs.chmodSync(dir, 0o700);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!e.isFile()) continue; // never chmod through a link, nor a folder we did not make
      const f = path.join(dir, e.name);
      if ((fs.lstatSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    }
  } catch (e) {
    return err(toIoError('chmod', e));
  }
  return ok('tightened');
}
