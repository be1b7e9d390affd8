// A copy of the routine as it was when the session started (its files' text and the references),
// kept next to the log so that a session can be resumed and exported on the version it was
// started with, even after the routine owner changed the routine.
import { readRegularFile } from '../core/fs-safe.js';
import { z } from 'zod';
import { loadRoutine } from '../routine/load.js';
import type { CompiledRoutine } from '../core/model.js';
import type { Reference } from '../core/schema.js';
import { snapshotFile } from './snapshot-write.js';

const SnapshotSchema = z.object({
  routine_file: z.string(),
  files: z.record(z.string(), z.string()),
  references: z.record(z.string(), z.any()),
});

/** A routine and its modules are each at most 2 MB (MAX_FILE_BYTES); a few of them, JSON-escaped. */
const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

/** The routine exactly as recorded, or undefined when no usable snapshot exists. */
export function readSnapshot(dir: string, id: string, today: string): CompiledRoutine | undefined {
  let data: z.infer<typeof SnapshotSchema>;
  // Regular file, no link, bounded: a snapshot swapped for /dev/zero or a FIFO must not hang us.
  const raw = readRegularFile(snapshotFile(dir, id), MAX_SNAPSHOT_BYTES, { follow: false });
  if (!raw.ok) return undefined;
  try {
    data = SnapshotSchema.parse(JSON.parse(raw.value.toString('utf8')));
  } catch {
    return undefined;
  }
  const enc = new TextEncoder();
  const readFile = (f: string) => (Object.hasOwn(data.files, f) ? enc.encode(data.files[f]) : undefined);
  const references = new Map(Object.entries(data.references) as [string, Reference][]);
  return loadRoutine(data.routine_file, { readFile, references, today }).routine;
}
