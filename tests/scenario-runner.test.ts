// The scenario runner and coverage on files held in memory: defensive reading with positions, the
// statutory calendar in expected deadlines, and which nodes and routes count as reached.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledRoutine } from '../src/core/model.js';
import { openRegistry } from '../src/routine/registry.js';
import { coverage } from '../src/owner/scenario-coverage.js';
import { loadScenarioFile, runScenario, type LoadedScenarios } from '../src/owner/scenario.js';
import { ROOT } from './helpers/cli.js';

const routine = (() => {
  const r = openRegistry({ extraFolders: [join(ROOT, 'tests', 'fixtures', 'owner', 'routines')], today: '2026-11-28' }).routines.get('agare-test')?.result.routine;
  if (!r) throw new Error('fixture routine does not load');
  return r;
})() as CompiledRoutine;

const FILE = '/mem/scenarios/s.yaml';
const load = (text: string | Uint8Array): LoadedScenarios =>
  loadScenarioFile(FILE, (f) => (f === FILE ? (typeof text === 'string' ? new TextEncoder().encode(text) : text) : undefined));

function run(text: string) {
  const l = load(text);
  if (!l.ok) throw new Error(JSON.stringify(l.diagnostics));
  return l.value.scenarios.map((sc, i) => runScenario(routine, l.source, sc, i));
}

// Times in answers are local wall-clock times, as a caseworker types them.
const CUSTODY = (decidedAt: string) => `
routine: agare-test
scenarios:
  - name: Jul
    at: "${decidedAt.replace(' ', 'T')}:00+01:00"
    answers:
      fara: nej
      alder: 15
      plats: annat
      polis.ring: { vem: Befäl }
      polis.tolk.behov: nej
      tecken: []
      omh: { decided_by: NN, ground: g2, decided_at: "${decidedAt}", carried_out_at: "${decidedAt}" }
    expect:
      outcome: slut-barn
      deadlines:
        understall: { nominal: 2026-12-26, legal: 2026-12-28, safe: 2026-12-23 }
`;

describe('scenario files', () => {
  it('are read defensively: binary, aliases and tags give a diagnostic, never a crash', () => {
    const codes = (l: LoadedScenarios) => (l.ok ? [] : l.diagnostics.map((d) => d.code));
    expect(codes(load(new Uint8Array([0x72, 0, 0x0a])))).toEqual(['binary-content']);
    expect(codes(load('routine: &a agare-test\nscenarios: [*a]\n'))).toContain('yaml-alias');
    expect(codes(load('routine: !!js/function x\n'))).toContain('yaml-tag');
    expect(codes(load('- a list\n'))).toEqual(['root-not-mapping']);
  });

  it('are checked against the scenario schema with file:line:col', () => {
    const l = load(`routine: agare-test
scenarios:
  - name: Utan tidszon
    at: "2026-12-03 01:40"
    answers: {}
    expect:
      owners: { understall: kommunen }
      deadlines: { understall: { safe: 2026-13-01 } }
`);
    expect(l.ok).toBe(false);
    if (l.ok) return;
    expect(l.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['invalid-value', 4, 9],
      ['invalid-value', 7, 29],
      ['invalid-date', 8, 40],
    ]);
  });
});

describe('running a scenario', () => {
  it('computes deadlines with the statutory calendar from the time recorded in the answers', () => {
    const [res] = run(CUSTODY('2026-12-19 10:00'));
    expect(res?.failures).toEqual([]);
    expect(res?.passed).toBe(true);
  });

  it('reports the computed date when the expected one differs', () => {
    const [res] = run(CUSTODY('2026-12-03 03:15'));
    expect(res?.passed).toBe(false);
    expect(res?.failures.map((f) => (f.kind === 'deadline' ? [f.field, f.expected, f.actual, f.pos.line] : f.kind))).toEqual([
      ['nominal', '2026-12-26', '2026-12-10', 17],
      ['legal', '2026-12-28', '2026-12-10', 17],
      ['safe', '2026-12-23', '2026-12-10', 17],
    ]);
  });

  it('fails a scenario whose answers have problems even when nothing is expected', () => {
    const [res] = run('routine: agare-test\nscenarios:\n  - { name: x, at: "2026-12-03T01:40:00+01:00", answers: { fara: nej } }\n');
    expect(res?.passed).toBe(false);
    expect(res?.answers.diagnostics.map((d) => [d.code, d.params.id])).toEqual([['answer-missing', 'alder']]);
  });
});

describe('coverage', () => {
  it('counts what the walks reached and leaves out what module parameters switched off', () => {
    const states = run(CUSTODY('2026-12-19 10:00')).map((r) => r.state);
    const c = coverage(routine, states);
    expect(c.nodes.total).toBe(10);
    expect(c.nodes.unreached.map((n) => n.id).sort()).toEqual(['polis.tolk.bestall', 'slut-vuxen']);
    const routes = c.routes.unreached.map((x) => `${x.node}#${x.route}`);
    expect(routes).toContain('fara#0');
    expect(routes).not.toContain('fara#1');
    expect(routes).toContain('alder#next');
    expect(routes).not.toContain('polis.ring#next');
    // The multiple-choice branch never fired (no sign was chosen), so it is unreached too.
    expect(routes).toContain('tecken#0');
  });

  it('is complete when the scenarios between them take every way', () => {
    const c = coverage(routine, []);
    expect(c.nodes.unreached).toHaveLength(c.nodes.total);
    expect(c.routes.unreached).toHaveLength(c.routes.total);
  });
});
