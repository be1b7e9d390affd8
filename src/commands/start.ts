// `jour-routine start [ROUTINE] [--case REF] [--worker INITIALS] [--practice]`: a new session,
// walked interactively. The case reference goes into the log only, never into a file name.
import type { Context } from '../core/context.js';
import { initialState } from '../engine/walk.js';
import { CliError } from '../core/errors.js';
import type { CompiledRoutine } from '../core/model.js';
import type { Registry } from '../routine/registry.js';
import { dataDirs } from '../session/dirs.js';
import { writeSnapshot } from '../session/snapshot-write.js';
import { createSession } from '../session/store.js';
import { LiveSession, takeLock } from '../session/writer.js';
import { wrap } from '../render/wrap.js';
import { widthOf } from '../ui/prompts.js';
import { practiceTag } from '../ui/node-view.js';
import { caseRefSpec, routineSpec, workerSpec } from '../ui/pickers.js';
import { ask } from '../ui/prompts.js';
import { uiOf, walkIoFor } from '../ui/session-ui.js';
import { walk } from '../ui/walk-loop.js';
import { openRoutines, requireRoutine } from './shared.js';
import { startedFor } from '../session/started.js';
import { refuseStart } from './start-check.js';

export interface StartOptions {
  case?: string;
  worker?: string;
  practice?: boolean;
}

async function chooseRoutine(ctx: Context, reg: Registry, name: string | undefined): Promise<CompiledRoutine> {
  if (name !== undefined) return requireRoutine(ctx, reg, name);
  const usable = [...reg.routines.values()].flatMap((x) => (x.result.routine ? [x.result.routine] : []));
  if (usable.length === 0) throw new CliError('ia.noRoutines');
  const id = await ask(routineSpec(uiOf(ctx), usable));
  return requireRoutine(ctx, reg, id);
}

export async function startAction(ctx: Context, name: string | undefined, o: StartOptions): Promise<number> {
    refuseStart(ctx, o);
    const ui = uiOf(ctx);
    const reg = await openRoutines(ctx);
    const routine = await chooseRoutine(ctx, reg, name);
    const caseRef = o.case?.trim() || (await ask(caseRefSpec(ui)));
    const worker = o.worker?.trim() || (await ask(workerSpec(ui)));
    const { sessions } = dataDirs(ctx);
    const extra = { case_ref: caseRef, worker, practice: o.practice === true };
    const started = startedFor(routine, ctx.now().toISOString(), ctx.lang, extra);
    const created = createSession(sessions, (id) => ({ ...started, session: id }));
    if (!created.ok) throw new CliError('ia.createFailed', { code: created.error.kind === 'io' ? created.error.code : created.error.kind });
    const id = created.value.id;
    if (!writeSnapshot(sessions, id, routine)) ctx.err(ctx.msg('ia.snapshotFailed'));
    const live = new LiveSession(routine, sessions, id, initialState(routine, { ...started, session: id }), takeLock(sessions, id));
    try {
      ctx.out(wrap(`${practiceTag(ui, extra.practice)}${ctx.c.bold(ctx.msg('ia.banner', { id, title: routine.title[ctx.lang], version: routine.version }))}`, widthOf(ui)).join('\n'));
      ctx.out(wrap(ctx.msg('ia.bannerCase', { case: caseRef, worker }), widthOf(ui)).join('\n'));
      ctx.out(wrap(ctx.c.dim(ctx.msg('ia.bannerHint')), widthOf(ui)).join('\n'));
      return await walk(live, walkIoFor(ctx, reg.contacts));
    } finally {
      live.release();
    }
}
