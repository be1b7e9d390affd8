// Helpers several commands share: opening the routine folders, and printing diagnostics.
import { delimiter, relative } from 'node:path';
import type { Context } from '../context.js';
import { todayLocal } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import type { Diagnostic } from '../routine/diagnostics.js';
import type { CompiledRoutine } from '../routine/model.js';
import { findRoutine, openRegistry, type Registry } from '../routine/registry.js';
import { loadContactRoles } from '../routine/contacts.js';

export function routineFolders(ctx: Context): string[] {
  // The OS's own list separator: ';' on Windows, where ':' is part of a drive letter.
  const fromEnv = (ctx.env.JOUR_ROUTINE_ROUTINES ?? '').split(delimiter).filter((s) => s !== '');
  return [...fromEnv, ...(ctx.opts.routines ?? [])];
}

export function openRoutines(ctx: Context): Registry {
  return openRegistry({ extraFolders: routineFolders(ctx), today: todayLocal(ctx), contacts: loadContactRoles(ctx)?.roles });
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

/** Session ids are lower case on disk; one read aloud or typed from a note may come in capitals. */
export const sessionIdArg = (v: string): string => v.trim().toLowerCase();
