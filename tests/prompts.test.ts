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

  it('refuses the spring gap with the reason', async () => {
    const spring: Ui = { ...sv, now: () => new Date('2026-03-29T08:00:00Z') };
    const gap = await show(decidedAtSpec(spring));
    gap.events.type('02:30');
    gap.events.keypress('enter');
    await gap.nextRender();
    expect(gap.getScreen()).toContain('2026-03-29 02:30 finns inte: klockan ställdes fram från 02:00 till 03:00');
  });

  // 09:00 on the morning after the clocks went back: 02:30 was shown twice in the night.
  const autumn: Ui = { ...sv, now: () => new Date('2026-10-25T08:00:00Z') };

  it('asks which of the two autumn times was meant, each with its date, and saves the chosen one with its offset', async () => {
    const twice = await show(decidedAtSpec(autumn));
    twice.events.type('02:30');
    twice.events.keypress('enter');
    const asked = twice.getScreen();
    expect(asked).toContain('\n02:30 fanns två gånger när klockan ställdes tillbaka. Vilken menar du?\n');
    expect(asked).toMatch(/❯ 02:30 sommartid \(\+02:00, den första\) → sön 25 okt 02:30\n {2}02:30 vintertid \(\+01:00, den andra\) → sön 25 okt 02:30\n/);
    expect(asked).toContain('↑↓ flytta • ⏎ välj • < ändra tiden');
    expect(asked).not.toContain('+02:00" (den första'); // the refusal an answers file gets
    twice.events.keypress('down');
    twice.events.keypress('enter');
    await expect(twice.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:30:00+01:00' });
    expect(twice.getScreen()).toContain('När fattades beslutet? 02:30 → sön 25 okt 02:30 vintertid (+01:00)');

    const first = await show(fieldSpec({ ...autumn, lang: 'en' }, { id: 'larm', label: { sv: 'Larm', en: 'Alarm' }, type: 'datetime' }));
    first.events.type('2026-10-25 02:05');
    first.events.keypress('enter');
    expect(first.getScreen()).toContain('❯ 02:05 summer time (+02:00, the first) → Sun 25 Oct 02:05');
    first.events.type('2'); // a digit moves to that answer, as in a list
    first.events.type('1');
    first.events.keypress('enter');
    await expect(first.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:05:00+02:00' });
    expect(first.getScreen()).toContain('Alarm 2026-10-25 02:05 → Sun 25 Oct 02:05 summer time (+02:00)');
  });

  it('in the autumn choice ? + p are commands at one key press, shown in the hint line in either language', async () => {
    for (const [key, cmd] of [['?', 'help'], ['+', 'note'], ['p', 'pause']] as const) {
      const p = await show(decidedAtSpec({ ...autumn, lang: 'en' }));
      p.events.type('02:30');
      p.events.keypress('enter');
      expect(p.getScreen()).toContain('↑↓ move • ⏎ select • < change the time • ? help • + note • p pause');
      p.events.type(key);
      await expect(p.answer).resolves.toEqual({ kind: 'cmd', cmd });
      expect(p.getScreen()).not.toContain('02:30'); // nothing was chosen
    }
  });

  it('goes back to the typed time with <, and takes the offset or the season typed after it without asking', async () => {
    const p = await show(decidedAtSpec(autumn));
    p.events.type('02:30');
    p.events.keypress('enter');
    expect(p.getScreen()).toContain('Vilken menar du?');
    p.events.type('<');
    expect(p.getScreen()).not.toContain('Vilken menar du?');
    p.events.type(' sommartid');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:30:00+02:00' });
    expect(p.getScreen()).toContain('02:30 sommartid → sön 25 okt 02:30 sommartid (+02:00)');
    for (const [typed, value] of [['02:30 +01:00', '2026-10-25T02:30:00+01:00'], ['02:30 vintertid', '2026-10-25T02:30:00+01:00'], ['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+02:00']]) {
      const q = await show(decidedAtSpec(autumn));
      q.events.type(typed as string);
      q.events.keypress('enter');
      await expect(q.answer).resolves.toEqual({ kind: 'value', value });
    }
  });

  it('does not ask when only one of the two can be meant: not yet happened, or before the decision', async () => {
    // 02:40 the second time: the default is now, and Enter takes it as it is, without a question.
    const second: Ui = { ...sv, now: () => new Date('2026-10-25T01:40:00Z') };
    const p = await show(decidedAtSpec(second));
    expect(p.getScreen()).toContain('(2026-10-25 02:40 vintertid)');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:40:00+01:00' });
    // Decided at 02:50 summer time: carried out "02:30" is the second 02:30, said in the echo.
    const c = await show(carriedOutSpec(autumn, undefined, '2026-10-25T02:50:00+02:00'));
    c.events.type('02:30');
    c.events.keypress('enter');
    await expect(c.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:30:00+01:00' });
    expect(c.getScreen()).toContain('02:30 → sön 25 okt 02:30 vintertid (+01:00)');
    // Decided at 02:50 winter time: neither 02:30 can be meant.
    const late = await show(carriedOutSpec(autumn, undefined, '2026-10-25T02:50:00+01:00'));
    late.events.type('02:30');
    late.events.keypress('enter');
    await late.nextRender();
    expect(late.getScreen()).toContain('Tiden (sön 25 okt 02:30) kan inte vara före beslutstiden (sön 25 okt 02:50)');
  });

  it('offers a saved time of the repeated hour as the one it was', async () => {
    const p = await show(decidedAtSpec(autumn, '2026-10-25T02:30:00+02:00'));
    expect(p.getScreen()).toContain('(2026-10-25 02:30 sommartid)');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:30:00+02:00' });
    const e = await show(decidedAtSpec({ ...autumn, lang: 'en' }, '2026-10-25T01:30:00Z'));
    expect(e.getScreen()).toContain('(2026-10-25 02:30 winter time)');
    e.events.keypress('enter');
    await expect(e.answer).resolves.toEqual({ kind: 'value', value: '2026-10-25T02:30:00+01:00' });
    expect(e.getScreen()).toContain('→ Sun 25 Oct 02:30 winter time (+01:00)');
  });
});

describe('case reference', () => {
  it('refuses a personal identity number with one sentence, and takes the journal number', async () => {
    const p = await show(caseRefSpec(sv));
    p.events.type('19121212-1212');
    p.events.keypress('enter');
    await p.nextRender();
    // Wrapped to the width between words (refusals are wrapped like every other line).
    expect(p.getScreen().replace(/\s+/g, ' ')).toContain('Det ser ut som ett personnummer eller samordningsnummer: skriv journalnumret i stället');
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
