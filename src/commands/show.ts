// `jour-routine show ROUTINE`: the outline of a routine in the terminal.
import type { Command } from 'commander';
import type { Runner } from './runner.js';
import { EXIT } from '../core/errors.js';
import { renderOutline } from '../render/outline.js';
import { t, type Lang } from '../core/i18n.js';
import { openRoutines, requireRoutine } from './shared.js';

export function registerShow(program: Command, run: Runner, lang: Lang): void {
  program
    .command('show')
    .description(t(lang, 'cli.show.description'))
    .argument('<routine>', t(lang, 'cli.arg.routine'))
    .action((name: string) =>
      run(async (ctx) => {
        const routine = requireRoutine(ctx, (await openRoutines(ctx)), name);
        const lines = renderOutline(routine, ctx.lang);
        ctx.out(lines.map((l) => (l.startsWith('== ') ? ctx.c.bold(l) : l)).join('\n'));
        return EXIT.ok;
      }),
    );
}
