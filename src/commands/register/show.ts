// `jour-routine show`: its name, help texts and options. The action (../show.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';

export function registerShow(program: Command, run: Runner, lang: Lang): void {
  program
    .command('show')
    .description(t(lang, 'cli.show.description'))
    .argument('<routine>', t(lang, 'cli.arg.routine'))
    .action((name: string) =>
      run(async (ctx) => (await import('../show.js')).showAction(ctx, name)),
    );
}
