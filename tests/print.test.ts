// The printing path: `jour-routine checklist ID | lp`. Standard output goes to a real file (not a
// pipe the test reads), as a print spooler would get it: no escape codes, no line over 80 columns.
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers/cli.js';
import { noteEvents, provRoutine, unfinishedEvents } from './helpers/note-session.js';
import { registryRoutine, walkEvents, writeSession } from './helpers/session-fixture.js';

let data: string;
const sessions: Record<string, string> = {};

beforeAll(() => {
  data = tempDir('jr-print-');
  const f = provRoutine();
  sessions.full = writeSession(data, f, noteEvents(f));
  sessions.unfinished = writeSession(data, f, unfinishedEvents(f, { practice: true }));
  // The example routine through the registry, as a session started from `start` would be.
  const ex = registryRoutine('exempel', ['examples']);
  sessions.example = writeSession(data, ex, walkEvents(ex, {
    'akut-fara': 'yes', alder: 15, polis: { kontakt: 'Vakthavande befäl' },
    omh: { decided_by: 'Ordförande NN', ground: 'lvu-3', decided_at: '2026-12-03 03:15', carried_out_at: '2026-12-03 03:50' },
  }, { at: '2026-12-03T01:40:00+01:00', case_ref: 'En mycket lång ärendereferens som inte får göra raden längre än åttio tecken på papper' }));
});
afterAll(() => rmSync(data, { recursive: true, force: true }));

/** Runs the CLI with stdout redirected to a file, without NO_COLOR: only "not a terminal" may turn colour off. */
function printToFile(args: string[], env: Record<string, string> = {}): { code: number; text: string } {
  const file = join(data, `print-${Math.random().toString(36).slice(2)}.txt`);
  const fd = openSync(file, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, '--data-dir', data, '--routines', 'examples', ...args], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: data, LANG: 'sv_SE.UTF-8', TERM: 'xterm-256color', ...env },
      timeout: 60_000,
    });
    return { code: r.status ?? -1, text: readFileSync(file, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

describe('printing the checklist', () => {
  for (const which of ['full', 'unfinished', 'example'] as const) {
    for (const lang of ['sv', 'en'] as const) {
      it(`${which} session, ${lang}: no escape codes, no line over 80 columns`, () => {
        const { code, text } = printToFile(['--lang', lang, 'checklist', sessions[which] as string]);
        expect(code).toBe(0);
        expect(text.length).toBeGreaterThan(200);
        expect(text).not.toMatch(/\x1b/);
        const long = text.split('\n').filter((l) => [...l].length > 80);
        expect(long).toEqual([]);
        expect(text).toMatch(/^\[ \] /m);
      });
    }
  }

  it('colour comes only through the colour switch: FORCE_COLOR adds it, the visible text still fits 80 columns', () => {
    const { text } = printToFile(['checklist', sessions.full as string], { FORCE_COLOR: '1' });
    expect(text).toMatch(/\x1b\[/);
    const visible = text.replace(/\x1b\[[0-9;]*m/g, '');
    expect(visible.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    expect(visible).toBe(printToFile(['checklist', sessions.full as string]).text);
  });
});
