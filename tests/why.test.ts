// Why each checklist item is there: the engine records the answers and branches that put it on
// the list (pure), and the renderers say it in words with the law.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveChecklist } from '../src/engine/checklist.js';
import { replay } from '../src/engine/walk.js';
import { whyText } from '../src/render/why-text.js';
import type { SessionEvent } from '../src/core/events.js';
import { NOTES, started } from './helpers/session-fixture.js';
import { routineFromFile } from './helpers/load-routine.js';

const r = routineFromFile(join(NOTES, 'why.yaml'));

function entries(vh: 'yes' | 'no', age: number) {
  const at = '2026-12-03T02:00:00+01:00';
  const events: SessionEvent[] = [
    started(r as never, { at }),
    { t: 'answered', at, node: 'vh', value: vh },
    { t: 'answered', at, node: 'alder', value: age },
    { t: 'recorded', at, node: 'steg', fields: {} },
  ];
  const res = replay(r as never, events);
  if (!res || res.rejected.length) throw new Error('rejected');
  return { state: res.state, list: deriveChecklist(r as never, res.state, '2026-12-03') };
}

describe('why an item is on the checklist', () => {
  it('records the answer, the branch with what it read, and the node that lists the item', () => {
    const { list } = entries('yes', 15);
    const why = Object.fromEntries(list.map((e) => [e.item.id, e.why]));
    expect(why['samrad-polis']).toEqual([
      { node: 'vh', answer: 'yes' },
      { node: 'alder', when: expect.anything(), asked: ['alder', 'vh'] },
    ]);
    expect(why.skydd).toEqual([{ node: 'alder', when: expect.anything(), asked: ['alder', 'vh'] }]);
    expect(why.dokumentera).toEqual([{ node: 'steg' }]);
  });

  it('says it in words, each answer once', () => {
    const { state, list } = entries('yes', 15);
    const text = (id: string, lang: 'sv' | 'en') => whyText(r as never, state.path, list.find((e) => e.item.id === id) as never, lang);
    expect(text('samrad-polis', 'sv')).toBe('Varför: Kan vårdnadshavarna vara inblandade? Ja; Ålder? 15');
    expect(text('skydd', 'en')).toBe('Because: Age? 15; May the guardians be involved? Yes');
    expect(text('dokumentera', 'sv')).toBe('Varför: Dokumentera');
  });

  it('a branch that did not hold gives no reason and no item', () => {
    const { list } = entries('yes', 30);
    expect(list.map((e) => e.item.id).sort()).toEqual(['dokumentera', 'samrad-polis']);
    expect(list.find((e) => e.item.id === 'samrad-polis')?.why).toEqual([{ node: 'vh', answer: 'yes' }]);
  });
});
