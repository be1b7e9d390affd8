// The loader on files held in memory: module expansion with qualified ids, `return`, parameters,
// the content hash, and the order and completeness of the diagnostics.
import { describe, expect, it } from 'vitest';
import { POLICE_MODULE_BODY } from './helpers/police-module.js';
import { readFileSync } from 'node:fs';
import { sortDiagnostics, type Diagnostic } from '../src/core/diagnostics.js';
import { loadReferences, loadRoutine, type LoadResult } from '../src/routine/load.js';
import type { CNode } from '../src/core/model.js';
import type { Reference } from '../src/core/schema.js';
import { loadFromTexts } from './helpers/load-routine.js';

const MAIN = '/mem/rutiner/rutin.yaml';
const MODULE = '/mem/rutiner/modules/polis.yaml';
const OTHER = '/mem/rutiner/modules/annan.yaml';

const REFS = new Map<string, Reference>([
  ['osl-10-21', { law: { sv: '10 kap. 21 § OSL', en: 'Ch. 10 s. 21 OSL' }, title: { sv: 'Sekretess', en: 'Secrecy' }, valid_from: '2009-06-30' }],
]);

const meta = (head: string) => `${head}
version: 1
title: { sv: Test, en: Test }
description: { sv: Test., en: Test. }
reviewed: 2026-11-01
review_by: 2027-06-30
approved_by: Samordnare
changelog:
  - { version: 1, date: 2026-11-01, text: { sv: Första., en: First. } }
`;

const routine = (barn: string | boolean = true, extraNodes = '') => `${meta('id: med-modul')}start: fraga
nodes:
  fraga:
    question: { sv: Är polisen inblandad?, en: Are the police involved? }
    type: yesno
    on:
      yes: polis
      no: slut
  polis:
    include: modules/polis.yaml
    with: { barn: ${String(barn)} }
    next: efter
  efter:
    step: { sv: Dokumentera, en: Document }
    ref: osl-10-21
    next: slut
  slut:
    end: { sv: Klart, en: Done }
${extraNodes}`;

const POLICE = `${meta('module: polis')}${POLICE_MODULE_BODY}`;

const load = (files: Record<string, string>): LoadResult => loadFromTexts(MAIN, files, { references: REFS });

const node = (r: LoadResult, id: string): CNode => {
  const n = r.routine?.nodes.get(id);
  if (!n) throw new Error(`no node ${id} in ${[...(r.routine?.nodes.keys() ?? [])].join(', ')}`);
  return n;
};
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.file === MODULE ? 'modul' : 'rutin'}:${d.line}:${d.col} ${d.code}`);

describe('loading a routine that includes a module', () => {
  it('compiles to one graph with the module nodes qualified by the include id', () => {
    const r = load({ [MAIN]: routine(), [MODULE]: POLICE });
    expect(r.diagnostics).toEqual([]);
    expect([...(r.routine?.nodes.keys() ?? [])].sort()).toEqual(['efter', 'fraga', 'polis.akut', 'polis.kontakt', 'slut']);
    // The include is not a node of its own: going to it goes to the module's start.
    expect(node(r, 'fraga').routes.find((x) => x.answer === 'yes')?.next).toBe('polis.kontakt');
    // barn: true makes the module's branch always taken, so it becomes the way on.
    expect(node(r, 'polis.kontakt').next).toBe('polis.akut');
    expect(node(r, 'polis.kontakt').scope).toBe('polis.');
    expect(node(r, 'polis.kontakt').moduleTitle).toEqual({ sv: 'Test', en: 'Test' });
    expect(r.routine?.modules).toEqual([{ id: 'polis', version: 1, file: MODULE, at: 'polis' }]);
    // Checklist items keep their id; a deadline's source is qualified like the nodes.
    expect(r.routine?.checklist.get('underst')?.dueFrom).toBe('polis.akut.decided_at');
  });

  it('`return` in the module goes to the include’s next', () => {
    const r = load({ [MAIN]: routine(), [MODULE]: POLICE });
    expect(node(r, 'polis.akut').next).toBe('efter');
    expect(node(load({ [MAIN]: routine(false), [MODULE]: POLICE }), 'polis.kontakt').next).toBe('efter');
  });

  it('the parameters given at the include decide the module’s conditions', () => {
    const yes = load({ [MAIN]: routine(true), [MODULE]: POLICE });
    const no = load({ [MAIN]: routine(false), [MODULE]: POLICE });
    // Decided at compile time: the branch is folded away, and what it alone led to is dropped.
    expect(node(yes, 'polis.kontakt')).toMatchObject({ next: 'polis.akut', routes: [] });
    expect(node(no, 'polis.kontakt')).toMatchObject({ next: 'efter', routes: [] });
    expect(no.routine?.nodes.has('polis.akut')).toBe(false);
    expect(no.diagnostics).toEqual([]);
    // A value of another type is not equal: 'true' the string is not true the boolean.
    expect(node(load({ [MAIN]: routine('"true"'), [MODULE]: POLICE }), 'polis.kontakt').next).toBe('efter');
  });

  it('the content hash changes when the module text changes, and only then', () => {
    const base = load({ [MAIN]: routine(), [MODULE]: POLICE }).routine?.hash;
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(load({ [MAIN]: routine(), [MODULE]: POLICE }).routine?.hash).toBe(base);
    // A file that is not included does not count.
    expect(load({ [MAIN]: routine(), [MODULE]: POLICE, [OTHER]: 'module: annan\n' }).routine?.hash).toBe(base);
    const changedModule = POLICE.replace('Kontakta polisen', 'Ring polisen');
    expect(load({ [MAIN]: routine(), [MODULE]: changedModule }).routine?.hash).not.toBe(base);
    expect(load({ [MAIN]: routine(), [MODULE]: `${POLICE}# en kommentar\n` }).routine?.hash).not.toBe(base);
    expect(load({ [MAIN]: routine().replace('Dokumentera', 'Anteckna'), [MODULE]: POLICE }).routine?.hash).not.toBe(base);
  });

  it('a missing module is one diagnostic at the include, not a crash or a cascade', () => {
    const r = load({ [MAIN]: routine() });
    expect(r.routine).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual(['rutin:19:14 unknown-module']);
  });

  it('problems in the module are reported in the module file', () => {
    const r = load({ [MAIN]: routine(), [MODULE]: POLICE.replace('next: akut', 'next: akutt') });
    // akut is now unreachable too: that is true, and reported where akut is.
    expect(codes(r.diagnostics)).toEqual(['modul:19:15 unknown-target', 'modul:21:3 unreachable']);
    expect(r.diagnostics[0]?.params).toEqual({ target: 'polis.akutt' });
  });

  it('a declared parameter that is not given is reported once, at the include', () => {
    const r = load({ [MAIN]: routine().replace('    with: { barn: true }\n', ''), [MODULE]: POLICE });
    expect(codes(r.diagnostics)).toEqual(['rutin:19:14 missing-param']);
  });
});

