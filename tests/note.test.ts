// The note renderer without a disk or a CLI: whatever a caseworker types (answers, notes, names,
// reasons) cannot break the document's structure or make markdownlint complain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveChecklist } from '../src/engine/checklist.js';
import { replay } from '../src/engine/walk.js';
import { renderHandover } from '../src/render/handover.js';
import { inline, text } from '../src/render/markdown.js';
import { renderNote } from '../src/render/note.js';
import type { SessionEvent } from '../src/session/events.js';
import { lintMarkdown } from './helpers/md-lint.js';
import { noteEvents, provRoutine } from './helpers/note-session.js';

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

describe('the note', () => {
  it('prints withdrawn answers only as a brief change, never as facts', () => {
    const { note } = render(noteEvents(f));
    expect(note).not.toMatch(/\b25\b/);
    expect(note).toContain('ändrat svar från och med "Hur gammal säger personen att hen är?"');
  });

  it('holds decisions with who, ground and both times, and contacts with the report number', () => {
    const { note } = render(noteEvents(f), 'en');
    const decisions = note.slice(note.indexOf('## Decisions'), note.indexOf('## Contacts'));
    expect(decisions).toContain('- **Immediate custody** (Section 6 LVU)');
    expect(decisions).toContain('  - Decided by: Ordförande NN');
    expect(decisions).toContain('  - Ground: Section 3 LVU (own behaviour)');
    expect(decisions).toContain('  - Decided at: 2026-12-03 03:15');
    expect(decisions).toContain('  - Carried out at: 2026-12-03 03:50');
    const contacts = note.slice(note.indexOf('## Contacts'), note.indexOf('## Checklist'));
    expect(contacts).toContain('  - Report number: 5000-K1234-26');
  });

  it('a contact made in a module names the module (home-country authorities)', () => {
    const events = noteEvents(f).flatMap((e): SessionEvent[] =>
      e.t === 'answered' && e.node === 'hemland.utlandsk'
        ? [{ ...e, value: 'yes' }, { t: 'recorded', at: '2026-12-03T04:02:00+01:00', node: 'hemland.kontakt', fields: { myndighet: 'UD, centralmyndigheten', referens: 'UD-2026-77' } }]
        : [e],
    );
    const { note } = render(events);
    expect(note).toContain('- **Hemlandets myndigheter: Informera myndigheten i hemlandet via centralmyndigheten** (2026-12-03 04:02; Art. 80 förordning (EU) 2019/1111; Förordning (2022:959) 2 § och förordning (2012:826) 2 §)');
    expect(note).toContain('  - Referens: UD-2026-77');
    expect(note).toContain('- **Förordning (2022:959) 2 § och förordning (2012:826) 2 §**: UD är centralmyndighet (gäller från 2022-08-01)');
  });
});
