// The parts the case note and the handover are built from, as document blocks (doc.ts): the
// summary, the course of events, the decisions, the checklist with why each item is there, the
// legal references of the path, the calendar and the record of entry. Pure: everything comes from
// the routine and the events, never from the clock.
import type { ChecklistEntry } from '../engine/checklist.js';
import { localDateOf } from '../core/calendar.js';
import { formatInstantRecord } from './record-time.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';
import type { SessionEvent } from '../core/events.js';
import { t, type Lang } from '../core/i18n.js';
import { nodeText } from './answer-text.js';
import { calendarPicture, type CalendarMark } from './calendar-picture.js';
import { deadlineParts, lawOf, sourceLabel, statusText } from './checklist-text.js';
import { openEntries, referencesUsed } from './checklist-md.js';
import { item, labelled, strong, type DBlock, type DItem, type Span } from './doc.js';
import { courseOf, factsOf, SUMMARY_ORDER, summaryOf, type Fact } from './note-facts.js';
import { whyText } from './why-text.js';

const time = (at: string): string => formatInstantRecord(at);

export interface NoteData {
  r: CompiledRoutine;
  s: WalkState;
  entries: readonly ChecklistEntry[];
  lang: Lang;
  facts: Fact[];
}

export function noteData(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang): NoteData {
  return { r, s, entries, lang, facts: factsOf(r, s, lang) };
}

/** When the session ended: the `finished` event, else the end node; otherwise it is still open. */
export function endOf(s: WalkState): { at: string; finished: boolean } {
  const fin = [...s.events].reverse().find((e) => e.t === 'finished');
  if (fin) return { at: fin.at, finished: true };
  const end = s.outcome !== null ? s.path[s.path.length - 1] : undefined;
  return end ? { at: end.at, finished: true } : { at: s.lastAt, finished: false };
}

export function outcomeText(d: NoteData): string {
  const { r, s, lang } = d;
  const end = s.outcome === null ? undefined : r.nodes.get(s.outcome);
  if (end) return nodeText(end, lang);
  const current = s.current === null ? undefined : r.nodes.get(s.current);
  return t(lang, 'note.notFinished', { node: current ? nodeText(current, lang) : (s.current ?? '') });
}

export const enteredFromFile = (s: WalkState): boolean => s.started.entered_from === 'answers-file';

/** Open items with a computed deadline: the summary's "next deadlines", and the calendar's marks. */
function dated(entries: readonly ChecklistEntry[]) {
  return openEntries(entries).flatMap((e) => (e.deadline && 'safe' in e.deadline ? [{ e, safe: e.deadline.safe }] : []));
}

const ownerOf = (e: ChecklistEntry, lang: Lang) => t(lang, `owner.${e.item.owner}`);

/**
 * The sentences a summary role collects, in one line: "; " between them, but a sentence that ends
 * with its own full stop (or ! or ?) is followed by a space, never by ".;".
 */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.map((x, i) => (i === 0 ? x : `${/[.!?]$/.test((sentences[i - 1] as string).trimEnd()) ? ' ' : '; '}${x}`)).join('');
}

export function summaryBlock(d: NoteData, withCase = true): DBlock {
  const { r, s, lang, entries } = d;
  const items: DItem[] = withCase ? [labelled(t(lang, 'note.case'), s.started.case_ref.trim() || t(lang, 'note.none'))] : [];
  const roles = summaryOf(d.facts, lang);
  for (const role of SUMMARY_ORDER.filter((x) => x !== 'police')) {
    const v = roles.get(role);
    if (v) items.push(labelled(t(lang, `summary.${role}`), joinSentences(v)));
  }
  const decisions = d.facts.filter((f) => f.node.kind === 'decision');
  if (decisions.length === 1) items.push(labelled(t(lang, 'summary.decision'), (decisions[0] as Fact).sentence));
  if (decisions.length > 1) items.push(labelled(t(lang, 'summary.decisions'), '', decisions.map((f) => item([f.sentence]))));
  const police = roles.get('police');
  if (police) items.push(labelled(t(lang, 'summary.police'), police.join(' ')));
  const next = dated(entries);
  const waiting = openEntries(entries).filter((e) => e.deadline !== null && 'waiting' in e.deadline);
  if (next.length || waiting.length) {
    const sub = [
      ...next.map(({ e, safe }) => item([t(lang, 'summary.deadline', { safe, text: e.item.text[lang], owner: ownerOf(e, lang) })])),
      ...waiting.map((e) => item([t(lang, 'summary.waiting', { text: e.item.text[lang], owner: ownerOf(e, lang), from: sourceLabel(r, (e.deadline as { waiting: string }).waiting, lang) })])),
    ];
    items.push(labelled(t(lang, 'summary.deadlines'), '', sub));
  }
  items.push(labelled(t(lang, 'note.outcome'), outcomeText(d)));
  return { ul: items };
}

