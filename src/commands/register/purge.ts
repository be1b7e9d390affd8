// `jour-routine purge`: its name, help texts and options. The action (../purge.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';

export function registerPurge(program: Command, run: Runner, lang: Lang): void {
  program
    .command('purge')
    .description(t(lang, 'ia.purge.description'))
    .addHelpText('after', `\n${t(lang, 'cli.ex.purge')}`)
    .option('--older-than <days>', t(lang, 'ia.purge.olderThan'))
    .option('--yes', t(lang, 'ia.purge.yes'))
    .action((o: { olderThan?: string; yes?: boolean }) =>
      run(async (ctx) => (await import('../purge.js')).purgeAction(ctx, o)),
    );
}
