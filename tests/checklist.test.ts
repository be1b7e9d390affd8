// `jour-routine checklist`: the text the caseworker prints, the markdown and JSON forms, and the
// refusals (no terminal for --tick, unknown or malformed session ids).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';
import { lintMarkdown } from './helpers/md-lint.js';
import { noteEvents, provRoutine, unfinishedEvents } from './helpers/note-session.js';
import { writeSession } from './helpers/session-fixture.js';

let data: string;
let full: string;
let unfinished: string;
let practice: string;

beforeAll(() => {
  data = tempDir('jr-checklist-');
  const f = provRoutine();
  full = writeSession(data, f, noteEvents(f));
  unfinished = writeSession(data, f, unfinishedEvents(f));
  practice = writeSession(data, f, noteEvents(f, { practice: true }));
});
afterAll(() => rmSync(data, { recursive: true, force: true }));

const checklist = (...args: string[]) => cli(['--data-dir', data, 'checklist', ...args]);

describe('checklist as text', () => {
  it('has a header with the routine, its version, the case reference and the session', () => {
    const r = checklist(full);
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n').slice(0, 4).join('\n');
    expect(head).toContain('Checklista: Provrutin för barn (test)');
    expect(head).toContain('Rutin prov-barn version 3');
    expect(head).toContain('Ärende: Dnr 2026-1234');
    expect(head).toContain(`Session ${full}`);
    expect(head).toContain('Handläggare: AB');
    expect(r.stdout).not.toContain('ÖVNING');
  });

  it('groups items by urgency in the order now, before the shift ends, later', () => {
    const out = checklist(unfinished).stdout;
    const at = (s: string) => out.indexOf(s);
    expect(at('NU\n')).toBeGreaterThan(0);
    expect(at('NU\n')).toBeLessThan(at('FÖRE PASSETS SLUT\n'));
    expect(at('FÖRE PASSETS SLUT\n')).toBeLessThan(at('SENARE\n'));
  });

  it('shows the safe date first, then the nominal day and the 1930:173 day marked "do not rely on it"', () => {
    const out = checklist(full).stdout.replace(/\n {4}/g, ' ');
    const item = out.slice(out.indexOf('[ ] Ansök om vård'));
    const safe = item.indexOf('Agera senast 2026-12-30');
    const nominal = item.indexOf('Fristens sista dag är 2026-12-31 (Nyårsafton)');
    const legal = item.indexOf('flyttas den till 2027-01-04 – räkna inte med det');
    expect(safe).toBeGreaterThan(0);
    expect(nominal).toBeGreaterThan(safe);
    expect(legal).toBeGreaterThan(nominal);
    expect(out).toContain('Agera senast 2026-12-10 (räknat från Omedelbart omhändertagande: Beslutstid 2026-12-03 03:15)');
  });

  it('flags a deadline whose law is valid only until before its last day (LVU, 2027-01-01)', () => {
    const out = checklist(full).stdout.replace(/\n {4}/g, ' ');
    const ansok = out.slice(out.indexOf('[ ] Ansök om vård'), out.indexOf('8 § LVU\n'));
    expect(ansok).toContain('OBS: 8 § LVU gäller bara till 2026-12-31 – kontrollera vad som gäller');
    const understall = out.slice(out.indexOf('[ ] Underställ'), out.indexOf('[ ] Besluta'));
    expect(understall).not.toContain('OBS');
  });

  it('in English: "act by" first and "do not rely on it"', () => {
    const out = cli(['--data-dir', data, '--lang', 'en', 'checklist', full]).stdout.replace(/\n {4}/g, ' ');
    expect(out).toContain('Checklist: Test routine for children');
    expect(out).toContain('Act by 2026-12-30');
    expect(out).toContain("The period ends on 2026-12-31 (New Year's Eve); under Act (1930:173) it moves to 2027-01-04 – do not rely on it");
    expect(out).toContain('NOTE: Section 8 LVU is valid only until 2026-12-31');
  });

  it('shows done with who and when, not applicable with the reason, and a deadline still waiting for its time', () => {
    const done = checklist(full).stdout;
    expect(done).toMatch(/\[x\] Ordna läkarundersökning[^\n]*\n {4}Klart: AB 2026-12-03 04:10/);
    const out = checklist(unfinished).stdout.replace(/\n {4}/g, ' ');
    expect(out).toContain('[-] Ring 112');
    expect(out).toContain('Ej aktuellt (CD 2026-12-03 03:25): Polisen var redan på plats');
    expect(out).toContain('Frist: räknas när Omedelbart omhändertagande: Verkställt är registrerad');
    expect(out).toContain('Ärende: (ingen)');
    expect(out).toContain('Varför: Är barnet eller någon annan i akut fara just nu? Ja; 20 kap. 2 § SoL (2025:400)');
  });

  it('draws the coming weeks under the list: act-by days marked, weekends and holidays shaded, 80 columns', () => {
    const out = checklist(full).stdout;
    const lines = out.split('\n');
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    const cal = lines.slice(lines.findIndex((l) => l.startsWith('Vecka ')));
    expect(cal.length).toBeGreaterThan(3);
    expect(cal.join('\n')).toMatch(/\[10\]\d/);
    expect(cal.join('\n')).toMatch(/\[30\]\d +░31░/);
    expect(cal.join('\n')).toContain('2026-12-24 Julafton');
  });

  it('marks a practice session as training', () => {
    expect(checklist(practice).stdout.split('\n')[0]).toBe('*** ÖVNING – INGET VERKLIGT ÄRENDE ***');
    expect(cli(['--data-dir', data, '--lang', 'en', 'checklist', practice]).stdout).toContain('TRAINING – NOT A REAL CASE');
  });
});

