// `jour-routine run ROUTINE --answers FILE [--json] [--at TIME]`: a whole walk from a file, for
// tests, scenario checks and training. Writes nothing to disk.
import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import { todayLocal, type Context } from '../context.js';
import { runAnswers } from '../engine/answers.js';
import { deriveChecklist } from '../engine/checklist.js';
import { localDateOf } from '../engine/calendar.js';
import { isInstant } from '../engine/values.js';
import { CliError, EXIT } from '../errors.js';
import { answerText, nodeText } from '../render/answer-text.js';
import { renderChecklistText } from '../render/checklist-text.js';
import { sessionJson } from '../render/json.js';
import { readSource } from '../routine/load.js';
import type { CompiledRoutine } from '../routine/model.js';
import { readFileSafe } from '../routine/registry.js';
import { locate } from '../routine/source.js';
import type { Started } from '../session/events.js';
import { startedEvent } from '../session/started.js';
import { inputErrorText } from '../ui/input-error.js';
import { t, type Lang } from '../ui/i18n.js';
import { VERSION } from '../version.js';
import { formatDiagnostic, openRoutines, requireRoutine } from './shared.js';

/** The started event of a walk made by this tool, at this version. */
export function startedFor(r: CompiledRoutine, at: string, lang: Lang, extra: Partial<Started> = {}): Started {
  return startedEvent(r, at, lang, VERSION, extra);
}

function walkFile(ctx: Context, r: CompiledRoutine, file: string, atFlag: string | undefined) {
  const src = readSource(file, readFileSafe);
  if (!src.ok) {
    for (const d of src.diagnostics) ctx.err(formatDiagnostic(ctx, d));
    throw new CliError('cli.run.answersMissing', { file }, EXIT.failed);
  }
  const data = src.source.data as Record<string, unknown>;
  const nested = data.answers && typeof data.answers === 'object' && !Array.isArray(data.answers);
  const answers = (nested ? data.answers : data) as Record<string, unknown>;
  const base = nested ? ['answers'] : [];
  const fileAt = typeof data.at === 'string' && isInstant(data.at) ? data.at : undefined;
  const at = atFlag ?? fileAt ?? ctx.now().toISOString();
  const started = startedFor(r, at, ctx.lang, typeof data.case_ref === 'string' ? { case_ref: data.case_ref } : {});
  if (nested) for (const k of ['at', 'case_ref', 'routine']) delete answers[k];
  return runAnswers(r, answers, started, (path, key) => locate(src.source, [...base, ...path], { key: key ?? false }));
}

export function registerRun(program: Command, run: Runner, lang: Lang): void {
  program
    .command('run')
    .description(t(lang, 'cli.run.description'))
    .argument('<routine>', t(lang, 'cli.arg.routine'))
    .requiredOption('--answers <file>', t(lang, 'cli.run.answers'))
    .option('--at <time>', t(lang, 'cli.run.at'))
    .option('--json', t(lang, 'cli.opt.json'))
    .action((name: string, o: { answers: string; at?: string; json?: boolean }) =>
      run(async (ctx) => {
        if (o.at !== undefined && !isInstant(o.at)) throw new CliError('input.not-a-time', { field: ' (--at)' }, EXIT.usage);
        const r = requireRoutine(ctx, (await openRoutines(ctx)), name);
        const result = walkFile(ctx, r, o.answers, o.at);
        result.diagnostics.forEach((d, i) => {
          const p = result.problems[i];
          const detail = p && p.kind !== 'unknown-id' && p.kind !== 'missing' ? `: ${inputErrorText(ctx.lang, p)}` : '';
          ctx.err(formatDiagnostic(ctx, d) + detail);
        });
        const today = o.at ? localDateOf(o.at) : todayLocal(ctx);
        const entries = deriveChecklist(r, result.state, today);
        if (o.json) ctx.out(JSON.stringify(sessionJson(r, result.state, entries), null, 2));
        else {
          ctx.out(`${t(ctx.lang, 'run.path')}:`);
          for (const v of result.state.path) {
            const n = r.nodes.get(v.node);
            if (n) ctx.out(`  ${v.node}: ${nodeText(n, ctx.lang)}${v.input ? ` → ${answerText(n, v.input, ctx.lang)}` : ''}`);
          }
          if (result.state.outcome) ctx.out(`${t(ctx.lang, 'run.outcome')}: ${result.state.outcome}\n`);
          else ctx.out(`${t(ctx.lang, 'run.incomplete', { node: result.state.current ?? '' })}\n`);
          ctx.out(renderChecklistText(r, entries, ctx.lang).join('\n'));
        }
        return result.diagnostics.length > 0 ? EXIT.failed : EXIT.ok;
      }),
    );
}
