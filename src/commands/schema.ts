// `jour-routine schema [--kind KIND] [-o FILE] [--dir DIR]`: the JSON Schema of the routine format
// (or of modules, references, contacts, scenarios), generated from the zod schemas.
import type { Context } from '../core/context.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, EXIT } from '../core/errors.js';
import { jsonSchemaText, SCHEMA_KINDS, schemaFileName, type SchemaKind } from '../owner/json-schema.js';
import { displayPath } from './shared.js';

function write(file: string, text: string): void {
  try {
    writeFileSync(file, text, 'utf8');
  } catch (e) {
    throw new CliError('owner.schema.writeFailed', { file, code: (e as NodeJS.ErrnoException).code ?? String(e) }, EXIT.failed);
  }
}

export function schemaAction(ctx: Context, o: { kind: SchemaKind; output?: string; dir?: string }): number {
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
}
