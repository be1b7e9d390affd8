// `jour-routine diff OLD NEW [--json]`: what changed between two versions of a routine, in the
// terms a routine owner approves. It reports and never judges: exit 0 whatever changed.
import { dirname, resolve } from 'node:path';
import { todayLocal, type Context } from '../core/context.js';
import { CliError, EXIT } from '../core/errors.js';
import { diffLines } from '../render/diff-text.js';
import { diffRoutines } from '../owner/diff.js';
import { kindOfData, loadRoutine, readSource } from '../routine/load.js';
import type { CompiledRoutine } from '../core/model.js';
import { BUNDLED_DIR, loadReferenceFiles, readFileSafe } from '../routine/registry.js';
import { displayPath, formatDiagnostic, routineFolders } from './shared.js';

/**
 * Each version is read as of its own `reviewed` date: an old version that cites a law no longer in
 * force must still be comparable, and nothing in the comparison depends on today.
 */
function load(ctx: Context, file: string): CompiledRoutine {
  const abs = resolve(file);
  const src = readSource(abs, readFileSafe);
  if (src.ok && kindOfData(src.source.data) !== 'routine') throw new CliError('owner.diff.notRoutine', { file: displayPath(abs) }, EXIT.failed);
  const reviewed = src.ok ? (src.source.data as { reviewed?: unknown }).reviewed : undefined;
  const asOf = typeof reviewed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(reviewed) ? reviewed : todayLocal(ctx);
  // The file's own folder first, so that an old copy of the routines is read with its own references.
  const folders = [...new Set([dirname(abs), ...routineFolders(ctx).map((f) => resolve(f)), BUNDLED_DIR])];
  const { references } = loadReferenceFiles(folders);
  const r = loadRoutine(abs, { readFile: readFileSafe, references, today: asOf });
  if (!r.routine) {
    const first = r.diagnostics.find((d) => d.severity === 'error');
    throw new CliError('owner.diff.hasErrors', { file: displayPath(abs), first: first ? formatDiagnostic(ctx, first) : '' }, EXIT.failed);
  }
  return r.routine;
}

export function diffAction(ctx: Context, oldFile: string, newFile: string, o: { json?: boolean }): number {
    const a = load(ctx, oldFile);
    const b = load(ctx, newFile);
    const changes = diffRoutines(a, b);
    if (o.json) {
      const side = (r: CompiledRoutine) => ({ id: r.id, version: r.version, file: r.file, hash: r.hash });
      ctx.out(JSON.stringify({ format: 1, old: side(a), new: side(b), changes }, null, 2));
    } else {
      const lines = diffLines(ctx.lang, a, b, changes);
      ctx.out(lines.map((l) => (l.startsWith('== ') ? ctx.c.bold(l) : l.trimStart().startsWith('+ ') ? ctx.c.green(l) : l.trimStart().startsWith('- ') ? ctx.c.red(l) : l)).join('\n'));
    }
    return EXIT.ok;
}
