// `jour-routine purge --older-than DAYS [--yes]`: deletes finished sessions (log, routine copy,
// stale lock) whose last activity is older than DAYS. Unfinished sessions are never touched:
// an open case must not disappear because nobody resumed it for a while.
import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { Context } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import { listSessions, type SessionSummary } from '../session/list.js';
import { acquireLock } from '../session/lock.js';
import { dataDirs } from '../session/open.js';
import { removeQuietly } from '../session/paths.js';
import { snapshotFile } from '../session/snapshot.js';
import { deleteSession } from '../session/store.js';
import { t, type Lang } from '../ui/i18n.js';
import { confirmSpec } from '../ui/pickers.js';
import { ask } from '../ui/prompts.js';
import { uiOf } from '../ui/session-ui.js';

const DAY_MS = 86_400_000;

function parseDays(v: string | undefined): number {
  if (v === undefined) throw new CliError('ia.purge.needDays', {}, EXIT.usage);
  if (!/^\d+$/.test(v.trim())) throw new CliError('ia.purge.badDays', { value: v.slice(0, 20) }, EXIT.usage);
  return Number(v.trim());
}

/** Under the session's lock, so a session someone has open right now is skipped, not pulled away. */
function remove(ctx: Context, dir: string, s: SessionSummary): boolean {
  const lock = acquireLock(dir, s.id);
  if (!lock.ok) {
    ctx.err(ctx.msg('ia.purge.locked', { id: s.id }));
    return false;
  }
  try {
    const del = deleteSession(dir, s.id);
    if (!del.ok && del.error.kind !== 'not-found') {
      ctx.err(ctx.msg('ia.purge.failed', { id: s.id, code: del.error.kind === 'io' ? del.error.code : del.error.kind }));
      return false;
    }
    removeQuietly(snapshotFile(dir, s.id));
    return true;
  } finally {
    lock.value.release();
  }
}

export function registerPurge(program: Command, run: Runner, lang: Lang): void {
  program
    .command('purge')
    .description(t(lang, 'ia.purge.description'))
    .addHelpText('after', `\n${t(lang, 'cli.ex.purge')}`)
    .option('--older-than <days>', t(lang, 'ia.purge.olderThan'))
    .option('--yes', t(lang, 'ia.purge.yes'))
    .action((o: { olderThan?: string; yes?: boolean }) =>
      run(async (ctx) => {
        const days = parseDays(o.olderThan);
        // Refused before looking, so that a script without --yes fails the same way every time.
        if (!o.yes && !ctx.stdinIsTTY) throw new CliError('ia.purge.noTTY', {}, EXIT.failed);
        const dir = dataDirs(ctx).sessions;
        const cutoff = ctx.now().getTime() - days * DAY_MS;
        const old = listSessions(dir).sessions.filter((s) => s.state === 'finished' && Date.parse(s.last_activity) < cutoff);
        if (old.length > 0 && !o.yes) {
          const sure = await ask(confirmSpec(uiOf(ctx), ctx.msg('ia.purge.confirm', { n: old.length, days })));
          if (!sure) {
            ctx.out(ctx.msg('ia.purge.cancelled'));
            return EXIT.ok;
          }
        }
        const removed = old.filter((s) => remove(ctx, dir, s)).length;
        ctx.out(ctx.msg('ia.purge.removed', { n: removed }));
        return EXIT.ok;
      }),
    );
}
