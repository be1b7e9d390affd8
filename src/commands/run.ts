// `jour-routine run ROUTINE --answers FILE [--json] [--at TIME] [--save]`: a whole walk from a
// file, for tests, scenario checks and training. Writes nothing to disk unless --save is given:
// then the walk is stored as a session marked as entered from a file, so a case handled by phone
// gets the same checklist, note and handover as one walked with `start`.
import { todayLocal, type Context } from '../core/context.js';
import { runAnswers, type TimeRef } from '../engine/answers.js';
import { deriveChecklist } from '../engine/checklist.js';
import { localDateOf } from '../core/calendar.js';
import { containsPersonalNumber } from '../engine/personal-number.js';
import { isStrictInstant } from '../engine/times.js';
import { isInstant } from '../engine/values.js';
import { CliError, EXIT } from '../core/errors.js';
import { answerText, nodeText } from '../render/answer-text.js';
import { renderChecklistText } from '../render/checklist-text.js';
import { sessionJson } from '../render/json.js';
import { diag } from '../core/diagnostics.js';
import { readSource } from '../routine/load.js';
import type { CompiledRoutine } from '../core/model.js';
import { readFileSafe } from '../routine/registry.js';
import { locate } from '../routine/source.js';
import type { SessionEvent, Started } from '../core/events.js';
import { dataDirs } from '../session/dirs.js';
import { writeSnapshot } from '../session/snapshot-write.js';
import { appendEvent, createSession } from '../session/store.js';
import { startedFor } from '../session/started.js';
import { inputErrorText } from '../ui/input-error.js';
import { t } from '../core/i18n.js';
import { displayPath, formatDiagnostic, openRoutines, requireRoutine } from './shared.js';

function walkFile(ctx: Context, r: CompiledRoutine, file: string, atFlag: string | undefined, save: boolean) {
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
  const extra: Partial<Started> = {
    ...(typeof data.case_ref === 'string' ? { case_ref: data.case_ref } : {}),
    ...(save ? { practice: data.practice === true, entered_from: 'answers-file' as const } : {}),
    ...(save && typeof data.worker === 'string' ? { worker: data.worker } : {}),
  };
  const started = startedFor(r, at, ctx.lang, extra);
  if (nested) for (const k of ['at', 'case_ref', 'routine', 'worker', 'practice']) delete answers[k];
  // --at (or, without any `at`, the clock) is "now": the answers are taken as entered then, so a
  // later time is refused. A file's own `at` is when its walk began; its later times are the night.
  const time: TimeRef = { now: at, refuseFuture: atFlag !== undefined || fileAt === undefined };
  const run = runAnswers(r, answers, started, (path, key) => locate(src.source, [...base, ...path], { key: key ?? false }), time);
  // A file that says which routine it is for, run against another, is refused by position.
  if (nested && typeof data.routine === 'string' && data.routine !== r.id) {
    run.diagnostics.unshift(diag('answers-other-routine', locate(src.source, ['routine']), { routine: data.routine, expected: r.id }));
    run.problems.unshift({ kind: 'unknown-id', id: data.routine });
  }
  return run;
}

/** --at is read exactly: a full time with its offset, on a day the calendar has. */
function checkAtFlag(at: string): void {
  if (isStrictInstant(at)) return;
  const shaped = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at);
  throw new CliError(shaped ? 'cli.at.no-such-date' : 'cli.at.form', { text: at }, EXIT.usage);
}

/** Stores the walk through the session store's public functions and returns the new session's id. */
function saveWalk(ctx: Context, r: CompiledRoutine, events: readonly SessionEvent[], finished: boolean): string {
  const { sessions } = dataDirs(ctx);
  const [first, ...rest] = events as [Started, ...SessionEvent[]];
  const created = createSession(sessions, (id) => ({ ...first, session: id }));
  const code = (e: { kind: string; code?: string }) => e.code ?? e.kind;
  if (!created.ok) throw new CliError('run.saveFailed', { code: code(created.error) }, EXIT.failed);
  const id = created.value.id;
  const last = rest[rest.length - 1]?.at ?? first.at;
  for (const e of [...rest, ...(finished ? [{ t: 'finished' as const, at: last }] : [])]) {
    const a = appendEvent(sessions, id, e);
    if (!a.ok) throw new CliError('run.saveFailed', { code: code(a.error) }, EXIT.failed);
  }
  if (!writeSnapshot(sessions, id, r)) ctx.err(ctx.msg('ia.snapshotFailed'));
  return id;
}

export async function runAction(ctx: Context, name: string, o: { answers: string; at?: string; json?: boolean; save?: boolean }): Promise<number> {
    if (o.at !== undefined) checkAtFlag(o.at);
    const r = requireRoutine(ctx, await openRoutines(ctx), name);
    const result = walkFile(ctx, r, o.answers, o.at, o.save === true);
    result.diagnostics.forEach((d, i) => {
      const p = result.problems[i];
      const detail = p && p.kind !== 'unknown-id' && p.kind !== 'missing' ? `: ${inputErrorText(ctx.lang, p)}` : '';
      ctx.err(formatDiagnostic(ctx, d) + detail);
    });
    const saved = o.save && result.diagnostics.length === 0 ? saveWalk(ctx, r, result.events, result.state.outcome !== null) : undefined;
    const today = o.at ? localDateOf(o.at) : todayLocal(ctx);
    const entries = deriveChecklist(r, result.state, today);
    if (o.json) ctx.out(JSON.stringify({ ...sessionJson(r, result.state, entries), ...(saved ? { saved_session: saved } : {}) }, null, 2));
    else {
      ctx.out(`${t(ctx.lang, 'run.path')}:`);
      for (const v of result.state.path) {
        const n = r.nodes.get(v.node);
        if (n) ctx.out(`  ${v.node}: ${nodeText(n, ctx.lang)}${v.input ? ` → ${answerText(n, v.input, ctx.lang)}` : ''}`);
      }
      if (result.state.outcome) ctx.out(`${t(ctx.lang, 'run.outcome')}: ${result.state.outcome}\n`);
      else ctx.out(`${t(ctx.lang, 'run.incomplete', { node: result.state.current ?? '' })}\n`);
      ctx.out(renderChecklistText(r, entries, ctx.lang).join('\n'));
      if (saved) ctx.out(t(ctx.lang, 'run.saved', { id: saved }));
    }
    return result.diagnostics.length > 0 ? EXIT.failed : EXIT.ok;
}
