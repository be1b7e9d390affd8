// `jour-routine export`: its name, help texts and options. The action (../export.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import { Option, type Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';
import { sessionIdArg } from './args.js';

export function registerExport(program: Command, run: Runner, lang: Lang): void {
  program
    .command('export')
    .description(t(lang, 'cli.export.description'))
    .addHelpText('after', `\n${t(lang, 'cli.ex.export')}`)
    .argument('<session>', t(lang, 'cli.checklist.session'), sessionIdArg)
    .option('--handover', t(lang, 'cli.export.handover'))
    .addOption(new Option('--format <format>', t(lang, 'cli.export.format')).choices(['md', 'text']).default('md'))
    .option('-o, --output <file>', t(lang, 'cli.export.output'))
    .option('--force', t(lang, 'cli.export.force'))
    .action((id: string, o: { handover?: boolean; format: 'md' | 'text'; output?: string; force?: boolean }) =>
      run(async (ctx) => (await import('../export.js')).exportAction(ctx, id, o)),
    );
}
