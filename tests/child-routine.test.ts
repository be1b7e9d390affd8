// The child routine's safety content (issue 13), beyond what the scenario files can say: the order
// of the acute path, wording, and that no item on a path contradicts the decisions on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runAnswers } from '../src/engine/answers.js';
import { deriveChecklist } from '../src/engine/checklist.js';
import { ROOT } from './helpers/cli.js';
import { registryRoutine, started } from './helpers/session-fixture.js';

const routine = registryRoutine('barn-utnyttjande');
const scenarios = (parse(readFileSync(join(ROOT, 'routines', 'scenarios', 'barn-utnyttjande.yaml'), 'utf8')) as {
  scenarios: { name: string; at: string; answers: Record<string, unknown> }[];
}).scenarios;
const scenario = (prefix: string) => {
  const s = scenarios.find((x) => x.name.startsWith(prefix));
  if (!s) throw new Error(`no scenario ${prefix}`);
  return s;
};

function walk(prefix: string) {
  const s = scenario(prefix);
  const run = runAnswers(routine, s.answers as never, started(routine, { at: s.at }), () => ({ file: 'x', line: 1, col: 1 }));
  expect(run.diagnostics).toEqual([]);
  const items = deriveChecklist(routine, run.state, s.at.slice(0, 10));
  return { path: run.state.path.map((v) => v.node), items: items.map((e) => ({ id: e.item.id, sv: e.item.text.sv, en: e.item.text.en })) };
}

const FILES = ['barn-utnyttjande.yaml', 'modules/omhandertagande.yaml', 'modules/hemmet.yaml', 'modules/hemland.yaml', 'modules/indikatorer.yaml', 'modules/tolk.yaml'].map((f) => ({
  f,
  text: readFileSync(join(ROOT, 'routines', f), 'utf8'),
}));

describe('child routine: tonight first', () => {
  it('with police on site and custody needed, the call to the on-call decision-maker is within 12 prompts', () => {
    const { path } = walk('V1 ');
    const at = path.indexOf('omh.beslutsfattare');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at + 1).toBeLessThanOrEqual(12);
  });

  it('health within 72 hours is asked right after immediate danger and age', () => {
    const { path } = walk('V1 ');
    expect(path.slice(0, 4)).toEqual(['akut-fara', 'alder', 'alder-osaker', 'halsa-72']);
    const acute = walk('Vårdnadshavare misstänks').path;
    expect(acute.slice(0, 5)).toEqual(['akut-fara', 'akut-atgard', 'alder', 'alder-osaker', 'halsa-72']);
  });

  it('tonight (protection, custody, police, placement, urgent health) comes before the documentation', () => {
    const { path } = walk('V1 ');
    // Issue 9: the call to the on-call decision-maker comes before the child's recorded account;
    // consent (1 § LVU) is weighed in the custody question itself.
    const order = ['skyddsbedomning', 'omh.beslutsfattare', 'barnets-rost', 'polis.barn-anmalan', 'placering', 'halsa', 'orosanmalan', 'indikatorer.tecken', 'overlamning'];
    const idx = order.map((n) => path.indexOf(n));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('the 72-hour item is for tonight and names PEP, emergency contraception, forensic evidence before washing, and the police', () => {
    const item = routine.checklist.get('halsa-72-natt');
    expect(item?.urgency).toBe('now');
    expect(item?.text.sv).toMatch(/I natt/);
    for (const w of ['hiv', 'akut p-piller', 'rättsmedicinsk', 'tvättar sig', 'polisen']) expect(item?.text.sv).toContain(w);
  });
});

describe('child routine: never two opposite instructions', () => {
  it('a suspected guardian: nothing tells the night shift to contact or inform them before the police', () => {
    const { items, path } = walk('Vårdnadshavare misstänks');
    expect(path).not.toContain('hemmet.kontakt-vh');
    const texts = items.map((i) => i.sv);
    expect(texts.filter((t) => /Underrätta barnet och vårdnadshavarna|Kontakta vårdnadshavarna/.test(t))).toEqual([]);
    expect(items.find((i) => i.id === 'omh-underratta-barn')?.sv).toMatch(/först när polisen har samrått/);
    expect(items.find((i) => i.id === 'sarskild-foretradare')?.sv).toContain('1999:997');
  });

  it('unknown involvement waits for the police like a suspicion, and unknown guardians get an identity item', () => {
    const { items, path } = walk('Oklart vilka');
    expect(path).toContain('hemmet.vanta-vh');
    expect(path).not.toContain('hemmet.kontakt-vh');
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['vh-misstankta', 'vh-identitet']));
    expect(items.find((i) => i.id === 'vh-identitet')?.sv).toMatch(/Skatteverket.*Migrationsverket.*barnets egen berättelse/);
  });

  it('home-country contact weighed away: no item asks for contact with the home country, an embassy or a consulate', () => {
    const { items } = walk('Hemlandskontakt vägs bort');
    const asking = items.filter((i) => i.id !== 'hemland-avvakta' && /ambassad|konsulat|hemlandets myndigheter|via UD|nya handlingar/i.test(i.sv));
    expect(asking).toEqual([]);
    expect(items.map((i) => i.id)).toContain('ind-dokument');
  });

  it('home is not offered as a placement where a guardian is suspected or the home is the place of exploitation, and the reason is given', () => {
    const options = (id: string) => {
      const n = routine.nodes.get(id);
      return n?.kind === 'question' ? (n.options ?? []).map((o) => o.id) : [];
    };
    expect(options('placering')).toContain('hemma');
    expect(options('placering-skydd')).not.toContain('hemma');
    expect(routine.nodes.get('placering-skydd')?.help?.sv).toMatch(/Hemma hos vårdnadshavarna erbjuds inte: .*misstänks.*platsen för utnyttjandet/);
    for (const id of ['placering', 'placering-skydd']) expect(options(id)).toContain('sis');
  });

  it('online exploitation with the child safe at home: evidence kept, guardians as allies, no custody or placement', () => {
    const { items, path } = walk('Utnyttjande på nätet, barnet tryggt');
    expect(path.filter((n) => n.startsWith('omh.') || n.startsWith('placering'))).toEqual([]);
    expect(items.find((i) => i.id === 'natet-bevis-polis')?.sv).toMatch(/radera inget.*skicka inga bilder vidare.*polisen/);
  });

  it('a child already cared for under LVU who ran away: no 6 § decision, no 7 § or 8 § deadlines, 43 § assistance', () => {
    const { items, path } = walk('Barn som redan vårdas');
    expect(path.filter((n) => n.startsWith('omh.'))).toEqual([]);
    const refs = items.flatMap((i) => routine.checklist.get(i.id)?.refs ?? []);
    expect(refs).not.toContain('lvu-7');
    expect(refs).not.toContain('lvu-8');
    expect(refs).toContain('lvu-43');
    expect(refs).toContain('lvu-12');
  });

  it('every child case ends with a dated item for the district on the next working day, whatever the branch', () => {
    for (const s of scenarios.filter((x) => !x.name.startsWith('Säkert vuxen'))) {
      const { items } = walk(s.name);
      expect(items.map((i) => i.id), s.name).toContain('stadsdel-tar-over');
      expect(routine.checklist.get('stadsdel-tar-over')?.due).toMatchObject({ next_working_day: true });
    }
  });
});