type Noted = Extract<SessionEvent, { t: 'noted' }>;
const notesOf = (s: WalkState): Noted[] => s.events.filter((e): e is Noted => e.t === 'noted');

/** The course of events, each with its time when the routine records one; notes under their step. */
export function courseBlock(d: NoteData): DBlock {
  const { s, lang } = d;
  const onPath = new Set(d.facts.map((f) => f.node.id));
  const items = courseOf(d.facts).map((f) => {
    const notes = notesOf(s).filter((n) => n.node === f.node.id);
    const spans: Span[] = f.eventAt ? [`${time(f.eventAt)} – `, f.sentence] : [f.sentence];
    return item(spans, notes.map((n) => item([`${t(lang, 'casenote.noteLabel')}: `, `\n${n.text}`])));
  });
  // A note at no step of the path still belongs to the record.
  for (const n of notesOf(s).filter((x) => x.node === null || !onPath.has(x.node))) {
    items.push(item([`${t(lang, 'casenote.noteLabel')} (${time(n.at)}): `, `\n${n.text}`]));
  }
  return items.length ? { ol: items } : { p: [t(lang, 'note.none')] };
}

export function decisionsBlocks(d: NoteData): DBlock[] {
  const { r, lang } = d;
  const items = d.facts
    .filter((f) => f.node.kind === 'decision' && f.visit.input?.t === 'decided')
    .map((f) => {
      const n = f.node;
      const input = f.visit.input as Extract<SessionEvent, { t: 'decided' }>;
      const ground = n.kind === 'decision' ? n.grounds?.find((g) => g.id === input.ground) : undefined;
      const sub: DItem[] = [item([`${t(lang, 'field.decided_by')}: ${input.decided_by}`])];
      if (input.ground !== null) sub.push(item([`${t(lang, 'field.ground')}: ${ground?.label[lang] ?? input.ground}`]));
      sub.push(item([`${t(lang, 'field.decided_at')}: ${time(input.decided_at)}`]));
      if (n.kind === 'decision' && n.carried_out) {
        sub.push(item([`${t(lang, 'field.carried_out_at')}: ${input.carried_out_at === null ? t(lang, 'note.notCarriedOut') : time(input.carried_out_at)}`]));
      }
      const defs = n.kind === 'decision' ? (n.record ?? []) : [];
      for (const [k, v] of Object.entries(input.fields)) {
        if (v === null || v === '') continue;
        const def = defs.find((x) => x.id === k);
        const shown = def?.type === 'yesno' && (v === 'yes' || v === 'no') ? t(lang, `answer.${v}`) : typeof v === 'string' && def?.type === 'datetime' ? time(v) : String(v);
        sub.push(item([`${def?.label[lang] ?? k}: `, shown.includes('\n') ? `\n${shown}` : shown]));
      }
      const laws = n.refs.map((id) => lawOf(r, id, lang));
      return item([strong(nodeText(n, lang)), laws.length ? ` (${laws.join('; ')})` : ''], sub);
    });
  return [{ h: 2, text: t(lang, 'note.h.decisions') }, items.length ? { ul: items } : { p: [t(lang, 'note.noDecisions')] }];
}

/** One checklist item: status (a not-applicable item says so and is never ticked), deadline, why. */
export function checklistItem(d: NoteData, e: ChecklistEntry, opts: { deadline: boolean }): DItem {
  const { r, s, lang } = d;
  const sub: DItem[] = [];
  const status = statusText(e, lang);
  if (status) sub.push(item([status]));
  if (opts.deadline && e.status.state === 'open') sub.push(...deadlineParts(e, r, lang, false).map((p) => item([p.tone === 'warn' || p.tone === 'danger' ? strong(p.text) : p.text])));
  sub.push(item([whyText(r, s.path, e, lang)]));
  const na = e.status.state === 'na' ? [`${t(lang, 'casenote.na')}: `] : [];
  return { ...item([...na, e.item.text[lang], ` (${t(lang, 'checklist.owner', { owner: ownerOf(e, lang) })})`], sub), box: e.status.state };
}

export function checklistBlocks(d: NoteData): DBlock[] {
  const { entries, lang } = d;
  const blocks: DBlock[] = [{ h: 2, text: t(lang, 'note.h.checklist') }];
  if (!entries.length) return [...blocks, { p: [t(lang, 'checklist.empty')] }];
  // Open items first, by the day to act; then what was done or found not to apply.
  const open = openEntries(entries);
  const closed = entries.filter((e) => e.status.state !== 'open');
  return [...blocks, { ul: [...open, ...closed].map((e) => checklistItem(d, e, { deadline: true })) }];
}

