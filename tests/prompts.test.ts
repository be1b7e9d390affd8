// The prompt adapters under @inquirer/testing: what the caseworker sees, what each key does, and
// what answer reaches the engine.
import { search } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import type { CNode } from '../src/core/model.js';
import { carriedOutSpec, decidedAtSpec, fieldSpec, questionSpec } from '../src/ui/node-prompts.js';
import { caseRefSpec, confirmSpec, routineSpec } from '../src/ui/pickers.js';
import { keyedCheckbox, keyedInput, keyedSelect } from '../src/ui/keyed-prompts.js';
import { selectSpec, type Spec, type Ui } from '../src/ui/prompts.js';
import { routineFromFile } from './helpers/load-routine.js';

const r = routineFromFile('tests/fixtures/walk/alla-typer.yaml', { today: '2026-12-01' });
const q = (id: string) => r.nodes.get(id) as Extract<CNode, { kind: 'question' }>;
// 03:10 in Sweden on a December night.
const sv: Ui = { lang: 'sv', c: new Chalk({ level: 0 }), now: () => new Date('2026-12-03T02:10:00Z') };
const en: Ui = { ...sv, lang: 'en' };

// A prompt a test leaves unanswered would stay open until the worker exits, and then reject with
// ExitPromptError outside any test. Each is cancelled after its test, and its rejection taken here.
const open = new Set<{ cancel(): void; settled: Promise<unknown> }>();
afterEach(async () => {
  const left = [...open];
  open.clear();
  for (const p of left) p.cancel();
  await Promise.all(left.map((p) => p.settled));
});

async function show<T>(spec: Spec<T>) {
  const run = async <C, V>(prompt: (c: C) => Promise<V>, config: C, parse: (v: V) => T) => {
    const rendered = await render(prompt as never, config as never);
    const raw = rendered.answer as Promise<V> & { cancel(): void };
    const answer = raw.then(parse);
    const entry = { cancel: () => raw.cancel(), settled: answer.then(() => undefined, () => undefined) };
    open.add(entry);
    void entry.settled.then(() => open.delete(entry));
    return { ...rendered, answer };
  };
  switch (spec.kind) {
    case 'select':
      return run(keyedSelect, spec.config, spec.parse);
    case 'checkbox':
      return run(keyedCheckbox, spec.config, spec.parse);
    case 'input':
      return run(keyedInput, spec.config, spec.parse);
    case 'search':
      return run(search<string>, spec.config, spec.parse);
  }
}

