// `checklist --tick`: pick items, mark each done, not applicable (with a reason) or open again,
// with the caseworker's initials. Every change is appended (and fsynced) as a `ticked` event
// before the next question, under the session lock, so a crash loses at most the item being asked.
import { checkbox, input, select } from '@inquirer/prompts';
import { todayLocal, type Context } from '../core/context.js';
import { deriveChecklist, type ChecklistEntry } from '../engine/checklist.js';
import { CliError, EXIT } from '../core/errors.js';
import { deadlineParts } from '../render/checklist-text.js';
import type { Registry } from '../routine/registry.js';
import type { SessionEvent } from '../core/events.js';
import { acquireLock } from '../session/lock.js';
import { openSession, type OpenSession } from '../session/open.js';
import { appendEvent } from '../session/store.js';

type Status = 'done' | 'na' | 'open';
const BOX: Record<ChecklistEntry['status']['state'], string> = { open: '[ ]', done: '[x]', na: '[-]' };

/** inquirer's key hints are English; the night shift reads Swedish. `select` means "mark" in a checkbox. */
function keysTip(ctx: Context, prompt: 'checkbox' | 'select') {
  const words: Record<string, string> = {
    select: ctx.msg(prompt === 'checkbox' ? 'tick.key.select' : 'tick.key.choose'),
    all: ctx.msg('tick.key.all'),
    invert: ctx.msg('tick.key.invert'),
    submit: ctx.msg('tick.key.submit'),
    navigate: ctx.msg('tick.key.navigate'),
  };
  // The key names are English too ("space"); the arrows and letters need no translation.
  const key = (k: string) => (k === 'space' ? ctx.msg('ia.key.space') : k === 'enter' ? 'Enter' : k);
  return (keys: [string, string][]) => ctx.c.dim(keys.map(([k, a]) => `${key(k)} ${words[a] ?? a}`).join(' · '));
}

function lockOrRefuse(s: OpenSession) {
  const lock = acquireLock(s.dir, s.id);
  if (lock.ok) return lock.value;
  const e = lock.error;
  if (e.kind === 'locked') throw new CliError(e.pid === null ? 'session.lockedUnknown' : 'session.locked', { id: s.id, pid: e.pid ?? '' });
  if (e.kind === 'invalid-id') throw new CliError('session.badId', { id: s.id }, EXIT.usage);
  throw new CliError('session.io', { id: s.id, code: e.code });
}

async function askStatus(ctx: Context, e: ChecklistEntry): Promise<Status | 'skip'> {
  const choices: { value: Status | 'skip'; name: string }[] = [
    { value: 'done', name: ctx.msg('tick.done') },
    { value: 'na', name: ctx.msg('tick.na') },
    ...(e.status.state !== 'open' ? [{ value: 'open' as const, name: ctx.msg('tick.open') }] : []),
    { value: 'skip', name: ctx.msg('tick.skip') },
  ];
  return select({
    message: ctx.msg('tick.statusOf', { item: e.item.text[ctx.lang] }),
    choices,
    theme: { style: { keysHelpTip: keysTip(ctx, 'select') } },
  });
}

export async function tickItems(ctx: Context, reg: Registry, first: OpenSession): Promise<number> {
  const lock = lockOrRefuse(first);
  try {
    // Read again under the lock: another window may have ticked something since we looked.
    const s = openSession(ctx, reg, first.id);
    for (const w of s.warnings) ctx.err(w);
    const today = todayLocal(ctx);
    const entries = deriveChecklist(s.routine, s.state, today);
    if (!entries.length) {
      ctx.out(ctx.msg('tick.empty'));
      return EXIT.ok;
    }
    const lang = ctx.lang;
    const chosen = await checkbox({
      message: ctx.msg('tick.pick'),
      pageSize: 15,
      choices: entries.map((e) => ({
        value: e.item.id,
        name: `${BOX[e.status.state]} ${e.item.text[lang]} (${ctx.msg(`owner.${e.item.owner}`)})`,
        description: deadlineParts(e, s.routine, lang, true)[0]?.text ?? '',
      })),
      theme: { style: { keysHelpTip: keysTip(ctx, 'checkbox') } },
    });
    if (!chosen.length) {
      ctx.out(ctx.msg('tick.nothing'));
      return EXIT.ok;
    }
    const by = (
      await input({
        message: ctx.msg('tick.initials'),
        default: s.started.worker.trim() || undefined,
        validate: (v) => v.trim() !== '' || ctx.msg('tick.initialsRequired'),
      })
    ).trim();
    let changed = 0;
    for (const id of chosen) {
      const e = entries.find((x) => x.item.id === id) as ChecklistEntry;
      const status = await askStatus(ctx, e);
      if (status === 'skip') continue;
      const reason =
        status === 'na'
          ? (await input({ message: ctx.msg('tick.reason'), validate: (v) => v.trim() !== '' || ctx.msg('tick.reasonRequired') })).trim()
          : null;
      const event: SessionEvent = { t: 'ticked', at: ctx.now().toISOString(), item: id, status, by, reason };
      const saved = appendEvent(s.dir, s.id, event);
      if (!saved.ok) throw new CliError('session.writeFailed', { code: 'code' in saved.error ? saved.error.code : saved.error.kind });
      changed++;
      ctx.out(ctx.msg('tick.saved', { item: e.item.text[lang], status: ctx.msg(`tick.state.${status}`) }));
    }
    ctx.out(ctx.msg('tick.summary', { n: changed }));
    return EXIT.ok;
  } finally {
    lock.release();
  }
}
