// Loading one routine: bytes -> YAML with positions -> shape -> modules expanded -> checks.
// Pure: files come through `readFile`, today's date is passed in.
import { dirname, resolve } from 'node:path';
import { checkConflicts } from './check-conflicts.js';
import { checkGraph } from './check-graph.js';
import { checkLater } from './check-later.js';
import { checkNotes } from './check-notes.js';
import { checkReferences } from './check-refs.js';
import { compileRoutine, type ModuleLookup, type Parsed } from './compile.js';
import { diag, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { CompiledRoutine } from './model.js';
import type { ModuleFile, Reference, RoutineFile } from './schema.js';
import { checkModuleShape, checkReferencesShape, checkRoutineShape, type ShapeResult } from './shape.js';
import { decodeBytes, locate, parseYaml, type Source } from './source.js';

export type ReadFile = (file: string) => Uint8Array | undefined;

export interface LoadContext {
  readFile: ReadFile;
  references: ReadonlyMap<string, Reference>;
  today: string;
  contacts?: ReadonlySet<string> | undefined;
}

export interface LoadResult {
  routine?: CompiledRoutine;
  diagnostics: Diagnostic[];
}

type ReadResult = { ok: true; source: Source } | { ok: false; diagnostics: Diagnostic[] };

export function readSource(file: string, readFile: ReadFile): ReadResult {
  const bytes = readFile(file);
  if (bytes === undefined) return { ok: false, diagnostics: [diag('file-unreadable', { file, line: 1, col: 1 })] };
  const decoded = decodeBytes(bytes, file);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  return parseYaml(decoded.text, file);
}

function parseAs<T>(file: string, readFile: ReadFile, shape: (s: Source) => ShapeResult<T>): { ok: true; parsed: Parsed<T> } | { ok: false; diagnostics: Diagnostic[] } {
  const read = readSource(file, readFile);
  if (!read.ok) return read;
  const r = shape(read.source);
  return r.ok ? { ok: true, parsed: { source: read.source, value: r.value } } : r;
}

/** Does this YAML file hold a routine (as opposed to a module, references or contacts)? */
export function kindOfData(data: unknown): 'routine' | 'module' | 'references' | 'contacts' | 'scenario' | 'unknown' {
  if (!data || typeof data !== 'object') return 'unknown';
  const d = data as Record<string, unknown>;
  if ('module' in d) return 'module';
  if ('references' in d) return 'references';
  if ('contacts' in d) return 'contacts';
  if ('scenarios' in d) return 'scenario';
  if ('id' in d || 'nodes' in d) return 'routine';
  return 'unknown';
}

function checkMeta(src: Source, r: RoutineFile, today: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (r.reviewed > r.review_by) out.push(diag('review-dates', locate(src, ['review_by']), { reviewed: r.reviewed, reviewBy: r.review_by }));
  else if (r.review_by < today) out.push(diag('review-overdue', locate(src, ['review_by']), { reviewBy: r.review_by }));
  if (!r.changelog.some((c) => c.version === r.version)) {
    out.push(diag('changelog-version', locate(src, ['version']), { version: r.version }));
  }
  return out;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.line}:${d.col}:${d.code}:${JSON.stringify(d.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function loadRoutine(file: string, ctx: LoadContext): LoadResult {
  const parsed = parseAs<RoutineFile>(file, ctx.readFile, checkRoutineShape);
  if (!parsed.ok) return { diagnostics: sortDiagnostics(dedupe(parsed.diagnostics)) };
  const modules = new Map<string, ModuleLookup>();
  const loadModule = (from: string, include: string): ModuleLookup => {
    const path = resolve(dirname(from), include);
    const cached = modules.get(path);
    if (cached) return cached;
    let result: ModuleLookup;
    if (ctx.readFile(path) === undefined) result = { ok: false, missing: true };
    else {
      const m = parseAs<ModuleFile>(path, ctx.readFile, checkModuleShape);
      result = m.ok ? { ok: true, module: m.parsed } : { ok: false, diagnostics: m.diagnostics };
    }
    modules.set(path, result);
    return result;
  };
  const compiled = compileRoutine({ routine: parsed.parsed, loadModule, references: ctx.references });
  const diagnostics = [...checkMeta(parsed.parsed.source, parsed.parsed.value, ctx.today), ...compiled.diagnostics];
  if (compiled.routine) {
    diagnostics.push(...checkGraph(compiled.routine));
    diagnostics.push(...checkReferences(compiled.routine, compiled.uses, { today: ctx.today, contacts: ctx.contacts }));
    diagnostics.push(...checkConflicts(compiled.routine, compiled.uses));
    diagnostics.push(...checkLater(compiled.routine));
    diagnostics.push(...checkNotes(compiled.routine, compiled.uses));
  }
  const all = sortDiagnostics(dedupe(diagnostics));
  return hasErrors(all) || !compiled.routine ? { diagnostics: all } : { routine: compiled.routine, diagnostics: all };
}

export function loadReferences(file: string, readFile: ReadFile): { references: Map<string, Reference & { file: string }>; diagnostics: Diagnostic[] } {
  const parsed = parseAs(file, readFile, checkReferencesShape);
  if (!parsed.ok) return { references: new Map(), diagnostics: parsed.diagnostics };
  const references = new Map<string, Reference & { file: string }>();
  for (const [id, ref] of Object.entries(parsed.parsed.value.references)) references.set(id, { ...ref, file });
  const diagnostics: Diagnostic[] = [];
  for (const [id, ref] of references) {
    if (ref.valid_until !== undefined && ref.valid_until < ref.valid_from) {
      diagnostics.push(diag('review-dates', locate(parsed.parsed.source, ['references', id, 'valid_until']), { reviewed: ref.valid_from, reviewBy: ref.valid_until }));
    }
  }
  return { references, diagnostics };
}

