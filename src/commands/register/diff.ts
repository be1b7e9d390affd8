// `jour-routine diff`: its name, help texts and options. The action (../diff.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';

export function registerDiff(program: Command, run: Runner, lang: Lang): void {
  program
    .command('diff')
    .description(t(lang, 'owner.diff.description'))
    .argument('<old>', t(lang, 'owner.diff.old'))
    .argument('<new>', t(lang, 'owner.diff.new'))
    .option('--json', t(lang, 'cli.opt.json'))
    .addHelpText('after', `\n${t(lang, 'owner.diff.examples')}`)
    .action((oldFile: string, newFile: string, o: { json?: boolean }) =>
      run(async (ctx) => (await import('../diff.js')).diffAction(ctx, oldFile, newFile, o)),
    );
}
