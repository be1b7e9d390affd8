import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const run = (file: string, ...extra: string[]) =>
  cli(['--routines', 'examples', 'run', 'exempel', '--answers', file, ...extra]);

describe('run --answers', () => {
  it('walks the example to its end and prints path, outcome and checklist', () => {
    const r = run('examples/exempel-svar.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Utfall: slut-barn');
    expect(r.stdout).toContain('[ ] Underställ beslutet förvaltningsrätten');
    expect(r.stdout).toContain('Agera senast 2026-12-10');
  });

  it('prints a stable JSON object with hash, path, decisions and deadlines', () => {
    const r = run('examples/exempel-svar.yaml', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.routine).toMatchObject({ id: 'exempel', version: 1 });
    expect(j.routine.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(j.path.map((p: { node: string }) => p.node)).toEqual(['akut-fara', 'alder', 'polis', 'omh', 'slut-barn']);
    expect(j.decisions[0]).toMatchObject({ node: 'omh', ground: 'lvu-3', decided_at: '2026-12-03T03:15:00+01:00' });
    expect(j.checklist).toEqual([
      expect.objectContaining({ id: 'understall', owner: 'district', urgency: 'later', deadline: expect.objectContaining({ nominal: '2026-12-10', safe: '2026-12-10' }) }),
    ]);
    expect(j.outcome).toBe('slut-barn');
    expect(r.stderr).toBe('');
  });

  it('reports unknown ids and every wrong type together, with file:line:col, exit 1', () => {
    const r = run('tests/fixtures/answers/bad.yaml');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad\.yaml:3:14: fel answer-invalid: .*"kanske"/),
        expect.stringMatching(/bad\.yaml:4:10: fel answer-invalid: .*tal/),
        expect.stringMatching(/bad\.yaml:5:3: fel answer-unknown-id:/),
        expect.stringMatching(/bad\.yaml:9:17: fel answer-invalid: .*decided_at/),
      ]),
    );
  });

  it('reports a missing answer on the taken path', () => {
    const r = run('tests/fixtures/answers/incomplete.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answer-missing: .*"polis"/);
    expect(r.stdout).toContain('nästa fråga är "polis"');
  });

  it('refuses a missing answers file with one sentence', () => {
    const r = run('tests/fixtures/answers/nope.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kan inte läsas/);
  });
});
