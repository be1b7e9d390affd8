// The walk's view of the command's context: language, colours, clock, output and contacts.
import { todayLocal, type Context } from '../core/context.js';
import type { ContactsFile } from '../core/schema.js';
import { commandPrefix } from './node-view.js';
import type { Ui } from './prompts.js';
import type { WalkIo } from './walk-loop.js';

export const uiOf = (ctx: Context): Ui => ({ lang: ctx.lang, c: ctx.c, now: ctx.now, cols: () => process.stdout.columns || 80 });

/** `contacts`: the local contacts file, as opened with the routines (Registry.contacts). */
export function walkIoFor(ctx: Context, contacts: ContactsFile | undefined): WalkIo {
  return {
    ui: uiOf(ctx),
    out: ctx.out,
    err: ctx.err,
    today: () => todayLocal(ctx),
    contacts,
    jr: commandPrefix(ctx.opts),
  };
}
