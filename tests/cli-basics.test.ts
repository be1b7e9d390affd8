import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

describe('command line basics', () => {
  it('prints the version from package.json', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('shows help with examples in Swedish by default and English with --lang en', () => {
    expect(cli(['--help']).stdout).toContain('Exempel:');
    expect(cli(['--lang', 'en', '--help']).stdout).toContain('Examples:');
  });

  it('says usage errors in one sentence in the user\'s language', () => {
    const sv = cli(['--lang', 'de', 'list']);
    expect(sv.code).toBe(2);
    expect(sv.stderr.trim()).toBe('jour-routine: ogiltigt värde "de" för --lang <lang> (tillåtet: sv, en)');
    const en = cli(['--lang', 'en', 'run', 'exempel']);
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe('jour-routine: the option --answers <file> is required (see jour-routine --help)');
  });

  it('exits 2 on an unknown option or command', () => {
    expect(cli(['--bogus']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['--lang', 'de', 'list']).code).toBe(2);
  });

  it('lists the example routine from an extra folder, as text and JSON', () => {
    const text = cli(['--routines', 'examples', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/exempel\s+v1\s+Exempelrutin/);
    const json = cli(['--routines', 'examples', 'list', '--json']);
    const rows = JSON.parse(json.stdout) as { id: string; status: string }[];
    expect(rows.find((r) => r.id === 'exempel')?.status).toBe('ok');
  });

  it('outlines a routine with its questions, branches, decisions and ends', () => {
    const r = cli(['--routines', 'examples', '--lang', 'en', 'show', 'exempel']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('? akut-fara [yes/no]: Is anyone in immediate danger now?');
    expect(r.stdout).toContain('if alder < 18 → polis');
    expect(r.stdout).toContain('§ omh: Immediate custody');
    expect(r.stdout).toContain('■ slut-vuxen');
  });

  it('refuses an unknown routine with one sentence and exit 1, no stack trace', () => {
    const r = cli(['show', 'finns-inte']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('never colours output that is not a terminal, and honours NO_COLOR', () => {
    const r = cli(['--routines', 'examples', 'list'], { env: { NO_COLOR: '' } });
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});
