// `jour-routine diff`: the changes a routine owner approves, not a line diff. The fixture's version 3
// makes one change of every kind to version 2.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffRoutines, type Change } from '../src/owner/diff.js';
import { loadReferenceFiles } from '../src/routine/registry.js';
import type { CompiledRoutine } from '../src/core/model.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { routineFromFile } from './helpers/load-routine.js';

const OWNER = join(ROOT, 'tests', 'fixtures', 'owner');
const V2 = join(OWNER, 'routines', 'agare-test.yaml');
const V3 = join(OWNER, 'diff', 'agare-test.yaml');

function load(file: string): CompiledRoutine {
  const { references } = loadReferenceFiles([join(file, '..')]);
  return routineFromFile(file, { references });
}

describe('diffRoutines', () => {
  const changes = diffRoutines(load(V2), load(V3));
  const find = (p: Partial<Change>) => changes.filter((c) => Object.entries(p).every(([k, v]) => JSON.stringify(c[k as keyof Change]) === JSON.stringify(v)));

  it('finds metadata, module and node changes', () => {
    expect(find({ area: 'routine', field: 'version' })).toEqual([{ area: 'routine', id: '', op: 'changed', field: 'version', old: 2, new: 3 }]);
    expect(find({ area: 'routine', field: 'title', lang: 'en' })).toHaveLength(1);
    expect(find({ area: 'routine', field: 'title', lang: 'sv' })).toHaveLength(0);
    expect(find({ area: 'routine', op: 'added', field: 'changelog' })).toHaveLength(1);
    expect(find({ area: 'module', id: 'polis' })).toEqual([
      { area: 'module', op: 'changed', id: 'polis', old: { module: 'kontakt', version: 3 }, new: { module: 'kontakt', version: 4 } },
    ]);
    expect(find({ area: 'node', op: 'added', field: undefined }).map((c) => [c.id, c.kind])).toEqual([['skydd', 'step']]);
    expect(find({ area: 'node', op: 'removed', field: undefined }).map((c) => [c.id, c.kind])).toEqual([['tecken', 'question']]);
    expect(find({ area: 'node', id: 'polis.ring', field: 'text' })).toEqual([
      { area: 'node', id: 'polis.ring', kind: 'step', op: 'changed', field: 'text', lang: 'sv', old: 'Ring polisen', new: 'Ring polisen direkt' },
    ]);
  });

  it('compares texts per language, options, grounds and help', () => {
    expect(find({ id: 'fara', field: 'help' }).map((c) => [c.lang, c.old, c.new])).toEqual([['sv', undefined, 'Fråga lugnt.'], ['en', undefined, 'Ask calmly.']]);
    expect(find({ id: 'plats', field: 'option' }).map((c) => [c.op, c.key, c.lang ?? null])).toEqual([
      ['removed', 'annat', null],
      ['changed', 'hotell', 'sv'],
      ['added', 'bil', null],
    ]);
    expect(find({ id: 'omh', field: 'ground' }).map((c) => [c.op, c.key])).toEqual([['changed', 'g2'], ['added', 'g4']]);
  });

  it('reports a changed condition as one change, and changed answers and targets', () => {
    const alder = find({ id: 'alder', field: 'route' });
    expect(alder).toHaveLength(1);
    expect(alder[0]).toMatchObject({ op: 'changed', old: { when: { q: 'alder', lt: 18 }, next: 'plats' }, new: { when: { q: 'alder', lt: 16 }, next: 'plats' } });
    expect(find({ id: 'fara', field: 'route' })[0]).toMatchObject({ op: 'changed', old: { answer: 'yes', checklist: ['ring-112'] }, new: { answer: 'yes', checklist: [] } });
    expect(find({ id: 'polis.tolk.behov', field: 'route' })[0]).toMatchObject({ old: { next: 'tecken' }, new: { next: 'skydd' } });
    expect(find({ id: 'plats', field: 'route' }).map((c) => [c.op, c.key])).toEqual([['removed', 'answer:annat'], ['added', 'answer:bil']]);
  });

  it('compares checklist items (owner, deadline rule) and the references used', () => {
    expect(find({ area: 'item', op: 'removed' }).map((c) => c.id)).toEqual(['ring-112']);
    expect(find({ area: 'item', op: 'added' }).map((c) => c.id)).toEqual(['ny-punkt']);
    expect(find({ area: 'item', id: 'anmal' })).toEqual([{ area: 'item', id: 'anmal', op: 'changed', field: 'owner', old: 'police', new: 'district' }]);
    expect(find({ area: 'item', id: 'understall', field: 'due' })[0]).toMatchObject({ old: { weeks: 1, from: 'omh.decided_at' }, new: { days: 7, from: 'omh.decided_at' } });
    expect(find({ area: 'reference', op: 'added' }).map((c) => c.id)).toEqual(['agare-lag-2']);
    expect(find({ area: 'reference', id: 'agare-lag-1' }).map((c) => [c.field, c.lang])).toEqual([['law', 'en']]);
  });

  it('finds nothing between a routine and itself', () => {
    expect(diffRoutines(load(V2), load(V2))).toEqual([]);
  });
});

