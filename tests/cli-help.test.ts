// The command line as a new user meets it: help in their language, near-miss suggestions, examples,
// and the same answer (exit 1) for whatever is not found.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';
import { noteEvents, provRoutine } from './helpers/note-session.js';
import { writeSession } from './helpers/session-fixture.js';

describe('help in Swedish throughout', () => {
  it('has Swedish headings, placeholders, choices and defaults, and describes help [kommando]', () => {
    const top = cli(['--help']).stdout;
    for (const s of ['Användning: jour-routine [flaggor] [kommando]', 'Flaggor:', 'Kommandon:', 'help [kommando]', 'visa hjälp för ett kommando', '--routines <mapp>']) {
      expect(top).toContain(s);
    }
    for (const s of ['Usage:', 'Options:', 'Commands:', 'display help for command', '[options]', 'choices:']) expect(top).not.toContain(s);
    const checklist = cli(['checklist', '--help']).stdout;
    expect(checklist).toContain('Argument:');
    expect(checklist).toMatch(/val: "text", "md", "json",\s+standard: "text"/);
    expect(checklist).not.toMatch(/default:|Arguments:/);
  });

  it('stays English with --lang en', () => {
    const en = cli(['--lang', 'en', 'checklist', '--help']).stdout;
    expect(en).toContain('Usage: jour-routine checklist [options] <session>');
    expect(en).toMatch(/choices: "text", "md", "json",\s+default: "text"/);
  });

  it('gives examples in the help of every command used at night', () => {
    for (const c of ['start', 'resume', 'checklist', 'export', 'sessions', 'purge']) {
      const out = cli([c, '--help']).stdout;
      expect(out, c).toContain('Exempel:');
      expect(out, c).toContain(`jour-routine ${c}`);
    }
  });
});

describe('commands given wrong', () => {
  it('with no arguments prints the help on standard output, exit 0', () => {
    const r = cli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Användning: jour-routine');
    expect(r.stdout).toContain('Exempel:');
    expect(r.stderr).toBe('');
  });

  it('suggests the nearest command for a typo, exit 2', () => {
    const r = cli(['strat']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('jour-routine: okänt kommando strat: menade du start? (se jour-routine --help)');
    expect(cli(['--lang', 'en', 'chekclist']).stderr).toContain('did you mean checklist?');
  });

  it('refuses a personal identity number as case reference before anything starts, exit 2', () => {
    const r = cli(['start', 'barn-utnyttjande', '--case', '19121212-1212']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('jour-routine: Det ser ut som ett personnummer eller samordningsnummer: skriv journalnumret i stället');
  });
});

describe('not found is exit 1, whatever it is', () => {
  let data: string;
  let id: string;
  beforeAll(() => {
    data = tempDir('jr-help-');
    const f = provRoutine();
    id = writeSession(data, f, noteEvents(f));
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('an unknown session id and an unknown routine both exit 1', () => {
    expect(cli(['--data-dir', data, 'checklist', 'aaaaaaaaaa']).code).toBe(1);
    expect(cli(['show', 'finns-inte']).code).toBe(1);
  });

  it('a session id is accepted in any letter case', () => {
    const lower = cli(['--data-dir', data, 'checklist', id]);
    const upper = cli(['--data-dir', data, 'checklist', id.toUpperCase()]);
    expect(lower.code).toBe(0);
    expect(upper.code).toBe(0);
    expect(upper.stdout).toBe(lower.stdout);
  });
});
