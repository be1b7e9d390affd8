// Sections the case note and the handover share: the header, what happened in order, the
// decisions, the contacts made, the notes and the audit trail. Everything comes from the events,
// never from the clock, so the same session always gives the same document.
import { formatInstantLocal } from '../engine/calendar.js';
import type { Visit, WalkState } from '../engine/walk.js';
import type { CNode, CompiledRoutine } from '../routine/model.js';
import type { SessionEvent } from '../session/events.js';
import { t, type Lang } from '../ui/i18n.js';
import { answerText, nodeText, valueText } from './answer-text.js';
import { lawOf } from './checklist-text.js';
import { bold, bullets, code, inline, ordered, text, type Block, type Item } from './markdown.js';

const time = (at: string): string => formatInstantLocal(at);
const label = (lang: Lang, key: string, md: string): Item => ({ text: `${bold(inline(t(lang, key)))}: ${md}` });
/** "Fråga? Svar" but "Steg: uppgifter", so a question mark is not followed by a colon. */
const asked = (s: string): string => (/[?!:.]$/.test(s.trim()) ? inline(s) : `${inline(s)}:`);

function nodeOf(r: CompiledRoutine, id: string | null): CNode | undefined {
  return id === null ? undefined : r.nodes.get(id);
}

/** When the session ended: the `finished` event, else the end node; otherwise it is still open. */
function endOf(s: WalkState): { at: string; finished: boolean } {
  const fin = [...s.events].reverse().find((e) => e.t === 'finished');
  if (fin) return { at: fin.at, finished: true };
  const end = s.outcome !== null ? s.path[s.path.length - 1] : undefined;
  return end ? { at: end.at, finished: true } : { at: s.lastAt, finished: false };
}

export function outcomeText(r: CompiledRoutine, s: WalkState, lang: Lang): string {
  const end = nodeOf(r, s.outcome);
  if (end) return nodeText(end, lang);
  const current = nodeOf(r, s.current);
  return t(lang, 'note.notFinished', { node: current ? nodeText(current, lang) : (s.current ?? '') });
}

export function headerItems(r: CompiledRoutine, s: WalkState, lang: Lang, handover: boolean): Item[] {
  const st = s.started;
  const end = endOf(s);
  const worker = st.worker.trim() || t(lang, 'note.none');
  const items: Item[] = [label(lang, 'note.case', inline(st.case_ref.trim() || t(lang, 'note.none')))];
  if (handover) {
    items.push(label(lang, 'handover.from', inline(t(lang, 'handover.fromValue', { worker }))));
    items.push(label(lang, 'handover.period', inline(`${time(st.at)} – ${time(end.at)}`)));
  } else {
    items.push(label(lang, 'note.worker', inline(worker)));
    items.push(label(lang, 'note.start', inline(time(st.at))));
    items.push(label(lang, end.finished ? 'note.end' : 'note.lastRecorded', inline(time(end.at))));
  }
  items.push(label(lang, 'note.outcome', inline(outcomeText(r, s, lang))));
  const routine = { id: r.id, version: r.version, reviewed: r.reviewed, reviewBy: r.reviewBy, approvedBy: r.approvedBy };
  items.push(label(lang, 'note.routine', inline(t(lang, 'note.routineValue', routine))));
  items.push(label(lang, 'note.hash', code(st.routine.hash)));
  if (!handover) items.push(label(lang, 'note.tool', inline(`jour-routine ${st.tool_version}`)));
  return items;
}

function noteItem(r: CompiledRoutine, e: Extract<SessionEvent, { t: 'noted' }>, lang: Lang): Item {
  const n = nodeOf(r, e.node);
  const where = n ? t(lang, 'note.noteAtNode', { node: nodeText(n, lang) }) : t(lang, 'note.noteAt');
  return { text: `${inline(time(e.at))} – ${inline(where)}:\n${text(e.text)}` };
}

/** Answers on the current path and notes, in the order they were given; withdrawn answers are not facts. */
export function timelineBlock(r: CompiledRoutine, s: WalkState, lang: Lang): Block {
  const onPath = new Set(s.path.map((v) => v.input).filter((x) => x !== undefined));
  const lastInput = [...s.path].reverse().find((v) => v.input)?.input;
  const endVisit = s.outcome !== null ? s.path[s.path.length - 1] : undefined;
  const items: Item[] = [];
  for (const e of s.events) {
    if (e.t === 'noted') items.push(noteItem(r, e, lang));
    if ((e.t === 'answered' || e.t === 'recorded' || e.t === 'decided') && onPath.has(e)) {
      const n = r.nodes.get(e.node);
      if (n) {
        // Answers to questions stand out; the details of steps and decisions follow in their sections.
        const answer = inline(answerText(n, e, lang));
        items.push({ text: `${inline(time(e.at))} – ${asked(nodeText(n, lang))} ${n.kind === 'question' ? bold(answer) : answer}` });
      }
    }
    if (e === lastInput && endVisit) {
      const end = r.nodes.get(endVisit.node);
      if (end) items.push({ text: `${inline(time(endVisit.at))} – ${inline(t(lang, 'note.outcome'))}: ${bold(inline(nodeText(end, lang)))}` });
    }
  }
  return items.length ? ordered(items) : inline(t(lang, 'note.none'));
}

