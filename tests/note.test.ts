// The note renderer without a disk or a CLI: whatever a caseworker types (answers, notes, names,
// reasons) cannot break the document's structure or make markdownlint complain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveChecklist } from '../src/engine/checklist.js';
import { replay } from '../src/engine/walk.js';
import { renderHandover } from '../src/render/handover.js';
import { inline, text } from '../src/render/markdown.js';
import { renderNote } from '../src/render/note.js';
import type { SessionEvent } from '../src/core/events.js';
import { micromark } from 'micromark';
import { lintMarkdown } from './helpers/md-lint.js';
import { plainTextProblems } from './helpers/plain-text.js';
import { noteEvents, provRoutine, unfinishedEvents } from './helpers/note-session.js';

const f = provRoutine();

function render(events: SessionEvent[], lang: 'sv' | 'en' = 'sv') {
  const res = replay(f.routine, events);
  if (!res || res.rejected.length) throw new Error('fixture rejected');
  const entries = deriveChecklist(f.routine, res.state, '2026-12-03');
  return { note: renderNote(f.routine, res.state, entries, lang), handover: renderHandover(f.routine, res.state, entries, lang) };
}

/** The session of the fixtures with user-typed text replaced by `s` everywhere it can appear. */
function withText(s: string, base = noteEvents(f)): SessionEvent[] {
  return base.map((e) => {
    switch (e.t) {
      case 'started':
        return { ...e, case_ref: s, worker: s };
      case 'noted':
        return { ...e, text: s };
      case 'recorded':
        return e.node === 'polis' ? { ...e, fields: { ...e.fields, kontakt: s || 'x', diarienummer: s } } : e;
      case 'decided':
        return { ...e, decided_by: s.trim() || 'x', fields: { placering: s } };
      case 'ticked':
        return { ...e, status: 'na', by: s, reason: s };
      default:
        return e;
    }
  });
}

// Strings made of what Markdown reacts to find the corner cases (":-" under a line makes a table,
// "t@.w" and "www." become links in GFM) far sooner than arbitrary text does.
const markdownish = fc.string({
  unit: fc.constantFrom('#', '-', '*', '_', '`', '|', '<', '>', '[', ']', '(', ')', '!', '\n', ' ', 'a', '1', '.', '~', '&', ';', '\\', '=', '+', ':', '@', 'www.', 'http://', 'x.se', '\t'),
  maxLength: 30,
});

const headings = (doc: string) => doc.split('\n').filter((l) => /^#{1,6} /.test(l));

describe('escaping what the caseworker typed', () => {
  const nasty = [
    '# Rubrik',
    '## inte en rubrik\n---\n===',
    '- listpunkt\n+ plus\n* stjärna\n1. numrerad\n2) också',
    '> citat',
    '*kursiv* **fet** _under_ __dubbel__ ~~struken~~',
    '[länk](http://example.org) ![bild](x.png) [ref]: http://x',
    '<script>alert(1)</script> <b>fet</b> <!-- kommentar -->',
    '`kod` ``` staket ```',
    'https://example.org/sida?a=1&b=2. och mejl nn@example.se.',
    '\ttabb\t och   mellanslag   ',
    'rad ett\n\n\n\nrad två  ',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '&amp; &#169; \\ bakstreck',
    '',
    '    indraget som kod',
    // Found by the property below: an address whose local part starts with punctuation.
    '!#www.@x.se och #a@b.se och .x@y.se',
  ];
  for (const s of nasty) {
    it(`keeps the structure and lints clean: ${JSON.stringify(s).slice(0, 40)}`, () => {
      const plain = render(withText('vanlig text'));
      const { note, handover } = render(withText(s));
      expect(headings(note)).toEqual(headings(plain.note));
      expect(headings(handover)).toEqual(headings(plain.handover));
      expect(lintMarkdown(note)).toEqual([]);
      expect(lintMarkdown(handover)).toEqual([]);
    });
  }

  it('holds for any text (property)', () => {
    const base = { sv: headings(render(withText('x'), 'sv').note).length, en: headings(render(withText('x'), 'en').note).length };
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), markdownish), fc.constantFrom<'sv' | 'en'>('sv', 'en'), (s, lang) => {
        const { note, handover } = render(withText(s), lang);
        expect(lintMarkdown(note)).toEqual([]);
        expect(lintMarkdown(handover)).toEqual([]);
        expect(headings(note).length).toBe(base[lang]);
      }),
      { numRuns: 120 },
    );
  }, 180_000);

  it('escapes only what would change the Markdown, so the pasted journal text stays readable', () => {
    expect(inline('5000-K1234-26, 070-123 45 67; kl. 03:15 (ca)')).toBe('5000-K1234-26, 070-123 45 67; kl. 03:15 (ca)');
    expect(inline('snake_case_id och 2 + 2')).toBe('snake_case_id och 2 + 2');
    expect(inline('# nej')).toBe('\\# nej');
    expect(inline('1. nej')).toBe('1\\. nej');
    expect(inline('<b>')).toBe('\\<b>');
    expect(inline('se https://example.org.')).toBe('se <https://example.org>.');
    expect(text('a\n\n  - b  \n')).toBe('a\n\\- b');
    expect(inline('  ')).toBe('–');
  });
});

