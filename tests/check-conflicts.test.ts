// The conflict check: two checklist items (or an answer and an item) marked as conflicting must
// never be on one path. Routines are built in memory; the bundled routines are checked too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../src/routine/registry.js';
import { ROOT } from './helpers/cli.js';
import { loadFromTexts } from './helpers/load-routine.js';

const MAIN = '/r/rutin.yaml';
const HEAD = `id: prov
version: 1
title: { sv: Prov, en: Test }
description: { sv: Prov., en: Test. }
reviewed: 2026-11-01
review_by: 2027-06-30
approved_by: Testare
changelog:
  - { version: 1, date: 2026-11-01, text: { sv: Första., en: First. } }
`;
const item = (id: string, conflicts?: string[]) =>
  `  ${id}:\n    text: { sv: Punkt ${id}, en: Item ${id} }\n    owner: district\n    urgency: later\n${conflicts ? `    conflicts: [${conflicts.join(', ')}]\n` : ''}`;

const load = (text: string, extra: Record<string, string> = {}) => loadFromTexts(MAIN, { [MAIN]: HEAD + text, ...extra });
const codes = (text: string, extra?: Record<string, string>) => load(text, extra).diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`);

describe('conflict check', () => {
  it('items on two exclusive branches are not a conflict', () => {
    const text = `start: a
nodes:
  a:
    question: { sv: A?, en: A? }
    type: yesno
    on:
      yes: { next: slut, checklist: [x] }
      no: { next: slut, checklist: [y] }
  slut:
    end: { sv: Klart, en: Done }
checklist:
${item('x', ['y'])}${item('y')}`;
    expect(codes(text)).toEqual([]);
  });

  it('a later branch on the same answer keeps paths apart: no false conflict', () => {
    // x is added when a = yes; y only when a = no, tested by a condition two nodes later.
    const text = `start: a
nodes:
  a:
    question: { sv: A?, en: A? }
    type: yesno
    on:
      yes: { next: b, checklist: [x] }
      no: b
  b:
    question: { sv: B?, en: B? }
    type: text
    branches:
      - when: { q: a, eq: no }
        checklist: [y]
    next: slut
  slut:
    end: { sv: Klart, en: Done }
checklist:
${item('x', ['y'])}${item('y')}`;
    expect(codes(text)).toEqual([]);
    // The same with "ne: yes" turned into "eq: yes" is a real conflict, reported at both places.
    const broken = load(text.replace('{ q: a, eq: no }', '{ q: a, eq: yes }'));
    expect(broken.diagnostics.map((d) => `${d.code}@${d.line}:${d.col} ${d.params.other}`)).toEqual(['conflict@16:35 23:21']);
  });

  it('an answer that conditions cannot decide counts both ways (a number compared)', () => {
    const text = `start: a
nodes:
  a:
    question: { sv: Ålder?, en: Age? }
    type: number
    branches:
      - when: { q: a, gte: 18 }
        checklist: [x]
    next: b
  b:
    step: { sv: B, en: B }
    checklist: [y]
    next: slut
  slut:
    end: { sv: Klart, en: Done }
checklist:
${item('x', ['y'])}${item('y')}`;
    expect(codes(text)).toEqual(['conflict@17:21']);
  });

  it('finds a conflict between the first and the last of 40 diamonds (2^40 paths) without enumerating paths', () => {
    const nodes: string[] = [];
    const items: string[] = [];
    for (let i = 0; i < 40; i++) {
      const next = i === 39 ? 'slut' : `q${i + 1}`;
      const yes = i === 0 ? 'x' : i === 39 ? 'y' : `a${i}`;
      nodes.push(`  q${i}:\n    question: { sv: F${i}?, en: Q${i}? }\n    type: yesno\n    on:\n      yes: { next: ${next}, checklist: [${yes}] }\n      no: { next: ${next}, checklist: [b${i}] }\n`);
      if (i > 0 && i < 39) items.push(item(`a${i}`));
      items.push(item(`b${i}`));
    }
    // Conditions on every earlier answer make each fact set distinct: the widening keeps it finite.
    nodes[39] = nodes[39]?.replace('    type: yesno\n', `    type: yesno\n    branches:\n${Array.from({ length: 39 }, (_, i) => `      - when: { q: q${i}, eq: yes }\n`).join('')}`) ?? '';
    const text = `start: q0\nnodes:\n${nodes.join('')}  slut:\n    end: { sv: Klart, en: Done }\nchecklist:\n${items.join('')}${item('x', ['y'])}${item('y')}`;
    const ds = load(text).diagnostics.filter((d) => d.code === 'conflict');
    expect(ds).toHaveLength(1);
    expect(ds[0]?.params).toMatchObject({ a: 'x', b: 'y' });
  });

  it('a routine pairs items of two modules under its own conflicts, and names unknown ones', () => {
    const mod = (name: string, id: string) => `module: ${name}
