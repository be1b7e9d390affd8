// `jour-routine graph ROUTINE [--format mermaid|dot] [--session ID]`: the flowchart of a routine,
// modules expanded; with a session, the path it took drawn in red.
import type { Context } from '../core/context.js';
import { CliError, EXIT } from '../core/errors.js';
import { graphModel } from '../render/graph.js';
import { renderDot } from '../render/graph-dot.js';
import { renderMermaid } from '../render/graph-mermaid.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';
import { findRoutine } from '../routine/registry.js';
import { openSession } from '../session/open.js';
import { t } from '../core/i18n.js';
import { openRoutines, requireRoutine } from './shared.js';

export interface GraphOptions {
  format: 'mermaid' | 'dot';
  session?: string;
}

export async function graphAction(ctx: Context, name: string, o: GraphOptions): Promise<number> {
    const reg = await openRoutines(ctx);
    let routine: CompiledRoutine;
    let state: WalkState | undefined;
    if (o.session !== undefined) {
      // The session runs on the version it was started with, which may differ from the file now.
      const s = openSession(ctx, reg, o.session);
      const named = findRoutine(reg, name);
      const same = name === s.routine.id || named?.result.routine?.id === s.routine.id || named?.file === s.routine.file;
      if (!same) throw new CliError('owner.graph.otherRoutine', { session: s.id, routine: s.routine.id }, EXIT.failed);
      for (const w of s.warnings) ctx.err(w);
      routine = s.routine;
      state = s.state;
    } else routine = requireRoutine(ctx, reg, name);
    const model = graphModel(routine, ctx.lang, state);
    const here = t(ctx.lang, 'owner.graph.here');
    ctx.out((o.format === 'dot' ? renderDot(model, here) : renderMermaid(model, here)).trimEnd());
    return EXIT.ok;
}
