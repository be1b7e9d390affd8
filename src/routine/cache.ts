// The compiled-routine cache: the checked and compiled routines of a set of folders, stored as one
// JSON file in the per-user cache folder, so that a command opens them without parsing YAML or
// running the schema. It is never trusted over the files: an entry lists every file the routines
// were built from (routines, modules, references, contacts) with a content hash, and any file that
// differs, appears or goes missing means a rebuild. Any doubt (unreadable, another format, another
// version of the tool) is a miss, and a miss is the full loader.
//
// This module imports no YAML library and no schema: on a hit, nothing else of the loader loads.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';
import { VERSION } from '../core/version.js';
import type { Registry } from './registry.js';

/** Bumped whenever what is stored changes shape. */
const FORMAT = 2;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const REFERENCES_FILE = 'references.yaml';

export const BUNDLED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'routines');

/** Every folder read, the bundled one first. */
export function registryFolders(extraFolders: string[], bundled?: string): string[] {
  return [bundled ?? BUNDLED_DIR, ...extraFolders.map((f) => resolve(f))];
}

export type ReadFile = (file: string) => Uint8Array | undefined;

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

/** Routine files of the given folders (top level only; modules live in modules/, scenarios in scenarios/). */
export function routineFiles(folders: string[]): string[] {
  return folders.flatMap(yamlFiles).filter((f) => basename(f) !== REFERENCES_FILE && basename(f) !== 'contacts.yaml');
}

export function findRoutine<R extends { file: string }>(reg: { routines: Map<string, R> }, idOrFile: string): R | undefined {
  const byId = reg.routines.get(idOrFile);
  if (byId) return byId;
  const abs = resolve(idOrFile);
  return [...reg.routines.values()].find((r) => r.file === abs);
}

/** The folder the cache lives in, or undefined when it is switched off. */
export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const off = env.JOUR_ROUTINE_NO_CACHE;
  if (off !== undefined && off !== '' && off !== '0') return undefined;
  return env.JOUR_ROUTINE_CACHE || envPaths('jour-routine', { suffix: '' }).cache;
}

const hashOf = (bytes: Uint8Array | undefined): string | null => (bytes === undefined ? null : createHash('sha256').update(bytes).digest('hex'));

export interface CachedOpen {
  /** Every folder read, the bundled one first, resolved. */
  folders: string[];
  today: string;
  /** The contacts file in use, if one is configured or present: its roles decide some checks. */
  contactsFile?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** The full loader, for a miss: given a reader that records every file it reads. */
  build: (readFile: ReadFile) => Promise<Registry>;
}

interface Entry {
  format: number;
  version: string;
  listing: string[];
  /** Every file read while building, with its sha256 (null: it did not exist). */
  deps: Record<string, string | null>;
  registry: unknown;
}

/** The registry from the cache when every file it was built from is unchanged; otherwise built afresh and stored. */
export async function openCached(o: CachedOpen): Promise<Registry> {
  const dir = cacheDir(o.env);
  if (dir === undefined) return o.build(readFileSafe);
  // One entry per set of folders, day (review dates and reference validity depend on it) and contacts file.
  const key = createHash('sha256').update(JSON.stringify([FORMAT, VERSION, o.folders, o.today, o.contactsFile ?? null])).digest('hex').slice(0, 32);
  const file = join(dir, `routines-${key}.json`);
  const listing = routineFiles(o.folders);
  const hit = readEntry(file, listing);
  if (hit) return hit;

  const deps: Record<string, string | null> = {};
  const recording: ReadFile = (f) => {
    const bytes = readFileSafe(f);
    deps[resolve(f)] = hashOf(bytes);
    return bytes;
  };
  if (o.contactsFile !== undefined) recording(o.contactsFile);
  const registry = await o.build(recording);
  for (const f of listing) if (!(resolve(f) in deps)) recording(f);
  writeEntry(dir, file, { format: FORMAT, version: VERSION, listing, deps, registry: null }, registry);
  return registry;
}

function readEntry(file: string, listing: string[]): Registry | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8'), revive) as Entry;
  } catch {
    return undefined;
  }
  if (entry.format !== FORMAT || entry.version !== VERSION || !entry.registry || typeof entry.deps !== 'object') return undefined;
  if (JSON.stringify(entry.listing) !== JSON.stringify(listing)) return undefined;
  for (const [f, h] of Object.entries(entry.deps)) if (hashOf(readFileSafe(f)) !== h) return undefined;
  return entry.registry as Registry;
}

function writeEntry(dir: string, file: string, entry: Entry, registry: Registry): void {
  let tmp: string | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const text = JSON.stringify({ ...entry, registry }, replace);
    tmp = join(dir, `.routines-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
    // Atomic: a reader sees the old entry or the new one, never half of one.
    renameSync(tmp, file);
  } catch {
    // The cache only saves time: a read-only or full disk must not stop the caseworker.
    if (tmp !== undefined) rmSync(tmp, { force: true });
  }
}

// Maps and positions are what JSON cannot carry as they are. A position is stored resolved
// (line and column, read through the lazy getters while the YAML is still at hand).
const MAP = '\u0000map';
const POS = '\u0000pos';

function replace(this: unknown, _key: string, v: unknown): unknown {
  if (v instanceof Map) return { [MAP]: [...v] };
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && isPosition(v)) return { [POS]: [v.file, v.line, v.col] };
  return v;
}

function isPosition(v: object): v is { file: string; line: number; col: number } {
  // A bare position (not a diagnostic, which carries its own file, line and column as data).
  const o = v as Record<string, unknown>;
  return typeof o.file === 'string' && !('code' in o) && 'line' in o && 'col' in o && (Object.getPrototypeOf(v) !== Object.prototype || Object.keys(v).length === 3);
}

function revive(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (MAP in o) return new Map(o[MAP] as [unknown, unknown][]);
    if (POS in o) {
      const [file, line, col] = o[POS] as [string, number, number];
      return { file, line, col };
    }
  }
  return v;
}