describe('question prompts', () => {
  it('yes/no is a list with Ja/Nej, the command keys in the hint line, arrows and enter choose', async () => {
    const p = await show(questionSpec(sv, q('fara')));
    const screen = p.getScreen();
    expect(screen).toContain('Är någon i akut fara?');
    expect(screen).toMatch(/❯ Ja\n\s+Nej/);
    expect(screen).toContain('↑↓ flytta • ⏎ välj • ? hjälp • < tillbaka • + anteckning • p paus');
    expect(screen).not.toContain('fyll i senare'); // a question's answer chooses the path: never deferred
    p.events.keypress('down');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: 'no' });
  });

  it('preselects the earlier answer after going back', async () => {
    const p = await show(questionSpec(sv, q('fara'), 'no'));
    expect(p.getScreen()).toMatch(/❯ Nej/);
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: 'no' });
  });

  it('each command is one key press in a choice, without Enter', async () => {
    for (const [key, cmd] of [['?', 'help'], ['<', 'back'], ['+', 'note'], ['p', 'pause']] as const) {
      const p = await show(questionSpec(sv, q('plats')));
      p.events.type(key);
      await expect(p.answer).resolves.toEqual({ kind: 'cmd', cmd });
    }
  });

  it('shows the help of the option under the cursor', async () => {
    const p = await show(questionSpec(sv, q('plats')));
    p.events.keypress('down');
    expect(p.getScreen()).toContain('Kontakta hotellets säkerhet.');
  });

  it('multiple choice: space ticks, enter with nothing ticked asks for one, a ticked command runs it', async () => {
    const p = await show(questionSpec(sv, q('tecken')));
    p.events.keypress('enter');
    await p.nextRender();
    expect(p.getScreen()).toContain('välj minst ett alternativ');
    p.events.keypress('space');
    p.events.keypress('down');
    p.events.keypress('down');
    p.events.keypress('space');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: ['pengar', 'kontroll'] });

    const c = await show(questionSpec(sv, q('tecken'), ['telefon']));
    // The hint line wraps between hints at the 80 columns of the test screen.
    expect(c.getScreen()).toMatch(/mellanslag välj • ⏎ klar • \? hjälp • < tillbaka • \+ anteckning\s+p paus/);
    c.events.type('?');
    // The tick on "telefon" comes back with the command, to be offered again after the help.
    await expect(c.answer).resolves.toEqual({ kind: 'cmd', cmd: 'help', draft: ['telefon'] });
  });

  it('numbers: refuses text and values out of range, accepts a decimal comma', async () => {
    const p = await show(questionSpec(sv, q('alder')));
    p.events.type('femton');
    p.events.keypress('enter');
    await p.nextRender();
    expect(p.getScreen()).toContain('ange ett tal');
    for (let i = 0; i < 6; i++) p.events.keypress('backspace');
    p.events.type('130');
    p.events.keypress('enter');
    await p.nextRender();
    expect(p.getScreen()).toContain('talet ska vara mellan 0 och 120');
    for (let i = 0; i < 3; i++) p.events.keypress('backspace');
    p.events.type('15,5');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: 15.5 });
  });

  it('in a number field ? < + p act as the first key; in free text p pauses only alone with Enter', async () => {
    for (const [typed, cmd] of [['?', 'help'], ['<', 'back'], ['+', 'note'], ['p', 'pause']] as const) {
      const p = await show(questionSpec(sv, q('alder')));
      p.events.type(typed);
      await expect(p.answer).resolves.toEqual({ kind: 'cmd', cmd });
    }
    const text = await show(questionSpec(sv, q('sprak')));
    expect(text.getScreen()).toContain('? hjälp • < tillbaka • + anteckning • p⏎ paus');
    text.events.type('polska');
    text.events.keypress('enter');
    await expect(text.answer).resolves.toEqual({ kind: 'value', value: 'polska' });
    const alone = await show(questionSpec(sv, q('sprak')));
    alone.events.type('p');
    alone.events.keypress('enter');
    await expect(alone.answer).resolves.toEqual({ kind: 'cmd', cmd: 'pause' });
  });

  it('date-times default to now in local time and accept "nu" and Swedish formats', async () => {
    const p = await show(questionSpec(sv, q('tid')));
    expect(p.getScreen()).toContain('(2026-12-03 03:10)');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: '2026-12-03T03:10:00+01:00' });
    const typed = await show(questionSpec(sv, q('tid')));
    typed.events.type('2/12 23.45');
    typed.events.keypress('enter');
    await expect(typed.answer).resolves.toEqual({ kind: 'value', value: '2026-12-02T23:45:00+01:00' });
    const now = await show(questionSpec(sv, q('tid')));
    now.events.type('nu');
    now.events.keypress('enter');
    await expect(now.answer).resolves.toEqual({ kind: 'value', value: '2026-12-03T02:10:00.000Z' });
    const bad = await show(questionSpec(sv, q('tid')));
    bad.events.type('i natt');
    bad.events.keypress('enter');
    await bad.nextRender();
    expect(bad.getScreen()).toContain('ange en tidpunkt');
  });

  it('an optional text may be left empty with "-"', async () => {
    const p = await show(questionSpec(sv, q('sprak')));
    expect(p.getScreen()).toContain('(valfritt, - lämnar tomt)');
    p.events.type('-');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: null });
  });
});

describe('wrapping to the terminal width', () => {
  const long = 'Kan rättens beslut inte avvaktas (risk för hälsa eller utveckling, eller utredningen försvåras allvarligt)?';
  it.each([60, 44])('at %i columns the message, the options and the hint line break between words only', async (width) => {
    const spec = selectSpec(sv, long, [{ value: 'a', name: 'Skyddat boende eller annan placering med hemlig adress' }, { value: 'b', name: 'Nej' }], undefined, (v) => v);
    const p = await show({ ...spec, config: { ...spec.config, width } } as typeof spec);
    const lines = p.getScreen().split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(width);
    const flat = lines.join(' ').replace(/\s+/g, ' ');
    expect(flat).toContain(long);
    expect(flat).toContain('Skyddat boende eller annan placering med hemlig adress');
    expect(flat).toMatch(/\? hjälp • < tillbaka( •)? \+ anteckning( •)? p paus/); // a break between hints drops the dot
    p.events.keypress('enter');
    await p.answer;
    const done = p.getScreen().split('\n');
    for (const l of done) expect(l.length, l).toBeLessThanOrEqual(width);
    expect(done.join(' ').replace(/\s+/g, ' ')).toContain('placering med hemlig adress');
  });
});

