// Issue 9, "act first": in a real terminal, the child routine with the police on site, a
// 15-year-old and custody needed. The instruction to call the on-call decision-maker (with the
// number from the contacts file) must be on screen within 12 prompts of the start, and the
// finished checklist within 30 prompts when everything that can wait is left for later (`*` at
// the first prompt).
// Prompts are counted (one question or field on screen, by its key-hint line), never time; the
// same walk prints the counts in `npm run bench` (bench/acute-walk.mjs; ACUTE_TRAIL=1 lists them).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, START_ARGS, loadAcuteRoutine, walkAcute } from '../bench/acute-walk.mjs';
import { tempDir } from './helpers/cli.js';
import { spawnCli } from './helpers/pty.js';

interface Walked {
  toCall?: number;
  callScreen: string;
  toChecklist: number;
  endScreen: string;
  trail: string[];
}

async function walk(deferAll: boolean): Promise<Walked> {
  const data = tempDir('jr-acute-');
  const r = await loadAcuteRoutine();
  const term = spawnCli(START_ARGS, { JOUR_ROUTINE_DATA: data }, { cols: 100, rows: 40 });
  try {
    return (await walkAcute(r, term, data, deferAll)) as Walked;
  } finally {
    term.kill();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

/** What a finished custody walk has on its end screen: the outcome and the decision's deadlines. */
function expectFinishedChecklist(screen: string) {
  expect(screen).toContain('Utfall: Barnet är omedelbart omhändertaget');
  expect(screen).toContain('Checklista');
  expect(screen).toContain('Underställ omhändertagandet förvaltningsrätten');
  expect(screen).toContain('Ansök om vård enligt LVU hos förvaltningsrätten');
}

const trail = (w: Walked) => `prompts: ${w.trail.map((s, i) => `${i + 1} ${s}`).join(', ')}`;

describe('the acute path of the child routine (issue 9 budget)', () => {
  it(`answering everything: the call on screen within ${BUDGET.call} prompts, then the finished checklist`, async () => {
    const w = await walk(false);
    expect(w.toCall, trail(w)).toBeLessThanOrEqual(BUDGET.call);
    expect(w.callScreen).toContain('Kontakta beslutsfattaren i beredskap');
    expect(w.callScreen).toContain('08-123 45 67'); // the number from the contacts file
    expectFinishedChecklist(w.endScreen);
  });

  it(`leaving every "fyll i senare" field: the call within ${BUDGET.call} prompts, the finished checklist lists what is left`, async () => {
    const w = await walk(true);
    expect(w.toCall, trail(w)).toBeLessThanOrEqual(BUDGET.call);
    expect(w.callScreen).toContain('Kontakta beslutsfattaren i beredskap');
    expectFinishedChecklist(w.endScreen);
    expect(w.endScreen).toMatch(/Att fylla i senare \(\d+\):/);
    // Questions no answer to which changes the way wait too, with what their answer may add.
    expect(w.endScreen).toContain('Är åldern osäker');
    expect(w.endScreen).toMatch(/kan lägga till:[\s\S]*regionala samordnaren/);
    expect(w.toChecklist, trail(w)).toBeLessThanOrEqual(BUDGET.checklist);
  });
});
