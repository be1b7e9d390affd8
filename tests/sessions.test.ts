// `sessions`, `purge`, and the refusals of the interactive commands, as a user meets them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockFile } from '../src/session/lock.js';
import { appendEvent, createSession } from '../src/session/store.js';
import { snapshotFile } from '../src/session/snapshot-write.js';
import { cli, tempDir } from './helpers/cli.js';
import { KEY, spawnCli, type Term } from './helpers/pty.js';

let data: string;
let dir: string;
const terms: Term[] = [];
const env = () => ({ JOUR_ROUTINE_DATA: data });
const DAY = 86_400_000;
const NOW = Date.now();
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();

beforeEach(() => {
  data = tempDir('jr-sessions-');
  dir = path.join(data, 'sessions');
});
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
  fs.rmSync(data, { recursive: true, force: true });
});

/** A session on disk as the walk would have left it, with the last activity `days` ago. */
function session(caseRef: string, days: number, end: 'active' | 'paused' | 'finished', practice = false): string {
  const made = createSession(dir, (id) => ({
    t: 'started', v: 1, at: ago(days + 1), session: id, routine: { id: 'exempel', version: 1, hash: 'h' },
    case_ref: caseRef, worker: 'AB', practice, lang: 'sv', tool_version: 'test',
  }));
  if (!made.ok) throw new Error('create');
  const id = made.value.id;
  appendEvent(dir, id, { t: 'answered', at: ago(days + 0.5), node: 'akut-fara', value: 'no' });
  if (end !== 'active') appendEvent(dir, id, { t: end, at: ago(days) });
  fs.writeFileSync(snapshotFile(dir, id), '{}', { mode: 0o600 });
  return id;
}

const json = (args: string[]) => JSON.parse(cli(args, { env: env() }).stdout) as { id: string; case_ref: string; state: string; practice: boolean }[];

describe('sessions', () => {
  it('lists unfinished sessions, most recent first; --all adds the finished; --json is the only thing on stdout', () => {
    const old = session('K-old', 10, 'paused');
    const recent = session('K-new', 1, 'active', true);
    const done = session('K-done', 2, 'finished');
    expect(json(['sessions', '--json']).map((s) => [s.id, s.state, s.practice])).toEqual([[recent, 'active', true], [old, 'paused', false]]);
    expect(json(['sessions', '--all', '--json']).map((s) => s.id)).toEqual([recent, done, old]);
    const text = cli(['sessions'], { env: env() }).stdout;
    expect(text).toMatch(new RegExp(`${recent}\\s+exempel v1\\s+K-new .* pågår \\(ÖVNING\\)`));
    expect(text).toMatch(new RegExp(`${old}\\s+exempel v1\\s+K-old .* pausad`));
    expect(text).not.toContain('K-done');
  });

  it('says so when there are none', () => {
    expect(cli(['sessions'], { env: env() }).stdout).toContain('Inga pågående sessioner');
    expect(json(['sessions', '--json'])).toEqual([]);
  });
});

