// Sessions on disk for the checklist, export and vignette tests, written the way the tool writes
// them (createSession + appendEvent + snapshot), so the CLI can open them with --data-dir.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startedFor } from '../../src/session/started.js';
import { runAnswers } from '../../src/engine/answers.js';
import { replay } from '../../src/engine/walk.js';
import { loadReferences, loadRoutine } from '../../src/routine/load.js';
import type { CompiledRoutine } from '../../src/core/model.js';
import { findRoutine, openRegistry, readFileSafe } from '../../src/routine/registry.js';
import type { Reference } from '../../src/core/schema.js';
import type { SessionEvent, Started } from '../../src/core/events.js';
import { sessionsDir } from '../../src/session/paths.js';
import { snapshotFile, writeSnapshot } from '../../src/session/snapshot-write.js';
import { appendEvent, createSession } from '../../src/session/store.js';
import { ROOT } from './cli.js';

export const TODAY = '2026-11-28';
export const NOTES = join(ROOT, 'tests', 'fixtures', 'notes');

/** A routine as the CLI's registry sees it (bundled folder plus extra folders). */
export function registryRoutine(id: string, extraFolders: string[] = []): CompiledRoutine {
  const reg = openRegistry({ extraFolders: extraFolders.map((f) => resolve(ROOT, f)), today: TODAY });
  const r = findRoutine(reg, id)?.result;
  if (!r?.routine) throw new Error(`routine ${id}: ${JSON.stringify(r?.diagnostics.slice(0, 3))}`);
  return r.routine;
}

export interface Frozen {
  routine: CompiledRoutine;
  snapshot: string;
}

/**
 * A routine loaded from fixture files under fixed virtual paths with a frozen references file, so
 * its content hash is the same on every machine and checkout (the registry's hash includes the
 * references file's absolute path). Sessions of it are opened from their snapshot.
 */
export function frozenRoutine(routineRel: string, refsRel = 'references.yaml', files: string[] = []): Frozen {
  const virtual = (rel: string) => resolve('/jour-routine-fixture', rel);
  const texts: Record<string, string> = {};
  for (const rel of [routineRel, ...files]) texts[virtual(rel)] = readFileSync(join(NOTES, rel), 'utf8');
  const refs = loadReferences(join(NOTES, refsRel), readFileSafe).references;
  const plain: Record<string, Reference> = {};
  for (const [id, { file: _file, ...ref }] of refs) plain[id] = ref;
  const enc = new TextEncoder();
  const readFile = (f: string) => (f in texts ? enc.encode(texts[f]) : undefined);
  const loaded = loadRoutine(virtual(routineRel), { readFile, references: new Map(Object.entries(plain)), today: TODAY });
  if (!loaded.routine) throw new Error(`fixture routine: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
  const snapshot = JSON.stringify({ routine_file: virtual(routineRel), files: texts, references: plain });
  return { routine: loaded.routine, snapshot };
}

export interface StartOpts {
  at: string;
  case_ref?: string;
  worker?: string;
  practice?: boolean;
  lang?: 'sv' | 'en';
}

export function started(r: CompiledRoutine, o: StartOpts): Started {
  return startedFor(r, o.at, o.lang ?? 'sv', {
    session: 'fixture',
    case_ref: o.case_ref ?? '',
    worker: o.worker ?? '',
    practice: o.practice ?? false,
    tool_version: '0.1.0',
  });
}

/** The events of a whole walk from an answers object, the n-th event `stepMinutes * n` after the start. */
export function walkEvents(r: CompiledRoutine, answers: Record<string, unknown>, o: StartOpts & { stepMinutes?: number }): SessionEvent[] {
  const run = runAnswers(r, answers, started(r, o), () => ({ file: 'answers', line: 1, col: 1 }));
  if (run.diagnostics.length) throw new Error(`answers: ${JSON.stringify(run.diagnostics)}`);
  const t0 = Date.parse(o.at);
  return run.events.map((e, i) => (i === 0 ? e : { ...e, at: new Date(t0 + i * (o.stepMinutes ?? 5) * 60_000).toISOString() }));
}

/** Fails loudly if the routine would reject any event: a fixture must be a session the tool could write. */
export function checkReplay(r: CompiledRoutine, events: SessionEvent[]): void {
  const res = replay(r, events);
  if (!res || res.rejected.length) throw new Error(`fixture events rejected: ${JSON.stringify(res?.rejected)}`);
}

/** Writes the session into `<dataDir>/sessions` and returns its id. */
export function writeSession(dataDir: string, r: CompiledRoutine | Frozen, events: SessionEvent[]): string {
  const routine = 'snapshot' in r ? r.routine : r;
  checkReplay(routine, events);
  const dir = sessionsDir(dataDir);
  const created = createSession(dir, events[0] as Record<string, unknown>);
  if (!created.ok) throw new Error(`createSession: ${created.error.kind}`);
  const id = created.value.id;
  for (const e of events.slice(1)) {
    const a = appendEvent(dir, id, e as Record<string, unknown>);
    if (!a.ok) throw new Error(`appendEvent: ${a.error.kind}`);
  }
  if ('snapshot' in r) writeFileSync(snapshotFile(dir, id), r.snapshot, { mode: 0o600 });
  else if (!writeSnapshot(dir, id, routine)) throw new Error('writeSnapshot failed');
  return id;
}
