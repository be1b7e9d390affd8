// The session the note and handover fixtures are made from: V1-like, with a changed answer, a
// pause, a note with characters Markdown would misread, a decision, two contacts and a tick.
import type { SessionEvent } from '../../src/core/events.js';
import { frozenRoutine, started, type Frozen } from './session-fixture.js';

export function provRoutine(): Frozen {
  return frozenRoutine('routines/prov-barn.yaml', 'references.yaml', ['routines/modules/hemland.yaml']);
}

export function noteEvents(f: Frozen, o: { practice?: boolean } = {}): SessionEvent[] {
  const r = f.routine;
  const at = (hm: string, day = '03') => `2026-12-${day}T${hm}:00+01:00`;
  return [
    started(r, { at: at('01:40'), case_ref: 'Dnr 2026-1234', worker: 'AB', practice: o.practice ?? false }),
    { t: 'answered', at: at('01:42'), node: 'akut-fara', value: 'no' },
    { t: 'answered', at: at('01:44'), node: 'alder', value: 25 },
    { t: 'went_back', at: at('01:46'), node: 'alder' },
    { t: 'answered', at: at('01:47'), node: 'alder', value: 15 },
    {
      t: 'noted', at: at('01:50'), node: 'polis',
      text: 'Flickan säger att hon är 15 år; mannen *greps* på plats.\n# Mamman nås på 070-123 45 67 <kl 02>\n- se även https://example.org/rutin.',
    },
    {
      t: 'recorded', at: at('02:05'), node: 'polis',
      fields: { kontakt: 'Vakthavande befäl, Polisregion Stockholm', diarienummer: '5000-K1234-26', tid: at('02:00') },
    },
    { t: 'paused', at: at('02:10') },
    { t: 'resumed', at: at('02:40'), routine_hash: r.hash },
    {
      t: 'decided', at: at('03:55'), node: 'omh', decided_by: 'Ordförande NN', ground: 'lvu-3',
      decided_at: at('03:15'), carried_out_at: at('03:50'), fields: { placering: 'Jourhem' },
    },
    { t: 'answered', at: at('04:00'), node: 'hemland.utlandsk', value: 'no' },
    { t: 'recorded', at: at('04:05'), node: 'mamma', fields: { vem: 'Mamma', tid: at('04:00') } },
    { t: 'ticked', at: at('04:10'), item: 'lakare', status: 'done', by: 'AB', reason: null },
    { t: 'finished', at: at('04:15') },
  ];
}

/**
 * A session stopped half-way: danger said yes (so "call 112" is on the list, then marked not
 * applicable), custody decided but not yet carried out (the 8 § deadline waits for that time).
 */
export function unfinishedEvents(f: Frozen, o: { practice?: boolean } = {}): SessionEvent[] {
  const r = f.routine;
  const at = (hm: string) => `2026-12-03T${hm}:00+01:00`;
  return [
    started(r, { at: at('01:40'), case_ref: '', worker: 'CD', practice: o.practice ?? false }),
    { t: 'answered', at: at('01:41'), node: 'akut-fara', value: 'yes' },
    { t: 'answered', at: at('01:43'), node: 'alder', value: 15 },
    { t: 'recorded', at: at('02:05'), node: 'polis', fields: { kontakt: 'Vakthavande befäl', diarienummer: null, tid: at('02:00') } },
    {
      t: 'decided', at: at('03:20'), node: 'omh', decided_by: 'Ordförande NN', ground: 'lvu-2',
      decided_at: at('03:15'), carried_out_at: null, fields: {},
    },
    { t: 'ticked', at: at('03:25'), item: 'ring-112', status: 'na', by: 'CD', reason: 'Polisen var redan på plats' },
  ];
}
