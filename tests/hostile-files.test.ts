// Issue 12, "never write where it should not", "never lose what was acknowledged" and "never
// hang": real files, symlinks, FIFOs (mkfifo), devices and concurrent processes, no mocks. The
// symlink and purge-race tests fail on the code before this change.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay } from '../src/engine/walk.js';
import { readRegularFile } from '../src/core/fs-safe.js';
import type { SessionEvent } from '../src/core/events.js';
import { acquireLock, lockFile } from '../src/session/lock.js';
import { summarize } from '../src/session/list.js';
import { sessionsDir } from '../src/session/paths.js';
import { readSnapshot } from '../src/session/snapshot.js';
import { snapshotFile, writeSnapshot } from '../src/session/snapshot-write.js';
import { appendEvent, createSession, readSession, sessionFile, writeFileAtomic } from '../src/session/store.js';
import { wrap } from '../src/render/wrap.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { KEY, spawnCli, type Term } from './helpers/pty.js';
import { registryRoutine, walkEvents, writeSession } from './helpers/session-fixture.js';

const posix = process.platform !== 'win32';
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const mkfifo = (p: string) => {
  const r = spawnSync('mkfifo', [p]);
  if (r.status !== 0) throw new Error('mkfifo failed');
};

let data: string;
let dir: string;
let outside: string;
const terms: Term[] = [];

beforeEach(() => {
  data = tempDir('jr-hostile-');
  dir = sessionsDir(data);
  outside = tempDir('jr-outside-');
});
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
  fs.rmSync(data, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

const exempel = () => registryRoutine('exempel', ['examples']);
const ANSWERS = {
  'akut-fara': 'no', alder: 15, polis: { kontakt: 'Vakthavande befäl' },
  omh: { decided_by: 'Ordförande NN', ground: 'lvu-3', decided_at: '2026-12-03 03:15', carried_out_at: '2026-12-03 03:50' },
};
function finishedSession(at = '2026-12-03T01:40:00+01:00'): string {
  const r = exempel();
  const events = walkEvents(r, ANSWERS, { at, case_ref: 'K-1', worker: 'AB' });
  return writeSession(data, r, [...events, { t: 'finished', at: new Date(Date.parse(at) + 3_600_000).toISOString() }]);
}
const run = (args: string[], env: Record<string, string> = {}) => cli(['--data-dir', data, '--routines', 'examples', ...args], { env });
const oneSentence = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .*\.js:\d+|RangeError|TypeError/);
};

