// "Fyll i senare": which fields may wait, how the log records it, how the walk, the note and a
// resumed session see it. Pure: the engine and the renderers, no terminal.
import { describe, expect, it } from 'vitest';
import { deferredFields, isDeferrable, laterNext, mayAdd, notLater, type Deferred } from '../src/engine/later.js';
import { remainingFrom } from '../src/engine/progress.js';
import { apply, initialState, replay, type WalkState } from '../src/engine/walk.js';
import { answerText } from '../src/render/answer-text.js';
import { renderNote } from '../src/render/note.js';
import type { CNode } from '../src/core/model.js';
import type { SessionEvent, Started } from '../src/core/events.js';
import { lintMarkdown } from './helpers/md-lint.js';
import { bundledReferences, routineFromFile } from './helpers/load-routine.js';

const load = (file: string) => routineFromFile(file, { today: '2026-12-01' });
const r = load('tests/fixtures/walk/alla-typer.yaml');
const node = (id: string) => r.nodes.get(id) as CNode;
const at = '2026-12-03T02:10:00.000Z';
const started: Started = {
  t: 'started', v: 1, at, session: 's', routine: { id: r.id, version: 1, hash: r.hash }, case_ref: 'K', worker: 'AB', practice: false, lang: 'sv', tool_version: 't',
};

function walk(events: SessionEvent[], from: WalkState = initialState(r, started)): WalkState {
  let s = from;
  for (const e of events) {
    const res = apply(r, s, e);
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    s = res.state;
  }
  return s;
}

const toPolis: SessionEvent[] = [
  { t: 'answered', at, node: 'fara', value: 'no' },
  { t: 'answered', at, node: 'plats', value: 'bil' },
  { t: 'answered', at, node: 'alder', value: 15 },
  { t: 'answered', at, node: 'tecken', value: ['pengar'] },
  { t: 'answered', at, node: 'tid', value: at },
  { t: 'answered', at, node: 'sprak', value: null },
];
const deferred: SessionEvent = { t: 'recorded', at, node: 'polis', fields: { kontakt: null, ringt: at, diarienummer: null }, later: ['kontakt', 'diarienummer'] };

describe('which fields may be left for later', () => {
  it('a recorded field nothing reads may wait; a question, or a field a deadline reads, may not', () => {
    expect(isDeferrable(r, node('polis'), 'kontakt')).toBe(true);
    expect(isDeferrable(r, node('polis'), 'diarienummer')).toBe(true);
    expect(isDeferrable(r, node('alder'), 'alder')).toBe(false);
    expect(isDeferrable(r, node('omh'), 'decided_at')).toBe(false);
  });

  it('in the child routine the time a deadline counts from is never deferrable, the reporter is', () => {
    const barn = routineFromFile('routines/barn-utnyttjande.yaml', { references: bundledReferences(), today: '2026-12-01' });
    const read = [...barn.checklist.values()].flatMap((i) => (i.dueFrom ? [i.dueFrom] : []));
    expect(read.length).toBeGreaterThan(0);
    for (const ref of read) {
      const dot = ref.lastIndexOf('.');
      const n = barn.nodes.get(ref.slice(0, dot));
      if (n) expect(isDeferrable(barn, n, ref.slice(dot + 1))).toBe(false);
    }
  });
});