/** The references of the path taken, each once; "to be verified" said once, after the list. */
export function referencesBlocks(d: NoteData): DBlock[] {
  const { r, s, entries, lang } = d;
  const ids = referencesUsed(r, s, entries);
  const blocks: DBlock[] = [{ h: 2, text: t(lang, 'note.h.refs') }];
  if (!ids.length) return [...blocks, { p: [t(lang, 'note.noRefs')] }];
  const verify: string[] = [];
  const items = ids.map((id) => {
    const ref = r.references.get(id);
    if (!ref) return item([id]);
    const dates = ref.valid_until ? t(lang, 'note.validUntil', { from: ref.valid_from, until: ref.valid_until }) : t(lang, 'note.valid', { from: ref.valid_from });
    if (ref.verify) verify.push(id);
    const mark = ref.verify ? ` – ${t(lang, 'casenote.verifyMark')}` : '';
    const note = !ref.verify && ref.note ? [item([ref.note[lang]])] : [];
    return item([strong(ref.law[lang]), `: ${ref.title[lang]} (${dates})${mark}`], note);
  });
  blocks.push({ ul: items });
  if (verify.length) {
    const notes = [...new Set(verify.map((id) => r.references.get(id)?.note?.[lang]).filter((x): x is string => !!x))];
    const laws = verify.map((id) => lawOf(r, id, lang)).join(', ');
    blocks.push({ p: [strong(t(lang, 'casenote.verifyTitle')), `: ${t(lang, 'casenote.verifyText', { laws })}${notes.length ? ` ${notes.join(' ')}` : ''}`] });
  }
  return blocks;
}

/** Marks for the calendar: each open item's act-by day, tagged with its number in `numbered`. */
export function calendarBlocks(d: NoteData, numbered: readonly ChecklistEntry[], from: string, today?: string): DBlock[] {
  const { lang } = d;
  const marks: CalendarMark[] = [];
  numbered.forEach((e, i) => {
    if (e.deadline && 'safe' in e.deadline) marks.push({ date: e.deadline.safe, tag: String(i + 1), text: `${e.item.text[lang]} (${ownerOf(e, lang)})` });
  });
  const lines = calendarPicture(marks, from, lang, today);
  return lines.length ? [{ h: 2, text: t(lang, 'casenote.h.calendar') }, { pre: lines }] : [];
}

/** The record of entry: who and when, the routine's version and hash, and every time something was typed. */
export function auditBlocks(d: NoteData): DBlock[] {
  const { r, s, lang } = d;
  const st = s.started;
  const end = endOf(s);
  const routine = { id: r.id, version: r.version, reviewed: r.reviewed, reviewBy: r.reviewBy, approvedBy: r.approvedBy };
  const head: DItem[] = [
    labelled(t(lang, 'note.worker'), st.worker.trim() || t(lang, 'note.none')),
    labelled(t(lang, 'note.start'), time(st.at)),
    labelled(t(lang, end.finished ? 'note.end' : 'note.lastRecorded'), time(end.at)),
    labelled(t(lang, 'note.routine'), t(lang, 'note.routineValue', routine)),
    labelled(t(lang, 'note.hash'), [{ code: st.routine.hash }]),
    labelled(t(lang, 'note.tool'), `jour-routine ${st.tool_version}`),
  ];
  if (enteredFromFile(s)) head.push(item([t(lang, 'casenote.enteredFromFile')]));
  const onPath = new Set(s.path.map((v) => v.input).filter((x) => x !== undefined));
  const log: DItem[] = [];
  for (const e of s.events) {
    let what: string | undefined;
    if ((e.t === 'answered' || e.t === 'recorded' || e.t === 'decided') && onPath.has(e)) {
      const n = r.nodes.get(e.node);
      what = t(lang, 'casenote.entered', { node: n ? nodeText(n, lang) : e.node });
    } else if (e.t === 'went_back') {
      const n = r.nodes.get(e.node);
      what = t(lang, 'note.wentBack', { node: n ? nodeText(n, lang) : e.node });
    } else if (e.t === 'paused') what = t(lang, 'note.paused');
    else if (e.t === 'resumed') what = t(lang, 'note.resumed');
    else if (e.t === 'ticked') {
      const it = r.checklist.get(e.item);
      what = t(lang, `casenote.ticked.${e.status}`, { item: it?.text[lang] ?? e.item, by: e.by });
    }
    if (what !== undefined) log.push(item([`${time(e.at)} – ${what}`]));
  }
  return [
    { h: 2, text: t(lang, 'casenote.h.audit') },
    { ul: head },
    ...(log.length ? [{ p: [t(lang, 'casenote.entryTimes')] } as DBlock, { ul: log }] : []),
  ];
}

export const startDay = (s: WalkState): string => localDateOf(s.started.at);
