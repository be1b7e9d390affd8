// The whole interactive flow in a real pseudo-terminal: arrow keys and enter through the example
// routine, a note, going back to change an answer, Ctrl+C, resume, finish; then what is on disk.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSession } from '../src/session/store.js';
import { cli, tempDir } from './helpers/cli.js';
import { KEY, spawnCli, type Term } from './helpers/pty.js';

let data: string;
const terms: Term[] = [];
const env = () => ({ JOUR_ROUTINE_DATA: data });
const run = (args: string[], extra: Record<string, string> = {}) => {
  const term = spawnCli(['--routines', 'examples', ...args], { ...env(), ...extra });
  terms.push(term);
  return term;
};

beforeEach(() => {
  data = tempDir('jr-pty-');
});
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
  fs.rmSync(data, { recursive: true, force: true });
});

describe('walking a routine in a terminal', () => {
  it('answers with arrows and enter, takes a note, goes back, survives Ctrl+C, resumes and finishes', async () => {
    const a = run(['start', 'exempel', '--case', 'KS-2026-77', '--worker', 'AB']);
    await a.waitFor('Exempelrutin (övning) · steg 1 · 2–4 kvar');
    await a.waitFor('Är någon i akut fara just nu?');
    a.send(KEY.down); // Ja → Nej
    a.send(KEY.enter);
    await a.waitFor('steg 2');
    await a.waitFor('Hur gammal är personen?');
    a.line('15');
    await a.waitFor('Kontakta polisen');
    await a.waitFor('Vem kontaktades');
    a.send('+');
    await a.waitFor('Anteckning (tom rad avbryter)');
    a.line('Ringde från bilen');
    await a.waitFor('Anteckningen är sparad.');
    await a.waitFor('Vem kontaktades');
    a.line('Vakthavande befäl');
    await a.waitFor('Diarienummer (valfritt');
    a.send(KEY.enter);
    await a.waitFor('Beslut: Omedelbart omhändertagande');
    await a.waitFor('Vem fattade beslutet?');

    // Back to the first question, one question per key press: polis, alder, akut-fara.
    a.send('<');
    await a.waitFor('Tillbaka vid "Kontakta polisen"');
    await a.waitFor('Vem kontaktades (Vakthavande befäl)');
    a.send('<');
    await a.waitFor('Tillbaka vid "Hur gammal är personen?"');
    await a.waitFor('Hur gammal är personen? (15)');
    a.send('<');
    await a.waitFor('Tillbaka vid "Är någon i akut fara just nu?"');
    const again = await a.waitFor(/Är någon i akut fara just nu\?[\s\S]*p paus/);
    expect(again).toMatch(/❯ Nej/); // the earlier answer is preselected
    a.send(KEY.up);
    a.send(KEY.enter);
    await a.waitFor('Hur gammal är personen? (15)');
    a.send(KEY.enter); // the earlier answer as default
    await a.waitFor('Vem kontaktades (Vakthavande befäl)');
    a.send(KEY.enter);
    await a.waitFor('Diarienummer');
    a.line('5000-K1234-26');
    await a.waitFor('Vem fattade beslutet?');
    a.send(KEY.ctrlC);
    const stopped = await a.waitFor(/resume [a-z2-7]{10}/);
    expect((await a.exited).code).toBe(130);
    expect(stopped).toContain('Avbrutet. Allt som bekräftats är sparat. Fortsätt med:');
    const id = /jour-routine --routines examples resume ([a-z2-7]{10})/.exec(stopped)?.[1] as string;
    expect(id).toBeTruthy();

    const listed = JSON.parse(cli(['sessions', '--json'], { env: env() }).stdout) as { id: string; state: string; case_ref: string }[];
    expect(listed).toMatchObject([{ id, state: 'paused', case_ref: 'KS-2026-77' }]);

    const b = run(['resume', id]);
    const sofar = await b.waitFor('Vem fattade beslutet?');
    expect(sofar).toContain('Hittills:');
    expect(sofar).toContain('1. Är någon i akut fara just nu? → Ja');
    expect(sofar).toContain('2. Hur gammal är personen? → 15');
    expect(sofar).toContain('3. Kontakta polisen → Vem kontaktades: Vakthavande befäl; Diarienummer: 5000-K1234-26');
    expect(sofar).toContain('Anteckningar: 1');
    b.line('Ordförande NN');
    await b.waitFor('På vilken grund?');
    b.send(KEY.down);
    b.send(KEY.enter);
    await b.waitFor('När fattades beslutet?');
    b.send(KEY.enter);
    await b.waitFor('När verkställdes beslutet?');
    b.line('-');
    const end = await b.waitFor('Avsluta ärendet?');
    expect(end).toContain('Utfall: Barnet är omhändertaget');
    expect(end).toContain('[ ] Ring 112');
    expect(end).toContain('[ ] Underställ beslutet förvaltningsrätten');
    b.send(KEY.enter);
    const finished = await b.waitFor('--handover');
    expect((await b.exited).code).toBe(0);
    expect(finished).toContain(`jour-routine --routines examples checklist ${id} | lp`);
    expect(finished).toContain(`jour-routine --routines examples export ${id} -o anteckning.md`);

    expect(JSON.parse(cli(['sessions', '--json'], { env: env() }).stdout)).toEqual([]);
    const all = JSON.parse(cli(['sessions', '--all', '--json'], { env: env() }).stdout) as unknown[];
    expect(all).toMatchObject([{ id, state: 'finished', practice: false, routine: { id: 'exempel', version: 1 } }]);

    const dir = path.join(data, 'sessions');
    const log = readSession(dir, id);
    if (!log.ok) throw new Error(log.error.kind);
    expect(log.value.warnings).toEqual([]);
    expect(log.value.events.map((e) => e.t)).toEqual([
      'started', 'answered', 'answered', 'noted', 'recorded', 'went_back', 'went_back', 'went_back', 'answered', 'answered', 'recorded',
      'paused', 'resumed', 'decided', 'finished',
    ]);
    expect(log.value.events[1]).toMatchObject({ node: 'akut-fara', value: 'no' });
    expect(log.value.events[8]).toMatchObject({ node: 'akut-fara', value: 'yes' });
    expect(log.value.events[13]).toMatchObject({ node: 'omh', decided_by: 'Ordförande NN', ground: 'lvu-3', carried_out_at: null });
    expect(fs.readdirSync(dir).some((f) => f.endsWith('.lock'))).toBe(false);
    if (process.platform !== 'win32') {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, `${id}.jsonl`)).mode & 0o777).toBe(0o600);
    }
  });

  it('shows help and the legal reference, pauses with the resume command, and refuses a second window', async () => {
    const a = run(['--lang', 'en', 'start', 'exempel', '--case', 'X', '--worker', 'AB', '--practice']);
    await a.waitFor('TRAINING');
    await a.waitFor('Is anyone in immediate danger now?');
    a.send(KEY.enter);
    await a.waitFor('How old is the person?');
    a.line('12');
    await a.waitFor('Who was contacted');
    a.send('?');
    const help = await a.waitFor(/Legal reference[\s\S]*\? Who was contacted/);
    expect(help).toMatch(/Legal reference\n  Chapter 10 section 21/);
    const id = /Session ([a-z2-7]{10})/.exec(a.text())?.[1] as string;

    const piped = cli(['--routines', 'examples', 'resume', id], { env: env() });
    expect({ code: piped.code, stderr: piped.stderr }).toMatchObject({ code: 2 }); // not a terminal: refused before anything else
    const b = run(['resume', id]);
    await b.waitFor('öppen i ett annat fönster');
    expect((await b.exited).code).toBe(1);

    a.line('p');
    const paused = await a.waitFor(`resume ${id}`);
    expect(paused).toContain('The session is saved and paused. Continue with:');
    expect((await a.exited).code).toBe(0);
    const listed = JSON.parse(cli(['sessions', '--json'], { env: env() }).stdout) as unknown[];
    expect(listed).toMatchObject([{ id, state: 'paused', practice: true }]);
  });

  it('a closed terminal window (SIGHUP) or a shutdown (SIGTERM) pauses the session before the process ends', async () => {
    for (const [signal, code] of [['SIGHUP', 129], ['SIGTERM', 143]] as const) {
      const a = run(['start', 'exempel', '--case', signal, '--worker', 'AB']);
      await a.waitFor('Är någon i akut fara just nu?');
      a.send(KEY.enter);
      await a.waitFor('Hur gammal är personen?');
      a.kill(signal);
      expect((await a.exited).code).toBe(code);
    }
    const listed = JSON.parse(cli(['sessions', '--json'], { env: env() }).stdout) as { case_ref: string; state: string }[];
    expect(listed.map((s) => [s.case_ref, s.state]).sort()).toEqual([['SIGHUP', 'paused'], ['SIGTERM', 'paused']]);
  });

  it('asks for the routine, the case reference and the initials when they are not given', async () => {
    const a = spawnCli(['--routines', 'tests/fixtures/walk', '--contacts', 'tests/fixtures/walk/contacts.yaml', 'start'], env());
    terms.push(a);
    await a.waitFor('Välj rutin (skriv för att söka)');
    a.send('alla typer');
    // Enter counts only once the filtered list is shown (Inquirer ignores it while searching).
    await a.waitFor(/alla typer\n❯ Testrutin med alla frågetyper \(alla-typer, v1\)\n/);
    a.send(KEY.enter);
    await a.waitFor('Ärendets referens');
    a.send(KEY.enter);
    await a.waitFor('fyll i ett värde');
    a.line('KS-1');
    await a.waitFor('Dina initialer');
    a.line('CD');
    await a.waitFor('Akut läge · steg 1 · 3–9 kvar');
    a.send(KEY.ctrlC);
    expect((await a.exited).code).toBe(130);
  });
});
