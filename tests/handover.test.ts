// The handover the district reads at 08:00: decided, done, and every open item with its owner,
// its deadline and what is important to think about (the item's and its step's help).
import { describe, expect, it } from 'vitest';
import { deriveChecklist } from '../src/engine/checklist.js';
import { replay } from '../src/engine/walk.js';
import { renderHandover } from '../src/render/handover.js';
import type { SessionEvent } from '../src/core/events.js';
import { lintMarkdown } from './helpers/md-lint.js';
import { noteEvents, provRoutine, unfinishedEvents } from './helpers/note-session.js';

const f = provRoutine();

function handover(events: SessionEvent[], lang: 'sv' | 'en' = 'sv'): string {
  const res = replay(f.routine, events);
  if (!res || res.rejected.length) throw new Error('fixture rejected');
  return renderHandover(f.routine, res.state, deriveChecklist(f.routine, res.state, '2026-12-03'), lang);
}

/** The text of one `### n. …` section, up to the next heading. */
function section(doc: string, title: string): string {
  const start = doc.indexOf(title);
  if (start < 0) throw new Error(`no section ${title}`);
  const next = doc.indexOf(title.startsWith('## ') ? '\n## ' : '\n#', start + title.length);
  return doc.slice(start, next < 0 ? undefined : next);
}

describe('handover', () => {
  const doc = handover(noteEvents(f));

  it('lists what remains, earliest "act by" first, each with owner, deadline and why', () => {
    const titles = doc.split('\n').filter((l) => l.startsWith('### '));
    expect(titles).toEqual([
      '### 1. Underställ beslutet förvaltningsrätten',
      '### 2. Besluta om utredning ska inledas',
      '### 3. Ansök om vård hos förvaltningsrätten',
    ]);
    const ansok = section(doc, '### 3.');
    expect(ansok).toContain('- **Ansvarig**: stadsdelen');
    expect(ansok).toContain('  - Agera senast 2026-12-30 (räknat från Omedelbart omhändertagande: Verkställt 2026-12-03 03:50)');
    expect(ansok).toContain('  - Fristens sista dag är 2026-12-31 (Nyårsafton); enligt lag (1930:173) flyttas den till 2027-01-04 – räkna inte med det');
    expect(ansok).toContain('  - **OBS: 8 § LVU gäller bara till 2026-12-31 – kontrollera vad som gäller**');
    expect(ansok).toContain('- Varför: Omedelbart omhändertagande; 8 § LVU');
  });

  it('gives each help paragraph once: an item whose step help was already given points to it', () => {
    const understall = section(doc, '### 1.');
    expect(understall).toContain('**Att tänka på**: Beslutet upphör om det inte underställs inom en vecka från beslutsdagen.');
    expect(understall).toContain('**Från steget "Omedelbart omhändertagande"**: Beslutet fattas av ordföranden eller en utsedd ledamot.');
    expect(section(doc, '### 3.')).toContain('**Från steget "Omedelbart omhändertagande"**: se punkt 1');
    expect(doc.split('Beslutet fattas av ordföranden').length - 1).toBe(1);
    // An item without help of its own still brings its step's.
    expect(section(doc, '### 2.')).toContain('**Från steget "Är barnet eller någon annan i akut fara just nu?"**: Ring 112 innan du går vidare.');
    expect(section(doc, '### 2.')).not.toContain('**Att tänka på**');
  });

  it('carries every answer of the night, the decision and what was done', () => {
    const facts = section(doc, '## Uppgifter från passet');
    expect(facts).toContain('Ingen var i akut fara.');
    expect(facts).toContain('Hur gammal säger personen att hen är? 15');
    expect(facts).toContain('diarienummer 5000-K1234-26');
    expect(facts).toContain('Placering: Jourhem');
    expect(facts).toContain('Är barnet medborgare i ett annat land? Nej');
    expect(facts).toContain('Kontakta vårdnadshavaren: Vem: Mamma');
    const decided = section(doc, '## Beslut');
    expect(decided).toContain('  - Beslutsfattare: Ordförande NN');
    expect(decided).toContain('  - Verkställd: 2026-12-03 03:50');
    expect(section(doc, '## Gjort under passet')).toContain('- Ordna läkarundersökning – Klart: AB 2026-12-03 04:10');
    expect(doc).not.toContain('### 4.');
  });

  it('draws the coming weeks: each act-by day marked with its item, weekends and holidays shaded, 80 columns', () => {
    const cal = section(doc, '## Kalender');
    const lines = cal.split('\n');
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    expect(cal).toMatch(/^v\.50 dec .*\[10\]1/m);
    expect(cal).toMatch(/^v\.51 dec .*\[17\]2/m);
    expect(cal).toMatch(/^v\.53 dec–jan .*\[30\]3 +░31░/m);
    expect(cal).toMatch(/^v\.52 dec .*░24░ +░25░ +░26░ +░27░/m);
    expect(cal).toContain('2026-12-24 Julafton');
    expect(cal).toContain(' 3  2026-12-30  Ansök om vård hos förvaltningsrätten (stadsdelen)');
  });

  it('an unfinished walk names the next step and what to think about there', () => {
    const stopped = unfinishedEvents(f).slice(0, 3); // started, danger yes, age 15: the police step is next
    const out = handover(stopped);
    const unfinished = section(out, '## Rutinen är inte genomgången till slut');
    expect(unfinished).toContain('Nästa steg i rutinen: "Kontakta polisen om brottet mot barnet".');
    expect(unfinished).toContain('**Att tänka på**: Sekretessen hindrar inte en anmälan om brott mot barn');
    // What was to be done "now" and still is not comes first, before any deadline.
    expect(out.split('\n').filter((l) => l.startsWith('### '))).toEqual(['### 1. Ring 112', '### 2. Besluta om utredning ska inledas']);
    expect(lintMarkdown(out)).toEqual([]);
    expect(handover(noteEvents(f))).not.toContain('inte genomgången');
  });

  it('when everything is done it says so, and not-applicable items keep their reason and are never done', () => {
    const res = replay(f.routine, noteEvents(f));
    const all = deriveChecklist(f.routine, res?.state as never, '2026-12-03').map((e) => e.item.id);
    const ticks: SessionEvent[] = all.map((item, i) => ({
      t: 'ticked', at: `2026-12-03T05:0${i}:00+01:00`, item, status: item === 'forhandsbedomning' ? 'na' : 'done', by: 'GH',
      reason: item === 'forhandsbedomning' ? 'Utredning redan inledd' : null,
    }));
    const out = handover([...noteEvents(f), ...ticks], 'en');
    expect(section(out, '## Still to do')).toContain('No open items remain.');
    expect(out).toContain('- Not applicable: Decide whether to open an investigation – Not applicable (GH 2026-12-03 05:02): Utredning redan inledd');
    expect(out).not.toContain('## Calendar');
    expect(lintMarkdown(out)).toEqual([]);
  });

  it('English and Swedish both lint clean', () => {
    expect(lintMarkdown(doc)).toEqual([]);
    expect(lintMarkdown(handover(noteEvents(f), 'en'))).toEqual([]);
  });
});