describe('diagnostics', () => {
  // Six problems across the graph, conditions and references, in the routine and the module.
  const broken = {
    [MAIN]: routine(
      true,
      `  glomd:
    step: { sv: Glömd, en: Forgotten }
    ref: finns-inte
    next: slut
`,
    )
      .replace('no: slut', 'no: sluta')
      .replace('    ref: osl-10-21\n', '    checklist: [saknas]\n    branches:\n      - when: { q: fraga, lt: 3 }\n        next: slut\n'),
    [MODULE]: POLICE.replace('from: akut.decided_at', 'from: kontakt.vem'),
  };

  it('are all reported in one run', () => {
    const r = load(broken);
    expect(r.routine).toBeUndefined();
    expect(new Set(r.diagnostics.map((d) => d.code))).toEqual(
      new Set(['unknown-target', 'unknown-checklist-item', 'condition-type', 'unreachable', 'unknown-reference', 'deadline-source-type']),
    );
  });

  it('are sorted by file, line and column', () => {
    const r = load(broken);
    expect(r.diagnostics).toEqual(sortDiagnostics(r.diagnostics));
    expect(codes(r.diagnostics)).toEqual([
      'modul:30:28 deadline-source-type',
      'rutin:17:11 unknown-target',
      'rutin:24:17 unknown-checklist-item',
      'rutin:26:20 condition-type',
      'rutin:31:3 unreachable',
      'rutin:33:10 unknown-reference',
    ]);
  });

  it('are reported once each, even when the same problem is met twice', () => {
    const r = load(broken);
    const keys = r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}:${d.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a file the reader cannot give is one diagnostic at 1:1', () => {
    const r = load({});
    expect(r.diagnostics).toEqual([{ code: 'file-unreadable', severity: 'error', file: MAIN, line: 1, col: 1, params: {} }]);
  });
});

describe('the content hash', () => {
  it('does not depend on the folder the routines are installed in', () => {
    const text = (p: string) => Buffer.from(readFileSync(p));
    const hashIn = (root: string) => {
      const files = new Map<string, Buffer>([
        [`${root}/references.yaml`, text('routines/references.yaml')],
        [`${root}/exempel.yaml`, text('examples/exempel.yaml')],
      ]);
      const readFile = (f: string) => files.get(f);
      const refs = loadReferences(`${root}/references.yaml`, readFile).references;
      return loadRoutine(`${root}/exempel.yaml`, { readFile, references: refs, today: '2026-11-28' }).routine?.hash;
    };
    const a = hashIn('/opt/a');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIn('/home/b/jour-routine/routines')).toBe(a);
  });
});
