// `jour-routine export SESSION [--handover] [--format md|text] [-o FILE] [--force]`: the case note
// for the journal, or the handover for the district, as Markdown (or plain text to paste into the
// journal) on stdout or written atomically to a private file.
import { dirname } from 'node:path';
import type { Context } from '../core/context.js';
import { localDateOf } from '../core/calendar.js';
import { deriveChecklist } from '../engine/checklist.js';
import { CliError, EXIT } from '../core/errors.js';
import { renderHandover } from '../render/handover.js';
import { renderNote } from '../render/note.js';
import { openSession } from '../session/open.js';
import { writeFileAtomic } from '../session/store.js';
import { type Lang } from '../core/i18n.js';
import { safeOutput } from '../core/terminal-text.js';
import { openRoutines } from './shared.js';

/**
 * The journal is kept in Swedish, so the note is Swedish unless asked for otherwise (--lang or
 * JOUR_ROUTINE_LANG), whatever the terminal's locale; the command's own messages follow ctx.lang.
 */
function documentLang(ctx: Context): Lang {
  const asked = ctx.opts.lang ?? ctx.env.JOUR_ROUTINE_LANG;
  return asked === 'en' ? 'en' : 'sv';
}

/** A failed write in words: the folder missing or not writable says so, never a bare "ENOENT". */
function writeError(file: string, code: string): CliError {
  const dir = dirname(file);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new CliError('export.noFolder', { file, dir }, EXIT.failed);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CliError('export.noPermission', { file, dir }, EXIT.failed);
  if (code === 'EISDIR') return new CliError('export.isFolder', { file }, EXIT.failed);
  return new CliError('export.writeFailed', { file, code }, EXIT.failed);
}

export async function exportAction(ctx: Context, id: string, o: { handover?: boolean; format: 'md' | 'text'; output?: string; force?: boolean }): Promise<number> {
    // Checked before the session is opened: `-o ''` (an unset variable in a script) is a usage error.
    if (o.output !== undefined && o.output.trim() === '') throw new CliError('hostile.exportEmptyName', {}, EXIT.usage);
    const s = openSession(ctx, await openRoutines(ctx), id);
    for (const w of s.warnings) ctx.err(w);
    // "Today" is the day of the last event, not the clock: the same session gives the same document.
    const entries = deriveChecklist(s.routine, s.state, localDateOf(s.state.lastAt));
    const docLang = documentLang(ctx);
    const doc = o.handover
      ? renderHandover(s.routine, s.state, entries, docLang, o.format)
      : renderNote(s.routine, s.state, entries, docLang, o.format);
    if (o.output === undefined) {
      ctx.out(doc);
      return EXIT.ok;
    }
    // The file will be opened in an editor or cat'ed to a terminal: same rule as the screen.
    const written = writeFileAtomic(o.output, safeOutput(doc), { force: o.force === true });
    if (!written.ok) {
      if (written.error.kind === 'exists') throw new CliError('export.exists', { file: o.output }, EXIT.failed);
      if (written.error.kind === 'not-regular') throw new CliError('hostile.exportNotRegular', { file: o.output }, EXIT.failed);
      throw writeError(o.output, written.error.code);
    }
    ctx.err(ctx.msg('export.written', { file: o.output }));
    return EXIT.ok;
}
