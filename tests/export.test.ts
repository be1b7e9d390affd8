// `jour-routine export`: the case note and the handover as whole documents compared with committed
// fixtures, markdownlint-clean, written privately and never over an existing file without --force.
// Regenerate the fixtures after a deliberate wording change with UPDATE_NOTES=1 and review the diff.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../src/core/calendar.js';
import { cli, tempDir } from './helpers/cli.js';
import { lintMarkdown } from './helpers/md-lint.js';
import { plainTextProblems } from './helpers/plain-text.js';
import { noteEvents, provRoutine, unfinishedEvents } from './helpers/note-session.js';
import { NOTES, registryRoutine, walkEvents, writeSession } from './helpers/session-fixture.js';

let data: string;
let full: string;
let practice: string;
let unfinished: string;
let example: string;
let exampleHash: string;

beforeAll(() => {
  data = tempDir('jr-export-');
  const f = provRoutine();
  full = writeSession(data, f, noteEvents(f));
  practice = writeSession(data, f, noteEvents(f, { practice: true }));
  unfinished = writeSession(data, f, unfinishedEvents(f));
  // The fixture routine above is opened from its snapshot (with a notice on stderr); this one is
  // opened from the registry as an ordinary session is, so stderr holds only what the command says.
  const ex = registryRoutine('exempel', ['examples']);
  exampleHash = ex.hash;
  example = writeSession(data, ex, walkEvents(ex, {
    'akut-fara': 'no', alder: 15, polis: { kontakt: 'Vakthavande befäl', diarienummer: '5000-K1234-26' },
    omh: { decided_by: 'Ordförande NN', ground: 'lvu-3', decided_at: '2026-12-03 03:15', carried_out_at: '2026-12-03 03:50' },
  }, { at: '2026-12-03T01:40:00+01:00', case_ref: 'X-1', worker: 'EF' }));
});
afterAll(() => rmSync(data, { recursive: true, force: true }));

const exportDoc = (...args: string[]) => cli(['--data-dir', data, 'export', ...args]);
const exportExample = (...args: string[]) => cli(['--data-dir', data, '--routines', 'examples', 'export', example, ...args]);

describe('whole documents', () => {
  const cases = [
    ['note.sv.md', []],
    ['note.en.md', ['--lang', 'en']],
    ['handover.sv.md', ['--handover']],
    ['handover.en.md', ['--handover', '--lang', 'en']],
    ['note.sv.txt', ['--format', 'text']],
    ['note.en.txt', ['--format', 'text', '--lang', 'en']],
    ['handover.sv.txt', ['--handover', '--format', 'text']],
    ['handover.en.txt', ['--handover', '--format', 'text', '--lang', 'en']],
  ] as const;
  for (const [fixture, args] of cases) {
    it(`${fixture} matches the committed fixture and passes ${fixture.endsWith('.md') ? 'markdownlint' : 'the plain-text checks'}`, () => {
      const r = exportDoc(full, ...args);
      expect(r.code).toBe(0);
      const file = join(NOTES, fixture);
      if (process.env.UPDATE_NOTES === '1' || !existsSync(file)) writeFileSync(file, r.stdout);
      expect(r.stdout).toBe(readFileSync(file, 'utf8'));
      if (fixture.endsWith('.md')) expect(lintMarkdown(r.stdout)).toEqual([]);
      else expect(plainTextProblems(r.stdout)).toEqual([]);
    });
  }

  it('is deterministic: the same session gives the same bytes, whatever the clock says', () => {
    const a = exportDoc(full, '--handover');
    const b = exportDoc(full, '--handover');
    expect(a.stdout).toBe(b.stdout);
    // Nothing from the machine's clock: every date and time comes from the events.
    expect(a.stdout).not.toContain(localDateOf(new Date().toISOString()));
  });

  it('is Swedish by default whatever the terminal locale, English only when asked', () => {
    const english = cli(['--data-dir', data, 'export', full], { env: { LANG: 'en_US.UTF-8' } });
    expect(english.stdout).toBe(readFileSync(join(NOTES, 'note.sv.md'), 'utf8'));
    expect(cli(['--data-dir', data, 'export', full], { env: { JOUR_ROUTINE_LANG: 'en' } }).stdout).toBe(readFileSync(join(NOTES, 'note.en.md'), 'utf8'));
  });
});

