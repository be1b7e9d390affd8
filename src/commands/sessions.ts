// `jour-routine sessions [--all] [--json]`: the sessions on this machine, most recent first.
// Unfinished ones by default: those are the ones a caseworker may have to pick up.
import type { Context } from '../core/context.js';
import { formatInstantLocal } from '../core/calendar.js';
import { EXIT } from '../core/errors.js';
import { listSessions, type SessionSummary } from '../session/list.js';
import { dataDirs } from '../session/dirs.js';
import { t, type Lang } from '../core/i18n.js';

const col = (s: string, width: number) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));

function row(lang: Lang, s: SessionSummary): string {
  const state = t(lang, `ia.state.${s.state}`) + (s.practice ? ` (${t(lang, 'ia.practice')})` : '');
  return [
    col(s.id, 11),
    col(`${s.routine.id} v${s.routine.version}`, 22),
    col(s.case_ref, 16),
    col(formatInstantLocal(s.started), 17),
    col(formatInstantLocal(s.last_activity), 17),
    state,
  ].join(' ');
}

export function sessionsAction(ctx: Context, o: { all?: boolean; json?: boolean }): number {
    const { sessions, unreadable } = listSessions(dataDirs(ctx).sessions);
    for (const id of unreadable) ctx.err(ctx.msg('ia.sessions.unreadable', { id }));
    const shown = o.all ? sessions : sessions.filter((s) => s.state !== 'finished');
    if (o.json) {
      ctx.out(JSON.stringify(shown, null, 2));
      return EXIT.ok;
    }
    if (shown.length === 0) {
      ctx.out(ctx.msg(o.all ? 'ia.sessions.noneAll' : 'ia.sessions.none'));
      return EXIT.ok;
    }
    ctx.out(ctx.c.bold(ctx.msg('ia.sessions.head')));
    for (const s of shown) ctx.out(row(ctx.lang, s));
    return EXIT.ok;
}
