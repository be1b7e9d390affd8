// The pure walk: events in, state out. No disk beyond reading the fixture routine, no terminal.
import { describe, expect, it } from 'vitest';
import { deriveChecklist } from '../src/engine/checklist.js';
import { remainingFrom } from '../src/engine/progress.js';
import { apply, initialState, previousInput, replay, type WalkState } from '../src/engine/walk.js';
import type { SessionEvent, Started } from '../src/core/events.js';
import { summarize } from '../src/session/list.js';
import { routineFromFile } from './helpers/load-routine.js';

const r = routineFromFile('tests/fixtures/walk/alla-typer.yaml', { today: '2026-12-01' });

const started: Started = {
  t: 'started', v: 1, at: '2026-12-03T01:40:00Z', session: 'aaaaaaaaaa', routine: { id: r.id, version: r.version, hash: r.hash },
  case_ref: 'K-1', worker: 'AB', practice: false, lang: 'sv', tool_version: 'test',
};
const at = (min: number) => new Date(Date.parse(started.at) + min * 60_000).toISOString();
type Value = Extract<SessionEvent, { t: 'answered' }>['value'];
const answer = (node: string, value: Value, m = 1): SessionEvent => ({ t: 'answered', at: at(m), node, value });

function walk(events: SessionEvent[], from: WalkState = initialState(r, started)): WalkState {
  return events.reduce((s, e) => {
    const res = apply(r, s, e);
    if (!res.ok) throw new Error(`refused ${JSON.stringify(e)}: ${JSON.stringify(res.error)}`);
    return res.state;
  }, from);
}

const items = (s: WalkState) => deriveChecklist(r, s, '2026-12-03').map((e) => e.item.id);
const nodes = (s: WalkState) => s.path.map((v) => v.node);

const toTecken = [answer('fara', 'yes'), answer('plats', 'hotell'), answer('alder', 15)];
const decision = (over: Partial<Extract<SessionEvent, { t: 'decided' }>> = {}): SessionEvent => ({
  t: 'decided', at: at(30), node: 'omh', decided_by: 'Ordförande NN', ground: 'beteende',
  decided_at: '2026-12-03T03:15:00+01:00', carried_out_at: null, fields: {}, ...over,
});
const toOmh: SessionEvent[] = [
  ...toTecken,
  answer('tecken', ['kontroll']),
  answer('tid', '2026-12-03T02:30:00+01:00'),
  answer('sprak', null),
  { t: 'recorded', at: at(20), node: 'polis', fields: { kontakt: 'Vakthavande', ringt: '2026-12-03T02:50:00+01:00', diarienummer: null } },
];

