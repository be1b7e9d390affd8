// The walk fixture (tests/fixtures/walk/alla-typer.yaml) in a terminal: the parts several tests
// walk the same way.
import { KEY, type Term } from './pty.js';

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
