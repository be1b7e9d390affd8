// Sentence templates (`note:`) and the summary roles, as the routine owner meets them: the checker
// points at a wrong placeholder with file:line:col, and a template fills as documented.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate, parseTemplate } from '../src/routine/template.js';
import { NOTES } from './helpers/session-fixture.js';
import { loadFromFile } from './helpers/load-routine.js';

const file = resolve(join(NOTES, 'bad', 'templates.yaml'));

describe('the checker on sentence templates', () => {
  const res = loadFromFile(file);
  const found = res.diagnostics
    .filter((d) => d.code.startsWith('note-') || d.code === 'number-range')
    .map((d) => `${d.line}:${d.col} ${d.code} ${d.severity}${d.params.name ? ` ${String(d.params.name)}` : ''}`);

  it('reports an unknown placeholder, a bad template, an answer that does not exist and min above max, each where it is', () => {
    expect(found).toEqual([
      '18:21 note-answer error',
      '20:3 number-range error',
      '25:30 note-placeholder error svar',
      '31:49 note-template error',
      '31:105 note-template error',
    ]);
    expect(res.routine).toBeUndefined();
  });

  it('names the placeholders the node has, in the sentence the routine owner reads', () => {
    const d = res.diagnostics.find((x) => x.code === 'note-placeholder');
    expect(d?.params.allowed).toBe('answer, answered_at');
  });

  it('the bundled routines and the fixture routines have no template problems', () => {
    const bundled = loadFromFile('tests/fixtures/notes/routines/prov-barn.yaml');
    expect(bundled.diagnostics.filter((d) => d.code.startsWith('note-') || d.code === 'number-range')).toEqual([]);
  });
});

describe('filling a template', () => {
  const fill = (tpl: string, values: Record<string, string>) => {
    const p = parseTemplate(tpl);
    if (!p.ok) throw new Error(p.problem);
    return fillTemplate(p.parts, (name, format) => values[format ? `${name}:${format}` : name]);
  };

  it('puts in values, drops an optional part whose placeholder is empty, never leaves a hole', () => {
    const tpl = 'Polisen kontaktades {tid:time} ({kontakt}).[ Anmälan gjordes, diarienummer {dnr}.]';
    expect(fill(tpl, { 'tid:time': '03:05', kontakt: 'inspektör på plats, patrull 2113', dnr: '5000-K123456-26' }))
      .toBe('Polisen kontaktades 03:05 (inspektör på plats, patrull 2113). Anmälan gjordes, diarienummer 5000-K123456-26.');
    expect(fill(tpl, { 'tid:time': '03:05', kontakt: 'vakthavande' })).toBe('Polisen kontaktades 03:05 (vakthavande).');
    expect(fill('Vem: {vem}.', {})).toBe('Vem: –.');
  });

  it('an answer typed as a sentence keeps its own full stop, not a second one', () => {
    expect(fill('Barnets syn: {syn}.', { syn: 'Vill inte hem.' })).toBe('Barnets syn: Vill inte hem.');
    expect(fill('Barnets syn: {syn}. Hördes ensamt: {ensam}.', { syn: 'Vill jag?', ensam: 'Ja' })).toBe('Barnets syn: Vill jag? Hördes ensamt: Ja.');
    expect(fill('Ålder: {alder} år.[ Osäker: {osaker}.]', { alder: '15', osaker: 'ja.' })).toBe('Ålder: 15 år. Osäker: ja.');
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['{a', 'a}', '[a', 'a]', '[[a]]', '{A}', '{a:klock}', '{}']) expect(parseTemplate(bad).ok, bad).toBe(false);
  });
});
