// Loading a routine in a test: from texts held in memory (no disk: the file system is a map of
// absolute paths), or a bundled routine or fixture file read from the repository.
import path from 'node:path';
import { loadReferences, loadRoutine, type LoadResult } from '../../src/routine/load.js';
import type { CompiledRoutine } from '../../src/core/model.js';
import { readFileSafe } from '../../src/routine/registry.js';
import type { Reference } from '../../src/core/schema.js';
import { ROOT } from './cli.js';

export interface TestLoad {
  /** Legal references the routine may cite; none by default. */
  references?: ReadonlyMap<string, Reference>;
  /** The day review dates are judged on. */
  today?: string;
  /** Contact ids the routine may name. */
  contacts?: ReadonlySet<string>;
}

const context = (o: TestLoad) => ({ references: o.references ?? new Map(), today: o.today ?? '2026-11-28', contacts: o.contacts });

/** Loads `main` from files held in memory: absolute path to text (or bytes). */
export function loadFromTexts(main: string, files: Record<string, string | Uint8Array>, o: TestLoad = {}): LoadResult {
  const bytes = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v) : v]));
  return loadRoutine(main, { readFile: (f) => bytes.get(f), ...context(o) });
}

/** Loads a routine file from disk; a relative path is taken from the repository's root. */
export function loadFromFile(file: string, o: TestLoad = {}): LoadResult {
  return loadRoutine(path.resolve(ROOT, file), { readFile: readFileSafe, ...context(o) });
}

/** The compiled routine of a file that must load; its diagnostics in the error when it does not. */
export function routineFromFile(file: string, o: TestLoad = {}): CompiledRoutine {
  const res = loadFromFile(file, o);
  if (!res.routine) throw new Error(`${file} did not load: ${res.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`).join(', ')}`);
  return res.routine;
}

/** The legal references of the bundled routines (routines/references.yaml). */
export function bundledReferences(): Map<string, Reference> {
  return loadReferences(path.join(ROOT, 'routines', 'references.yaml'), readFileSafe).references;
}
