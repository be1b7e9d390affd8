// Loading one routine: bytes -> YAML with positions -> shape -> modules expanded -> checks.
// Pure: files come through `readFile`, today's date is passed in.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { checkConflicts } from './check-conflicts.js';
import { checkGraph } from './check-graph.js';
import { checkLater } from './check-later.js';
import { checkNotes } from './check-notes.js';
import { checkReferences } from './check-refs.js';
import { compileRoutine, type ModuleLookup, type Parsed } from './compile.js';
import { diag, hasErrors, sortDiagnostics, type Diagnostic, type Position } from '../core/diagnostics.js';
import type { CompiledRoutine } from '../core/model.js';
import type { ModuleFile, Reference, RoutineFile } from '../core/schema.js';
import { checkModuleShape, checkReferencesShape, checkRoutineShape, type ShapeResult } from './shape.js';
import { decodeBytes, locate, parseYaml, type Source } from './source.js';
import { firstUnsafeChar, sanitizeData } from '../core/terminal-text.js';

export type ReadFile = (file: string) => Uint8Array | undefined;

export interface LoadContext {
  readFile: ReadFile;
  references: ReadonlyMap<string, Reference>;
  today: string;
  contacts?: ReadonlySet<string> | undefined;
  /** The routine file as its caller has read it already (readSource), so that it is not parsed twice. */
  read?: ReadResult | undefined;
}

export interface LoadResult {
  routine?: CompiledRoutine;
  diagnostics: Diagnostic[];
}

export type ReadResult = { ok: true; source: Source } | { ok: false; diagnostics: Diagnostic[] };

export function readSource(file: string, readFile: ReadFile): ReadResult {
  const bytes = readFile(file);
  if (bytes === undefined) return { ok: false, diagnostics: [diag('file-unreadable', { file, line: 1, col: 1 })] };
  const decoded = decodeBytes(bytes, file);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  // Block-style `nodes:` (the way routines are written) is counted before parsing, so a planted
  // huge file costs a scan, not a parse; other styles are counted after parsing.
  const early = countBlockNodes(decoded.text);
  if (early.count > MAX_NODES) return { ok: false, diagnostics: [diag('too-many-nodes', { file, line: early.line, col: 1 }, { max: MAX_NODES })] };
  const parsed = parseYaml(decoded.text, file);
  if (parsed.ok) {
    const big = tooManyNodes(parsed.source);
    if (big) return { ok: false, diagnostics: [big] };
  }
  // Every string from a file is made terminal-safe here, once, so that no screen, prompt or error
  // downstream can show it raw; ids with such characters then fail their own check.
  if (parsed.ok) {
    const unsafe = sanitizeData(parsed.source.data);
    if (unsafe.length > 0) parsed.source.unsafe = unsafe;
  }
  return parsed;
}

/**
 * Nodes one routine or module file may hold. The bundled routines have 3 to 40; 10,000 is the size
 * the checker is measured and promised for (bench/validate.mjs, under a second). Beyond it a file
 * is refused before it is parsed, so one planted 60,000-node file cannot make every command slow.
 * Documented in docs/routine-format.md.
 */
export const MAX_NODES = 10_000;

function tooManyNodes(src: Source): Diagnostic | undefined {
  const nodes = (src.data as { nodes?: unknown } | null)?.nodes;
  if (nodes === null || typeof nodes !== 'object') return undefined;
  // Counting stops at the limit: no need to walk the rest of a huge mapping.
  let n = 0;
  for (const _k in nodes) if (++n > MAX_NODES) return diag('too-many-nodes', nodesKeyPos(src), { max: MAX_NODES });
  return undefined;
}

/**
 * The `nodes:` line found in the text: asking the position-keeping parser would parse the whole
 * huge file a second time, slowly, which is what the limit is there to avoid.
 */
function nodesKeyPos(src: Source): Position {
  const m = /^nodes\s*:/m.exec(src.text);
  if (!m) return { file: src.file, line: 1, col: 1 };
  let line = 1;
  for (let i = src.text.indexOf('\n'); i >= 0 && i < m.index; i = src.text.indexOf('\n', i + 1)) line++;
  return { file: src.file, line, col: 1 };
}

/** Keys directly under a top-level block `nodes:` (stops counting past the limit). */
function countBlockNodes(text: string): { count: number; line: number } {
  const m = /^nodes[ \t]*:[ \t]*(#.*)?\r?\n/m.exec(text);
  if (!m) return { count: 0, line: 1 };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
  let indent = -1;
  let count = 0;
  let pos = m.index + m[0].length;
  while (pos < text.length && count <= MAX_NODES) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let sp = pos;
    while (sp < end && text.charCodeAt(sp) === 32) sp++;
    const c = text.charCodeAt(sp);
    const blank = sp >= end || c === 35 /* # */ || c === 13;
    if (!blank) {
      const col = sp - pos;
      if (col === 0) break; // the next top-level key: nodes ended
      if (indent < 0) indent = col;
      if (col === indent && c !== 45 /* - */) count++;
    }
    pos = end + 1;
  }
  return { count, line };
}

/** A control character in a key or an id is an error (ids must be typed and compared); in a text, a warning. */
function unsafeDiagnostics(src: Source): Diagnostic[] {
  return (src.unsafe ?? []).map((path) => {
    const last = path[path.length - 1];
    const parent = path.length >= 2 ? path[path.length - 2] : undefined;
    const inKey = isKeyPath(src, path);
    const idLike = inKey || last === 'id' || last === 'next' || last === 'start' || last === 'module' || parent === 'params';
    return diag('control-character', locate(src, path, { key: inKey }), { char: firstUnsafeShown(src, path) }, idLike ? 'error' : 'warning');
  });
}

