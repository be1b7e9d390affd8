// `jour-routine resume [ID]`: reopen a session where it stopped. Without an id, the caseworker
// picks among the unfinished ones. The routine it runs on is the recorded one (see open.ts).
import type { Context } from '../core/context.js';
import { EXIT } from '../core/errors.js';
import type { Registry } from '../routine/registry.js';
import { listSessions } from '../session/list.js';
import { dataDirs } from '../session/dirs.js';
import { openSession } from '../session/open.js';
import { LiveSession, takeLock } from '../session/writer.js';
import { wrap } from '../render/wrap.js';
import { widthOf } from '../ui/prompts.js';
import { pathLines, practiceTag } from '../ui/node-view.js';
import { sessionSpec } from '../ui/pickers.js';
import { ask } from '../ui/prompts.js';
import { requireTerminal } from '../ui/require-terminal.js';
import { uiOf, walkIoFor } from '../ui/session-ui.js';
import { walk } from '../ui/walk-loop.js';
import { openRoutines } from './shared.js';

async function pickSession(ctx: Context, reg: Registry): Promise<string | undefined> {
  const open = listSessions(dataDirs(ctx).sessions).sessions.filter((s) => s.state !== 'finished');
  if (open.length === 0) return undefined;
  const titles = new Map([...reg.routines].flatMap(([id, x]) => (x.result.routine ? [[id, x.result.routine.title[ctx.lang]] as const] : [])));
  return ask(sessionSpec(uiOf(ctx), open, titles));
}

export async function resumeAction(ctx: Context, given: string | undefined): Promise<number> {
    requireTerminal(ctx, 'resume');
    const reg = await openRoutines(ctx);
    const id = given ?? (await pickSession(ctx, reg));
    if (id === undefined) {
      ctx.out(ctx.msg('ia.resume.none'));
      return EXIT.ok;
    }
    // Opened once for its clear errors (unknown id, routine gone), then again under the lock,
    // so that nothing written by a previous holder in between is missed.
    openSession(ctx, reg, id);
    const { sessions } = dataDirs(ctx);
    const lock = takeLock(sessions, id);
    try {
      const opened = openSession(ctx, reg, id);
      for (const w of opened.warnings) ctx.err(w);
      const live = new LiveSession(opened.routine, sessions, id, opened.state, lock);
      const ui = uiOf(ctx);
      const r = opened.routine;
      ctx.out(wrap(`${practiceTag(ui, opened.started.practice)}${ctx.c.bold(ctx.msg('ia.resume.continuing', { id, title: r.title[ctx.lang], version: r.version }))}`, widthOf(ui)).join('\n'));
      ctx.out(wrap(ctx.msg('ia.bannerCase', { case: opened.started.case_ref, worker: opened.started.worker }), widthOf(ui)).join('\n'));
      ctx.out(pathLines(ui, r, opened.state).join('\n'));
      if (opened.state.finished) ctx.out(ctx.msg('ia.resume.finished', { id }));
      live.commit({ t: 'resumed', at: ctx.now().toISOString(), routine_hash: r.hash });
      return await walk(live, walkIoFor(ctx, reg.contacts));
    } finally {
      lock.release();
    }
}