describe('child routine: law and language', () => {
  it('the 6 § decision records its reasons for both conditions; rights to counsel and appeal; 14 § reviewed every three months', () => {
    const beslut = routine.nodes.get('omh.beslut');
    expect(beslut?.kind === 'decision' ? (beslut.record ?? []).map((f) => f.id) : []).toEqual(['skal-vard', 'skal-bradskande']);
    expect(routine.checklist.get('omh-rattigheter')?.refs).toEqual(['lvu-39', 'lvu-41']);
    expect(routine.checklist.get('omh-14-omprova')?.text.sv).toContain('minst var tredje månad');
    expect(routine.checklist.get('omh-14-omprova')?.due).toMatchObject({ months: 3 });
    expect(routine.checklist.get('inled-utredning')?.text.sv).toContain('genast');
  });

  it('the child is heard, alone where possible, and from 15 on their own consent (1 § LVU)', () => {
    const n = routine.nodes.get('barnets-rost');
    expect(n?.refs).toContain('lvu-1');
    expect(n?.kind === 'step' ? (n.record ?? []).map((f) => f.id) : []).toEqual(['ensam', 'syn', 'samtycke']);
  });

  it('references are used where they apply: no Vienna 37 b on the safety question, no 2005:429 on the Migration Agency, Hague art. 11/32/34', () => {
    expect(routine.nodes.get('hemland.skydd')?.refs).not.toContain('wien-37b');
    expect(routine.checklist.get('hemland-avvakta')?.refs).not.toContain('wien-37b');
    expect(routine.nodes.get('migrationsverket')?.refs).not.toContain('lag-2005-429');
    expect(routine.checklist.get('hemland-haag-informera')?.text.sv).toContain('art. 11');
    expect(routine.checklist.get('hemland-haag-rapport')?.text.sv).toMatch(/art\. 34 och 32/);
    expect(routine.nodes.get('hemland.haag')?.help?.sv).toMatch(/Art\. 36 gäller ett barn .* flyttar/);
  });

  it('Swedish as the social services write it, in the child routine and its modules', () => {
    expect(routine.title.sv).toBe('Barn som kan vara utsatt för människohandel eller sexuell exploatering');
    for (const { f, text } of FILES) {
      expect(text, f).not.toMatch(/utnyttjat i prostitution/);
      expect(text, f).not.toMatch(/[Bb]arn i människohandel/);
      expect(text, f).not.toMatch(/lita inte på/);
      expect(text, f).not.toMatch(/Skicka hellre nästa arbetsdag/);
      expect(text, f).not.toMatch(/sv: "?[^",\n]*[Ss]creening/);
      expect(text, f).not.toMatch(/[a-zåäö,] (Måndag|Tisdag|Onsdag|Torsdag|Fredag|Lördag|Söndag)/);
    }
    expect(routine.checklist.get('omh-7-underst')?.help?.sv).toContain('räkna inte med');
  });
});
