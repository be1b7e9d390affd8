// `jour-routine validate`: its name, help texts and options. The action (../validate.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';
import type { ValidateOptions } from '../validate.js';

export function registerValidate(program: Command, run: Runner, lang: Lang): void {
  program
    .command('validate')
    .description(t(lang, 'cli.validate.description'))
    .argument('[path...]', t(lang, 'cli.validate.path'))
    .option('--strict', t(lang, 'cli.validate.strict'))
    .option('--json', t(lang, 'cli.opt.json'))
    .option('--verbose', t(lang, 'cli.validate.verbose'))
    .action((paths: string[], o: ValidateOptions) =>
      run(async (ctx) => (await import('../validate.js')).validateAction(ctx, paths, o)),
    );
}
