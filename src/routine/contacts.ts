// The local contacts file: names and numbers that differ per municipality, referred to by role
// from the routines. Found by --contacts, JOUR_ROUTINE_CONTACTS, or contacts.yaml in the config folder.
import type { Context } from '../core/context.js';
import { CliError } from '../core/errors.js';
import { contactsPath } from './contacts-path.js';
import { readSource } from './load.js';
import { readFileSafe } from './registry.js';
import type { ContactsFile } from '../core/schema.js';
import { checkContactsShape } from './shape.js';
import type { Diagnostic } from '../core/diagnostics.js';

export { contactsPath };

export function readContacts(file: string): { ok: true; contacts: ContactsFile } | { ok: false; diagnostics: Diagnostic[] } {
  const src = readSource(file, readFileSafe);
  if (!src.ok) return src;
  const r = checkContactsShape(src.source);
  return r.ok ? { ok: true, contacts: r.value } : r;
}

/** The contacts, or undefined when no file is configured; a broken file the user named is an error. */
export function loadContactRoles(ctx: Context): { contacts: ContactsFile; roles: Set<string> } | undefined {
  const { file, explicit } = contactsPath(ctx);
  if (!explicit && readFileSafe(file) === undefined) return undefined;
  const r = readContacts(file);
  if (!r.ok) {
    const d = r.diagnostics[0];
    throw new CliError('cli.contactsBroken', { where: d ? `${d.file}:${d.line}:${d.col}` : file, message: d ? ctx.msg(`diag.${d.code}`, d.params) : '' });
  }
  return { contacts: r.contacts, roles: new Set(Object.keys(r.contacts.contacts)) };
}
