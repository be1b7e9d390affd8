// `jour-routine resume`: its name, help texts and options. The action (../resume.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';
import { sessionIdArg } from './args.js';

export function registerResume(program: Command, run: Runner, lang: Lang): void {
  program
    .command('resume')
    .description(t(lang, 'ia.resume.description'))
    .addHelpText('after', `\n${t(lang, 'cli.ex.resume')}`)
    .argument('[id]', t(lang, 'ia.resume.arg'), sessionIdArg)
    .addHelpText('after', `\n${t(lang, 'ia.start.keys')}`)
    .action((given: string | undefined) =>
      run(async (ctx) => {
        // A run without a terminal to answer in ends before the walk loads.
        (await import('../../ui/require-terminal.js')).requireTerminal(ctx, 'resume');
        // The walk's prompt engine loads beside the command's own modules rather than after them:
        // the first question waits for both, and loading them together overlaps their file reads.
        const [command] = await Promise.all([import('../resume.js'), import('../../ui/keyed-prompts.js')]);
        return command.resumeAction(ctx, given);
      }),
    );
}