describe('checklist as markdown and JSON', () => {
  it('markdown has task-list items ticked only when done, a not-applicable item never ticked, why each is there, and passes markdownlint', () => {
    const r = checklist(unfinished, '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Checklista: Provrutin för barn \(test\)\n/);
    expect(r.stdout).toContain('- Ej aktuell: Ring 112 (ansvarig: Socialjouren)');
    expect(r.stdout).not.toMatch(/\[x\] Ring 112/);
    expect(r.stdout).toContain('  - Varför: Är barnet eller någon annan i akut fara just nu? Ja');
    expect(r.stdout).toContain('  - Varför: Omedelbart omhändertagande; 7 § LVU');
    expect(r.stdout).toContain('- [ ] Underställ beslutet förvaltningsrätten (ansvarig: stadsdelen)');
    expect(r.stdout).toContain('  - Agera senast 2026-12-10');
    expect(lintMarkdown(r.stdout)).toEqual([]);
    for (const id of [full, practice]) {
      for (const lang of ['sv', 'en']) expect(lintMarkdown(cli(['--data-dir', data, '--lang', lang, 'checklist', id, '--format', 'md']).stdout)).toEqual([]);
    }
  }, 120_000); // several runs of the CLI: slow on a shared two-core machine

  it('JSON is one stable object with every item, its status and its deadline', () => {
    const r = checklist(full, '--format', 'json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as Record<string, unknown> & { checklist: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(['format', 'session', 'routine', 'case_ref', 'practice', 'today', 'checklist']);
    expect(body).toMatchObject({ format: 1, session: full, routine: { id: 'prov-barn', version: 3 }, case_ref: 'Dnr 2026-1234', practice: false });
    expect(body.checklist.map((i) => i.id)).toEqual(['lakare', 'understall', 'forhandsbedomning', 'ansok-vard']);
    expect(body.checklist[0]).toMatchObject({ status: 'done', status_by: 'AB', status_at: '2026-12-03T04:10:00+01:00', deadline: null });
    expect(body.checklist[3]).toMatchObject({
      id: 'ansok-vard',
      owner: 'district',
      status: 'open',
      deadline: { from_ref: 'omh.carried_out_at', nominal: '2026-12-31', legal: '2027-01-04', safe: '2026-12-30', moved: true },
      expired_refs: [{ id: 'lvu-8', until: '2026-12-31' }],
    });
    const waiting = JSON.parse(checklist(unfinished, '--format', 'json').stdout) as { checklist: { id: string; deadline: unknown; reason?: string }[] };
    expect(waiting.checklist.find((i) => i.id === 'ansok-vard')?.deadline).toEqual({ waiting_for: 'omh.carried_out_at' });
    expect(waiting.checklist.find((i) => i.id === 'ring-112')?.reason).toBe('Polisen var redan på plats');
  });
});

describe('refusals', () => {
  it('refuses --tick without a terminal: exit 2, one sentence, nothing written', () => {
    const log = join(data, 'sessions', `${full}.jsonl`);
    const before = readFileSync(log, 'utf8');
    const r = checklist(full, '--tick');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--tick');
    expect(r.stdout).toBe('');
    expect(readFileSync(log, 'utf8')).toBe(before);
  });

  it('unknown session: exit 1; not a session id: exit 2; unknown format: exit 2', () => {
    const unknown = checklist('aaaaaaaaaa');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/sessionen aaaaaaaaaa finns inte/);
    expect(checklist('../../etc/passwd').code).toBe(2);
    expect(checklist(full, '--format', 'pdf').code).toBe(2);
  });
});
