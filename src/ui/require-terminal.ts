// The interactive commands' refusal to run without a terminal, in a module of its own: light
// (no prompt engine, no walk), so that a command can refuse before it loads what it would ask with.
import type { Context } from '../core/context.js';
import { CliError, EXIT } from '../core/errors.js';

/** Inquirer would read a pipe as answers (and take every default): the interactive commands refuse. */
export function requireTerminal(ctx: Context, command: string): void {
  if (!ctx.stdinIsTTY) throw new CliError('ia.notTTY', { command }, EXIT.usage);
}