version: 1
title: { sv: M, en: M }
description: { sv: M., en: M. }
reviewed: 2026-11-01
review_by: 2027-06-30
approved_by: Testare
changelog:
  - { version: 1, date: 2026-11-01, text: { sv: Första., en: First. } }
start: s
nodes:
  s:
    step: { sv: S, en: S }
    checklist: [${id}]
    next: return
checklist:
${item(id)}`;
    const text = `start: m1
nodes:
  m1:
    include: m1.yaml
    next: m2
  m2:
    include: m2.yaml
    next: slut
  slut:
    end: { sv: Klart, en: Done }
conflicts:
  - [p1, p2]
  - [p1, okand]
`;
    const r = load(text, { '/r/m1.yaml': mod('m1', 'p1'), '/r/m2.yaml': mod('m2', 'p2') });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.params.other ?? d.params.item}`).sort()).toEqual([
      '/r/m1.yaml:14:17 conflict m2.yaml:14:17',
      '/r/rutin.yaml:22:10 unknown-conflict okand',
    ]);
  });

  it('the bundled routines declare conflicts and have none on any path', () => {
    const reg = openRegistry({ extraFolders: [], today: '2026-12-01' });
    let declared = 0;
    for (const { result } of reg.routines.values()) {
      expect(result.diagnostics.filter((d) => d.code === 'conflict' || d.code === 'unknown-conflict')).toEqual([]);
      for (const i of result.routine?.checklist.values() ?? []) declared += i.conflicts?.length ?? 0;
    }
    expect(declared).toBeGreaterThan(0);
    expect(join(ROOT, 'routines')).toBeTruthy();
  });
});

describe('conflict check against brute force', () => {
  // Small random routines of yes/no questions with items on answers and branches conditioned on
  // earlier answers: the check must report a conflict exactly when some walk puts both items on
  // the checklist (every walk is enumerated here; the check never enumerates).
  it('reports a conflict exactly when some walk has both items', async () => {
    const fc = (await import('fast-check')).default;
    const { runAnswers } = await import('../src/engine/answers.js');
    const { started } = await import('./helpers/session-fixture.js');
    const ITEMS = ['x', 'y'];
    const nodeArb = (i: number, n: number) =>
      fc.record({
        yesItems: fc.subarray(ITEMS),
        noItems: fc.subarray(ITEMS),
        yesSkip: fc.integer({ min: 1, max: 2 }),
        branch: i === 0 ? fc.constant(null) : fc.option(fc.record({ q: fc.integer({ min: 0, max: i - 1 }), v: fc.constantFrom('yes', 'no'), items: fc.subarray(ITEMS, { minLength: 1 }) })),
        n: fc.constant(n),
      });
    const routineArb = fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(i, n))));
    fc.assert(
      fc.property(routineArb, (spec) => {
        const n = spec.length;
        const target = (i: number) => (i >= n ? 'slut' : `q${i}`);
        const nodes = spec
          .map((s, i) => {
            const branch = s.branch ? `    branches:\n      - when: { q: q${s.branch.q}, eq: ${s.branch.v} }\n        checklist: [${s.branch.items.join(', ')}]\n` : '';
            return `  q${i}:\n    question: { sv: F?, en: Q? }\n    type: yesno\n${branch}    on:\n      yes: { next: ${target(i + s.yesSkip)}, checklist: [${s.yesItems.join(', ')}] }\n      no: { next: ${target(i + 1)}, checklist: [${s.noItems.join(', ')}] }\n`;
          })
          .join('');
        const text = `start: q0\nnodes:\n${nodes}  slut:\n    end: { sv: Klart, en: Done }\nchecklist:\n${item('x', ['y'])}${item('y')}${item('z')}`;
        const reported = load(text).diagnostics.some((d) => d.code === 'conflict');
        // The walks run on the same routine without the mark, which an error would have refused.
        const routine = load(text.replace('    conflicts: [y]\n', '')).routine;
        if (!routine) throw new Error('the unmarked routine must load');
        let both = false;
        for (let mask = 0; mask < 1 << n; mask++) {
          const answers = Object.fromEntries(spec.map((_, i) => [`q${i}`, (mask >> i) & 1 ? 'yes' : 'no']));
          const run = runAnswers(routine, answers, started(routine, { at: '2026-12-01T00:00:00Z' }), () => ({ file: 'a', line: 1, col: 1 }));
          const items = new Set(run.state.path.flatMap((v) => v.items));
          if (items.has('x') && items.has('y')) both = true;
        }
        return reported === both;
      }),
      { numRuns: 200 },
    );
  });
});
