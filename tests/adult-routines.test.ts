// The bundled adult routines, as a caseworker and a reviewer would read them: what must happen
// tonight comes before documentation, the police module follows 10 kap. 23 § OSL (one year in the
// minimum scale, not human exploitation of the normal degree), the reflection period comes before
// the police for someone without a permit, and the Swedish reads as the social services write it.
// Presence and absence of checklist items per answer are in routines/scenarios/vuxen-*.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { replay } from '../src/engine/walk.js';
import type { CompiledRoutine } from '../src/core/model.js';
import { ROOT } from './helpers/cli.js';
import { registryRoutine, walkEvents } from './helpers/session-fixture.js';

interface Text {
  sv: string;
  en: string;
}
interface Scenario {
  name: string;
  at: string;
  answers: Record<string, unknown>;
  expect?: { outcome?: string };
}

const ADULT = ['vuxen-manniskohandel', 'vuxen-sex-mot-ersattning'] as const;
/** The files this area owns: texts elsewhere (shared modules) are checked by their own tests. */
const OWN_FILES = [...ADULT.map((id) => `routines/${id}.yaml`), 'routines/modules/polis.yaml'];

const routines = new Map<string, CompiledRoutine>(ADULT.map((id) => [id, registryRoutine(id)]));
const routine = (id: string) => routines.get(id) as CompiledRoutine;

function scenarios(id: string): Scenario[] {
  const doc = parse(readFileSync(join(ROOT, 'routines', 'scenarios', `${id}.yaml`), 'utf8')) as { scenarios: Scenario[] };
  return doc.scenarios;
}

function pathOf(r: CompiledRoutine, sc: Scenario): string[] {
  const res = replay(r, walkEvents(r, sc.answers, { at: sc.at }));
  if (!res) throw new Error(`no walk for ${sc.name}`);
  return res.state.path.map((v) => v.node);
}

function isText(v: unknown): v is Text {
  return typeof v === 'object' && v !== null && typeof (v as Text).sv === 'string' && typeof (v as Text).en === 'string';
}

function textsIn(v: unknown, out: Text[]): Text[] {
  if (isText(v)) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => textsIn(x, out));
  else if (typeof v === 'object' && v !== null) Object.entries(v).forEach(([k, x]) => k !== 'pos' && textsIn(x, out));
  return out;
}

