// `jour-routine test`: its name, help texts and options. The action (../test.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';

export function registerTest(program: Command, run: Runner, lang: Lang): void {
  program
    .command('test')
    .description(t(lang, 'owner.test.description'))
    .argument('[path...]', t(lang, 'owner.test.path'))
    .option('--coverage', t(lang, 'owner.test.coverageOpt'))
    .option('--json', t(lang, 'cli.opt.json'))
    .addHelpText('after', `\n${t(lang, 'owner.test.examples')}`)
    .action((paths: string[], o: { coverage?: boolean; json?: boolean }) =>
      run(async (ctx) => (await import('../test.js')).testAction(ctx, paths, o)),
    );
}