/** Was the escaped thing at this path a key (the value under the original key is gone)? */
function isKeyPath(src: Source, path: readonly (string | number)[]): boolean {
  let node: unknown = src.data;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[path[i] as string];
  }
  const last = path[path.length - 1];
  return typeof last === 'string' && node !== null && typeof node === 'object' && !Object.hasOwn(node, last);
}

function firstUnsafeShown(src: Source, path: readonly (string | number)[]): string {
  const last = path[path.length - 1];
  const raw = typeof last === 'string' && firstUnsafeChar(last) ? last : undefined;
  const shown = raw !== undefined ? firstUnsafeChar(raw)?.shown : undefined;
  if (shown) return shown;
  // For a value the text is already escaped: name the first escape in it.
  let node: unknown = src.data;
  for (const seg of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg as string] : undefined;
  return typeof node === 'string' ? (/\\u[0-9a-f]{4}/.exec(node)?.[0] ?? '?') : '?';
}

function parseAs<T>(file: string, readFile: ReadFile, shape: (s: Source) => ShapeResult<T>, done?: ReadResult): { ok: true; parsed: Parsed<T> } | { ok: false; diagnostics: Diagnostic[] } {
  const read = done ?? readSource(file, readFile);
  if (!read.ok) return read;
  const unsafe = unsafeDiagnostics(read.source);
  if (unsafe.some((d) => d.severity === 'error')) return { ok: false, diagnostics: unsafe };
  const r = shape(read.source);
  if (r.ok && unsafe.length > 0) warningsOf.set(read.source, unsafe);
  return r.ok ? { ok: true, parsed: { source: read.source, value: r.value } } : { ok: false, diagnostics: [...unsafe, ...r.diagnostics] };
}

/** Warnings found while reading a file that still loads, collected by loadRoutine. */
const warningsOf = new WeakMap<Source, Diagnostic[]>();

/** Does this YAML file hold a routine (as opposed to a module, references or contacts)? */
export function kindOfData(data: unknown): 'routine' | 'module' | 'references' | 'contacts' | 'scenario' | 'unknown' {
  if (!data || typeof data !== 'object') return 'unknown';
  const d = data as Record<string, unknown>;
  const has = (k: string) => Object.hasOwn(d, k);
  if (has('module')) return 'module';
  if (has('references')) return 'references';
  if (has('contacts')) return 'contacts';
  if (has('scenarios')) return 'scenario';
  if (has('id') || has('nodes')) return 'routine';
  return 'unknown';
}

const REVIEW_MAX_YEARS = 5;
const addYears = (date: string, years: number) => `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

function checkMeta(src: Source, r: RoutineFile, today: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (r.reviewed > r.review_by) out.push(diag('review-dates', locate(src, ['review_by']), { reviewed: r.reviewed, reviewBy: r.review_by }));
  else if (r.review_by < today) out.push(diag('review-overdue', locate(src, ['review_by']), { reviewBy: r.review_by }));
  else if (r.review_by > addYears(today, REVIEW_MAX_YEARS)) {
    // A review date decades away (a typo, or a way to silence the overdue warning) is no review.
    out.push(diag('review-far-future', locate(src, ['review_by']), { reviewBy: r.review_by, years: REVIEW_MAX_YEARS }));
  }
  if (!r.changelog.some((c) => c.version === r.version)) {
    out.push(diag('changelog-version', locate(src, ['version']), { version: r.version }));
  }
  return out;
}

/** Where a file includes a given path: the include line of the node that names it. */
function includePos(src: Source | undefined, from: string, include: string): Position {
  const nodes = (src?.data as { nodes?: Record<string, unknown> } | undefined)?.nodes;
  if (src && nodes && typeof nodes === 'object') {
    for (const [id, n] of Object.entries(nodes)) {
      if (n !== null && typeof n === 'object' && (n as { include?: unknown }).include === include) return locate(src, ['nodes', id, 'include']);
    }
  }
  return { file: from, line: 1, col: 1 };
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
  const parsed = parseAs<RoutineFile>(file, ctx.readFile, checkRoutineShape, ctx.read);
  if (!parsed.ok) return { diagnostics: sortDiagnostics(dedupe(parsed.diagnostics)) };
  const modules = new Map<string, ModuleLookup>();
  const sources = new Map<string, Source>([[file, parsed.parsed.source]]);
  // Includes stay inside the routine's own folder: `../../etc/passwd` or an absolute path is an
  // error at the include, and the target is never read (so its content is never echoed).
  const root = dirname(resolve(file));
  const loadModule = (from: string, include: string): ModuleLookup => {
    const path = resolve(dirname(from), include);
    const rel = relative(root, path);
    if (isAbsolute(include) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      return { ok: false, diagnostics: [diag('include-outside', includePos(sources.get(from), from, include), { module: include.slice(0, 80) })] };
    }
    const cached = modules.get(path);
    if (cached) return cached;
    let result: ModuleLookup;
    if (ctx.readFile(path) === undefined) result = { ok: false, missing: true };
    else {
      const m = parseAs<ModuleFile>(path, ctx.readFile, checkModuleShape);
      result = m.ok ? { ok: true, module: m.parsed } : { ok: false, diagnostics: m.diagnostics };
      if (m.ok) sources.set(path, m.parsed.source);
    }
    modules.set(path, result);
    return result;
  };
  const compiled = compileRoutine({ routine: parsed.parsed, loadModule, references: ctx.references });
  const diagnostics = [...checkMeta(parsed.parsed.source, parsed.parsed.value, ctx.today), ...compiled.diagnostics];
  for (const src of sources.values()) diagnostics.push(...(warningsOf.get(src) ?? []));
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

