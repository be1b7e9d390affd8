// `jour-routine list`: its name, help texts and options. The action (../list.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';

export function registerList(program: Command, run: Runner, lang: Lang): void {
  program
    .command('list')
    .description(t(lang, 'cli.list.description'))
    .option('--json', t(lang, 'cli.opt.json'))
    .action((o: { json?: boolean }) =>
      run(async (ctx) => (await import('../list.js')).listAction(ctx, o)),
    );
}
