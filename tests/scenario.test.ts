// `jour-routine test`: scenario files run like a test suite; each difference points at the line of
// the scenario that expected otherwise, and any failure or broken file makes the exit code 1.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers/cli.js';

const OWNER = join(ROOT, 'tests', 'fixtures', 'owner');
const ROUTINES = join(OWNER, 'routines');
const FAILING = join(OWNER, 'failing');
const rel = (f: string) => f.slice(ROOT.length + 1);

interface Json {
  passed: number;
  failed: number;
  total: number;
  files: {
    file: string;
    routine: { id: string; version: number } | null;
    diagnostics: { code: string; line: number; col: number }[];
    scenarios: {
      name: string;
      passed: boolean;
      line: number;
      outcome: string | null;
      failures: { kind: string; line: number; col: number; message: string; expected?: string; actual?: unknown }[];
      answer_diagnostics: { code: string; line: number; col: number }[];
    }[];
  }[];
  coverage?: { routine: string; nodes: { total: number; reached: number; unreached: { id: string }[] }; routes: { total: number; taken: number; unreached: { node: string; label: string; target: string | null }[] } }[];
}

describe('jour-routine test', () => {
  it('runs a scenarios folder, reports each scenario, and exits 0 when all pass', () => {
    const r = cli(['test', join(ROUTINES, 'scenarios')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${rel(join(ROUTINES, 'scenarios', 'agare-test.yaml'))}  (agare-test v2)`);
    expect(r.stdout).toContain('  ✓ Barn på hotell, 15 år');
    expect(r.stdout).toContain('  ✓ Vuxen');
    expect(r.stdout).toContain('Scenarier: 2 godkända, 0 underkända, 2 totalt. Filer: 1.');
    expect(r.stderr).toBe('');
  });

  it('finds the routine of a scenarios/ folder without --routines, and takes a routine folder as PATH', () => {
    expect(cli(['test', join(ROUTINES, 'scenarios', 'agare-test.yaml')]).code).toBe(0);
    expect(cli(['--lang', 'en', 'test', ROUTINES]).stdout).toContain('Scenarios: 2 passed, 0 failed, 2 total. Files: 1.');
  });

  it('by default runs the scenarios/ folder of every routine folder, --routines included', () => {
    const r = cli(['--routines', ROUTINES, 'test', '--json']);
    const json = JSON.parse(r.stdout) as Json;
    const mine = json.files.find((f) => f.file.endsWith(join('owner', 'routines', 'scenarios', 'agare-test.yaml')));
    expect(mine?.scenarios.every((s) => s.passed)).toBe(true);
  });

  it('shows every difference with the file:line:col of the expectation, and exits 1', () => {
    const r = cli(['--routines', ROUTINES, 'test', FAILING]);
    expect(r.code).toBe(1);
    const f = rel(join(FAILING, 'agare-fel.yaml'));
    for (const line of [
      '  ✓ Rätt',
      `  ✗ Fel på allt  (${f}:9:5)`,
      `${f}:20:16: utfall: väntade "slut-vuxen", blev "slut-barn"`,
      `${f}:21:19: "anmal" saknas på checklistan (där finns: ring-112, understall)`,
      `${f}:21:26: "finns-inte" är ingen checklistpunkt i rutinen`,
      `${f}:22:23: "ring-112" ska inte finnas på checklistan, men finns där`,
      `${f}:23:29: ansvarig för "understall": väntade police, blev district`,
      `${f}:25:29: frist för "understall" (safe): väntade 2026-12-09, blev 2026-12-10`,
      `${f}:26:16: vägen går inte genom "polis.tolk.bestall"`,
      `${f}:27:20: vägen ska inte gå genom "alder", men gör det`,
      `${f}:32:13: fel answer-invalid: ogiltigt svar för "fara"`,
      `${f}:33:7: fel answer-unknown-id: "okand" finns inte i rutinen`,
      `${f}:35:16: utfall: väntade "slut-barn", men vägen nådde inget avslut (stannade vid "fara")`,
      `${f}:37:32: frist för "understall" (nominal): väntade 2026-12-10, men punkten finns inte på checklistan`,
      'Scenarier: 1 godkända, 2 underkända, 3 totalt. Filer: 3. Filer som inte kunde köras: 2.',
    ]) {
      expect(r.stdout).toContain(line);
    }
  });

  it('reports broken scenario files and unknown routines as diagnostics with positions', () => {
    const r = cli(['--routines', ROUTINES, 'test', FAILING, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Json;
    const diags = (name: string) => json.files.find((x) => x.file.endsWith(name))?.diagnostics.map((d) => [d.code, d.line, d.col]);
    expect(diags('trasig.yaml')).toEqual([['missing-key', 3, 5], ['unknown-key', 5, 15]]);
    expect(diags('okand-rutin.yaml')).toEqual([['unknown-routine', 1, 10]]);
    const fel = json.files.find((x) => x.file.endsWith('agare-fel.yaml'));
    expect(fel?.routine).toEqual({ id: 'agare-test', version: 2 });
    const all = fel?.scenarios[1];
    expect(all?.failures.map((x) => x.kind)).toEqual([
      'outcome', 'missing-item', 'unknown-item', 'unexpected-item', 'owner', 'deadline', 'not-visited', 'visited',
    ]);
    expect(all?.failures[0]).toMatchObject({ expected: 'slut-vuxen', actual: 'slut-barn', line: 20, col: 16 });
    expect(fel?.scenarios[2]?.answer_diagnostics.map((d) => d.code)).toEqual(['answer-invalid', 'answer-unknown-id']);
    expect([json.passed, json.failed, json.total]).toEqual([1, 2, 3]);
  });

  it('speaks English with --lang en', () => {
    const r = cli(['--lang', 'en', '--routines', ROUTINES, 'test', join(FAILING, 'agare-fel.yaml')]);
    expect(r.stdout).toContain('outcome: expected "slut-vuxen", got "slut-barn"');
    expect(r.stdout).toContain('owner of "understall": expected police, got district');
    expect(r.stdout).toContain('Scenarios: 1 passed, 2 failed, 3 total. Files: 1.');
  });

  it('lists with --coverage the nodes and routes no scenario reaches', () => {
    const r = cli(['test', join(ROUTINES, 'scenarios'), '--coverage']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Täckning för agare-test: 9 av 10 noder, 10 av 14 vägar');
    expect(r.stdout).toMatch(/modules\/tolk\.yaml:19:3: polis\.tolk\.bestall\n/);
    expect(r.stdout).toContain('agare-test.yaml:45:7: plats: Lägenhet → polis.ring');
    expect(r.stdout).toContain('tolk.yaml:17:7: polis.tolk.behov: Ja → polis.tolk.bestall');
    // The default way on from polis.ring is never used (the module parameter always leads on).
    expect(r.stdout).not.toContain('polis.ring: annars');
    const json = JSON.parse(cli(['test', join(ROUTINES, 'scenarios'), '--coverage', '--json']).stdout) as Json;
    expect(json.coverage?.[0]).toMatchObject({ routine: 'agare-test', nodes: { total: 10, reached: 9 }, routes: { total: 14, taken: 10 } });
  });

  it('tests a draft copy of a routine folder as drafted, even when the original is also loaded', () => {
    const draft = join(tempDir('jr-draft-'), 'rutiner');
    afterAll(() => rmSync(draft, { recursive: true, force: true }));
    cpSync(ROUTINES, draft, { recursive: true });
    const file = join(draft, 'agare-test.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('due: { weeks: 1, from: omh.decided_at }', 'due: { days: 6, from: omh.decided_at }'));
    const r = cli(['--routines', ROUTINES, 'test', join(draft, 'scenarios')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('frist för "understall" (nominal): väntade 2026-12-10, blev 2026-12-09');
  });

  it('says so, with exit 1, when there is nothing to run', () => {
    const r = cli(['test', join(OWNER, 'diff')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('inga scenariofiler hittades');
  });
});
