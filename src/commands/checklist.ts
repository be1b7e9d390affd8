// `jour-routine checklist SESSION [--format text|md|json] [--tick]`: the checklist the caseworker
// prints at 03:00, and ticking items off with initials, each tick an event in the session log.
import { todayLocal, type Context } from '../core/context.js';
import { deriveChecklist, type ChecklistEntry } from '../engine/checklist.js';
import { localDateOf } from '../core/calendar.js';
import { CliError, EXIT } from '../core/errors.js';
import { renderChecklistMarkdown } from '../render/checklist-md.js';
import { renderChecklistHeader, renderChecklistText, type Style } from '../render/checklist-text.js';
import { checklistJson, JSON_FORMAT_VERSION } from '../render/json.js';
import { calendarPicture, type CalendarMark } from '../render/calendar-picture.js';
import { openEntries } from '../render/checklist-md.js';
import { whyText } from '../render/why-text.js';
import { openSession, type OpenSession } from '../session/open.js';
import { t } from '../core/i18n.js';
import { tickItems } from '../ui/tick.js';
import { openRoutines } from './shared.js';

type Format = 'text' | 'md' | 'json';

function terminalStyle(ctx: Context): Style {
  return (tone, line) =>
    tone === 'danger' ? ctx.c.red.bold(line) : tone === 'warn' ? ctx.c.yellow(line) : tone === 'heading' ? ctx.c.bold(line) : ctx.c.dim(line);
}

/** The coming weeks with each open deadline's act-by day; tags are the items' order in the list. */
function calendarOf(ctx: Context, s: OpenSession, entries: readonly ChecklistEntry[], today: string): string[] {
  const marks: CalendarMark[] = [];
  openEntries(entries).forEach((e, i) => {
    if (e.deadline && 'safe' in e.deadline) marks.push({ date: e.deadline.safe, tag: String(i + 1), text: `${e.item.text[ctx.lang]} (${t(ctx.lang, `owner.${e.item.owner}`)})` });
  });
  // From the case's first day, or today if earlier, so a list printed later still shows its weeks.
  const start = localDateOf(s.started.at);
  return calendarPicture(marks, start < today ? start : today, ctx.lang, today);
}

function print(ctx: Context, s: OpenSession, entries: ChecklistEntry[], format: Format, today: string): void {
  const r = s.routine;
  const why = (e: ChecklistEntry) => whyText(r, s.state.path, e, ctx.lang);
  if (format === 'json') {
    const body = {
      format: JSON_FORMAT_VERSION,
      session: s.id,
      routine: { id: r.id, version: r.version, hash: r.hash },
      case_ref: s.started.case_ref,
      practice: s.started.practice,
      today,
      checklist: checklistJson(entries),
    };
    ctx.out(JSON.stringify(body, null, 2));
  } else if (format === 'md') {
    ctx.out(renderChecklistMarkdown(r, s.started, s.id, entries, today, ctx.lang, { path: s.state.path, calendar: calendarOf(ctx, s, entries, today) }).trimEnd());
  } else {
    const style = terminalStyle(ctx);
    const lines = [
      ...renderChecklistHeader(r, s.started, s.id, today, ctx.lang, style),
      ...renderChecklistText(r, entries, ctx.lang, undefined, { style, withStatus: true, why }),
      ...calendarOf(ctx, s, entries, today),
    ];
    ctx.out(lines.join('\n').trimEnd());
  }
}

export async function checklistAction(ctx: Context, id: string, o: { format: Format; tick?: boolean }): Promise<number> {
    // Refused before anything is read, so a script that pipes us never half-starts a prompt.
    if (o.tick && !(ctx.stdinIsTTY && ctx.stdoutIsTTY)) throw new CliError('tick.needsTty', {}, EXIT.usage);
    const reg = await openRoutines(ctx);
    const s = openSession(ctx, reg, id);
    if (o.tick) return tickItems(ctx, reg, s);
    for (const w of s.warnings) ctx.err(w);
    const today = todayLocal(ctx);
    print(ctx, s, deriveChecklist(s.routine, s.state, today), o.format, today);
    return EXIT.ok;
}
