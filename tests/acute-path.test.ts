// Issue 9, "act first": in a real terminal, the child routine with the police on site, a
// 15-year-old and custody needed. The instruction to call the on-call decision-maker (with the
// number from the contacts file) must be on screen within 12 prompts of the start, and the
// finished checklist within 30 prompts when every "fyll i senare" field is left for later.
// Prompts are counted (one question or field on screen, by its key-hint line), never time; the
// same walk prints the counts in `npm run bench` (bench/acute-walk.mjs).
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUDGET, START_ARGS, loadAcuteRoutine, walkAcute } from '../bench/acute-walk.mjs';
import { tempDir } from './helpers/cli.js';
import { spawnCli } from './helpers/pty.js';

let data: string;
beforeEach(() => {
  data = tempDir('jr-acute-');
});
afterEach(() => {
  fs.rmSync(data, { recursive: true, force: true });
});

async function walk(deferAll: boolean) {
  const r = await loadAcuteRoutine();
  const term = spawnCli(START_ARGS, { JOUR_ROUTINE_DATA: data }, { cols: 100, rows: 40 });
  try {
    return await walkAcute(r, term, data, deferAll);
  } finally {
    term.kill();
  }
}

/** What every finished custody walk has on its end screen: the decision's deadlines. */
function expectFinishedChecklist(screen: string) {
  expect(screen).toContain('Utfall: Barnet är omedelbart omhändertaget');
  expect(screen).toContain('Checklista');
  expect(screen).toContain('Underställ omhändertagandet förvaltningsrätten');
  expect(screen).toContain('Ansök om vård enligt LVU hos förvaltningsrätten');
}

describe('the acute path of the child routine (issue 9 budget)', () => {
  it(`answering everything: the call within ${BUDGET.call} prompts, then the finished checklist`, async () => {
    const w = await walk(false);
    expect(w.toCall).toBeDefined();
    expect(w.toCall).toBeLessThanOrEqual(BUDGET.call);
    expect(w.callScreen).toContain('Kontakta beslutsfattaren i beredskap');
    expect(w.callScreen).toContain('08-123 45 67'); // the number from the contacts file
    expectFinishedChecklist(w.endScreen);
  });

  it(`leaving every "fyll i senare" field: the call within ${BUDGET.call} prompts, the checklist within ${BUDGET.checklist}`, async () => {
    const w = await walk(true);
    expect(w.toCall).toBeLessThanOrEqual(BUDGET.call);
    expect(w.callScreen).toContain('Kontakta beslutsfattaren i beredskap');
    expectFinishedChecklist(w.endScreen);
    // What was left is listed at the end, to be completed on resume.
    expect(w.endScreen).toMatch(/Att fylla i senare \(\d+\):/);
    expect(w.toChecklist, `prompts: ${w.trail.join(', ')}`).toBeLessThanOrEqual(BUDGET.checklist);
  });
});
