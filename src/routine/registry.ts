// The routine folders on disk: the bundled one plus any given with --routines. This is the shell
// around the pure loader: it reads files, and the loader does the rest.
import { basename, join } from 'node:path';
import { diag, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { kindOfData, loadReferences, loadRoutine, readSource, type LoadResult, type ReadFile } from './load.js';
import type { CompiledRoutine } from '../core/model.js';
import type { ContactsFile, Reference } from '../core/schema.js';
import { readFileSafe, REFERENCES_FILE, registryFolders, routineFiles } from './cache.js';

// The folders, listing and reading live with the cache, which must do all three without loading the loader.
export { BUNDLED_DIR, findRoutine, readFileSafe, REFERENCES_FILE, registryFolders, routineFiles } from './cache.js';

export interface Registry {
  folders: string[];
  references: Map<string, Reference & { file: string }>;
  routines: Map<string, { file: string; result: LoadResult }>;
  diagnostics: Diagnostic[];
  /** The local contacts the routines were checked against, kept with them so the walk shows them. */
  contacts?: ContactsFile | undefined;
}

export function loadReferenceFiles(folders: string[], readFile: ReadFile = readFileSafe): { references: Registry['references']; diagnostics: Diagnostic[] } {
  const references: Registry['references'] = new Map();
  const diagnostics: Diagnostic[] = [];
  for (const folder of folders) {
    const file = join(folder, REFERENCES_FILE);
    if (readFile(file) === undefined) continue;
    const r = loadReferences(file, readFile);
    diagnostics.push(...r.diagnostics);
    for (const [id, ref] of r.references) {
      if (references.has(id)) diagnostics.push(diag('duplicate-id', { file, line: 1, col: 1 }, { id }));
      else references.set(id, ref);
    }
  }
  return { references, diagnostics };
}

export function openRegistry(opts: { extraFolders: string[]; today: string; contacts?: ReadonlySet<string> | undefined; bundled?: string; readFile?: ReadFile }): Registry {
  const readFile = opts.readFile ?? readFileSafe;
  const folders = registryFolders(opts.extraFolders, opts.bundled);
  const { references, diagnostics } = loadReferenceFiles(folders, readFile);
  const routines: Registry['routines'] = new Map();
  for (const file of routineFiles(folders)) {
    const result = loadRoutine(file, { readFile, references, today: opts.today, contacts: opts.contacts });
    const id = result.routine?.id ?? idOf(file, readFile);
    if (routines.has(id)) {
      diagnostics.push(diag('duplicate-routine', { file, line: 1, col: 1 }, { id, other: routines.get(id)?.file ?? '' }));
      continue;
    }
    routines.set(id, { file, result });
  }
  return { folders, references, routines, diagnostics: sortDiagnostics(diagnostics) };
}

/** The id a routine file declares, read even when the file has errors, so that lists can name it. */
function idOf(file: string, readFile: ReadFile): string {
  const r = readSource(file, readFile);
  if (r.ok && kindOfData(r.source.data) === 'routine') {
    const id = (r.source.data as { id?: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return basename(file).replace(/\.ya?ml$/i, '');
}

export type { CompiledRoutine };
