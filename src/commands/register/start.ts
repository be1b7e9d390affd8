// `jour-routine start`: its name, help texts and options. The action (../start.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';
import type { StartOptions } from '../start.js';

export function registerStart(program: Command, run: Runner, lang: Lang): void {
  program
    .command('start')
    .description(t(lang, 'ia.start.description'))
    .addHelpText('after', `\n${t(lang, 'cli.ex.start')}`)
    .argument('[routine]', t(lang, 'cli.arg.routine'))
    .option('--case <ref>', t(lang, 'ia.start.case'))
    .option('--worker <initials>', t(lang, 'ia.start.worker'))
    .option('--practice', t(lang, 'ia.start.practice'))
    .addHelpText('after', `\n${t(lang, 'ia.start.keys')}`)
    .action((name: string | undefined, o: StartOptions) =>
      run(async (ctx) => {
        // A run it refuses (no terminal, a personal identity number) ends before the walk loads.
        (await import('../start-check.js')).refuseStart(ctx, o);
        // The walk's prompt engine loads beside the command's own modules rather than after them:
        // the first question waits for both, and loading them together overlaps their file reads.
        const [command] = await Promise.all([import('../start.js'), import('../../ui/keyed-prompts.js')]);
        return command.startAction(ctx, name, o);
      }),
    );
}
