// The training vignettes of ../shared/vignettes, end to end: the bundled routine walked with the
// answers in routines/scenarios, written as a session on disk, then read back through the CLI as
// the night shift and the district would (checklist, case note, handover).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRoutine } from '../src/core/model.js';
import { ROOT, cli, tempDir } from './helpers/cli.js';
import { lintMarkdown } from './helpers/md-lint.js';
import { registryRoutine, walkEvents, writeSession } from './helpers/session-fixture.js';
import { plainTextProblems } from './helpers/plain-text.js';
import { replay } from '../src/engine/walk.js';
import { isInstant } from '../src/engine/values.js';
import { sentenceOf } from '../src/render/note-facts.js';

interface Scenario {
  name: string;
  at: string;
  answers: Record<string, unknown>;
  expect?: {
    outcome?: string;
    checklist?: string[];
    not_checklist?: string[];
    owners?: Record<string, string>;
    deadlines?: Record<string, { nominal: string; legal: string; safe: string }>;
  };
}

interface Item {
  id: string;
  text: { sv: string; en: string };
  owner: string;
  refs: string[];
  added_by: string;
  status: string;
  deadline: null | { waiting_for: string } | { nominal: string; legal: string; safe: string; moved: boolean };
  expired_refs: { id: string; until: string }[];
}

const VIGNETTES = [
  { key: 'V1', routine: 'barn-utnyttjande' },
  { key: 'V2', routine: 'vuxen-manniskohandel' },
  { key: 'V3', routine: 'barn-utnyttjande' },
] as const;

const routineFile = (id: string) => join(ROOT, 'routines', `${id}.yaml`);
const scenarioFile = (id: string) => join(ROOT, 'routines', 'scenarios', `${id}.yaml`);