describe('step and decision prompts', () => {
  const polis = r.nodes.get('polis') as Extract<CNode, { kind: 'step' }>;
  it('a required field cannot be left empty; the earlier value is the default', async () => {
    const field = polis.record?.[0];
    if (!field) throw new Error('fixture');
    const p = await show(fieldSpec(sv, field));
    p.events.keypress('enter');
    await p.nextRender();
    expect(p.getScreen()).toContain('fyll i ett värde');
    const again = await show(fieldSpec(sv, field, 'Vakthavande'));
    expect(again.getScreen()).toContain('(Vakthavande)');
    again.events.keypress('enter');
    await expect(again.answer).resolves.toEqual({ kind: 'value', value: 'Vakthavande' });
  });

  it('the decision time may not lie in the future; "-" leaves the execution time open', async () => {
    const p = await show(decidedAtSpec(sv));
    p.events.type('2026-12-03 23:50');
    p.events.keypress('enter');
    await p.nextRender();
    expect(p.getScreen()).toContain('tor 3 dec 23:50 ligger fram i tiden');
    const c = await show(carriedOutSpec(sv));
    expect(c.getScreen()).toContain('(2026-12-03 03:10)');
    c.events.type('-');
    c.events.keypress('enter');
    await expect(c.answer).resolves.toEqual({ kind: 'value', value: null });
  });
});

describe('times as the caseworker means them', () => {
  it('a time without date is the most recent one, echoed with weekday and date before it is saved', async () => {
    // Typed at 03:10: 23:50 was yesterday evening, not tonight.
    const p = await show(decidedAtSpec(sv));
    p.events.type('23:50');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: '2026-12-02T23:50:00+01:00' });
    expect(p.getScreen()).toContain('23:50 → ons 2 dec 23:50');
  });

  it('refuses a carried-out time before the decision time, naming both', async () => {
    const c = await show(carriedOutSpec(sv, undefined, '2026-12-02T23:50:00+01:00'));
    c.events.type('23:40');
    c.events.keypress('enter');
    await c.nextRender();
    expect(c.getScreen()).toContain('Tiden (ons 2 dec 23:40) kan inte vara före beslutstiden (ons 2 dec 23:50)');
    const ok = await show(carriedOutSpec(sv, undefined, '2026-12-02T23:50:00+01:00'));
    ok.events.type('00:05');
    ok.events.keypress('enter');
    await expect(ok.answer).resolves.toEqual({ kind: 'value', value: '2026-12-03T00:05:00+01:00' });
  });

  it('refuses the spring gap with the reason and asks which of the two autumn times was meant', async () => {
    const spring: Ui = { ...sv, now: () => new Date('2026-03-29T08:00:00Z') };
    const gap = await show(decidedAtSpec(spring));
    gap.events.type('02:30');
    gap.events.keypress('enter');
    await gap.nextRender();
    expect(gap.getScreen()).toContain('2026-03-29 02:30 finns inte: klockan ställdes fram från 02:00 till 03:00');
    const autumn: Ui = { ...sv, now: () => new Date('2026-10-25T08:00:00Z') };
    const twice = await show(decidedAtSpec(autumn));
    twice.events.type('02:30');
    twice.events.keypress('enter');
    await twice.nextRender();
    expect(twice.getScreen()).toContain('inträffade två gånger');
    const chosen = await show(decidedAtSpec(autumn));
    chosen.events.type('02:30 vintertid');
    chosen.events.keypress('enter');
    await expect(chosen.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:30:00+01:00' });
  });
});

describe('case reference', () => {
  it('refuses a personal identity number with one sentence, and takes the journal number', async () => {
    const p = await show(caseRefSpec(sv));
    p.events.type('19121212-1212');
    p.events.keypress('enter');
    await p.nextRender();
    expect(p.getScreen()).toContain('Det ser ut som ett personnummer eller samordningsnummer: skriv journalnumret i stället');
    const ok = await show(caseRefSpec(sv));
    ok.events.type('SN 2026/0815');
    ok.events.keypress('enter');
    await expect(ok.answer).resolves.toBe('SN 2026/0815');
  });
});

describe('pickers', () => {
  it('finds a routine by words of its English title too', async () => {
    const p = await show(routineSpec(sv, [r]));
    p.events.type('every question');
    await p.nextRender();
    expect(p.getScreen()).toContain('Testrutin med alla frågetyper (alla-typer, v1)');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toBe('alla-typer');
  });

  it('a confirmation defaults to no, in English too', async () => {
    const p = await show(confirmSpec(en, 'Delete?'));
    expect(p.getScreen()).toContain('↑↓ move • ⏎ select');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toBe(false);
  });
});
