// `jour-routine checklist`: its name, help texts and options. The action (../checklist.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import { Option, type Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';
import { sessionIdArg } from './args.js';

export function registerChecklist(program: Command, run: Runner, lang: Lang): void {
  program
    .command('checklist')
    .description(t(lang, 'cli.checklist.description'))
    .addHelpText('after', `\n${t(lang, 'cli.ex.checklist')}`)
    .argument('<session>', t(lang, 'cli.checklist.session'), sessionIdArg)
    .addOption(new Option('--format <format>', t(lang, 'cli.checklist.format')).choices(['text', 'md', 'json']).default('text'))
    .option('--tick', t(lang, 'cli.checklist.tick'))
    .action((id: string, o: { format: 'text' | 'md' | 'json'; tick?: boolean }) =>
      run(async (ctx) => (await import('../checklist.js')).checklistAction(ctx, id, o)),
    );
}
