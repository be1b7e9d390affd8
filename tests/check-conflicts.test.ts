// The conflict check: two checklist items (or an answer and an item) marked as conflicting must
// never be on one path. Routines are built in memory; the bundled routines are checked too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoutine } from '../src/routine/load.js';
import { openRegistry } from '../src/routine/registry.js';
import { ROOT } from './helpers/cli.js';

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

function load(text: string, extra: Record<string, string> = {}) {
  const files = new Map<string, Uint8Array>([[MAIN, Buffer.from(HEAD + text)], ...Object.entries(extra).map(([k, v]) => [k, Buffer.from(v)] as [string, Uint8Array])]);
  return loadRoutine(MAIN, { readFile: (f) => files.get(f), references: new Map(), today: '2026-11-28' });
}
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
