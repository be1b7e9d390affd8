// `jour-routine show ROUTINE`: the outline of a routine in the terminal.
import type { Context } from '../core/context.js';
import { EXIT } from '../core/errors.js';
import { renderOutline } from '../render/outline.js';
import { openRoutines, requireRoutine } from './shared.js';

export async function showAction(ctx: Context, name: string): Promise<number> {
    const routine = requireRoutine(ctx, (await openRoutines(ctx)), name);
    const lines = renderOutline(routine, ctx.lang);
    ctx.out(lines.map((l) => (l.startsWith('== ') ? ctx.c.bold(l) : l)).join('\n'));
    return EXIT.ok;
}
