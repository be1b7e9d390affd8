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
import type { LoadResult } from './load.js';

/** Bumped whenever what is stored changes shape. */
const FORMAT = 3;
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

export const sumOf = (routines: [string, string, string][]): string => {
  const h = createHash('sha256');
  for (const [id, file, text] of routines) h.update(`${id}\0${file}\0${text}\0`);
  return h.digest('hex');
};
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
  /** The registry but its routines. */
  registry: Stored;
  /**
   * Each routine's id, file and load result (the compiled routine and its diagnostics), the result
   * as JSON text of its own, parsed when a command first asks for it: `start exempel` reads the
   * one routine it walks, not every routine in the folders.
   */
  routines: [string, string, string][];
  /**
   * The sha256 of the routines' texts: they are parsed only when first read, too late to fall back
   * to the files, so a damaged text must be found when the entry is opened.
   */
  sum: string;
}

/** A value as JSON data: where its Maps were (outermost first), and what it holds more than once. */
interface Stored {
  data: unknown;
  maps: Path[];
  /** [where, first seen]: stored once (each routine's legal references are the registry's). */
  same: [Path, Path][];
}

/** A path that starts with this runs from the registry, not from the routine's own result. */
const IN_REGISTRY = '\u0000registry';

/** Property names, array indices and Map keys from the registry down to a value. */
type Path = (string | number)[];
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
  writeEntry(dir, file, { format: FORMAT, version: VERSION, listing, deps }, registry);
  return registry;
}

function readEntry(file: string, listing: string[]): Registry | undefined {
  let entry: Entry;
  try {
    // A plain parse: a reviver is called for every value and doubled the time of a warm start's read.
    entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  if (entry.format !== FORMAT || entry.version !== VERSION || !entry.registry || typeof entry.deps !== 'object') return undefined;
  if (!Array.isArray(entry.routines) || !entry.routines.every((r) => Array.isArray(r) && r.length === 3 && r.every((x) => typeof x === 'string'))) return undefined;
  if (JSON.stringify(entry.listing) !== JSON.stringify(listing)) return undefined;
  if (entry.sum !== sumOf(entry.routines)) return undefined;
  for (const [f, h] of Object.entries(entry.deps)) if (hashOf(readFileSafe(f)) !== h) return undefined;
  try {
    const registry = revive(entry.registry, undefined) as Registry;
    registry.routines = new Map(entry.routines.map(([id, routineFile, text]) => [id, lazyRoutine(routineFile, text, registry)]));
    return registry;
  } catch {
    return undefined; // a damaged entry is a miss like any other doubt
  }
}

/** A routine of the registry whose load result is parsed from its stored text when first read. */
function lazyRoutine(file: string, text: string, registry: Registry): { file: string; result: LoadResult } {
  let result: LoadResult | undefined;
  return {
    file,
    get result(): LoadResult {
      return (result ??= revive(JSON.parse(text) as Stored, registry) as LoadResult);
    },
  };
}

function writeEntry(dir: string, file: string, entry: Omit<Entry, 'registry' | 'routines' | 'sum'>, registry: Registry): void {
  let tmp: string | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const { routines, ...rest } = registry;
    const seen = new Map<object, Path>();
    const stored = toData(rest, seen);
    // What the registry holds is pointed to from the routines (their legal references), not repeated.
    const inRegistry = new Map([...seen].map(([o, p]) => [o, [IN_REGISTRY, ...p]]));
    const each = [...routines].map(([id, r]): [string, string, string] => [id, r.file, JSON.stringify(toData(r.result, new Map(inRegistry)))]);
    const text = JSON.stringify({ ...entry, registry: stored, routines: each, sum: sumOf(each) });
    tmp = join(dir, `.routines-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
    // Atomic: a reader sees the old entry or the new one, never half of one.
    renameSync(tmp, file);
  } catch {
    // The cache only saves time: a read-only or full disk must not stop the caseworker.
    if (tmp !== undefined) rmSync(tmp, { force: true });
  }
}

// Maps, positions and shared objects are what JSON cannot carry as they are. A Map is stored as its
// entries and its path noted, so that reading rebuilds exactly those without visiting every value;
// what is met again is stored once. A position is stored resolved (line and column, read through
// the loader's lazy getters while the YAML is still at hand) as a plain { file, line, col }.

/** A value as plain JSON data; `seen` holds what was stored already (and where), and is added to. */
function toData(root: unknown, seen: Map<object, Path>): Stored {
  const maps: Path[] = [];
  const same: [Path, Path][] = [];
  const data = (v: unknown, path: Path): unknown => {
    if (v === null || typeof v !== 'object') return v;
    // As JSON.stringify would: an object that says how it is written (a Date) is written so.
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return data((v as { toJSON: () => unknown }).toJSON(), path);
    if (!(v instanceof Map) && !Array.isArray(v) && isPosition(v)) return { file: v.file, line: v.line, col: v.col };
    const first = seen.get(v);
    if (first && worthSharing(v)) {
      same.push([path, first]);
      return null;
    }
    if (!first) seen.set(v, path);
    if (v instanceof Map) {
      maps.push(path);
      return [...v].map(([k, x]) => [k, data(x, [...path, k as string])]);
    }
    if (Array.isArray(v)) return v.map((x, i) => data(x, [...path, i]));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && typeof x !== 'function') out[k] = data(x, [...path, k]);
    return out;
  };
  return { data: data(root, []), maps, same };
}

/**
 * Stored once and pointed to: every Map (a routine's references are a copy of the registry's, with
 * the same entries) and any larger object (each legal reference, shared by every routine).
 */
const worthSharing = (v: object): boolean => v instanceof Map || JSON.stringify(v).length > 200;

function isPosition(v: object): v is { file: string; line: number; col: number } {
  // A bare position (not a diagnostic, which carries its own file, line and column as data).
  const o = v as Record<string, unknown>;
  return typeof o.file === 'string' && !('code' in o) && 'line' in o && 'col' in o && (Object.getPrototypeOf(v) !== Object.prototype || Object.keys(v).length === 3);
}

const child = (c: unknown, k: string | number): unknown => (c instanceof Map ? c.get(k) : (c as Record<string | number, unknown>)[k]);

function at(root: unknown, path: Path): { parent: unknown; key: string | number } {
  if (path.length === 0) throw new Error('the root is no Map');
  let parent = root;
  for (const k of path.slice(0, -1)) parent = child(parent, k);
  if (parent === null || typeof parent !== 'object') throw new Error('no such path');
  return { parent, key: path[path.length - 1] as string | number };
}

function put(parent: unknown, key: string | number, v: unknown): void {
  if (parent instanceof Map) parent.set(key, v);
  else (parent as Record<string | number, unknown>)[key] = v;
}

/**
 * A value back from its data: the Maps rebuilt outermost first (so inner paths run through them),
 * then what is stored once put in its other places, from `registry` for a path that starts there.
 */
function revive(stored: Stored, registry: unknown): unknown {
  const root = stored.data;
  for (const path of stored.maps) {
    const { parent, key } = at(root, path);
    const entries = child(parent, key);
    if (!Array.isArray(entries)) throw new Error('not a stored Map');
    put(parent, key, new Map(entries as [unknown, unknown][]));
  }
  for (const [path, first] of stored.same) {
    const { parent, key } = at(root, path);
    const shared = first[0] === IN_REGISTRY ? at(registry, first.slice(1)) : at(root, first);
    put(parent, key, child(shared.parent, shared.key));
  }
  return root;
}