function scenario(routine: string, key: string): Scenario | undefined {
  const doc = parse(readFileSync(scenarioFile(routine), 'utf8')) as { scenarios?: Scenario[] };
  return doc.scenarios?.find((s) => s.name.startsWith(`${key} `));
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('vignettes on the bundled routines', () => {
  let data: string;
  const runs = new Map<string, { id: string; routine: CompiledRoutine; scenario: Scenario; items: Item[] }>();
  const cmd = (...args: string[]) => cli(['--data-dir', data, ...args]);

  beforeAll(() => {
    data = tempDir('jr-vignettes-');
    for (const v of VIGNETTES) {
      const sc = scenario(v.routine, v.key);
      if (!sc) throw new Error(`routines/scenarios/${v.routine}.yaml has no scenario named "${v.key} …"`);
      const routine = registryRoutine(v.routine);
      const id = writeSession(data, routine, walkEvents(routine, sc.answers, { at: sc.at, case_ref: `Övning ${v.key}`, worker: 'AB' }));
      const json = cmd('checklist', id, '--format', 'json');
      if (json.code !== 0) throw new Error(json.stderr);
      runs.set(v.key, { id, routine, scenario: sc, items: (JSON.parse(json.stdout) as { checklist: Item[] }).checklist });
    }
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  const run = (key: string) => runs.get(key) as NonNullable<ReturnType<typeof runs.get>>;
  const citing = (key: string, ref: string) => run(key).items.find((i) => i.refs.includes(ref));

  for (const v of VIGNETTES) {
    it(`${v.key}: the checklist holds what the scenario expects, with owners and deadlines`, () => {
      const { items, scenario: sc } = run(v.key);
      const ids = items.map((i) => i.id);
      for (const id of sc.expect?.checklist ?? []) expect(ids).toContain(id);
      for (const id of sc.expect?.not_checklist ?? []) expect(ids).not.toContain(id);
      for (const [id, owner] of Object.entries(sc.expect?.owners ?? {})) expect(items.find((i) => i.id === id)?.owner).toBe(owner);
      for (const [id, d] of Object.entries(sc.expect?.deadlines ?? {})) {
        expect(items.find((i) => i.id === id)?.deadline, id).toMatchObject({ nominal: String(d.nominal), legal: String(d.legal), safe: String(d.safe) });
      }
    });
  }

  it('V1: 7 § LVU by Thursday 2026-12-10, all three dates the same', () => {
    expect(citing('V1', 'lvu-7')?.deadline).toMatchObject({ nominal: '2026-12-10', legal: '2026-12-10', safe: '2026-12-10', moved: false });
    expect(citing('V1', 'lvu-7')?.expired_refs).toEqual([]);
  });

  it("V1: 8 § LVU nominal New Year's Eve 2026-12-31, legal 2027-01-04, act by 2026-12-30, flagged past LVU's validity", () => {
    const ansok = citing('V1', 'lvu-8');
    expect(ansok?.deadline).toMatchObject({ nominal: '2026-12-31', legal: '2027-01-04', safe: '2026-12-30', moved: true });
    expect(ansok?.expired_refs).toContainEqual({ id: 'lvu-8', until: '2026-12-31' });
  });

  it('V1: the printed checklist shows the safe date first, the rest as "do not rely on it", and the LVU flag, within 80 columns', () => {
    const out = cmd('checklist', run('V1').id).stdout;
    expect(out).not.toMatch(/\x1b/);
    expect(out.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    const text = flat(out);
    expect(text).toContain('Agera senast 2026-12-30');
    expect(text).toContain('Fristens sista dag är 2026-12-31 (Nyårsafton); enligt lag (1930:173) flyttas den till 2027-01-04 – räkna inte med det');
    expect(text).toContain('OBS: 8 § LVU gäller bara till 2026-12-31 – kontrollera vad som gäller');
    expect(text).toContain('Agera senast 2026-12-10');
  });

  it('V2: the regional coordinator on the next weekday, Monday 2026-12-07 (the helpline is closed at night)', () => {
    const coordinator = run('V2').items.find((i) => i.id === 'regional-samordnare') ?? run('V2').items.find((i) => /samordnar/i.test(i.text.sv));
    expect(coordinator?.deadline).toMatchObject({ nominal: '2026-12-07', legal: '2026-12-07', safe: '2026-12-07' });
    expect(flat(cmd('--lang', 'en', 'checklist', run('V2').id).stdout)).toContain('Act by 2026-12-07');
  });

  it('V1: the case note records the custody decision, the police report number, the mother and the deadlines', () => {
    const r = cmd('export', run('V1').id);
    expect(r.code).toBe(0);
    const note = r.stdout;
    const decisions = note.slice(note.indexOf('## Beslut'), note.indexOf('## Checklista'));
    expect(decisions).toContain('Beslutsfattare: Jourhavande ledamot NN');
    expect(decisions).toContain('Grund: 3 § LVU');
    expect(decisions).toContain('Beslutad: 2026-12-03 03:15');
    expect(decisions).toContain('Verkställd: 2026-12-03 03:50');
    const course = note.slice(note.indexOf('## Förlopp'), note.indexOf('## Beslut'));
    expect(course).toContain('5000-K1234-26');
    expect(course).toContain('Modern');
    expect(note).toContain('Barnet hos polisen, vägrar åka hem eller till placering'); // the protection assessment
    const open = note.slice(note.indexOf('## Checklista'), note.indexOf('## Lagrum'));
    expect(open).toContain('Agera senast 2026-12-10');
    expect(open).toContain('Agera senast 2026-12-30');
    expect(note).toMatch(/- \*\*8 § LVU\*\*: [^\n]*till och med 2026-12-31/);
    expect(note).toContain(`\`${run('V1').routine.hash}\``);
  });

  for (const v of VIGNETTES) {
    it(`${v.key}: the handover lists every open item with owner, deadline and what to think about`, () => {
      const { id, routine, items } = run(v.key);
      // Compared without Markdown escapes: the help is the routine owner's text as written.
      const handover = flat(cmd('export', id, '--handover').stdout.replace(/\\(.)/g, '$1'));
      for (const item of items.filter((i) => i.status === 'open')) {
        expect(handover).toContain(`. ${flat(item.text.sv)}`);
        for (const help of [routine.checklist.get(item.id)?.help?.sv, routine.nodes.get(item.added_by)?.help?.sv]) {
          if (help) expect(handover).toContain(flat(help));
        }
        if (item.deadline && 'safe' in item.deadline) expect(handover).toContain(`Agera senast ${item.deadline.safe}`);
      }
      expect(handover).toContain('**Ansvarig**: stadsdelen');
    });

    it(`${v.key}: note and handover, Swedish and English, pass markdownlint`, () => {
      for (const args of [[], ['--handover'], ['--lang', 'en'], ['--handover', '--lang', 'en']]) {
        const r = cmd('export', run(v.key).id, ...args);
        expect(r.code).toBe(0);
        expect(lintMarkdown(r.stdout)).toEqual([]);
      }
    });
  }

  for (const v of VIGNETTES) {
    it(`${v.key}: every answer on the path is in the handover, and the plain-text note passes the journal checks`, () => {
      const { id, routine } = run(v.key);
      const handover = flat(cmd('export', id, '--handover').stdout.replace(/\\(.)/g, '$1'));
      const res = replay(routine, walkEvents(routine, run(v.key).scenario.answers, { at: run(v.key).scenario.at }));
      if (!res) throw new Error('replay');
      for (const visit of res.state.path) {
        const n = routine.nodes.get(visit.node);
        if (!n || !visit.input) continue;
        // The routine's sentence or, without one, the question and the answer; and every value typed.
        expect(handover, visit.node).toContain(flat(sentenceOf(n, visit, 'sv')));
        const typed = visit.input.t === 'answered' ? [visit.input.value] : Object.values(visit.input.fields);
        for (const value of typed.flat()) {
          if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !isInstant(value) && value !== 'yes' && value !== 'no' && n.kind !== 'question')) {
            expect(handover, `${visit.node}: ${value}`).toContain(flat(String(value)));
          }
        }
      }
      for (const args of [['--format', 'text'], ['--format', 'text', '--handover', '--lang', 'en']]) {
        expect(plainTextProblems(cmd('export', id, ...args).stdout)).toEqual([]);
      }
    });
  }

  it('V1: the note cites no law of a branch not taken (the child is not foreign: no Brussels II b, no Hague convention)', () => {
    const note = cmd('export', run('V1').id).stdout;
    expect(note).not.toMatch(/2019\/1111|Haagkonvention/);
    const refs = note.slice(note.indexOf('## Lagrum'));
    const laws = [...refs.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]);
    expect(new Set(laws).size).toBe(laws.length);
    expect(refs.split('**Att verifiera**').length - 1).toBeLessThanOrEqual(1);
  });

  it('V2: the note keeps the weighing about the police and the home-country consent; the handover the coordinator', () => {
    const note = cmd('export', run('V2').id).stdout;
    expect(note).toContain('Rumänien');
    expect(note).toContain('Hon är i säkerhet, ingen annan känd i akut fara');
    expect(note).toContain('Telefontolk nr 2207');
    const handover = flat(cmd('export', run('V2').id, '--handover').stdout);
    expect(handover).toMatch(/### \d+\. [^#]*samordnare[^#]*Agera senast 2026-12-07/);
  });

  it('V3: the guardian (god man) application and the Migration Agency are in the handover', () => {
    const handover = flat(cmd('export', run('V3').id, '--handover').stdout);
    expect(handover).toMatch(/god man/i);
    expect(handover).toMatch(/Migrationsverket/);
  });
});