/** The text of one `## …` section, up to the next heading of that level. */
function section(doc: string, title: string): string {
  const start = doc.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const next = doc.indexOf('\n## ', start + 3);
  return doc.slice(start, next < 0 ? undefined : next);
}

const count = (doc: string, needle: string) => doc.split(needle).length - 1;

function renderAll(events: SessionEvent[], lang: 'sv' | 'en' = 'sv') {
  const res = replay(f.routine, events);
  if (!res || res.rejected.length) throw new Error('fixture rejected');
  const entries = deriveChecklist(f.routine, res.state, '2026-12-03');
  return {
    state: res.state,
    entries,
    docs: [
      renderNote(f.routine, res.state, entries, lang),
      renderNote(f.routine, res.state, entries, lang, 'text'),
      renderHandover(f.routine, res.state, entries, lang),
      renderHandover(f.routine, res.state, entries, lang, 'text'),
    ],
  };
}

/** The fixture session with the home-country branch taken: a contact with the authority abroad. */
const homeCountryEvents = (): SessionEvent[] =>
  noteEvents(f).flatMap((e): SessionEvent[] =>
    e.t === 'answered' && e.node === 'hemland.utlandsk'
      ? [{ ...e, value: 'yes' }, { t: 'recorded', at: '2026-12-03T04:02:00+01:00', node: 'hemland.kontakt', fields: { myndighet: 'UD, centralmyndigheten', referens: 'UD-2026-77' } }]
      : [e],
  );