describe('deferring and completing', () => {
  it('a deferred field is recorded as empty and listed; the walk goes on as if answered', () => {
    const s = walk([...toPolis, deferred]);
    expect(s.current).toBe('omh');
    expect(deferredFields(r, s).map((d) => `${d.node}.${d.field?.id}`)).toEqual(['polis.kontakt', 'polis.diarienummer']);
    expect(answerText(node('polis'), s.path.at(-1)?.input, 'sv')).toContain('Vem kontaktades: (fyll i senare)');
  });

  it('a field a branch or a deadline reads, or one marked later: false, is refused; so is a deferred field with a value', () => {
    const f = load('tests/fixtures/walk/fyll-senare.yaml');
    const samtal = f.nodes.get('samtal') as CNode;
    expect(['nadd', 'tid', 'vem', 'vittne'].map((id) => isDeferrable(f, samtal, id))).toEqual([false, false, true, false]);
    const s0 = initialState(f, { ...started, routine: { id: f.id, version: 1, hash: f.hash } });
    const rec = (later: string[]): SessionEvent => ({
      t: 'recorded', at, node: 'samtal', later, fields: { nadd: 'yes', tid: at, vem: 'Mamma', vittne: 'AB', ...Object.fromEntries(later.map((k) => [k, null])) },
    });
    for (const field of ['nadd', 'tid', 'vittne']) expect(apply(f, s0, rec([field]))).toMatchObject({ ok: false, error: { kind: 'not-deferrable', field } });
    expect(apply(f, s0, rec(['vem']))).toMatchObject({ ok: true });
    const s = walk(toPolis);
    const valued = apply(r, s, { ...deferred, fields: { kontakt: 'A', ringt: at, diarienummer: null } });
    expect(valued).toMatchObject({ ok: false, error: { kind: 'not-deferrable', field: 'kontakt' } });
  });

  it('completing fills the field in place, without going back, and a field not deferred cannot be completed', () => {
    const s = walk([...toPolis, deferred]);
    const done = walk([{ t: 'completed', at, node: 'polis', fields: { kontakt: 'Vakthavande befäl' } }], s);
    expect(done.current).toBe('omh');
    expect(done.path.length).toBe(s.path.length);
    expect(deferredFields(r, done).map((d) => d.field?.id)).toEqual(['diarienummer']);
    expect(answerText(node('polis'), done.path.at(-1)?.input, 'sv')).toContain('Vem kontaktades: Vakthavande befäl');
    expect(apply(r, done, { t: 'completed', at, node: 'polis', fields: { ringt: at } })).toMatchObject({ ok: false, error: { kind: 'not-deferred' } });
    // A question answered at once was not left for later either.
    expect(apply(r, done, { t: 'completed', at, node: 'alder', fields: {}, value: 16 })).toMatchObject({ ok: false, error: { kind: 'not-deferred' } });
    expect(apply(r, done, { t: 'completed', at, node: 'ingen-sadan', fields: {} })).toMatchObject({ ok: false, error: { kind: 'not-on-path' } });
    // A required field cannot be "completed" with nothing.
    expect(apply(r, s, { t: 'completed', at, node: 'polis', fields: { kontakt: '' } })).toMatchObject({ ok: false, error: { kind: 'required' } });
  });

  it('going back drops what was deferred on the abandoned path; an old log without `later` replays', () => {
    const s = walk([...toPolis, deferred, { t: 'went_back', at, node: 'polis' }]);
    expect(deferredFields(r, s)).toEqual([]);
    const old = replay(r, [started, ...toPolis, { t: 'recorded', at, node: 'polis', fields: { kontakt: 'A', ringt: at, diarienummer: null } }]);
    expect(old?.rejected).toEqual([]);
    expect(old && deferredFields(r, old.state)).toEqual([]);
  });

  it('the note lists what is still to be completed, and once filled in, when it was filled in', () => {
    const s = walk([...toPolis, deferred]);
    const note = renderNote(r, s, [], 'sv');
    expect(note).toContain('## Att komplettera');
    // One line per node, its fields together.
    expect(note).toContain('- [ ] Kontakta polisen: Vem kontaktades; Diarienummer');
    const filled = walk([{ t: 'completed', at, node: 'polis', fields: { kontakt: 'A', diarienummer: '5000-1' } }], s);
    expect(lintMarkdown(note)).toEqual([]);
    const after = renderNote(r, filled, [], 'sv');
    expect(lintMarkdown(after)).toEqual([]);
    expect(after).not.toContain('- [ ]');
    expect(after).toContain('Ifyllt i efterhand:');
    expect(after).toContain('- Kontakta polisen: Vem kontaktades (2026-12-03 03:10)');
  });
});

