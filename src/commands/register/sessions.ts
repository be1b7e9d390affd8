// `jour-routine sessions`: its name, help texts and options. The action (../sessions.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import type { Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';

export function registerSessions(program: Command, run: Runner, lang: Lang): void {
  program
    .command('sessions')
    .description(t(lang, 'ia.sessions.description'))
    .addHelpText('after', `\n${t(lang, 'cli.ex.sessions')}`)
    .option('--all', t(lang, 'ia.sessions.all'))
    .option('--json', t(lang, 'cli.opt.json'))
    .action((o: { all?: boolean; json?: boolean }) =>
      run(async (ctx) => (await import('../sessions.js')).sessionsAction(ctx, o)),
    );
}