/** Every sv/en text of the adult routines that comes from the files this area owns. */
function ownTexts(): Text[] {
  const out: Text[] = [];
  for (const r of routines.values()) {
    out.push(r.title, r.description);
    const own = (file: string) => OWN_FILES.some((f) => file.endsWith(f));
    for (const n of r.nodes.values()) if (own(n.pos.file)) textsIn(n, out);
    for (const i of r.checklist.values()) if (own(i.pos.file)) textsIn(i, out);
  }
  return out;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');
const helpOf = (r: CompiledRoutine, id: string) => {
  const n = r.nodes.get(id);
  if (!n || !('help' in n) || !n.help) throw new Error(`${r.id}: ${id} has no help`);
  return { sv: flat(n.help.sv), en: flat(n.help.en) };
};

describe('act first: what must happen tonight comes before documentation', () => {
  const ORDER: Record<(typeof ADULT)[number], string[]> = {
    // 72-hour health, safety tonight, children, housing, residence, police; then screening, home country.
    'vuxen-manniskohandel': ['alder', 'exponering', 'riskbedomning', 'barn', 'boende', 'medborgarskap', 'polis.redan', 'indikatorer.tecken', 'hemland.land', 'overlamning'],
    // The screening decides which routine and what may be told to the police, so it comes before them.
    'vuxen-sex-mot-ersattning': ['alder', 'exponering', 'situation', 'barn', 'indikatorer.tecken', 'polis.redan', 'stod', 'overlamning'],
  };
  for (const id of ADULT) {
    it(`${id}: every scenario that goes on past the age passes the tonight questions first, in order`, () => {
      let checked = 0;
      for (const sc of scenarios(id).filter((s) => s.expect?.outcome !== 'slut-barnrutin')) {
        const path = pathOf(routine(id), sc);
        const seen = ORDER[id].filter((n) => path.includes(n)).map((n) => path.indexOf(n));
        expect(seen, sc.name).toEqual([...seen].sort((a, b) => a - b));
        // The health question comes right after age and the interpreter, before anything else is asked.
        const afterInterpreter = path.findIndex((n) => !['akut-fara', 'akut-atgard', 'alder'].includes(n) && !n.startsWith('tolk.'));
        expect(path[afterInterpreter], sc.name).toBe('exponering');
        checked++;
      }
      expect(checked).toBeGreaterThan(3);
    });
  }

  it('the 72-hour item is for tonight: PEP, emergency contraception, evidence before washing, with the police', () => {
    for (const r of routines.values()) {
      const item = r.checklist.get('akut-vard-72h');
      expect(item?.urgency).toBe('now');
      expect(item?.owner).toBe('emergency_service');
      expect(item?.text.sv).toMatch(/^I natt: .*hiv-profylax \(PEP\).*akut p-piller.*spårsäkring innan personen tvättar sig eller byter kläder.*samordnat med polisen/);
      expect(item?.text.en).toMatch(/^Tonight: .*PEP.*emergency contraception.*forensic evidence before .*washes or changes clothes.*police/);
    }
  });
});

describe('the police module and 10 kap. 23 § OSL', () => {
  it('without consent, both adult paths ask whether the crime has a one-year minimum before any weighing', () => {
    for (const r of routines.values()) {
      const q = r.nodes.get('polis.brott-ett-ar');
      expect(q?.kind).toBe('question');
      if (q?.kind !== 'question') continue;
      const label = (id: string) => flat(q.options?.find((o) => o.id === id)?.label.sv ?? '');
      expect(label('ja')).toContain('grov människoexploatering');
      expect(label('ja')).toContain('rån');
      expect(label('nej')).toContain('människoexploatering av normalgraden');
      expect(q.help?.sv).toMatch(/Människoexploatering\s+av normalgraden \(högst 4 år\)[^.]*omfattas inte/);
    }
  });

  it('no adult text says that human exploitation of the normal degree may be told without consent', () => {
    const osl = routine('vuxen-manniskohandel').references.get('osl-10-23');
    expect(flat(osl?.note?.sv ?? '')).toMatch(/Omfattar inte människoexploatering av normalgraden/);
    for (const t of ownTexts()) expect(t.sv).not.toMatch(/människoexploatering[^.]*\b(omfattas|får lämnas)\b(?! inte)/i);
  });

  it('the child routine keeps its own police path: no adult node is compiled into it', () => {
    const child = registryRoutine('barn-utnyttjande');
    expect(child.nodes.has('polis.barn-anmalan')).toBe(true);
    for (const id of ['polis.mh-samtycke', 'polis.samtycke', 'polis.brott-ett-ar', 'polis.mh-avvagning', 'polis.samrad-anonymt']) {
      expect(child.nodes.has(id), id).toBe(false);
    }
  });
});

describe('no residence permit: the reflection period before the police', () => {
  it('the residence question comes before the police, and the steps that lead to the police warn of detention', () => {
    const r = routine('vuxen-manniskohandel');
    for (const id of ['medborgarskap', 'betanketid', 'polis.mh-samtycke', 'polis.mh-avvagning']) {
      const h = helpOf(r, id);
      expect(h.sv, id).toMatch(/inre utlänningskontroll eller förvar/);
      expect(h.en, id).toMatch(/immigration check or detention/);
    }
    expect(helpOf(r, 'betanketid').sv).toMatch(/ansök om betänketid först, eller samordnat med polisen/);
    expect(r.checklist.get('betanketid-ansokan')?.text.sv).toMatch(/före eller samordnat med kontakten med polisen/);
    expect(helpOf(routine('vuxen-sex-mot-ersattning'), 'polis.samtycke').sv).toMatch(/förvar/);
  });
});

describe('an adult victim with children', () => {
  for (const id of ADULT) {
    it(`${id}: asks where the children are, and the items say tonight, housing with the parent, a report per child`, () => {
      const r = routine(id);
      const q = r.nodes.get('barn');
      expect(q?.kind === 'question' && q.options?.map((o) => o.id)).toEqual(['inga', 'med', 'annanstans', 'okant']);
      expect(r.checklist.get('barn-orosanmalan')?.text.sv).toBe('Gör en orosanmälan för varje barn till barnenheten i den stadsdel där barnet bor');
      expect(r.checklist.get('barn-boende-med-foralder')?.text.sv).toContain('tar emot barnen tillsammans med föräldern');
      expect(r.checklist.get('barn-skydd-i-natt')?.urgency).toBe('now');
      expect(r.checklist.get('barn-orosanmalan')?.refs).toContain('sol-anmalan');
    });
  }
});

describe('Swedish as the social services write it, and grammatical English', () => {
  const texts = ownTexts();

  it('titles say "utsatt för" rather than "utnyttjad i prostitution"', () => {
    expect(routine('vuxen-manniskohandel').title.sv).toBe('Vuxen som kan vara utsatt för människohandel eller människoexploatering');
    expect(routine('vuxen-sex-mot-ersattning').title.sv).toContain('utsatt för sexuell exploatering');
    for (const t of texts) expect(t.sv).not.toMatch(/utnyttja(d|t|de)? i prostitution/i);
  });

  it('no anglicisms or phrasings the reviewer named', () => {
    expect(texts.length).toBeGreaterThan(100);
    for (const t of texts) {
      expect(t.sv).not.toMatch(/\bagera på\b/i);
      expect(t.sv).not.toMatch(/lita inte på det/i);
      expect(t.sv).not.toMatch(/skicka hellre nästa arbetsdag/i);
      // Weekday names are lower case in Swedish except at the start of a sentence.
      expect(t.sv).not.toMatch(/[^.!?:]\s(Måndag|Tisdag|Onsdag|Torsdag|Fredag|Lördag|Söndag)/);
      expect(t.en).not.toMatch(/\ba licensed housing\b/i);
    }
    expect(routine('vuxen-sex-mot-ersattning').nodes.get('resultat')).toMatchObject({ step: { sv: 'Gå vidare utifrån vad screeningen visar' } });
    expect(helpOf(routine('vuxen-manniskohandel'), 'skyddat-boende').en).toMatch(/^Choose licensed housing/);
  });
});