describe('the note', () => {
  it('prints withdrawn answers only as a brief change, never as facts', () => {
    const { note } = render(noteEvents(f));
    expect(note).not.toMatch(/\b25\b/);
    expect(note).toContain('ändrat svar från och med "Hur gammal säger personen att hen är?"');
  });

  it('opens with a summary: age, where the child is, the decision, the police report number, the next act-by dates', () => {
    const { note } = render(noteEvents(f));
    expect(note.split('\n').find((l) => l.startsWith('## '))).toBe('## Sammanfattning');
    const summary = section(note, 'Sammanfattning');
    expect(summary).toContain('- **Ålder**: 15');
    expect(summary).toContain('- **Var personen är nu**: Jourhem');
    expect(summary).toContain('- **Beslut**: Ordförande NN beslutade 2026-12-03 03:15 om omedelbart omhändertagande enligt 3 § LVU (eget beteende); verkställt 2026-12-03 03:50. Placering: Jourhem.');
    expect(summary).toContain('- **Polis**: Polisen kontaktades 02:00 (Vakthavande befäl, Polisregion Stockholm). Anmälan gjordes, diarienummer 5000-K1234-26.');
    expect(summary).toContain('  - agera senast 2026-12-10: Underställ beslutet förvaltningsrätten (stadsdelen)');
    expect(summary).toContain('  - agera senast 2026-12-30: Ansök om vård hos förvaltningsrätten (stadsdelen)');
  });

  it('tells the course of events by when things happened; the times answers were typed stay in the record at the end', () => {
    const { note } = render(noteEvents(f), 'en');
    const course = section(note, 'Course of events');
    const at = (s: string) => course.indexOf(s);
    expect(at('02:00 – The police were contacted')).toBeGreaterThan(0);
    expect(at('02:00 – The police')).toBeLessThan(at('03:15 – Ordförande NN decided'));
    expect(at('03:15 – Ordförande NN decided')).toBeLessThan(at('04:00 – Contact the guardian'));
    // The police step was entered at 02:05 and the decision at 03:55: not facts of the case.
    for (const typed of ['02:05', '03:55', '01:42', '01:47']) expect(course).not.toContain(typed);
    const record = section(note, 'Record of entry');
    expect(record).toContain('- 2026-12-03 03:55 – entered: "Immediate custody"');
    expect(record).toContain(`\`${f.routine.hash}\``);
    expect(record).toContain('prov-barn version 3');
    expect(note.trimEnd().endsWith('(AB)')).toBe(true);
  });

  it("reads the routine's sentences, drops an optional part whose field is empty, and falls back to question and answer", () => {
    const { note } = render(unfinishedEvents(f));
    expect(note).toContain('Polisen kontaktades 02:00 (Vakthavande befäl).');
    expect(note).not.toContain('Anmälan gjordes');
    expect(render(noteEvents(f)).note).toContain('Är barnet medborgare i ett annat land? Nej');
  });

  it('cites only the legal references of the path taken, each once, and says "to be verified" once', () => {
    const plain = render(noteEvents(f)).note;
    expect(plain).not.toMatch(/2019\/1111|2022:959/);
    const taken = renderAll(homeCountryEvents()).docs;
    for (const doc of taken.filter((_, i) => i % 2 === 0)) {
      expect(count(section(doc, 'Lagrum som använts'), 'Art. 80 förordning (EU) 2019/1111')).toBe(1);
      expect(count(doc, '**6 § LVU**')).toBe(1);
      expect(count(doc, '**Att verifiera**')).toBe(1);
    }
    const notTaken = renderAll(noteEvents(f)).docs;
    for (const doc of notTaken) expect(doc).not.toMatch(/2019\/1111|2022:959|Art\. 80/);
  });

  it('never shows a not-applicable item as done, in any document or form', () => {
    const { docs } = renderAll(unfinishedEvents(f));
    for (const doc of docs) {
      const lines = doc.split('\n').filter((l) => l.includes('Ring 112'));
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).not.toMatch(/\[x\]|Klart/);
    }
    expect(docs[0]).toContain('- Ej aktuell: Ring 112 (ansvarig: Socialjouren)');
    expect(docs[0]).toContain('  - Ej aktuellt (CD 2026-12-03 03:25): Polisen var redan på plats');
  });

  it('says why each item is there: the answer that put it there and the law', () => {
    const { note } = render(unfinishedEvents(f));
    const checklist = section(note, 'Checklista');
    expect(checklist).toContain('  - Varför: Är barnet eller någon annan i akut fara just nu? Ja');
    expect(checklist).toContain('  - Varför: Är barnet eller någon annan i akut fara just nu? Ja; 20 kap. 2 § SoL (2025:400)');
    expect(checklist).toContain('  - Varför: Omedelbart omhändertagande; 7 § LVU');
  });

  it('keeps the lines of a note of several lines, in Markdown (hard breaks) and in text', () => {
    const { docs } = renderAll(noteEvents(f));
    for (const md of [docs[0], docs[2]] as string[]) {
      const html = micromark(md);
      expect(html).toMatch(/Flickan säger att hon är 15 år; mannen \*greps\* på plats\.<br \/>\s*# Mamman nås/);
    }
    for (const txt of [docs[1], docs[3]] as string[]) {
      const lines = txt.split('\n');
      const i = lines.findIndex((l) => l.includes('Flickan säger'));
      expect(lines[i + 1]?.trim()).toBe('# Mamman nås på 070-123 45 67 <kl 02>');
      expect(lines[i + 2]?.trim()).toBe('- se även https://example.org/rutin.');
    }
  });

  it('the plain-text forms have no Markdown, no line over 80 columns and no trailing space (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), markdownish), fc.constantFrom<'sv' | 'en'>('sv', 'en'), (s, lang) => {
        const res = replay(f.routine, withText(s));
        if (!res) throw new Error('fixture rejected');
        const entries = deriveChecklist(f.routine, res.state, '2026-12-03');
        for (const doc of [renderNote(f.routine, res.state, entries, lang, 'text'), renderHandover(f.routine, res.state, entries, lang, 'text')]) {
          // What the caseworker typed is theirs, character for character: taken out before the
          // check for Markdown, which the tool itself must never add. Width and spaces count as they are.
          const pieces = s.split(/\s+/).filter((x) => x !== '').sort((a, b) => b.length - a.length);
          const cleaned = doc.split('\n').map((l) => pieces.reduce((acc, p) => acc.split(p).join(''), l).trimEnd()).join('\n');
          expect(plainTextProblems(cleaned)).toEqual([]);
          expect(plainTextProblems(doc).filter((p) => /columns|trailing/.test(p))).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
