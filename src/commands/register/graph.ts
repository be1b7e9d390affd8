// `jour-routine graph`: its name, help texts and options. The action (../graph.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import { Option, type Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';
import { sessionIdArg } from './args.js';
import type { GraphOptions } from '../graph.js';

export function registerGraph(program: Command, run: Runner, lang: Lang): void {
  program
    .command('graph')
    .description(t(lang, 'owner.graph.description'))
    .argument('<routine>', t(lang, 'cli.arg.routine'))
    .addOption(new Option('--format <format>', t(lang, 'owner.graph.format')).choices(['mermaid', 'dot']).default('mermaid'))
    .option('--session <id>', t(lang, 'owner.graph.session'), sessionIdArg)
    .addHelpText('after', `\n${t(lang, 'owner.graph.examples')}`)
    .action((name: string, o: GraphOptions) =>
      run(async (ctx) => (await import('../graph.js')).graphAction(ctx, name, o)),
    );
}
