// The prompt adapters under @inquirer/testing: what the caseworker sees, what each key does, and
// what answer reaches the engine.
import path from 'node:path';
import { checkbox, input, search, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRoutine } from '../src/routine/load.js';
import type { CNode, CompiledRoutine } from '../src/routine/model.js';
import { readFileSafe } from '../src/routine/registry.js';
import { carriedOutSpec, decidedAtSpec, fieldSpec, questionSpec } from '../src/ui/node-prompts.js';
import { backSpec, confirmSpec, routineSpec } from '../src/ui/pickers.js';
import type { Spec, Ui } from '../src/ui/prompts.js';
import { ROOT } from './helpers/cli.js';

const r = loadRoutine(path.join(ROOT, 'tests/fixtures/walk/alla-typer.yaml'), { readFile: readFileSafe, references: new Map(), today: '2026-12-01' }).routine as CompiledRoutine;
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
      return run(select<string>, spec.config, spec.parse);
    case 'checkbox':
      return run(checkbox<string>, spec.config, spec.parse);
    case 'input':
      return run(input, spec.config, spec.parse);
    case 'search':
      return run(search<string>, spec.config, spec.parse);
  }
}

describe('question prompts', () => {
  it('yes/no is a list with Ja/Nej and the commands, arrows and enter choose', async () => {
    const p = await show(questionSpec(sv, q('fara')));
    const screen = p.getScreen();
    expect(screen).toContain('Är någon i akut fara?');
    expect(screen).toMatch(/❯ Ja\n\s+Nej/);
    for (const c of ['? Hjälp och lagrum', '< Gå tillbaka', '+ Lägg till en anteckning', 'p Pausa']) expect(screen).toContain(c);
    expect(screen).toContain('↑↓ flytta • ⏎ välj');
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

  it('reaches the commands with the arrow keys, or by typing their sign', async () => {
    const p = await show(questionSpec(sv, q('plats')));
    p.events.type('<');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toEqual({ kind: 'cmd', cmd: 'back' });
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
    for (let i = 0; i < 3; i++) c.events.keypress('down'); // past the options (the blank line is skipped): "? Hjälp"
    c.events.keypress('space');
    c.events.keypress('enter');
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

  it('typed commands work in text inputs: ? < + p', async () => {
    for (const [typed, cmd] of [['?', 'help'], ['<', 'back'], ['+', 'note'], ['p', 'pause']] as const) {
      const p = await show(questionSpec(sv, q('alder')));
      p.events.type(typed);
      p.events.keypress('enter');
      await expect(p.answer).resolves.toEqual({ kind: 'cmd', cmd });
    }
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
    p.events.type('23:50');
    p.events.keypress('enter');
    await p.nextRender();
    expect(p.getScreen()).toContain('tiden ligger i framtiden');
    const c = await show(carriedOutSpec(sv));
    expect(c.getScreen()).toContain('(2026-12-03 03:10)');
    c.events.type('-');
    c.events.keypress('enter');
    await expect(c.answer).resolves.toEqual({ kind: 'value', value: null });
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

  it('going back lists the earlier answers latest first, and can be cancelled', async () => {
    const path = [
      { node: 'fara', at: '', items: [], input: { t: 'answered' as const, at: '', node: 'fara', value: 'yes' } },
      { node: 'plats', at: '', items: [], input: { t: 'answered' as const, at: '', node: 'plats', value: 'bil' } },
    ];
    const spec = backSpec(en, r, path);
    if (!spec) throw new Error('expected a list');
    const p = await show(spec);
    expect(p.getScreen()).toMatch(/❯ 2\. Where was the person found\? → Car\n\s+1\. Is anyone in immediate danger\? → Yes\n\s+Cancel/);
    p.events.keypress('down');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toBe('fara');
    expect(backSpec(en, r, [])).toBeUndefined();
  });

  it('a confirmation defaults to no, in English too', async () => {
    const p = await show(confirmSpec(en, 'Delete?'));
    expect(p.getScreen()).toContain('↑↓ move • ⏎ select');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toBe(false);
  });
});