describe('jour-routine diff', () => {
  it('prints the changes grouped, in Swedish, and exits 0', () => {
    const r = cli(['diff', V2, V3]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    for (const line of [
      'Ändringar från agare-test v2 till agare-test v3',
      '== Rutinen',
      '  ~ version: 2 → 3',
      '== Moduler (vid inkluderingen)',
      '  ~ polis: kontakt v3 → kontakt v4',
      '== Frågor, steg, beslut och avslut',
      '  - fråga tecken: ”Vilka tecken finns?”',
      '  + steg skydd: ”Ordna skydd”',
      '      ~ väg: om alder < 18 → plats  blev  om alder < 16 → plats',
      '      ~ väg: Ja → alder [+ ring-112]  blev  Ja → alder',
      '      - svarsalternativ annat: ”Annat”',
      '      + grund g4: ”Annat”',
      '== Checklistan',
      '  - ring-112: ”Ring 112” (Socialjouren, nu)',
      '      ~ ansvarig: polisen → stadsdelen',
      '== Lagreferenser som används',
      '  + agare-lag-2: 2 § Testlag (2000:1) – Skydd',
    ]) {
      expect(out).toContain(line);
    }
    expect(out.indexOf('== Rutinen')).toBeLessThan(out.indexOf('== Checklistan'));
    expect(out).not.toContain('versionen är fortfarande');
  });

  it('prints English with --lang en and JSON with --json', () => {
    const en = cli(['--lang', 'en', 'diff', V2, V3]);
    expect(en.stdout).toContain('== Questions, steps, decisions and ends');
    expect(en.stdout).toContain('      ~ owner: police → district');
    const json = JSON.parse(cli(['diff', V2, V3, '--json']).stdout) as { old: { version: number }; new: { version: number }; changes: Change[] };
    expect([json.old.version, json.new.version]).toEqual([2, 3]);
    expect(json.changes.some((c) => c.area === 'item' && c.id === 'anmal' && c.field === 'owner')).toBe(true);
  });

  it('says there is nothing to approve when the content is the same', () => {
    const r = cli(['--lang', 'en', 'diff', V2, V2]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes in content.');
  });

  it('points out changed content under an unchanged version number', () => {
    const copy = join(tempDir('jr-diff-'), 'rutiner');
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(join(OWNER, 'routines'), copy, { recursive: true });
    const file = join(copy, 'agare-test.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('urgency: later', 'urgency: before_shift_end'));
    const r = cli(['diff', V2, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('      ~ brådska: senare → före passets slut');
    expect(r.stdout).toContain('Obs: innehållet har ändrats men versionen är fortfarande 2.');
  });

  it('refuses a file that is not a routine or has errors, in one sentence with exit 1', () => {
    const mod = cli(['diff', join(OWNER, 'routines', 'modules', 'kontakt.yaml'), V3]);
    expect(mod.code).toBe(1);
    expect(mod.stderr).toContain('är ingen rutinfil');
    const broken = cli(['diff', join(OWNER, 'finns-inte.yaml'), V3]);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toContain('file-unreadable');
  });
});
