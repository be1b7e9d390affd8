// The walk fixture (tests/fixtures/walk/alla-typer.yaml) in a terminal: the parts several tests
// walk the same way.
import { expect } from 'vitest';
import { KEY, spawnCli, type Term } from './pty.js';

/**
 * From "Vem fattade beslutet?" through the decision's parts (grounds, times: the defaults) and the
 * last step to the end screen; returns that screen, with the list of what was left for later.
 */
export async function decisionToEnd(a: Term): Promise<string> {
  a.line('Ordf NN');
  await a.waitFor(/På vilken grund\?[\s\S]*p paus/);
  a.send(KEY.enter);
  await a.waitFor(/När fattades beslutet\?[\s\S]*paus/);
  a.send(KEY.enter);
  await a.waitFor(/När verkställdes beslutet\?[\s\S]*paus/);
  a.send(KEY.enter);
  await a.waitFor(/Informera vårdnadshavarna[\s\S]*p paus/);
  a.send(KEY.enter);
  return a.waitFor(/Avsluta ärendet\?[\s\S]*p paus/);
}

/**
 * Finishes the walk at the end screen, where `waiting` inputs were left for later, and resumes the
 * session in a new terminal (80×24, `env` as the first) up to its offer to fill them in, accepted.
 * Returns the session id and the resumed terminal, which the caller kills after the test.
 */
export async function finishAndResume(a: Term, waiting: number, env: Record<string, string>): Promise<{ id: string; b: Term }> {
  a.send(KEY.enter);
  const fin = await a.waitFor(new RegExp(`${waiting} uppgifter väntar på att fyllas i: [^\\n]*resume [a-z2-7]{10}`));
  expect((await a.exited).code).toBe(0);
  const id = /resume ([a-z2-7]{10})/.exec(fin)?.[1] as string;
  const b = spawnCli(['--routines', 'tests/fixtures/walk', 'resume', id], env, { cols: 80, rows: 24 });
  await b.waitFor(/Fyll i dem nu\?[\s\S]*Ja, fyll i nu/);
  b.send(KEY.enter);
  return { id, b };
}
