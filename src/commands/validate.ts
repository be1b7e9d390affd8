// `jour-routine validate [PATH...]`: every problem in every file, one line each, in one run.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { todayLocal, type Context } from '../core/context.js';
import { EXIT } from '../core/errors.js';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { kindOfData, loadRoutine, readSource } from '../routine/load.js';
import { indexPositions } from '../routine/source.js';
import { BUNDLED_DIR, loadReferenceFiles, openRegistry, readFileSafe, routineFiles } from '../routine/registry.js';
import { ScenarioFileSchema } from '../owner/scenario.js';
import { checkContactsShape, checkModuleShape, checkReferencesShape, parseWith } from '../routine/shape.js';
import { checkedFolders, formatDiagnostic, notFiles } from './shared.js';
import { loadContactRoles } from '../routine/contacts.js';

export interface ValidateOptions {
  strict?: boolean;
  json?: boolean;
  verbose?: boolean;
}

type References = ReturnType<typeof loadReferenceFiles>;

/** What every routine file in a run is checked against, read once per run rather than per file. */
interface Shared {
  today: string;
  contacts: ReadonlySet<string> | undefined;
  /** References by the folder of the routine file (its own references.yaml joins the configured ones). */
  references: (folder: string) => { refs: References; first: boolean };
}

function sharedInputs(ctx: Context, folders: string[]): Shared {
  const byFolder = new Map<string, References>();
  return {
    today: todayLocal(ctx),
    contacts: loadContactRoles(ctx)?.roles,
    references: (folder) => {
      const cached = byFolder.get(folder);
      if (cached) return { refs: cached, first: false };
      const refs = loadReferenceFiles([...new Set([BUNDLED_DIR, ...folders.map((f) => resolve(f)), folder])]);
      byFolder.set(folder, refs);
      return { refs, first: true };
    },
  };
}

/** Checks one file of any kind the tool reads, choosing the check by what the file holds. */
function validateFile(file: string, shared: Shared): Diagnostic[] {
  const src = readSource(file, readFileSafe);
  if (!src.ok) return src.diagnostics;
  indexPositions(src.source);
  const kind = kindOfData(src.source.data);
  const shapeOnly = (r: { ok: true } | { ok: false; diagnostics: Diagnostic[] }) => (r.ok ? [] : r.diagnostics);
  if (kind === 'module') return shapeOnly(checkModuleShape(src.source));
  if (kind === 'references') return shapeOnly(checkReferencesShape(src.source));
  if (kind === 'contacts') return shapeOnly(checkContactsShape(src.source));
  if (kind === 'scenario') return shapeOnly(parseWith(ScenarioFileSchema, src.source, src.source.data, []));
  const { refs, first } = shared.references(dirname(file));
  // The file read above is handed on: a 2 MB routine parsed twice held both parses in memory at once.
  const r = loadRoutine(file, { readFile: readFileSafe, references: refs.references, today: shared.today, contacts: shared.contacts, read: src });
  // A broken references file is reported once, not again for every routine beside it.
  return [...(first ? refs.diagnostics : []), ...r.diagnostics];
}

function collect(ctx: Context, paths: string[]): { files: number; diagnostics: Diagnostic[] } {
  if (paths.length === 0) {
    // Always checked afresh: the compiled-routine cache is for the commands that run routines.
    const reg = openRegistry({ extraFolders: checkedFolders(ctx), today: todayLocal(ctx), contacts: loadContactRoles(ctx)?.roles });
    const all = [...reg.diagnostics, ...notFiles(reg.folders), ...[...reg.routines.values()].flatMap((r) => r.result.diagnostics)];
    return { files: reg.routines.size, diagnostics: all };
  }
  const shared = sharedInputs(ctx, checkedFolders(ctx));
  const files = paths.flatMap((p) => {
    const abs = resolve(p);
    try {
      if (statSync(abs).isDirectory()) return routineFiles([abs]);
    } catch {
      // A missing path is reported by the loader as unreadable, with its name.
    }
    return [abs];
  });
  const diagnostics = files.flatMap((f) => validateFile(f, shared));
  return { files: files.length, diagnostics };
}

export function validateAction(ctx: Context, paths: string[], o: ValidateOptions): number {
    const { files, diagnostics } = collect(ctx, paths);
    const all = sortDiagnostics(diagnostics).map((d) =>
      o.strict && d.severity === 'warning' ? { ...d, severity: 'error' as const } : d,
    );
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.filter((d) => d.severity === 'warning').length;
    if (o.json) {
      const out = all.map((d) => ({ ...d, message: ctx.msg(`diag.${d.code}`, d.params) }));
      ctx.out(JSON.stringify({ files, errors, warnings, diagnostics: out }, null, 2));
    } else {
      for (const d of all) if (d.severity !== 'info' || o.verbose) ctx.err(formatDiagnostic(ctx, d));
      const infos = all.length - errors - warnings;
      ctx.err(ctx.msg('cli.validate.summary', { files, errors, warnings, infos }));
    }
    return errors > 0 ? EXIT.failed : EXIT.ok;
}
