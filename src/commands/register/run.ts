// `jour-routine run`: its name, help texts and options. The action (../run.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';

export function registerRun(program: Command, run: Runner, lang: Lang): void {
  program
    .command('run')
    .description(t(lang, 'cli.run.description'))
    .argument('<routine>', t(lang, 'cli.arg.routine'))
    .requiredOption('--answers <file>', t(lang, 'cli.run.answers'))
    .option('--at <time>', t(lang, 'cli.run.at'))
    .option('--json', t(lang, 'cli.opt.json'))
    .option('--save', t(lang, 'cli.run.save'))
    .action((name: string, o: { answers: string; at?: string; json?: boolean; save?: boolean }) =>
      run(async (ctx) => (await import('../run.js')).runAction(ctx, name, o)),
    );
}