describe('walking a routine', () => {
  it('follows conditions on earlier answers: under 18 goes on, 18 ends as an adult', () => {
    expect(walk([answer('fara', 'no'), answer('plats', 'bil'), answer('alder', 17)]).current).toBe('tecken');
    const adult = walk([answer('fara', 'no'), answer('plats', 'bil'), answer('alder', 18)]);
    expect(adult.current).toBeNull();
    expect(adult.outcome).toBe('vuxen-slut');
  });

  it('puts checklist items on the list from answers and from branches', () => {
    const s = walk([...toTecken, answer('tecken', ['pengar', 'kontroll'])]);
    expect(items(s)).toEqual(['ring-112', 'anmal-mh']);
    expect(items(walk([answer('fara', 'no'), answer('plats', 'bil'), answer('alder', 15), answer('tecken', ['pengar'])]))).toEqual([]);
  });

  it('going back truncates the path, keeps the abandoned answers as superseded and offers them as defaults', () => {
    const s = walk([...toTecken, answer('tecken', ['kontroll']), { t: 'went_back', at: at(5), node: 'plats' }]);
    expect(nodes(s)).toEqual(['fara']);
    expect(s.current).toBe('plats');
    expect(s.superseded.map((v) => v.node)).toEqual(['plats', 'alder', 'tecken']);
    expect(previousInput(s, 'alder')).toMatchObject({ value: 15 });
    expect(items(s)).toEqual(['ring-112']); // anmal-mh came from the abandoned branch
  });

  it('a changed earlier answer recomputes the path: the child branch is dropped for an adult', () => {
    const s = walk([...toOmh, { t: 'went_back', at: at(25), node: 'alder' }, answer('alder', 40, 26)]);
    expect(s.outcome).toBe('vuxen-slut');
    expect(nodes(s)).toEqual(['fara', 'plats', 'alder', 'vuxen-slut']);
    expect(items(s)).toEqual(['ring-112']);
    expect(s.superseded.some((v) => v.node === 'polis')).toBe(true);
  });

  it('records a decision with ground and times; the deadline counts from the decision', () => {
    const s = walk([...toOmh, decision()]);
    expect(s.current).toBe('klart');
    const understall = deriveChecklist(r, s, '2026-12-03').find((e) => e.item.id === 'understall');
    expect(understall?.deadline).toMatchObject({ from: '2026-12-03T03:15:00+01:00', nominal: '2026-12-10' });
  });

  it('refuses a decision without a decider, with an unknown ground, or with a time that is not a time', () => {
    const before = walk(toOmh);
    expect(apply(r, before, decision({ decided_by: ' ' }))).toMatchObject({ ok: false, error: { kind: 'required', field: 'decided_by' } });
    expect(apply(r, before, decision({ ground: 'lvu-9' }))).toMatchObject({ ok: false, error: { kind: 'not-an-option', field: 'ground' } });
    expect(apply(r, before, decision({ decided_at: 'igår' }))).toMatchObject({ ok: false, error: { kind: 'not-a-time' } });
    expect(apply(r, before, decision({ carried_out_at: '2026-12-03T04:00:00+01:00' })).ok).toBe(true);
  });

  it('refuses an answer to a node that is not the current one, and a wrong type', () => {
    const s = initialState(r, started);
    expect(apply(r, s, answer('alder', 15))).toMatchObject({ ok: false, error: { kind: 'not-current' } });
    expect(apply(r, s, answer('fara', 'kanske'))).toMatchObject({ ok: false, error: { kind: 'not-an-option' } });
    const atAge = walk([answer('fara', 'no'), answer('plats', 'bil')]);
    expect(apply(r, atAge, answer('alder', 150))).toMatchObject({ ok: false, error: { kind: 'out-of-range' } });
  });

  it('keeps notes in order, where they were taken, also across going back', () => {
    const s = walk([
      answer('fara', 'yes'),
      { t: 'noted', at: at(2), node: 'plats', text: 'Polisen på plats' },
      answer('plats', 'bil'),
      { t: 'went_back', at: at(4), node: 'fara' },
      { t: 'noted', at: at(5), node: 'fara', text: 'Ingen fara längre' },
    ]);
    expect(s.notes.map((n) => [n.node, n.text])).toEqual([['plats', 'Polisen på plats'], ['fara', 'Ingen fara längre']]);
    expect(s.path).toEqual([]);
  });

  it('replays a log to the same state, and reports events the routine does not accept instead of throwing', () => {
    const events: SessionEvent[] = [started, ...toTecken, answer('finns-inte', 'x'), answer('tecken', ['telefon'])];
    const res = replay(r, events);
    expect(res?.rejected).toEqual([{ index: 4, error: expect.objectContaining({ kind: 'not-current' }) }]);
    expect(nodes(res?.state as WalkState)).toEqual(['fara', 'plats', 'alder', 'tecken']);
  });

  it('counts the fewest steps left to an end, given the answers so far', () => {
    const s0 = initialState(r, started);
    expect(remainingFrom(r, s0)).toBe(3); // fara, plats, alder, then the adult end
    expect(remainingFrom(r, { ...s0, current: null })).toBe(0);
  });
});

describe('the state of a session read from its log alone', () => {
  const log = (...ts: string[]) => [started, ...ts.map((t, i) => ({ t, at: at(i + 1) }))] as never[];
  it('is paused until resumed, finished until someone goes back, and active otherwise', () => {
    expect(summarize('aaaaaaaaaa', log('answered'), '')?.state).toBe('active');
    expect(summarize('aaaaaaaaaa', log('answered', 'paused'), '')?.state).toBe('paused');
    expect(summarize('aaaaaaaaaa', log('paused', 'resumed'), '')?.state).toBe('active');
    expect(summarize('aaaaaaaaaa', log('finished'), '')?.state).toBe('finished');
    expect(summarize('aaaaaaaaaa', log('finished', 'went_back'), '')?.state).toBe('active');
    expect(summarize('aaaaaaaaaa', log('answered', 'finished'), '')).toMatchObject({ last_activity: at(2), case_ref: 'K-1' });
  });
});