describe.runIf(posix)('never through a symlink', () => {
  it('an append to a session log that was replaced by a link is refused, and the target outside is untouched', () => {
    const made = createSession(dir, { t: 'started' });
    if (!made.ok) throw new Error('create');
    const target = path.join(outside, 'victim.txt');
    fs.writeFileSync(target, 'untouched\n');
    fs.rmSync(sessionFile(dir, made.value.id));
    fs.symlinkSync(target, sessionFile(dir, made.value.id));
    expect(appendEvent(dir, made.value.id, { t: 'noted', text: 'case data' })).toEqual({ ok: false, error: { kind: 'not-regular' } });
    expect(readSession(dir, made.value.id)).toEqual({ ok: false, error: { kind: 'not-regular' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('untouched\n');
  }, 120_000);

  it('export -o onto a dangling link refuses without --force and leaves the link; with --force it is still refused', () => {
    const id = finishedSession();
    const link = path.join(outside, 'note.md');
    const pointsTo = path.join(outside, 'elsewhere', 'stolen.md');
    fs.symlinkSync(pointsTo, link);
    const plain = run(['export', id, '-o', link]);
    expect(plain.code).toBe(1);
    oneSentence(plain.stderr);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    const forced = run(['export', id, '-o', link, '--force']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('ingen vanlig fil');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(pointsTo)).toBe(false);
  }, 120_000);

  it('export --force replaces a regular file but never a FIFO, a device or a folder', () => {
    const id = finishedSession();
    const file = path.join(outside, 'note.md');
    fs.writeFileSync(file, 'old');
    expect(run(['export', id, '-o', file, '--force']).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('# ');
    const fifo = path.join(outside, 'fifo');
    mkfifo(fifo);
    const folder = path.join(outside, 'folder');
    fs.mkdirSync(folder);
    for (const target of [fifo, folder, '/dev/null']) {
      const r = run(['export', id, '-o', target, '--force']);
      expect(r.code, target).toBe(1);
      expect(r.stderr, target).toContain('ingen vanlig fil');
    }
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  }, 120_000);

  it('writeFileAtomic without force refuses any existing name; a snapshot or lock that is a link is never followed', () => {
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(outside, 'victim');
    fs.writeFileSync(target, 'x');
    const link = path.join(dir, 'a.md');
    fs.symlinkSync(target, link);
    expect(writeFileAtomic(link, 'y', { force: false })).toEqual({ ok: false, error: { kind: 'exists' } });
    expect(writeFileAtomic(link, 'y', { force: true })).toEqual({ ok: false, error: { kind: 'not-regular' } });
    const r = exempel();
    const made = createSession(dir, { t: 'started' });
    if (!made.ok) throw new Error('create');
    fs.symlinkSync(target, snapshotFile(dir, made.value.id));
    expect(writeSnapshot(dir, made.value.id, r)).toBe(false);
    fs.symlinkSync(target, lockFile(dir, made.value.id));
    const lock = acquireLock(dir, made.value.id);
    expect(lock.ok).toBe(false);
    expect(!lock.ok && lock.error.kind === 'locked' && lock.error.notRegular).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('x');
  }, 120_000);
});

describe.runIf(posix)('the data folder', () => {
  it('a group- or world-writable data folder is made private, with its files, and the user is told', () => {
    const id = finishedSession();
    fs.chmodSync(data, 0o777);
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(sessionFile(dir, id), 0o666);
    const r = run(['sessions', '--all']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('bara åtkomlig för dig');
    expect(mode(data)).toBe(0o700);
    expect(mode(dir)).toBe(0o700);
    expect(mode(sessionFile(dir, id))).toBe(0o600);
  }, 120_000);

  it('a data folder that is a file is an error (exit 1), not "no unfinished sessions"', () => {
    const file = path.join(outside, 'data');
    fs.writeFileSync(file, '');
    const r = cli(['--data-dir', file, 'sessions']);
    expect(r.code).toBe(1);
    oneSentence(r.stderr);
    expect(r.stderr).toContain('är en fil');
    expect(r.stdout).toBe('');
  }, 120_000);
});

describe.runIf(posix)('locks we cannot judge', () => {
  it('a lock held from another host names the host and says how to take over', async () => {
    const id = finishedSession();
    fs.writeFileSync(lockFile(dir, id), JSON.stringify({ pid: 4242, host: 'jour-laptop-7', since: '2026-12-03T01:00:00Z' }));
    const term = spawnCli(['--data-dir', data, '--routines', 'examples', 'resume', id], {});
    terms.push(term);
    await term.waitFor(`${id}.lock`);
    expect((await term.exited).code).toBe(1);
    expect(term.text()).toContain('"jour-laptop-7"');
    expect(term.text()).not.toContain('försök igen om en stund');
  }, 120_000);

  it('a lock that is a FIFO is named as not a plain file, without hanging', () => {
    const id = finishedSession();
    mkfifo(lockFile(dir, id));
    const lock = acquireLock(dir, id);
    expect(!lock.ok && lock.error.kind === 'locked' && lock.error.notRegular).toBe(true);
  }, 120_000);
});

describe('never lose what was acknowledged', () => {
  it('cutting a torn last line keeps a private copy of the log as it was', () => {
    const made = createSession(dir, { t: 'started' });
    if (!made.ok) throw new Error('create');
    const file = sessionFile(dir, made.value.id);
    fs.appendFileSync(file, '{"t":"answered","node":"x","val');
    const before = fs.readFileSync(file, 'utf8');
    expect(appendEvent(dir, made.value.id, { t: 'paused' }).ok).toBe(true);
    const copies = fs.readdirSync(dir).filter((n) => n.startsWith(`${made.value.id}.orig-`));
    expect(copies).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, copies[0] as string), 'utf8')).toBe(before);
    if (posix) expect(mode(path.join(dir, copies[0] as string))).toBe(0o600);
  }, 120_000);

  it('export of a log with a damaged line in the middle warns naming the line and still exports the rest', () => {
    const id = finishedSession();
    const file = sessionFile(dir, id);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.splice(2, 0, '{"t":"noted", damaged');
    fs.writeFileSync(file, lines.join('\n'));
    const r = run(['export', id]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rad 3');
    expect(r.stdout).toContain('Omedelbart omhändertagande');
    expect(fs.readFileSync(file, 'utf8')).toContain('{"t":"noted", damaged');
  }, 120_000);

  it('after a damaged line, an event that is valid JSON but not an event is named by its line in the file', () => {
    const id = finishedSession();
    const file = sessionFile(dir, id);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Line 3 is torn in two by a disk fault; line 5 is JSON but no event the tool knows.
    lines.splice(2, 0, '{"t":"noted", damaged');
    lines.splice(4, 0, '{"t":"unheard-of","at":"x"}');
    fs.writeFileSync(file, lines.join('\n'));
    const r = run(['export', id]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rad 3');
    expect(r.stderr).toContain('rad 5');
    expect(r.stderr).not.toContain('rad 4');
  }, 120_000);

  it('a stray or out-of-order finished event does not finish a walk that stands at a question', () => {
    const at = (m: number) => `2026-12-03T01:${String(m).padStart(2, '0')}:00+01:00`;
    const started = { t: 'started', v: 1, at: at(0), session: 'x', routine: { id: 'exempel', version: 1, hash: 'h' }, case_ref: '', worker: '', practice: false, lang: 'sv', tool_version: 't' };
    const events = [started, { t: 'finished', at: at(1) }, { t: 'answered', at: at(2), node: 'akut-fara', value: 'no' }];
    expect(summarize('abcdefghij', events, at(0))?.state).toBe('active');
    // And replayed on the routine: a finished event while at a question is refused, not obeyed.
    const r = exempel();
    const res = replay(r, [{ ...started, routine: { id: 'exempel', version: r.version, hash: r.hash } }, { t: 'finished', at: at(1) }] as SessionEvent[]);
    expect(res?.state.finished).toBe(false);
    expect(res?.rejected).toHaveLength(1);
  }, 120_000);
});

describe.runIf(posix)('purge in a race', () => {
  it('a session resumed and paused by another process while purge waits for its yes is not deleted', async () => {
    const old = '2026-01-10T01:40:00+01:00';
    const victim = finishedSession(old);
    const other = finishedSession(old);
    const purge = spawnCli(['--data-dir', data, '--routines', 'examples', 'purge', '--older-than', '30'], {});
    terms.push(purge);
    await purge.waitFor('Ta bort 2 avslutade sessioner');
    // Another window, a real separate process, takes the lock, writes and lets go, as resume + pause does.
    const writer = `
      const { acquireLock } = await import(${JSON.stringify(path.join(ROOT, 'dist/session/lock.js'))});
      const { appendEvent } = await import(${JSON.stringify(path.join(ROOT, 'dist/session/store.js'))});
      const [dir, id] = process.argv.slice(1);
      const lock = acquireLock(dir, id);
      if (!lock.ok) process.exit(3);
      const now = new Date().toISOString();
      appendEvent(dir, id, { t: 'went_back', at: now, node: 'omh' });
      appendEvent(dir, id, { t: 'paused', at: now });
      lock.value.release();`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', writer, dir, victim], { stdio: 'inherit' });
    const code = await new Promise<number | null>((res) => child.on('exit', res));
    expect(code).toBe(0);
    purge.send(KEY.down + KEY.enter);
    await purge.waitFor('avslutade sessioner borttagna.');
    expect(purge.text()).toContain('1 avslutade sessioner borttagna.');
    expect(fs.existsSync(sessionFile(dir, victim))).toBe(true);
    expect(fs.existsSync(sessionFile(dir, other))).toBe(false);
  }, 120_000);
});

describe.runIf(posix)('never hang', () => {
  it('reads refuse FIFOs, devices, folders and symlink loops at once, and stop at the size limit', () => {
    const fifo = path.join(outside, 'fifo');
    mkfifo(fifo);
    const loop = path.join(outside, 'loop');
    fs.symlinkSync(loop, loop);
    for (const f of [fifo, '/dev/zero', outside, loop]) {
      expect(readRegularFile(f, 1024, { follow: true }), f).toEqual({ ok: false, error: { kind: 'not-regular' } });
    }
    const big = path.join(outside, 'big');
    fs.writeFileSync(big, Buffer.alloc(2048));
    expect(readRegularFile(big, 1024, { follow: true })).toEqual({ ok: false, error: { kind: 'too-large', max: 1024 } });
  }, 120_000);

  it('a session log that is a FIFO, and a snapshot linked to /dev/zero, give one sentence or fall back', () => {
    const id = finishedSession();
    fs.rmSync(snapshotFile(dir, id));
    fs.symlinkSync('/dev/zero', snapshotFile(dir, id));
    expect(readSnapshot(dir, id, '2026-12-03')).toBeUndefined();
    fs.rmSync(sessionFile(dir, id));
    mkfifo(sessionFile(dir, id));
    const r = run(['export', id]);
    expect(r.code).toBe(1);
    oneSentence(r.stderr);
    expect(r.stderr).toContain('ingen vanlig fil');
  }, 120_000);

  it('a FIFO, /dev/zero or a folder as answers or contacts file is one sentence, not a hang', () => {
    const fifo = path.join(outside, 'svar.yaml');
    mkfifo(fifo);
    for (const f of [fifo, '/dev/zero', outside]) {
      const r = run(['run', 'exempel', '--answers', f]);
      expect(r.code, f).toBe(1);
      expect(r.stderr, f).toMatch(/file-unreadable/);
      const c = run(['--contacts', f, 'list']);
      expect(c.code, f).toBe(1);
      oneSentence(c.stderr);
    }
  }, 120_000);

  it('a 10 MB line in a log (one pasted word in a note) is exported, wrapped to the width', () => {
    const blob = 'x'.repeat(10 * 1024 * 1024);
    const id = finishedSession();
    appendEvent(dir, id, { t: 'noted', at: '2026-12-03T05:00:00+01:00', node: null, text: blob });
    const out = path.join(outside, 'note.md');
    const r = run(['export', id, '-o', out]);
    expect(r.code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(blob.length);
    const lines = wrap(`a ${'y'.repeat(1000)} b`, 80, '  ');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`a${'y'.repeat(1000)}b`);
  }, 120_000);
});

describe('usage', () => {
  it("export -o '' is a usage error (exit 2)", () => {
    const id = finishedSession();
    const r = run(['export', id, '-o', '']);
    expect(r.code).toBe(2);
    oneSentence(r.stderr);
  }, 120_000);

  it('a deadline past the year 9999 is one sentence, exit 1, at run, checklist and export', () => {
    const ans = path.join(outside, 'svar.yaml');
    fs.writeFileSync(ans, [
      'at: "9999-12-30T01:40:00+01:00"',
      'answers:',
      '  akut-fara: "no"',
      '  alder: 15',
      '  polis: { kontakt: Vakthavande befäl }',
      '  omh: { decided_by: NN, ground: lvu-3, decided_at: "9999-12-30 03:15", carried_out_at: "9999-12-30 03:50" }',
    ].join('\n'));
    const r = run(['run', 'exempel', '--answers', ans]);
    expect(r.code).toBe(1);
    oneSentence(r.stderr);
    expect(r.stderr).toContain('9999');
    const rt = exempel();
    const events = walkEvents(rt, { ...ANSWERS, omh: { ...ANSWERS.omh, decided_at: '9999-12-30 03:15', carried_out_at: '9999-12-30 03:50' } }, { at: '9999-12-30T01:40:00+01:00' });
    const id = writeSession(data, rt, events);
    for (const cmd of [['checklist', id], ['export', id]]) {
      const c = run(cmd);
      expect(c.code, cmd[0]).toBe(1);
      oneSentence(c.stderr);
    }
  }, 120_000);
});
