// `jour-routine schema [--kind KIND] [-o FILE] [--dir DIR]`: the JSON Schema of the routine format
// (or of modules, references, contacts, scenarios), generated from the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { Runner } from './runner.js';
import { CliError, EXIT } from '../core/errors.js';
import { jsonSchemaText, SCHEMA_KINDS, schemaFileName, type SchemaKind } from '../owner/json-schema.js';
import { t, type Lang } from '../core/i18n.js';
import { displayPath } from './shared.js';

function write(file: string, text: string): void {
  try {
    writeFileSync(file, text, 'utf8');
  } catch (e) {
    throw new CliError('owner.schema.writeFailed', { file, code: (e as NodeJS.ErrnoException).code ?? String(e) }, EXIT.failed);
  }
}

export function registerSchema(program: Command, run: Runner, lang: Lang): void {
  program
    .command('schema')
    .description(t(lang, 'owner.schema.description'))
    .addOption(new Option('--kind <kind>', t(lang, 'owner.schema.kind')).choices([...SCHEMA_KINDS]).default('routine'))
    .option('-o, --output <file>', t(lang, 'owner.schema.output'))
    .addOption(new Option('--dir <dir>', t(lang, 'owner.schema.dir')).conflicts(['output']))
    .addHelpText('after', `\n${t(lang, 'owner.schema.examples')}`)
    .action((o: { kind: SchemaKind; output?: string; dir?: string }) =>
      run((ctx) => {
        if (o.dir !== undefined) {
          try {
            mkdirSync(o.dir, { recursive: true });
          } catch (e) {
            throw new CliError('owner.schema.writeFailed', { file: o.dir, code: (e as NodeJS.ErrnoException).code ?? String(e) }, EXIT.failed);
          }
          for (const kind of SCHEMA_KINDS) {
            const file = join(o.dir, schemaFileName(kind));
            write(file, jsonSchemaText(kind));
            ctx.err(ctx.msg('owner.schema.wrote', { file: displayPath(file) }));
          }
          return EXIT.ok;
        }
        const text = jsonSchemaText(o.kind);
        if (o.output === undefined) ctx.out(text.trimEnd());
        else {
          write(o.output, text);
          ctx.err(ctx.msg('owner.schema.wrote', { file: displayPath(o.output) }));
        }
        return EXIT.ok;
      }),
    );
}