function lawsOf(r: CompiledRoutine, n: CNode, lang: Lang): string[] {
  return n.refs.map((id) => lawOf(r, id, lang));
}

function fieldItems(n: CNode, fields: Record<string, string | number | null>, lang: Lang): Item[] {
  const defs = (n.kind === 'step' || n.kind === 'decision' ? n.record : undefined) ?? [];
  return Object.entries(fields)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => {
      const f = defs.find((x) => x.id === k);
      const shown = f?.type === 'yesno' && (v === 'yes' || v === 'no') ? t(lang, `answer.${v}`) : valueText(v);
      return { text: `${inline(f?.label[lang] ?? k)}: ${inline(shown)}` };
    });
}

export function decisionsBlock(r: CompiledRoutine, s: WalkState, lang: Lang): Block {
  const items: Item[] = [];
  for (const v of s.path) {
    const n = r.nodes.get(v.node);
    const input = v.input;
    if (n?.kind !== 'decision' || input?.t !== 'decided') continue;
    const ground = n.grounds?.find((g) => g.id === input.ground);
    const sub: Item[] = [{ text: `${inline(t(lang, 'field.decided_by'))}: ${inline(input.decided_by)}` }];
    if (input.ground !== null) sub.push({ text: `${inline(t(lang, 'field.ground'))}: ${inline(ground?.label[lang] ?? input.ground)}` });
    sub.push({ text: `${inline(t(lang, 'field.decided_at'))}: ${inline(time(input.decided_at))}` });
    if (n.carried_out) {
      const carried = input.carried_out_at === null ? t(lang, 'note.notCarriedOut') : time(input.carried_out_at);
      sub.push({ text: `${inline(t(lang, 'field.carried_out_at'))}: ${inline(carried)}` });
    }
    sub.push(...fieldItems(n, input.fields, lang));
    sub.push({ text: `${inline(t(lang, 'note.recordedAt'))}: ${inline(time(v.at))}` });
    const laws = lawsOf(r, n, lang);
    items.push({ text: `${bold(inline(nodeText(n, lang)))}${laws.length ? ` (${inline(laws.join('; '))})` : ''}`, sub });
  }
  return items.length ? bullets(items) : inline(t(lang, 'note.noDecisions'));
}

/** Steps on the path that recorded something: who was called, when, report numbers. */
export function contactVisits(r: CompiledRoutine, s: WalkState): Visit[] {
  return s.path.filter((v) => {
    const n = r.nodes.get(v.node);
    return n?.kind === 'step' && v.input?.t === 'recorded' && Object.values(v.input.fields).some((x) => x !== null && x !== '');
  });
}

export function contactItems(r: CompiledRoutine, s: WalkState, lang: Lang): Item[] {
  return contactVisits(r, s).map((v) => {
    const n = r.nodes.get(v.node) as CNode;
    const section = n.section?.[lang] ?? n.moduleTitle?.[lang];
    const title = section ? `${section}: ${nodeText(n, lang)}` : nodeText(n, lang);
    const fields = v.input?.t === 'recorded' ? v.input.fields : {};
    const when = [time(v.at), ...lawsOf(r, n, lang)].join('; ');
    return { text: `${bold(inline(title))} (${inline(when)})`, sub: fieldItems(n, fields, lang) };
  });
}

export function contactsBlock(r: CompiledRoutine, s: WalkState, lang: Lang): Block {
  const items = contactItems(r, s, lang);
  return items.length ? bullets(items) : inline(t(lang, 'note.noContacts'));
}

export function notesBlock(r: CompiledRoutine, s: WalkState, lang: Lang): Block | undefined {
  const items = s.events.filter((e) => e.t === 'noted').map((e) => noteItem(r, e, lang));
  return items.length ? bullets(items) : undefined;
}

/** Went back, paused, resumed: briefly, and without the withdrawn answers themselves. */
export function auditBlock(r: CompiledRoutine, s: WalkState, lang: Lang): Block | undefined {
  const items: Item[] = [];
  for (const e of s.events) {
    let what: string | undefined;
    if (e.t === 'went_back') {
      const n = r.nodes.get(e.node);
      what = t(lang, 'note.wentBack', { node: n ? nodeText(n, lang) : e.node });
    } else if (e.t === 'paused') what = t(lang, 'note.paused');
    else if (e.t === 'resumed') what = t(lang, 'note.resumed');
    if (what !== undefined) items.push({ text: `${inline(time(e.at))} – ${inline(what)}` });
  }
  return items.length ? bullets(items) : undefined;
}
