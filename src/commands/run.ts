// `jour-routine run ROUTINE --answers FILE [--json] [--at TIME]`: a whole walk from a file, for
// tests, scenario checks and training. Writes nothing to disk.
import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import { todayLocal, type Context } from '../context.js';
import { runAnswers, type TimeRef } from '../engine/answers.js';
import { deriveChecklist } from '../engine/checklist.js';
import { localDateOf } from '../engine/calendar.js';
import { containsPersonalNumber } from '../engine/personal-number.js';
import { isStrictInstant } from '../engine/times.js';
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
import { displayPath, formatDiagnostic, openRoutines, requireRoutine } from './shared.js';

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
  // A file's `at` that is no real time is refused, not replaced by the clock without a word.
  if (data.at !== undefined && !(typeof data.at === 'string' && isInstant(data.at))) {
    const pos = locate(src.source, ['at'], { key: false });
    throw new CliError('cli.run.fileAt', { where: `${displayPath(pos.file)}:${pos.line}:${pos.col}` }, EXIT.failed);
  }
  if (typeof data.case_ref === 'string' && containsPersonalNumber(data.case_ref)) throw new CliError('case.personnummer', {}, EXIT.failed);
  const fileAt = typeof data.at === 'string' ? data.at : undefined;
  const at = atFlag ?? fileAt ?? ctx.now().toISOString();
  const started = startedFor(r, at, ctx.lang, typeof data.case_ref === 'string' ? { case_ref: data.case_ref } : {});
  if (nested) for (const k of ['at', 'case_ref', 'routine']) delete answers[k];
  // --at (or, without any `at`, the clock) is "now": the answers are taken as entered then, so a
  // later time is refused. A file's own `at` is when its walk began; its later times are the night.
  const time: TimeRef = { now: at, refuseFuture: atFlag !== undefined || fileAt === undefined };
  return runAnswers(r, answers, started, (path, key) => locate(src.source, [...base, ...path], { key: key ?? false }), time);
}

/** --at is read exactly: a full time with its offset, on a day the calendar has. */
function checkAtFlag(at: string): void {
  if (isStrictInstant(at)) return;
  const shaped = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at);
  throw new CliError(shaped ? 'cli.at.no-such-date' : 'cli.at.form', { text: at }, EXIT.usage);
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
      run((ctx) => {
        if (o.at !== undefined) checkAtFlag(o.at);
        const r = requireRoutine(ctx, openRoutines(ctx), name);
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
