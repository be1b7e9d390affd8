import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, resolveDataDir, sessionsDir } from '../src/session/paths.js';
import { trackChild } from './helpers/children.js';
import { isSessionId, newSessionId } from '../src/session/ids.js';
import { acquireLock, lockFile } from '../src/session/lock.js';
import {
  appendEvent, createSession, deleteSession, listSessionIds, readSession, sessionFile,
  sessionFileStat, writeFileAtomic,
} from '../src/session/store.js';

const posix = process.platform !== 'win32';
const here = path.dirname(fileURLToPath(import.meta.url));
const mode = (p: string) => fs.statSync(p).mode & 0o777;

let tmp: string;
let dir: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jr-'));
  dir = sessionsDir(tmp);
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function newSession(): string {
  const r = createSession(dir, { t: 'started', routine: 'barn-utnyttjande' });
  if (!r.ok) throw new Error(`createSession failed: ${r.error.kind}`);
  return r.value.id;
}

function mustRead(id: string) {
  const r = readSession(dir, id);
  if (!r.ok) throw new Error(`readSession failed: ${r.error.kind}`);
  return r.value;
}

/** A pid that certainly ran on this host and certainly no longer does. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid;
}

function liveChild(): ChildProcess {
  const c = spawn(process.execPath, ['-e', 'setTimeout(()=>{},30000)'], { stdio: 'ignore' });
  trackChild(c);
  return c;
}

function writeLock(id: string, info: object): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(lockFile(dir, id), JSON.stringify(info));
}

describe('paths and ids', () => {
  it('resolves the data folder: --data-dir, then JOUR_ROUTINE_DATA, then the per-user folder', () => {
    const env = { JOUR_ROUTINE_DATA: path.join(tmp, 'env') };
    expect(resolveDataDir({ flag: path.join(tmp, 'flag'), env })).toBe(path.join(tmp, 'flag'));
    expect(resolveDataDir({ env })).toBe(path.join(tmp, 'env'));
    const fallback = envPaths('jour-routine', { suffix: '' }).data;
    expect(resolveDataDir({ env: {} })).toBe(fallback);
    expect(resolveDataDir({ flag: '', env: { JOUR_ROUTINE_DATA: '' } })).toBe(fallback);
    expect(path.isAbsolute(resolveDataDir({ flag: 'relative/dir', env: {} }))).toBe(true);
    expect(sessionsDir('/x')).toBe(path.join('/x', 'sessions'));
  });

  it('makes session ids random, 10 lower-case base32 characters, and rejects anything path-like', () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{10}$/);
    for (const id of ids) expect(isSessionId(id)).toBe(true);
    for (const bad of ['', '../../etc/x', 'abcde/ghij', 'ABCDEFGHIJ', 'abcdefghi1', 'abcdefghijk', 'c:abcdefgh', 42]) {
      expect(isSessionId(bad)).toBe(false);
    }
  });

  it.skipIf(!posix)('creates the folder 0700 and tightens an existing one', () => {
    const nested = path.join(tmp, 'a', 'b');
    expect(ensurePrivateDir(nested).ok).toBe(true);
    expect(mode(nested)).toBe(0o700);
    const loose = path.join(tmp, 'loose');
    fs.mkdirSync(loose, { mode: 0o755 });
    fs.chmodSync(loose, 0o755);
    expect(ensurePrivateDir(loose).ok).toBe(true);
    expect(mode(loose)).toBe(0o700);
  });
});

describe('session log', () => {
  it.skipIf(!posix)('creates the log 0600 in a 0700 folder, named only by the random id', () => {
    const id = newSession();
    expect(fs.readdirSync(dir)).toEqual([`${id}.jsonl`]);
    expect(mode(sessionFile(dir, id))).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
  });

  it('reads back every appended event in order, text with newlines and Swedish letters intact', () => {
    const id = newSession();
    const notes = ['rad ett\nrad två', 'åäö ÅÄÖ', '{"t":"fake"}\n'];
    for (const [i, note] of notes.entries()) {
      expect(appendEvent(dir, id, { t: 'noted', i, note })).toEqual({ ok: true, value: undefined });
    }
    const log = mustRead(id);
    expect(log.warnings).toEqual([]);
    expect(log.events.map((e) => e.t)).toEqual(['started', 'noted', 'noted', 'noted']);
    expect(log.events.slice(1).map((e) => e.note)).toEqual(notes);
    expect(fs.readFileSync(sessionFile(dir, id), 'utf8').split('\n')).toHaveLength(5);
  });

  it('refuses unknown sessions, path-like ids and events without a type, creating nothing', () => {
    fs.mkdirSync(dir, { recursive: true });
    const missing = newSessionId();
    expect(appendEvent(dir, missing, { t: 'noted' })).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(fs.existsSync(sessionFile(dir, missing))).toBe(false);
    expect(readSession(dir, missing)).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(readSession(dir, '../../etc/passwd')).toEqual({ ok: false, error: { kind: 'invalid-id' } });
    expect(appendEvent(dir, '../x', { t: 'noted' })).toEqual({ ok: false, error: { kind: 'invalid-id' } });
    const id = newSession();
    expect(appendEvent(dir, id, { note: 'no t' })).toEqual({ ok: false, error: { kind: 'invalid-event' } });
    expect(createSession(dir, { t: 1 })).toEqual({ ok: false, error: { kind: 'invalid-event' } });
    expect(mustRead(id).events).toHaveLength(1);
  });

  it('drops a torn last line with a warning, and the next append still gives a clean log', () => {
    const id = newSession();
    appendEvent(dir, id, { t: 'answered', q: 'akut-fara', a: 'ja' });
    fs.appendFileSync(sessionFile(dir, id), '{"t":"answered","q":"po');
    const torn = mustRead(id);
    expect(torn.warnings).toEqual([{ kind: 'torn-line', line: 3 }]);
    expect(torn.events).toHaveLength(2);

    expect(appendEvent(dir, id, { t: 'answered', q: 'polis', a: 'nej' }).ok).toBe(true);
    const healed = mustRead(id);
    expect(healed.warnings).toEqual([]);
    expect(healed.events.map((e) => e.q)).toEqual([undefined, 'akut-fara', 'polis']);
  });

  it('treats a complete-looking last line without its newline as torn, both when reading and appending', () => {
    const id = newSession();
    fs.appendFileSync(sessionFile(dir, id), '{"t":"answered","q":"x"}');
    expect(mustRead(id)).toMatchObject({ events: [{ t: 'started' }], warnings: [{ line: 2 }] });
    appendEvent(dir, id, { t: 'finished' });
    expect(mustRead(id)).toEqual({ events: [expect.objectContaining({ t: 'started' }), { t: 'finished' }], lines: [1, 2], warnings: [] });
  });

  it('keeps an unparseable last line that has its newline (a complete log, not a torn write): skipped with a warning, never cut', () => {
    const id = newSession();
    fs.appendFileSync(sessionFile(dir, id), '\u0000\u0000garbage\n');
    expect(mustRead(id).warnings).toEqual([{ kind: 'damaged-line', line: 2 }]);
    appendEvent(dir, id, { t: 'finished' });
    expect(mustRead(id)).toMatchObject({ events: [{ t: 'started' }, { t: 'finished' }], warnings: [{ kind: 'damaged-line', line: 2 }] });
    expect(fs.readFileSync(sessionFile(dir, id), 'utf8')).toContain('\u0000\u0000garbage\n');
  });

  it('skips a damaged line in the middle with a warning naming it, and keeps every event around it and the line itself', () => {
    const id = newSession();
    fs.appendFileSync(sessionFile(dir, id), 'not json\n{"t":"finished"}\n');
    expect(readSession(dir, id)).toEqual({
      ok: true,
      value: { events: [expect.objectContaining({ t: 'started' }), { t: 'finished' }], lines: [1, 3], warnings: [{ kind: 'damaged-line', line: 2 }] },
    });
    expect(fs.readFileSync(sessionFile(dir, id), 'utf8')).toContain('not json\n');
  });

  it('lists, stats and deletes sessions, ignoring other files in the folder', () => {
    expect(listSessionIds(dir)).toEqual({ ok: true, value: [] });
    const a = newSession();
    const b = newSession();
    fs.writeFileSync(path.join(dir, 'notes.txt'), '');
    fs.writeFileSync(path.join(dir, `${a}.lock`), '');
    fs.writeFileSync(path.join(dir, 'Anna Svensson.jsonl'), '');
    expect(listSessionIds(dir)).toEqual({ ok: true, value: [a, b].sort() });
    const st = sessionFileStat(dir, a);
    expect(st.ok && st.value.mtime instanceof Date && st.value.size > 0).toBe(true);
    expect(deleteSession(dir, a).ok).toBe(true);
    expect(deleteSession(dir, a)).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(sessionFileStat(dir, a)).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(listSessionIds(dir)).toEqual({ ok: true, value: [b] });
  });
});

describe('writeFileAtomic', () => {
  it('writes a private file, refuses to overwrite without force, replaces with force, leaves no temp', () => {
    fs.mkdirSync(dir, { recursive: true });
    const out = path.join(tmp, 'anteckning.md');
    expect(writeFileAtomic(out, 'första', { force: false })).toEqual({ ok: true, value: undefined });
    if (posix) expect(mode(out)).toBe(0o600);
    expect(writeFileAtomic(out, 'andra', { force: false })).toEqual({ ok: false, error: { kind: 'exists' } });
    expect(fs.readFileSync(out, 'utf8')).toBe('första');
    expect(writeFileAtomic(out, Buffer.from('tredje'), { force: true }).ok).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).toBe('tredje');
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('session lock', () => {
  it('writes who holds it, refuses a second holder, and is free again after release', () => {
    const id = newSession();
    const first = acquireLock(dir, id);
    if (!first.ok) throw new Error(first.error.kind);
    const info = JSON.parse(fs.readFileSync(lockFile(dir, id), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: os.hostname(), since: expect.any(String) });
    if (posix) expect(mode(lockFile(dir, id))).toBe(0o600);
    expect(acquireLock(dir, id)).toEqual({
      ok: false, error: { kind: 'locked', pid: process.pid, since: info.since, sameHost: true },
    });
    first.value.release();
    expect(fs.existsSync(lockFile(dir, id))).toBe(false);
    const again = acquireLock(dir, id);
    expect(again.ok).toBe(true);
    if (again.ok) again.value.release();
  });

  it('refuses while another live process on this host holds the lock', () => {
    const id = newSession();
    const holder = liveChild();
    const since = '2026-11-28T02:10:00.000Z';
    writeLock(id, { pid: holder.pid, host: os.hostname(), since });
    expect(acquireLock(dir, id)).toEqual({
      ok: false, error: { kind: 'locked', pid: holder.pid, since, sameHost: true },
    });
  });

  it('takes over a lock whose process is gone (a crash), even after hours', () => {
    const id = newSession();
    const pid = deadPid();
    writeLock(id, { pid, host: os.hostname(), since: '2026-11-27T22:00:00.000Z' });
    const r = acquireLock(dir, id);
    expect(r.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockFile(dir, id), 'utf8')).pid).toBe(process.pid);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('never takes over a lock from another computer, whose pids it cannot check', () => {
    const id = newSession();
    writeLock(id, { pid: deadPid(), host: 'another-host.invalid', since: 'x' });
    expect(acquireLock(dir, id)).toMatchObject({ ok: false, error: { kind: 'locked', sameHost: false } });
  });

  it('release leaves alone a lock that someone else took over meanwhile', () => {
    const id = newSession();
    const r = acquireLock(dir, id);
    if (!r.ok) throw new Error(r.error.kind);
    const other = { pid: process.pid, host: os.hostname(), since: 'later', token: 'someone-else' };
    writeLock(id, other);
    r.value.release();
    expect(JSON.parse(fs.readFileSync(lockFile(dir, id), 'utf8'))).toEqual(other);
  });

  it('waits out an unreadable lock file (being written) and only then takes it over', () => {
    const id = newSession();
    fs.writeFileSync(lockFile(dir, id), '');
    expect(acquireLock(dir, id)).toMatchObject({ ok: false, error: { kind: 'locked', pid: null } });
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(dir, id), old, old);
    expect(acquireLock(dir, id).ok).toBe(true);
  });

  it('rejects path-like ids', () => {
    expect(acquireLock(dir, '../x')).toEqual({ ok: false, error: { kind: 'invalid-id' } });
  });
});

describe('crash safety', () => {
  const child = path.join(here, 'helpers', 'append-child.mjs');
  const built = path.join(here, '..', 'dist', 'session', 'store.js');

  async function appendUntilKilled(id: string, killAt: number): Promise<Set<number>> {
    const acked = new Set<number>();
    const proc = spawn(process.execPath, [child, dir, id, '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
    trackChild(proc);
    let buffered = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acked.add(Number(l.slice(4)));
      if (acked.size >= killAt) proc.kill('SIGKILL');
    });
    await new Promise((resolve) => proc.on('close', resolve));
    return acked;
  }

  it.each([1, 2, 3])('loses no acknowledged event when the writer is killed mid-append (round %i)', async () => {
    if (!fs.existsSync(built)) throw new Error('dist/session/store.js is missing: run `npm run build` first');
    const id = newSession();
    const killAt = 1 + Math.floor(Math.random() * 190);
    const acked = await appendUntilKilled(id, killAt);
    expect(acked.size).toBeGreaterThanOrEqual(killAt);

    const log = mustRead(id);
    expect(log.warnings.length).toBeLessThanOrEqual(1);
    const present = new Set(log.events.filter((e) => e.t === 'answered').map((e) => e.i));
    for (const i of acked) expect(present.has(i)).toBe(true);

    expect(appendEvent(dir, id, { t: 'resumed' }).ok).toBe(true);
    const after = mustRead(id);
    expect(after.warnings).toEqual([]);
    expect(after.events.at(-1)).toEqual({ t: 'resumed' });
  }, 30_000);
});
