// The routine folders on disk: the bundled one plus any given with --routines. This is the shell
// around the pure loader: it reads files, and the loader does the rest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { kindOfData, loadReferences, loadRoutine, readSource, type LoadResult, type ReadFile } from './load.js';
import type { CompiledRoutine } from './model.js';
import type { Reference } from './schema.js';
import { MAX_FILE_BYTES } from './source.js';

export const BUNDLED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'routines');
export const REFERENCES_FILE = 'references.yaml';

/** Reads a file for the loader; oversized files are not read into memory at all. */
export const readFileSafe: ReadFile = (file) => {
  try {
    const st = statSync(file);
    if (!st.isFile()) return undefined;
    if (st.size > MAX_FILE_BYTES) return new Uint8Array(MAX_FILE_BYTES + 1);
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

export interface Registry {
  folders: string[];
  references: Map<string, Reference & { file: string }>;
  routines: Map<string, { file: string; result: LoadResult }>;
  diagnostics: Diagnostic[];
}

function yamlFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => join(folder, e.name))
      .sort();
  } catch {
    return [];
  }
}

export function loadReferenceFiles(folders: string[]): { references: Registry['references']; diagnostics: Diagnostic[] } {
  const references: Registry['references'] = new Map();
  const diagnostics: Diagnostic[] = [];
  for (const folder of folders) {
    const file = join(folder, REFERENCES_FILE);
    if (readFileSafe(file) === undefined) continue;
    const r = loadReferences(file, readFileSafe);
    diagnostics.push(...r.diagnostics);
    for (const [id, ref] of r.references) {
      if (references.has(id)) diagnostics.push(diag('duplicate-id', { file, line: 1, col: 1 }, { id }));
      else references.set(id, ref);
    }
  }
  return { references, diagnostics };
}

/** Routine files of the given folders (top level only; modules live in modules/, scenarios in scenarios/). */
export function routineFiles(folders: string[]): string[] {
  return folders.flatMap(yamlFiles).filter((f) => basename(f) !== REFERENCES_FILE && basename(f) !== 'contacts.yaml');
}

export function openRegistry(opts: { extraFolders: string[]; today: string; contacts?: ReadonlySet<string> | undefined; bundled?: string }): Registry {
  const folders = [opts.bundled ?? BUNDLED_DIR, ...opts.extraFolders.map((f) => resolve(f))];
  const { references, diagnostics } = loadReferenceFiles(folders);
  const routines: Registry['routines'] = new Map();
  for (const file of routineFiles(folders)) {
    const result = loadRoutine(file, { readFile: readFileSafe, references, today: opts.today, contacts: opts.contacts });
    const id = result.routine?.id ?? idOf(file);
    if (routines.has(id)) {
      diagnostics.push(diag('duplicate-routine', { file, line: 1, col: 1 }, { id, other: routines.get(id)?.file ?? '' }));
      continue;
    }
    routines.set(id, { file, result });
  }
  return { folders, references, routines, diagnostics: sortDiagnostics(diagnostics) };
}

/** The id a routine file declares, read even when the file has errors, so that lists can name it. */
function idOf(file: string): string {
  const r = readSource(file, readFileSafe);
  if (r.ok && kindOfData(r.source.data) === 'routine') {
    const id = (r.source.data as { id?: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return basename(file).replace(/\.ya?ml$/i, '');
}

export function findRoutine(reg: Registry, idOrFile: string): { file: string; result: LoadResult } | undefined {
  const byId = reg.routines.get(idOrFile);
  if (byId) return byId;
  const abs = resolve(idOrFile);
  return [...reg.routines.values()].find((r) => r.file === abs);
}

export type { CompiledRoutine };
