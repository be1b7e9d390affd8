// `*` in a real terminal: everything that can wait is left for later without being asked
// (questions no answer to which changes the way, and record fields nothing needs tonight); what the
// walk needs is still asked; the end lists what waits with what it may add; `resume` asks the
// questions and fields, and an answer that adds an item says so. 80×24, the walk fixture.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSession } from '../src/session/store.js';
import { tempDir } from './helpers/cli.js';
import { KEY, spawnCli, type Term } from './helpers/pty.js';
import { decisionToEnd, finishAndResume } from './helpers/walk-fixture.js';

let data: string;
const terms: Term[] = [];
beforeEach(() => {
  data = tempDir('jr-later-all-');
});
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
});

describe('* leaves everything that can wait for later', () => {
  it('asks only what the walk needs, lists the rest at the end, and resume asks it', async () => {
    const env = { JOUR_ROUTINE_DATA: data, XDG_CONFIG_HOME: data };
    const a = spawnCli(['--routines', 'tests/fixtures/walk', 'start', 'alla-typer', '--case', 'K-3', '--worker', 'AB'], env, { cols: 80, rows: 24 });
    terms.push(a);
    // The first screen says what * does; the hint line does not name it until it is on.
    const first = await a.waitFor(/Är någon i akut fara\?[\s\S]*p paus/);
    expect(first).toContain('Bråttom? * lämnar allt som kan vänta till senare');
    expect(first).not.toMatch(/\* (allt|fråga)/);
    a.send('*');
    await a.waitFor('Allt som kan vänta fylls i senare (* igen: fråga allt).');
    // The same question is asked again, now with * named to turn it off.
    await a.waitFor(/Är någon i akut fara\?[\s\S]*\* fråga allt/);
    a.send(KEY.enter); // Ja
    await a.waitFor('NU ▸ Ring 112');
    // Where the person was found changes nothing: left without a prompt.
    await a.waitFor('→ fyll i senare: Var påträffades personen?');
    // The age chooses the way: asked.
    await a.waitFor('Hur gammal är personen?');
    a.line('15');
    // Signs, time found, language and the police step's fields: nothing tonight needs them.
    const skipped = await a.waitFor(/Vem fattade beslutet\?/);
    expect(skipped).toContain('→ fyll i senare: Vilka tecken på utnyttjande finns?');
    expect(skipped).toContain('→ fyll i senare: När påträffades personen?');
    expect(skipped).toContain('→ fyll i senare: Vilket språk talar personen?');
    expect(skipped).toMatch(/→ fyll i senare: Vem kontaktades; När ringde du; Diarienummer/);
    expect(skipped).toContain('Kontakta polisen');
    // `<` passes over what was left without a prompt: back to the age, not to the police step.
    a.send('<');
    await a.waitFor('Tillbaka vid "Hur gammal är personen?"');
    await a.waitFor(/Hur gammal är personen\?/);
    a.line('16');
    await a.waitFor(/Vem fattade beslutet\?/);
    // The decision is its legal record: every part asked.
    const end = await decisionToEnd(a);
    expect(end).toContain('Att fylla i senare (7):');
    expect(end).toContain('☐ Var påträffades personen?');
    expect(end).toContain('☐ Vilka tecken på utnyttjande finns?');
    expect(end).toMatch(/kan lägga till: Anmäl misstänkt människohandel/);
    expect(end).toContain('☐ Kontakta polisen: Vem kontaktades; När ringde du; Diarienummer');
    const { id, b } = await finishAndResume(a, 7, env);
    terms.push(b);
    await b.waitFor(/Var påträffades personen\?[\s\S]*p paus/);
    b.send(KEY.down);
    b.send(KEY.enter); // Hotell
    // "Someone else in control": the item it adds is said where it happens.
    await b.waitFor(/Vilka tecken på utnyttjande finns\?[\s\S]*p paus/);
    b.send(KEY.down);
    b.send(KEY.down);
    b.send(KEY.space);
    b.send(KEY.enter);
    await b.waitFor('+ på checklistan: Anmäl misstänkt människohandel');
    // The rest stays for later.
    for (let i = 0; i < 5; i++) {
      await b.waitFor(/fyll i senare/);
      b.send('>');
    }
    await b.waitFor('5 uppgifter väntar fortfarande.');
    const again = await b.waitFor(/Avsluta ärendet\?[\s\S]*p paus/);
    expect(again).toContain('Att fylla i senare (5):');
    expect(again).not.toContain('☐ Var påträffades personen?');
    b.send(KEY.enter);
    await b.waitFor(/5 uppgifter väntar på att fyllas i/);
    expect((await b.exited).code).toBe(0);

    const log = readSession(path.join(data, 'sessions'), id);
    if (!log.ok) throw new Error(log.error.kind);
    const events = log.value.events;
    expect(events.find((e) => e.t === 'answered' && e.node === 'plats')).toMatchObject({ value: null, later: true });
    expect(events.filter((e) => e.t === 'completed').map((e) => (e.t === 'completed' ? [e.node, e.value] : []))).toEqual([
      ['plats', 'hotell'],
      ['tecken', ['kontroll']],
    ]);
  });
});
