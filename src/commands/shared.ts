// Helpers several commands share: opening the routine folders, and printing diagnostics.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import type { Context } from '../core/context.js';
import { todayLocal } from '../core/context.js';
import { CliError, EXIT } from '../core/errors.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledRoutine } from '../core/model.js';
import { findRoutine, openCached, readFileSafe, registryFolders } from '../routine/cache.js';
import type { Registry } from '../routine/registry.js';
import { contactsPath } from '../routine/contacts-path.js';

export function routineFolders(ctx: Context): string[] {
  // The OS's own list separator: ';' on Windows, where ':' is part of a drive letter.
  const fromEnv = (ctx.env.JOUR_ROUTINE_ROUTINES ?? '').split(delimiter).filter((s) => s !== '');
  return [...fromEnv, ...(ctx.opts.routines ?? [])];
}

/**
 * The folders the user named. One that is not there (a typo, an unmounted share) is an error, not
 * an empty list: otherwise `list` says all is well with the routines missing.
 */
export function checkedFolders(ctx: Context): string[] {
  const folders = routineFolders(ctx);
  for (const dir of folders) {
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new CliError('hostile.routinesMissing', { dir }, EXIT.failed);
  }
  return folders;
}

/**
 * The routines of every folder, from the compiled-routine cache when no file they were built from
 * has changed (see routine/cache.ts), else loaded and checked afresh.
 */
export async function openRoutines(ctx: Context): Promise<Registry> {
  const extraFolders = checkedFolders(ctx);
  const today = todayLocal(ctx);
  const contacts = contactsPath(ctx);
  const reg = await openCached({
    folders: registryFolders(extraFolders),
    today,
    // An absent default file is no contacts at all; a named one is read (and must be sound).
    contactsFile: contacts.explicit || readFileSafe(contacts.file) !== undefined ? contacts.file : undefined,
    env: ctx.env,
    // The loader (YAML readers, schema) is imported only on a miss.
    build: async (readFile) => {
      const [{ openRegistry }, { loadContactRoles }] = await Promise.all([import('../routine/registry.js'), import('../routine/contacts.js')]);
      const local = loadContactRoles(ctx);
      // The contacts go into the cache with the routines: a warm start reads no YAML for them either.
      return { ...openRegistry({ extraFolders, today, contacts: local?.roles, readFile }), contacts: local?.contacts };
    },
  });
  reg.diagnostics.push(...notFiles(reg.folders));
  return reg;
}

/** A folder (or FIFO, device…) named like a routine file is reported, not skipped in silence. */
export function notFiles(folders: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const folder of folders) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!/\.ya?ml$/i.test(e.name) || e.isFile()) continue;
      const file = join(folder, e.name);
      let regular = false;
      try {
        regular = statSync(file).isFile(); // a link to a plain file is fine
      } catch {
        // a dangling link or a loop: not a file either
      }
      if (!regular) out.push(diag('not-a-file', { file, line: 1, col: 1 }));
    }
  }
  return out;
}


export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

export function formatDiagnostic(ctx: Context, d: Diagnostic): string {
  const colour = d.severity === 'error' ? ctx.c.red : d.severity === 'warning' ? ctx.c.yellow : ctx.c.cyan;
  return `${displayPath(d.file)}:${d.line}:${d.col}: ${colour(ctx.msg(`severity.${d.severity}`))} ${d.code}: ${ctx.msg(`diag.${d.code}`, d.params)}`;
}

/** The routine a command names, loaded and checked; a routine with errors is refused, pointing at `validate`. */
export function requireRoutine(ctx: Context, reg: Registry, name: string): CompiledRoutine {
  const found = findRoutine(reg, name);
  if (!found) throw new CliError('cli.routineNotFound', { routine: name, list: [...reg.routines.keys()].join(', ') }, EXIT.failed);
  if (!found.result.routine) {
    const first = found.result.diagnostics.find((d) => d.severity === 'error');
    throw new CliError('cli.routineHasErrors', { routine: name, first: first ? formatDiagnostic({ ...ctx, c: ctx.c }, first) : '' }, EXIT.failed);
  }
  return found.result.routine;
}
