// Writing the copy of the routine a session was started on (see snapshot.ts, which reads it back).
// Apart from the reader so that starting a session loads neither the loader nor zod.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledRoutine } from '../core/model.js';
import { writeFileAtomic } from './paths.js';

export const snapshotFile = (dir: string, id: string) => join(dir, `${id}.routine.json`);

export function writeSnapshot(dir: string, id: string, r: CompiledRoutine): boolean {
  const files: Record<string, string> = {};
  for (const f of [r.file, ...r.modules.map((m) => m.file)]) {
    try {
      files[f] = readFileSync(f, 'utf8');
    } catch {
      return false;
    }
  }
  const body = JSON.stringify({ routine_file: r.file, files, references: Object.fromEntries(r.references) });
  return writeFileAtomic(snapshotFile(dir, id), body, { force: true }).ok;
}
