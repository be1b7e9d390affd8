// Where the local contacts file is: --contacts, JOUR_ROUTINE_CONTACTS, or contacts.yaml in the
// config folder. Apart from contacts.ts so that finding it loads no YAML reader.
import { join } from 'node:path';
import envPaths from 'env-paths';
import type { Context } from '../core/context.js';

export function contactsPath(ctx: Context): { file: string; explicit: boolean } {
  const explicit = ctx.opts.contacts ?? ctx.env.JOUR_ROUTINE_CONTACTS;
  if (explicit) return { file: explicit, explicit: true };
  return { file: join(envPaths('jour-routine', { suffix: '' }).config, 'contacts.yaml'), explicit: false };
}