describe('what the note says', () => {
  it('lists the changed answer only in the audit trail, never as a fact', () => {
    const note = exportDoc(full).stdout;
    expect(note).toContain('2. Hur gammal säger personen att hen är? 15');
    expect(note).not.toMatch(/\b25\b/);
    expect(note).toMatch(/## Registrering\n[^#]*- 2026-12-03 01:46 – ändrat svar från och med "Hur gammal säger personen att hen är\?"/);
  });

  it('marks a practice session as training, in the title and in a quote under it', () => {
    for (const [args, title, mark] of [
      [[], '# ÖVNING – Journalanteckning: Provrutin för barn (test)', '> **ÖVNING:**'],
      [['--lang', 'en'], '# TRAINING – Case note: Test routine for children', '> **TRAINING:**'],
      [['--handover'], '# ÖVNING – Överlämning till stadsdelsförvaltningen: Provrutin för barn (test)', '> **ÖVNING:**'],
      [['--handover', '--lang', 'en'], '# TRAINING – Handover to the district social services: Test routine for children', '> **TRAINING:**'],
    ] as const) {
      const doc = exportDoc(practice, ...args).stdout;
      const [first, , third] = doc.split('\n');
      expect(first).toBe(title);
      expect(third?.startsWith(mark)).toBe(true);
      expect(lintMarkdown(doc)).toEqual([]);
    }
    expect(exportDoc(full).stdout).not.toMatch(/ÖVNING|TRAINING/);
  }, 120_000); // several runs of the CLI: slow on a shared two-core machine

  it('an unfinished session says so, with the last recorded time instead of an end, and lints clean', () => {
    const note = exportDoc(unfinished).stdout;
    expect(note).toContain('- **Senast registrerat (ej avslutad)**: 2026-12-03 03:25');
    expect(note).toContain('- **Utfall**: ej genomgången till slut; nästa steg är "Är barnet medborgare i ett annat land?"');
    expect(note).toContain('  - Verkställd: ej verkställt när anteckningen skrevs');
    expect(note).toContain('- **Ärende**: –');
    for (const args of [[], ['--handover'], ['--lang', 'en'], ['--handover', '--lang', 'en']]) {
      expect(lintMarkdown(exportDoc(unfinished, ...args).stdout)).toEqual([]);
    }
  }, 120_000); // several runs of the CLI: slow on a shared two-core machine

  it('works on a session of a routine from the registry: its version and content hash are recorded', () => {
    const r = exportExample();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('exempel version 1, granskad 2026-11-20');
    expect(r.stdout).toContain(`\`${exampleHash}\``);
    expect(r.stdout).toContain('Diarienummer: 5000-K1234-26');
    expect(r.stdout).toContain('- **7 § LVU**: ');
    expect(lintMarkdown(r.stdout)).toEqual([]);
  });
});

describe('writing to a file', () => {
  it('-o writes the document privately (0600), says where on stderr and prints nothing on stdout', () => {
    const file = join(data, 'note-out.md');
    const r = exportExample('-o', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`Skrev ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(exportExample().stdout);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite without --force: exit 1, one sentence, the file unchanged; --force replaces it', () => {
    const file = join(data, 'existing.md');
    writeFileSync(file, 'keep me\n');
    const r = exportExample('--handover', '-o', file);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`jour-routine: filen ${file} finns redan; använd --force för att skriva över den`]);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const forced = exportExample('--handover', '-o', file, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(exportExample('--handover').stdout);
  });

  it('a folder that does not exist is one sentence and exit 1, not a stack trace', () => {
    const r = exportExample('-o', join(data, 'no', 'such', 'dir', 'x.md'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/mappen .*dir finns inte: skapa den först/);
    expect(r.stderr).not.toContain('ENOENT');
  });

  it('an unknown session is one sentence and exit 1; a malformed id is exit 2', () => {
    const r = cli(['--data-dir', data, 'export', 'aaaaaaaaaa']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli(['--data-dir', data, 'export', 'a/b']).code).toBe(2);
  });
});
