// Typed times in a real pseudo-terminal at 80×24: a time in the spring gap is refused with the
// reason, an autumn time the clock showed twice asks which of the two was meant, a carried-out time
// before the decision is refused, and the chosen instant is saved with its offset and counted from.
// The night is in October 2025, before any clock this test runs at: no "now" needs fixing, and the
// year is always shown (it is never the current one).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSession } from '../src/session/store.js';
import { cli, tempDir } from './helpers/cli.js';
import { KEY, spawnCli, type Term } from './helpers/pty.js';

let data: string;
const terms: Term[] = [];

beforeEach(() => {
  data = tempDir('jr-times-');
});
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
  fs.rmSync(data, { recursive: true, force: true });
});

/** Line breaks as spaces: a sentence reads whole however the terminal's width wrapped it. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Through the example routine's questions to the decision's first time field. */
async function toDecisionTime(a: Term): Promise<void> {
  await a.waitFor('Är någon i akut fara just nu?');
  a.send(KEY.down); // Nej
  a.send(KEY.enter);
  await a.waitFor('Hur gammal är personen?');
  a.line('15');
  await a.waitFor('Vem kontaktades');
  a.line('Vakthavande befäl');
  await a.waitFor('Diarienummer');
  a.send(KEY.enter);
  await a.waitFor('Vem fattade beslutet?');
  a.line('Ordförande NN');
  await a.waitFor('På vilken grund?');
  a.send(KEY.enter);
  await a.waitFor(/När fattades beslutet\?[\s\S]*p paus/);
}

describe('typed times at 80×24', () => {
  it('asks which 02:30 of the autumn night was meant, saves the second with +01:00 and counts the deadline from it', async () => {
    const env = { JOUR_ROUTINE_DATA: data };
    const a = spawnCli(['--routines', 'examples', 'start', 'exempel', '--case', 'K-1', '--worker', 'AB'], env, { cols: 80, rows: 24 });
    terms.push(a);
    await toDecisionTime(a);

    // The hour that does not exist: refused with the reason, the text back to be corrected.
    a.send(KEY.ctrlU);
    a.line('2025-03-30 02:30');
    const gap = await a.waitFor('natten');
    expect(flat(gap)).toContain('2025-03-30 02:30 finns inte: klockan ställdes fram från 02:00 till 03:00 den natten');
    expect(gap).toMatch(/\sden\s+natten/); // wrapped to 80 columns between words, not inside one

    // The hour that happened twice: the choice, each with its date and weekday.
    a.send(KEY.ctrlU);
    a.line('2025-10-26 02:30');
    const asked = flat(await a.waitFor('ändra tiden'));
    expect(asked).toContain('02:30 fanns två gånger när klockan ställdes tillbaka. Vilken menar du?');
    expect(asked).toContain('❯ 02:30 sommartid (+02:00, den första) → sön 26 okt 2025 02:30');
    expect(asked).toContain('02:30 vintertid (+01:00, den andra) → sön 26 okt 2025 02:30');
    a.send(KEY.down);
    a.send(KEY.enter);
    const chosen = await a.waitFor('När verkställdes beslutet?');
    expect(flat(chosen)).toContain('När fattades beslutet? 2025-10-26 02:30 → sön 26 okt 2025 02:30 vintertid (+01:00)');

    // 02:10 summer time is 01:10 winter time: before the decision, refused naming both.
    await a.waitFor('p paus');
    a.send(KEY.ctrlU);
    a.line('2025-10-26 02:10 +02:00');
    const before = await a.waitFor('02:30)');
    expect(flat(before)).toContain('Tiden (sön 26 okt 2025 02:10) kan inte vara före beslutstiden (sön 26 okt 2025 02:30)');
    // 02:45: the first one is before the decision, so only the second can be meant; no question.
    a.send(KEY.ctrlU);
    a.line('2025-10-26 02:45');
    const carried = await a.waitFor('Avsluta ärendet?');
    expect(carried).not.toContain('Vilken menar du?');
    expect(flat(carried)).toContain('2025-10-26 02:45 → sön 26 okt 2025 02:45 vintertid (+01:00)');
    a.send(KEY.enter);
    const done = await a.waitFor(/checklist ([a-z2-7]{10})/);
    expect((await a.exited).code).toBe(0);
    const id = /checklist ([a-z2-7]{10})/.exec(done)?.[1] as string;

    const log = readSession(path.join(data, 'sessions'), id);
    if (!log.ok) throw new Error(log.error.kind);
    expect(log.value.events.find((e) => e.t === 'decided')).toMatchObject({
      decided_at: '2025-10-26T02:30:00+01:00',
      carried_out_at: '2025-10-26T02:45:00+01:00',
    });
    // One week from the decision: Sunday 2 November 2025, to act on the Friday before.
    const list = cli(['--routines', 'examples', 'checklist', id], { env });
    expect(list.code).toBe(0);
    expect(flat(list.stdout)).toContain('Agera senast 2025-10-31 (räknat från Omedelbart omhändertagande: Beslutstid 2025-10-26 02:30 (+01:00))');
    expect(flat(list.stdout)).toContain('Fristens sista dag är 2025-11-02 (söndag)');
  });

  it('at the autumn choice ? shows the help, + takes a note and p pauses, each at one key press, as the hint line says', async () => {
    const env = { JOUR_ROUTINE_DATA: data };
    const a = spawnCli(['--routines', 'examples', 'start', 'exempel', '--case', 'K-2', '--worker', 'AB'], env, { cols: 80, rows: 24 });
    terms.push(a);
    await toDecisionTime(a);
    const ask = async () => {
      a.send(KEY.ctrlU);
      a.line('2025-10-26 02:30');
      return flat(await a.waitFor(/Vilken menar du\?[\s\S]*p paus/));
    };

    const asked = await ask();
    expect(asked).toContain('↑↓ flytta • ⏎ välj • < ändra tiden • ? hjälp • + anteckning • p paus');
    // Help: the decision's help, and the same field asked again (not answered).
    a.send('?');
    const help = flat(await a.waitFor(/När fattades beslutet\?[\s\S]*p paus/));
    expect(help).toContain('Lagrum 6 § LVU – Omedelbart omhändertagande');
    expect(help).not.toContain('2025-10-26 02:30'); // no time was chosen, so none is shown as the answer

    // A note, then the same field again.
    await ask();
    a.send('+');
    await a.waitFor('Anteckning (tom rad avbryter)');
    a.line('Beslutet fattades under natten klockan ställdes om');
    await a.waitFor('Anteckningen är sparad.');
    await a.waitFor(/När fattades beslutet\?[\s\S]*p paus/);

    // Pause: saved, with the command to continue.
    await ask();
    a.send('p');
    const paused = flat(await a.waitFor(/resume [a-z2-7]{10}/));
    expect(paused).toContain('Sessionen är sparad och pausad. Fortsätt med:');
    expect((await a.exited).code).toBe(0);
    const id = /resume ([a-z2-7]{10})/.exec(paused)?.[1] as string;
    const log = readSession(path.join(data, 'sessions'), id);
    if (!log.ok) throw new Error(log.error.kind);
    expect(log.value.events.filter((e) => e.t === 'noted')).toMatchObject([{ node: 'omh', text: 'Beslutet fattades under natten klockan ställdes om' }]);
    expect(log.value.events.some((e) => e.t === 'decided')).toBe(false);
    expect(log.value.events.at(-1)?.t).toBe('paused');
  });
});
