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
      run(async (ctx) => (await import('../resume.js')).resumeAction(ctx, given)),
    );
}