describe('purge', () => {
  it('deletes only finished sessions older than the given days, with their routine copy and stale lock', () => {
    const oldDone = session('K-1', 40, 'finished');
    const newDone = session('K-2', 5, 'finished');
    const oldOpen = session('K-3', 400, 'paused');
    // Left behind by a process that has ended since.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(lockFile(dir, oldDone), JSON.stringify({ pid: dead, host: os.hostname(), since: ago(40) }));
    const r = cli(['purge', '--older-than', '30', '--yes'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 avslutade sessioner borttagna.');
    const left = fs.readdirSync(dir);
    expect(left.some((f) => f.startsWith(oldDone))).toBe(false);
    expect(left).toEqual(expect.arrayContaining([`${newDone}.jsonl`, `${oldOpen}.jsonl`, `${oldOpen}.routine.json`]));
  });

  it('skips a session that another running program holds open', () => {
    const id = session('K-1', 40, 'finished');
    fs.writeFileSync(lockFile(dir, id), JSON.stringify({ pid: process.pid, host: os.hostname(), since: ago(0) }));
    const r = cli(['purge', '--older-than', '30', '--yes'], { env: env() });
    expect(r.stdout).toContain('0 avslutade sessioner borttagna.');
    expect(r.stderr).toContain(`sessionen ${id} är öppen i ett annat program`);
    expect(fs.existsSync(path.join(dir, `${id}.jsonl`))).toBe(true);
  });

  it('needs --older-than, a whole number, and --yes when there is no terminal to ask in', () => {
    const id = session('K-1', 40, 'finished');
    expect(cli(['purge'], { env: env() })).toMatchObject({ code: 2 });
    expect(cli(['purge', '--older-than', 'en månad', '--yes'], { env: env() }).stderr).toContain('är inget antal dagar');
    const r = cli(['purge', '--older-than', '30'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--yes');
    expect(fs.existsSync(path.join(dir, `${id}.jsonl`))).toBe(true);
  });

  it('asks on a terminal, and a plain Enter keeps everything', async () => {
    const id = session('K-1', 40, 'finished');
    const keep = spawnCli(['purge', '--older-than', '30'], env());
    terms.push(keep);
    await keep.waitFor('Ta bort 1 avslutade sessioner som är äldre än 30 dagar?');
    keep.send(KEY.enter);
    await keep.waitFor('Inget togs bort.');
    expect((await keep.exited).code).toBe(0);
    expect(fs.existsSync(path.join(dir, `${id}.jsonl`))).toBe(true);
    const del = spawnCli(['purge', '--older-than', '30'], env());
    terms.push(del);
    await del.waitFor('Det går inte att ångra.');
    del.send(KEY.down + KEY.enter);
    await del.waitFor('1 avslutade sessioner borttagna.');
    expect(fs.existsSync(path.join(dir, `${id}.jsonl`))).toBe(false);
  });
});

describe('the interactive commands outside a terminal, and unknown sessions', () => {
  it('start with piped input refuses in one sentence naming run --answers, exit 2, and creates nothing', () => {
    const r = cli(['--routines', 'examples', 'start', 'exempel', '--case', 'K', '--worker', 'AB'], { env: env(), input: 'yes\n15\n' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/jour-routine run RUTIN --answers FIL/);
    expect(fs.existsSync(dir)).toBe(false);
    expect(cli(['--lang', 'en', 'start'], { env: env() }).stderr).toMatch(/needs a terminal.*run ROUTINE --answers FILE/);
  });

  it('resume without sessions says there are none; an unknown id is refused', async () => {
    const none = spawnCli(['resume'], env());
    terms.push(none);
    await none.waitFor('Det finns inga pågående sessioner.');
    expect((await none.exited).code).toBe(0);
    const unknown = spawnCli(['resume', 'abcdefghij'], env());
    terms.push(unknown);
    await unknown.waitFor('sessionen abcdefghij finns inte');
    expect((await unknown.exited).code).toBe(1);
    const bad = spawnCli(['resume', '../etc'], env());
    terms.push(bad);
    await bad.waitFor('är inget sessions-id');
    expect((await bad.exited).code).toBe(2);
  });

  it('resume on a changed routine says so and goes on with the version the session started with', async () => {
    const routines = tempDir('jr-routines-');
    try {
      fs.copyFileSync('examples/exempel.yaml', path.join(routines, 'exempel.yaml'));
      const a = spawnCli(['--routines', routines, 'start', 'exempel', '--case', 'K', '--worker', 'AB'], env());
      terms.push(a);
      await a.waitFor('Är någon i akut fara just nu?');
      a.send(KEY.enter);
      await a.waitFor('Hur gammal är personen?');
      a.line('p');
      const id = /resume ([a-z2-7]{10})/.exec(await a.waitFor(/resume [a-z2-7]{10}/))?.[1] as string;
      expect((await a.exited).code).toBe(0);
      const file = path.join(routines, 'exempel.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Hur gammal är personen?', 'Vilken ålder har personen?'));
      const b = spawnCli(['--routines', routines, 'resume', id], env());
      terms.push(b);
      const screen = await b.waitFor('? Hur gammal är personen?');
      expect(screen).toContain('OBS: rutinen exempel har ändrats sedan sessionen startade; sessionen fortsätter på version 1');
      b.send(KEY.ctrlC);
      expect((await b.exited).code).toBe(130);
    } finally {
      fs.rmSync(routines, { recursive: true, force: true });
    }
  });
});
