// `jour-routine list [--json]`: the routines there are, with their review status.
import type { Context } from '../core/context.js';
import { todayLocal } from '../core/context.js';
import { EXIT } from '../core/errors.js';
import { displayPath, formatDiagnostic, openRoutines } from './shared.js';

export type ReviewStatus = 'ok' | 'review-overdue' | 'has-errors';

export async function listAction(ctx: Context, o: { json?: boolean }): Promise<number> {
    const reg = await openRoutines(ctx);
    const today = todayLocal(ctx);
    const rows = [...reg.routines.entries()].map(([id, { file, result }]) => {
      const r = result.routine;
      const status: ReviewStatus = !r ? 'has-errors' : r.reviewBy < today ? 'review-overdue' : 'ok';
      return {
        id,
        version: r?.version ?? null,
        title: r ? r.title : null,
        reviewed: r?.reviewed ?? null,
        reviewBy: r?.reviewBy ?? null,
        status,
        file: displayPath(file),
      };
    });
    if (o.json) {
      ctx.out(JSON.stringify(rows, null, 2));
      return EXIT.ok;
    }
    for (const d of reg.diagnostics) if (d.code === 'not-a-file') ctx.err(formatDiagnostic(ctx, d));
    if (rows.length === 0) ctx.err(ctx.msg('cli.list.none'));
    for (const row of rows) {
      const status = ctx.msg(`status.${row.status}`, { date: row.reviewBy ?? '' });
      const colour = row.status === 'ok' ? ctx.c.green : row.status === 'review-overdue' ? ctx.c.yellow : ctx.c.red;
      ctx.out(`${ctx.c.bold(row.id)}  v${row.version ?? '?'}  ${row.title?.[ctx.lang] ?? row.file}  ${colour(status)}`);
    }
    return EXIT.ok;
}
