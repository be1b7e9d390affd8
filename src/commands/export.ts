// `jour-routine export SESSION [--handover] [-o FILE] [--force]`: the case note for the journal,
// or the handover for the district, as Markdown on stdout or written atomically to a private file.
import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { Context } from '../context.js';
import { localDateOf } from '../engine/calendar.js';
import { deriveChecklist } from '../engine/checklist.js';
import { CliError, EXIT } from '../errors.js';
import { renderHandover } from '../render/handover.js';
import { renderNote } from '../render/note.js';
import { openSession } from '../session/open.js';
import { writeFileAtomic } from '../session/store.js';
import { t, type Lang } from '../ui/i18n.js';
import { openRoutines } from './shared.js';

/**
 * The journal is kept in Swedish, so the note is Swedish unless asked for otherwise (--lang or
 * JOUR_ROUTINE_LANG), whatever the terminal's locale; the command's own messages follow ctx.lang.
 */
function documentLang(ctx: Context): Lang {
  const asked = ctx.opts.lang ?? ctx.env.JOUR_ROUTINE_LANG;
  return asked === 'en' ? 'en' : 'sv';
}

export function registerExport(program: Command, run: Runner, lang: Lang): void {
  program
    .command('export')
    .description(t(lang, 'cli.export.description'))
    .argument('<session>', t(lang, 'cli.checklist.session'))
    .option('--handover', t(lang, 'cli.export.handover'))
    .option('-o, --output <file>', t(lang, 'cli.export.output'))
    .option('--force', t(lang, 'cli.export.force'))
    .action((id: string, o: { handover?: boolean; output?: string; force?: boolean }) =>
      run(async (ctx) => {
        const s = openSession(ctx, (await openRoutines(ctx)), id);
        for (const w of s.warnings) ctx.err(w);
        // "Today" is the day of the last event, not the clock: the same session gives the same document.
        const entries = deriveChecklist(s.routine, s.state, localDateOf(s.state.lastAt));
        const docLang = documentLang(ctx);
        const doc = o.handover
          ? renderHandover(s.routine, s.state, entries, docLang)
          : renderNote(s.routine, s.state, entries, docLang);
        if (o.output === undefined) {
          ctx.out(doc);
          return EXIT.ok;
        }
        const written = writeFileAtomic(o.output, doc, { force: o.force === true });
        if (!written.ok) {
          if (written.error.kind === 'exists') throw new CliError('export.exists', { file: o.output }, EXIT.failed);
          throw new CliError('export.writeFailed', { file: o.output, code: written.error.code }, EXIT.failed);
        }
        ctx.err(ctx.msg('export.written', { file: o.output }));
        return EXIT.ok;
      }),
    );
}
