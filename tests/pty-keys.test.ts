// The keys and the screen in a real pseudo-terminal at 80×24 and 60×20: ? < + p act on one key
// press in a choice, a multiple choice and a text field; `<` goes back one field, then one
// question; `>` leaves documentation for later; "NU" shows as it arises; the contact line names
// the number or says it is missing; and text is wrapped to the width without breaking a word.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSession } from '../src/session/store.js';
import { cli, tempDir } from './helpers/cli.js';
import { KEY, spawnCli, type Term } from './helpers/pty.js';
import { decisionToEnd, finishAndResume } from './helpers/walk-fixture.js';

let data: string;
const terms: Term[] = [];

beforeEach(() => {
  data = tempDir('jr-keys-');
});
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
  fs.rmSync(data, { recursive: true, force: true });
});

/** A sentence wrapped without breaking a word reads whole once line breaks are spaces. */
const reads = (lines: string[], sentence: string) => expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(sentence);

describe.each([
  { cols: 80, rows: 24, contacts: true },
  { cols: 60, rows: 20, contacts: false },
])('at $cols×$rows', ({ cols, rows, contacts }) => {
  it('single keys in a choice, a multiple choice and a text field; back by field then question; later; NU; wrapping', async () => {
    const args = ['--routines', 'tests/fixtures/walk', ...(contacts ? ['--contacts', 'tests/fixtures/walk/contacts.yaml'] : [])];
    const a = spawnCli([...args, 'start', 'alla-typer', '--case', 'K-1', '--worker', 'AB'], { JOUR_ROUTINE_DATA: data, XDG_CONFIG_HOME: data }, { cols, rows });
    terms.push(a);

    // A choice (yes/no): the hint line names the keys; ? and + act at once, no Enter.
    const first = await a.waitFor(/Är någon i akut fara\?[\s\S]*p paus/);
    expect(first).toMatch(/\? hjälp • < tillbaka • \+ anteckning/);
    a.send('?');
    await a.waitFor('Ring 112 först.');
    await a.waitFor('p paus');
    a.send('+');
    await a.waitFor('Anteckning (tom rad avbryter)');
    a.line('Två vuxna i lägenheten');
    await a.waitFor('Anteckningen är sparad.');
    await a.waitFor('p paus');
    a.send(KEY.enter); // Ja
    // The "now" item shows as soon as the answer puts it on the checklist.
    await a.waitFor('NU ▸ Ring 112');

    // `<` in a choice: one question back, the earlier answer preselected.
    await a.waitFor(/Var påträffades personen\?[\s\S]*p paus/);
    a.send('<');
    const back = await a.waitFor(/Tillbaka vid "Är någon i akut fara\?"[\s\S]*?räknas inte\slängre\./);
    for (const line of back.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
    reads(back.split('\n'), 'Det tidigare svaret är förvalt; senare svar finns kvar i loggen men räknas inte längre.');
    await a.waitFor(/❯ Ja[\s\S]*p paus/);
    a.send(KEY.enter);
    await a.waitFor(/Var påträffades personen\?[\s\S]*p paus/);
    a.send(KEY.down);
    a.send(KEY.enter); // Hotell
    await a.waitFor(/Hur gammal är personen\?/);
    a.line('15');

    // A multiple choice: a tick, then ? (help comes back with the tick kept), +, and < (one question back).
    await a.waitFor(/Vilka tecken på utnyttjande finns\?[\s\S]*p paus/);
    a.send(KEY.space);
    await a.waitFor('◉ Mycket kontanter');
    a.send('?');
    await a.waitFor('Ingen hjälptext finns för den här frågan.');
    await a.waitFor(/◉ Mycket kontanter[\s\S]*p paus/);
    a.send('+');
    await a.waitFor('Anteckning (tom rad avbryter)');
    a.send(KEY.enter); // an empty note is no note
    await a.waitFor(/◉ Mycket kontanter[\s\S]*p paus/);
    a.send('<');
    await a.waitFor('Tillbaka vid "Hur gammal är personen?"');
    await a.waitFor('Hur gammal är personen? (15)');
    a.send(KEY.enter);
    await a.waitFor(/Vilka tecken[\s\S]*p paus/);
    a.send(KEY.space);
    a.send(KEY.enter);
    await a.waitFor('När påträffades personen?');
    a.send(KEY.enter);

    // A text field: + and ? act as the first key; p starts a word and is typed.
    await a.waitFor(/Vilket språk talar personen\?[\s\S]*p⏎ paus/);
    a.send('+');
    await a.waitFor('Anteckning (tom rad avbryter)');
    a.send(KEY.enter);
    await a.waitFor(/Vilket språk talar personen\?[\s\S]*p⏎ paus/);
    a.send('?');
    await a.waitFor('Ingen hjälptext finns för den här frågan.');
    await a.waitFor(/Vilket språk talar personen\?[\s\S]*p⏎ paus/);
    a.line('polska');

    // The contact: name and number, or a plain sentence that there is none.
    const shown = await a.waitFor(/Kontakt \(polis\)[\s\S]*?Vem kontaktades/);
    const contact = shown.slice(shown.indexOf('Kontakt (polis)'));
    if (contacts) expect(contact).toContain('Kontakt (polis): Polisens vakthavande befäl, tel. 114 14, dygnet runt');
    else reads(contact.split('\n'), 'Kontakt (polis): inget nummer för den här rollen – lägg till det med --contacts');
    for (const line of contact.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);

    // `<` goes back one field within the step, then one question.
    await a.waitFor(/p⏎ paus( • |\n)> fyll i senare/); // the hint line wraps between hints
    a.line('Vakthavande');
    await a.waitFor('När ringde du');
    a.send('<');
    await a.waitFor('Vem kontaktades (Vakthavande)');
    a.send(KEY.enter);
    await a.waitFor(/När ringde du[\s\S]*fyll i senare/);
    // `>` leaves this field and the step's other documentation for later.
    a.send('>');
    await a.waitFor('→ fyll i senare (2 fält)');
    await a.waitFor('Vem fattade beslutet?');
    a.send('<');
    await a.waitFor('Tillbaka vid "Kontakta polisen"');
    await a.waitFor(/Vem kontaktades \(Vakthavande\)[\s\S]*p⏎ paus/);
    a.send('>');
    await a.waitFor('→ fyll i senare (3 fält)');
    await a.waitFor('Vem fattade beslutet?');
    a.line('Ordf NN');

    // p pauses at once in a choice.
    await a.waitFor(/På vilken grund\?[\s\S]*p paus/);
    a.send('p');
    const paused = await a.waitFor(/resume [a-z2-7]{10}/);
    expect((await a.exited).code).toBe(0);
    const id = /resume ([a-z2-7]{10})/.exec(paused)?.[1] as string;

    const log = readSession(path.join(data, 'sessions'), id);
    if (!log.ok) throw new Error(log.error.kind);
    const recorded = log.value.events.filter((e) => e.t === 'recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded[1]).toMatchObject({ node: 'polis', fields: { kontakt: null, ringt: null, diarienummer: null }, later: ['kontakt', 'ringt', 'diarienummer'] });
    expect(log.value.events.filter((e) => e.t === 'noted')).toHaveLength(1);
    expect(log.value.events.at(-1)?.t).toBe('paused');
  });
});

describe('fyll i senare, then resume', () => {
  it('lists what was left at the end and in the note, and resume of the finished session fills it in', async () => {
    const env = { JOUR_ROUTINE_DATA: data, XDG_CONFIG_HOME: data };
    const a = spawnCli(['--routines', 'tests/fixtures/walk', 'start', 'alla-typer', '--case', 'K-2', '--worker', 'AB'], env, { cols: 80, rows: 24 });
    terms.push(a);
    await a.waitFor(/Är någon i akut fara\?[\s\S]*p paus/);
    a.send(KEY.enter);
    await a.waitFor(/Var påträffades personen\?[\s\S]*p paus/);
    a.send(KEY.enter);
    await a.waitFor('Hur gammal är personen?');
    a.line('15');
    await a.waitFor(/Vilka tecken[\s\S]*p paus/);
    a.send(KEY.space);
    a.send(KEY.enter);
    await a.waitFor(/När påträffades personen\?[\s\S]*p paus/);
    a.send(KEY.enter);
    await a.waitFor(/Vilket språk talar personen\?[\s\S]*p⏎ paus/);
    a.send(KEY.enter);
    await a.waitFor(/Vem kontaktades[\s\S]*fyll i senare/);
    a.send('>');
    await a.waitFor('→ fyll i senare (3 fält)');
    await a.waitFor('Vem fattade beslutet?');
    const end = await decisionToEnd(a);
    expect(end).toContain('Att fylla i senare (3):');
    expect(end).toContain('☐ Kontakta polisen: Vem kontaktades');
    const { id, b } = await finishAndResume(a, 3, env);
    terms.push(b);
    await b.waitFor(/Vem kontaktades[\s\S]*fyll i senare/);
    b.line('Vakthavande befäl');
    await b.waitFor(/När ringde du[\s\S]*fyll i senare/);
    b.send(KEY.enter);
    await b.waitFor(/Diarienummer[\s\S]*fyll i senare/);
    b.send('>'); // still later
    await b.waitFor('1 uppgift väntar fortfarande.');
    await b.waitFor(/Avsluta ärendet\?[\s\S]*p paus/);
    b.send(KEY.enter);
    await b.waitFor(/1 uppgift väntar på att fyllas i/);
    expect((await b.exited).code).toBe(0);

    const log = readSession(path.join(data, 'sessions'), id);
    if (!log.ok) throw new Error(log.error.kind);
    const completed = log.value.events.filter((e) => e.t === 'completed');
    expect(completed.map((e) => e.t === 'completed' && Object.keys(e.fields as object))).toEqual([['kontakt'], ['ringt']]);
    const note = cli(['--routines', 'tests/fixtures/walk', 'export', id], { env }).stdout;
    expect(note).toContain('## Att komplettera');
    expect(note).toContain('- [ ] Kontakta polisen: Diarienummer');
    expect(note).not.toContain('- [ ] Kontakta polisen: Vem kontaktades');
    expect(note).toContain('Vem kontaktades: Vakthavande befäl');
  });
});
