// What the walk prints around the prompts: where the caseworker is, help and legal references,
// the contact to call, the path so far, and the end with its checklist. Returns lines; no I/O.
import { deriveChecklist } from '../engine/checklist.js';
import { remainingRange } from '../engine/progress.js';
import { sectionOf, type WalkState } from '../engine/walk.js';
import { answerText, nodeText } from '../render/answer-text.js';
import { renderChecklistText } from '../render/checklist-text.js';
import { wrap } from '../render/wrap.js';
import type { CNode, CompiledRoutine } from '../core/model.js';
import type { ContactsFile } from '../core/schema.js';
import type { GlobalOptions } from '../core/context.js';
import { t } from '../core/i18n.js';
import { widthOf, type Ui } from './prompts.js';

export function practiceTag(ui: Ui, practice: boolean): string {
  return practice ? `${ui.c.inverse.bold(` ${t(ui.lang, 'ia.practice')} `)} ` : '';
}

/** "3", "3–12", or "minst 3" when a loop ahead leaves the most unknown. */
function leftText(ui: Ui, left: { min: number; max: number | undefined }): string {
  if (left.max === undefined) return t(ui.lang, 'ia.leftAtLeast', { min: left.min });
  return left.max === left.min ? String(left.min) : `${left.min}–${left.max}`;
}

export function headerLines(ui: Ui, r: CompiledRoutine, s: WalkState): string[] {
  const id = s.current ?? s.path[s.path.length - 1]?.node ?? r.start;
  const section = sectionOf(r, id)?.[ui.lang] ?? '';
  const step = s.path.filter((v) => v.input).length + 1;
  const text = s.current === null
    ? t(ui.lang, 'ia.headerEnd', { section })
    : t(ui.lang, 'ia.header', { section, step, left: leftText(ui, remainingRange(r, s)) });
  return ['', ...wrap(`${practiceTag(ui, s.started.practice)}${ui.c.bold(text)}`, widthOf(ui))];
}

export function contactLines(ui: Ui, n: CNode, contacts: ContactsFile | undefined): string[] {
  const role = 'contact' in n ? n.contact : undefined;
  if (!role) return [];
  const c = contacts?.contacts[role];
  // A role without a number is said plainly: at night there is no time to look for it.
  if (!c?.phone) {
    const missing = t(ui.lang, 'later.contactMissing', { role });
    const named = c ? `${t(ui.lang, 'ia.contact', { role, name: c.name[ui.lang] })}; ${missing.slice(missing.indexOf(':') + 2)}` : missing;
    return wrap(named, widthOf(ui)).map((l) => ui.c.yellow(l));
  }
  const parts = [t(ui.lang, 'ia.contact', { role, name: c.name[ui.lang] }), t(ui.lang, 'ia.contactPhone', { phone: c.phone })];
  if (c.hours) parts.push(c.hours[ui.lang]);
  const lines = wrap(parts.join(', '), widthOf(ui)).map((l) => ui.c.cyan(l));
  if (c.note) lines.push(...wrap(c.note[ui.lang], widthOf(ui), '  '));
  return lines;
}

/** Help of the node, of the field being asked, and the laws and paragraphs it cites. */
export function helpLines(ui: Ui, r: CompiledRoutine, n: CNode, fieldHelp?: string): string[] {
  const lines: string[] = [];
  const help = [n.help?.[ui.lang], fieldHelp].filter((x): x is string => !!x);
  if (n.kind === 'question') for (const o of n.options ?? []) if (o.help) help.push(`${o.label[ui.lang]}: ${o.help[ui.lang]}`);
  if (help.length) {
    lines.push(ui.c.bold(t(ui.lang, 'ia.help.title')));
    for (const h of help) lines.push(...wrap(h, widthOf(ui), '  '));
  }
  const refs = [...n.refs, ...(n.kind === 'decision' ? (n.grounds ?? []).flatMap((g) => (typeof g.ref === 'string' ? [g.ref] : (g.ref ?? []))) : [])];
  const laws = [...new Set(refs)].map((id) => r.references.get(id)).filter((x) => x !== undefined);
  if (laws.length) {
    lines.push(ui.c.bold(t(ui.lang, 'ia.help.refs')));
    for (const ref of laws) lines.push(...wrap(`${ref.law[ui.lang]} – ${ref.title[ui.lang]}`, widthOf(ui), '  '));
  }
  return lines.length ? lines : [t(ui.lang, 'ia.help.none')];
}

/** Every acknowledged answer on the current path, as resume shows it. */
export function pathLines(ui: Ui, r: CompiledRoutine, s: WalkState): string[] {
  const lines = [ui.c.bold(t(ui.lang, 'ia.resume.path'))];
  s.path.forEach((v, i) => {
    const n = r.nodes.get(v.node);
    if (!n || !v.input) return;
    lines.push(...wrap(`${i + 1}. ${nodeText(n, ui.lang)} → ${answerText(n, v.input, ui.lang)}`, widthOf(ui), '  ').map((l, j) => (j === 0 ? l : `  ${l}`)));
  });
  if (s.notes.length) lines.push(t(ui.lang, 'ia.resume.notes', { n: s.notes.length }));
  return lines;
}

export function endLines(ui: Ui, r: CompiledRoutine, s: WalkState, today: string): string[] {
  const end = s.outcome ? r.nodes.get(s.outcome) : undefined;
  const lines = ['', ui.c.bold(t(ui.lang, 'ia.end.outcome', { outcome: end ? nodeText(end, ui.lang) : '' }))];
  if (end?.help) lines.push(...wrap(end.help[ui.lang], widthOf(ui), '  '));
  const title = `${s.started.practice ? `${t(ui.lang, 'ia.practice')} – ` : ''}${t(ui.lang, 'ia.end.checklist')}`;
  lines.push('', ...renderChecklistText(r, deriveChecklist(r, s, today), ui.lang, title));
  return lines;
}

export function finishLines(ui: Ui, id: string, jr: string): string[] {
  return [
    ui.c.green(t(ui.lang, 'ia.finished', { id })),
    t(ui.lang, 'ia.end.print', { id, jr }),
    t(ui.lang, 'ia.end.export', { id, jr }),
    t(ui.lang, 'ia.end.handover', { id, jr }),
  ];
}

const quote = (s: string) => (/^[\w@%+=:,./\\-]+$/.test(s) ? s : `"${s.replace(/"/g, '\\"')}"`);

/**
 * `jour-routine` with the folders given as flags repeated: without them a later command would not
 * find the routine where this one did (environment variables still apply by themselves).
 */
export function commandPrefix(opts: GlobalOptions): string {
  const parts = ['jour-routine'];
  for (const dir of opts.routines ?? []) parts.push('--routines', quote(dir));
  if (opts.dataDir) parts.push('--data-dir', quote(opts.dataDir));
  if (opts.contacts) parts.push('--contacts', quote(opts.contacts));
  return parts.join(' ');
}
