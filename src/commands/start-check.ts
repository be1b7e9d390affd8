// What `start` refuses before it asks anything: a personal identity number as the case reference,
// and a run without a terminal to answer in. Light, so that the registration (register/start.ts)
// refuses before it loads the prompt engine and the walk; the action checks again when run directly.
import type { Context } from '../core/context.js';
import { CliError, EXIT } from '../core/errors.js';
import { containsPersonalNumber } from '../engine/personal-number.js';
import { requireTerminal } from '../ui/require-terminal.js';
import type { StartOptions } from './start.js';

export function refuseStart(ctx: Context, o: StartOptions): void {
  if (o.case !== undefined && containsPersonalNumber(o.case)) throw new CliError('case.personnummer', {}, EXIT.usage);
  requireTerminal(ctx, 'start');
}
