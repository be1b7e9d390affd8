// How a command's action is run: cli.ts builds the context, runs the action and maps its errors to
// exit codes. The type lives here, below cli.ts, so that no command imports the top of the program.
import type { Context } from '../core/context.js';

export type Runner = (fn: (ctx: Context) => Promise<number> | number) => Promise<void>;