describe('progress', () => {
  it('does not count a route the answers already rule out', () => {
    // At "tecken" for a 15-year-old the adult end is out of reach: the count is the child path.
    const s = walk(toPolis.slice(0, 3));
    expect(s.current).toBe('tecken');
    const left = remainingFrom(r, s);
    // tecken, tid, sprak, polis, omh, klart, then the end
    expect(left).toBe(6);
    // Each answer lowers the count by at most one.
    let prev = left;
    let cur = s;
    for (const e of toPolis.slice(3)) {
      cur = walk([e], cur);
      const now = remainingFrom(r, cur);
      expect(now).toBeGreaterThanOrEqual(prev - 1);
      prev = now;
    }
  });

  it('in the child routine the count never promises fewer steps than are left (15-year-old, custody)', () => {
    const barn = routineFromFile('routines/barn-utnyttjande.yaml', { references: bundledReferences(), today: '2026-12-01' });
    const want: Record<string, string | number> = { 'akut-fara': 'no', alder: 15, 'alder-osaker': 'no', behov: 'yes', bradskande: 'yes', utfall: 'omh' };
    let s = initialState(barn, { ...started, routine: { id: barn.id, version: 1, hash: barn.hash } });
    const counts: number[] = [];
    for (let guard = 0; s.current !== null && guard < 200; guard++) {
      counts.push(remainingFrom(barn, s));
      const n = barn.nodes.get(s.current) as CNode;
      const w = want[n.id.split('.').pop() as string];
      const fields = (n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : []).map((f) => [f.id, f.type === 'datetime' ? at : f.type === 'number' ? 1 : f.type === 'yesno' ? 'no' : 'x']);
      const e: SessionEvent =
        n.kind === 'question'
          ? { t: 'answered', at, node: n.id, value: w ?? (n.type === 'yesno' ? 'no' : n.type === 'choice' ? (n.options?.[0]?.id ?? '') : n.type === 'multi' ? [n.options?.[0]?.id ?? ''] : n.type === 'number' ? 1 : n.type === 'datetime' ? at : 'x') }
          : n.kind === 'step'
            ? { t: 'recorded', at, node: n.id, fields: Object.fromEntries(fields) }
            : { t: 'decided', at, node: n.id, decided_by: 'NN', ground: n.kind === 'decision' && n.grounds ? (n.grounds[0]?.id ?? null) : null, decided_at: at, carried_out_at: null, fields: Object.fromEntries(fields) };
      const res = apply(barn, s, e);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      s = res.state;
    }
    expect(s.outcome).toBe('slut-omh');
    // Answered nodes left after step k, plus the end: the count at step k may not promise fewer.
    counts.forEach((c, k) => expect(c, `step ${k + 1}`).toBeLessThanOrEqual(counts.length - k));
    // And it never rises by more than the answers can explain: no "1 left" followed by "20 left".
    expect(Math.min(...counts.slice(0, -1))).toBeGreaterThan(1);
  });
});

