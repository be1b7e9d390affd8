// `jour-routine schema`: its name, help texts and options. The action (../schema.ts) is
// imported only when the command runs, so that registering it (for `--help` too) loads none of
// what the action needs.
import { Option, type Command } from 'commander';
import type { Runner } from '../runner.js';
import { t, type Lang } from '../../core/i18n.js';
import { SCHEMA_KINDS, type SchemaKind } from '../../core/schema-kinds.js';

export function registerSchema(program: Command, run: Runner, lang: Lang): void {
  program
    .command('schema')
    .description(t(lang, 'owner.schema.description'))
    .addOption(new Option('--kind <kind>', t(lang, 'owner.schema.kind')).choices([...SCHEMA_KINDS]).default('routine'))
    .option('-o, --output <file>', t(lang, 'owner.schema.output'))
    .addOption(new Option('--dir <dir>', t(lang, 'owner.schema.dir')).conflicts(['output']))
    .addHelpText('after', `\n${t(lang, 'owner.schema.examples')}`)
    .action((o: { kind: SchemaKind; output?: string; dir?: string }) =>
      run(async (ctx) => (await import('../schema.js')).schemaAction(ctx, o)),
    );
}
