// `checklist --tick` in a real pseudo-terminal: items ticked off with initials become `ticked`
// events in the log; a session open elsewhere is refused; Ctrl-C leaves nothing half-written.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackChild } from './helpers/children.js';
import { cli, tempDir } from './helpers/cli.js';
import { KEY, spawnCli } from './helpers/pty.js';
import { noteEvents, provRoutine } from './helpers/note-session.js';
import { writeSession } from './helpers/session-fixture.js';

const DOWN = KEY.down;
const ENTER = KEY.enter;

let data: string;

beforeAll(() => {
  data = tempDir('jr-tick-');
});
afterAll(() => {
  rmSync(data, { recursive: true, force: true });
});

// The shared pty helper: waits for what is on screen (never polls a clock), and the setup file
// ends the process after the test whatever happened.
function tick(id: string) {
  const t = spawnCli(['--data-dir', data, 'checklist', id, '--tick'], { HOME: data }, { cols: 120, rows: 40 });
  return {
    output: t.text,
    write: t.send,
    exit: t.exited.then((e) => e.code),
    waitFor: async (text: string | RegExp, timeoutMs?: number) => void (await t.waitFor(text, timeoutMs)),
  };
}

const logOf = (id: string) => readFileSync(join(data, 'sessions', `${id}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('checklist --tick', () => {
  it('records "done" and "not applicable" with the reason and the initials (default: the session worker)', async () => {
    const f = provRoutine();
    const id = writeSession(data, f, noteEvents(f));
    const before = logOf(id).length;
    const term = tick(id);
    await term.waitFor('Vilka punkter vill du ändra?');
    // Items in list order: läkarundersökning, underställ, förhandsbedömning, ansök om vård.
    term.write(DOWN);
    term.write(' ');
    term.write(DOWN);
    term.write(' ');
    await term.waitFor(/◉[^\n]*Besluta om utredning/);
    term.write(ENTER);
    await term.waitFor('Dina initialer');
    term.write(ENTER);
    await term.waitFor('"Underställ beslutet förvaltningsrätten":');
    term.write(ENTER);
    await term.waitFor('"Besluta om utredning ska inledas":');
    term.write(DOWN);
    term.write(ENTER);
    await term.waitFor('Varför är den inte aktuell?');
    term.write('Stadsdelen har redan inlett utredning');
    term.write(ENTER);
    expect(await term.exit).toBe(0);
    expect(term.output()).toContain('2 punkter ändrade.');

    const added = logOf(id).slice(before);
    expect(added).toEqual([
      expect.objectContaining({ t: 'ticked', item: 'understall', status: 'done', by: 'AB', reason: null }),
      expect.objectContaining({ t: 'ticked', item: 'forhandsbedomning', status: 'na', by: 'AB', reason: 'Stadsdelen har redan inlett utredning' }),
    ]);
    expect(existsSync(join(data, 'sessions', `${id}.lock`))).toBe(false);

    const list = JSON.parse(cli(['--data-dir', data, 'checklist', id, '--format', 'json']).stdout) as { checklist: { id: string; status: string; reason?: string }[] };
    expect(list.checklist.find((i) => i.id === 'understall')?.status).toBe('done');
    expect(list.checklist.find((i) => i.id === 'forhandsbedomning')).toMatchObject({ status: 'na', reason: 'Stadsdelen har redan inlett utredning' });
  });

  it('refuses, before asking anything, a session that another process has open', async () => {
    const f = provRoutine();
    const id = writeSession(data, f, noteEvents(f));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    trackChild(holder);
    writeFileSync(join(data, 'sessions', `${id}.lock`), JSON.stringify({ pid: holder.pid, host: hostname(), since: new Date().toISOString(), token: 'x' }));
    const before = logOf(id).length;
    const term = tick(id);
    expect(await term.exit).toBe(1);
    expect(term.output()).toContain(`sessionen ${id} är öppen i ett annat fönster eller program (process ${holder.pid})`);
    expect(term.output()).not.toContain('Vilka punkter');
    expect(logOf(id)).toHaveLength(before);
    holder.kill('SIGKILL');
  });

  it('Ctrl-C at the first question: exit 130, nothing written, the lock released', async () => {
    const f = provRoutine();
    const id = writeSession(data, f, noteEvents(f));
    const before = logOf(id).length;
    const term = tick(id);
    await term.waitFor('Vilka punkter vill du ändra?');
    term.write('\x03');
    expect(await term.exit).toBe(130);
    expect(logOf(id)).toHaveLength(before);
    expect(existsSync(join(data, 'sessions', `${id}.lock`))).toBe(false);
  });
});