describe('questions and read fields that may wait', () => {
  const barn = routineFromFile('routines/barn-utnyttjande.yaml', { references: bundledReferences(), today: '2026-12-01' });
  const bnode = (id: string) => barn.nodes.get(id) as CNode;
  const bstart: Started = { ...started, routine: { id: barn.id, version: barn.version, hash: barn.hash } };
  const bwalk = (events: SessionEvent[]) => {
    let s = initialState(barn, bstart);
    for (const e of events) {
      const res = apply(barn, s, e);
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      s = res.state;
    }
    return s;
  };
  const aged = (age: number) => bwalk([{ t: 'answered', at, node: 'akut-fara', value: 'no' }, { t: 'answered', at, node: 'alder', value: age }]);

  it('"is the age uncertain?" may wait for a 15-year-old, not for a 19-year-old, whom "no" sends to an adult routine', () => {
    expect(laterNext(barn, bnode('alder-osaker'), aged(15).path)).toBe('halsa-72');
    expect(laterNext(barn, bnode('alder-osaker'), aged(19).path)).toBeUndefined();
    const refused = apply(barn, aged(19), { t: 'answered', at, node: 'alder-osaker', value: null, later: true });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'not-deferrable' } });
  });

  it('nothing that chooses the way, that a deadline needs or from which an item to do now follows may wait', () => {
    expect(notLater(barn, bnode('akut-fara'))).toMatchObject({ kind: 'now-item' });
    expect(notLater(barn, bnode('halsa-72'))).toMatchObject({ kind: 'now-item' });
    expect(notLater(barn, bnode('skyddsbedomning'), 'sakert')).toMatchObject({ kind: 'routes' });
    expect(notLater(barn, bnode('halsa'), 'akut')).toMatchObject({ kind: 'now-item' });
    expect(notLater(barn, bnode('orosanmalan'), 'mottagen')).toMatchObject({ kind: 'deadline' });
    expect(notLater(barn, bnode('omh.beslut'), 'decided_at')).toMatchObject({ kind: 'decision-record' });
    // Routing questions pass the routine-wide test; their own answers are then tried one by one.
    expect(laterNext(barn, bnode('arende'), aged(15).path)).toBeUndefined();
    // Read only by its own branch, which adds an item for the district: it may wait.
    expect(isDeferrable(barn, bnode('barnets-rost'), 'ensam')).toBe(true);
  });

  it('filling in a question left for later adds its items in place; the path stays; a wrong answer is refused', () => {
    const waiting = bwalk([
      { t: 'answered', at, node: 'akut-fara', value: 'no' },
      { t: 'answered', at, node: 'alder', value: 15 },
      { t: 'answered', at, node: 'alder-osaker', value: null, later: true },
      { t: 'answered', at, node: 'halsa-72', value: 'nej' },
    ]);
    expect(waiting.current).toBe('arende');
    const d = deferredFields(barn, waiting);
    expect(d).toEqual([{ node: 'alder-osaker', at }]);
    expect(mayAdd(barn, waiting, d[0] as Deferred).map((i) => i.id)).toEqual(['alder-som-barn']);
    expect(apply(barn, waiting, { t: 'completed', at, node: 'alder-osaker', fields: {}, value: 'kanske' })).toMatchObject({ ok: false, error: { kind: 'not-an-option' } });
    expect(apply(barn, waiting, { t: 'completed', at, node: 'alder-osaker', fields: {} })).toMatchObject({ ok: false, error: { kind: 'required' } });
    const res = apply(barn, waiting, { t: 'completed', at, node: 'alder-osaker', fields: {}, value: 'yes' });
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    expect(res.state.path.map((v) => v.node)).toEqual(waiting.path.map((v) => v.node));
    expect(res.state.current).toBe('arende');
    expect(res.state.path.flatMap((v) => v.items)).toContain('alder-som-barn');
    expect(deferredFields(barn, res.state)).toEqual([]);
    // A second completion of the same question is refused: it no longer waits.
    expect(apply(barn, res.state, { t: 'completed', at, node: 'alder-osaker', fields: {}, value: 'no' })).toMatchObject({ ok: false, error: { kind: 'not-deferred' } });
  });

  it('a field a branch reads waits unknown: the item it may add is neither added nor lost', () => {
    const s = walk([...toPolis.slice(0, 3), { t: 'answered', at, node: 'tecken', value: null, later: true }]);
    expect(s.path.flatMap((v) => v.items)).not.toContain('anmal-mh');
    const note = renderNote(r, s, [], 'sv');
    expect(note).toContain('Vilka tecken på utnyttjande finns? (fyll i senare)');
    expect(note).toContain('- [ ] Vilka tecken på utnyttjande finns? (kan lägga till: Anmäl misstänkt människohandel)');
    expect(lintMarkdown(note)).toEqual([]);
    const filled = walk([{ t: 'completed', at, node: 'tecken', fields: {}, value: ['kontroll'] }], s);
    expect(filled.path.flatMap((v) => v.items)).toContain('anmal-mh');
  });
});
