// What the case note and the handover say about each answer on the path: the routine's sentence
// (its `note:` template) or, without one, the question and the answer; when it happened (a
// recorded time, never the time it was typed); and the summary roles the routine gave it.
import { localDateOf, localTimeOf } from '../core/calendar.js';
import { formatInstantRecord } from './record-time.js';
import { isInstant } from '../engine/values.js';
import { lookupIn, type Visit, type WalkState } from '../engine/walk.js';
import { recordedFields, type CNode, type CompiledRoutine } from '../core/model.js';
import type { NoteTemplate, SummaryRole, Text } from '../core/schema.js';
import { fillTemplate, parseTemplate, placeholders, type TemplateFormat } from '../routine/template.js';
import { t, type Lang } from '../core/i18n.js';
import { answerText, nodeText, valueText } from './answer-text.js';
import { joinAsked } from './why-text.js';

export interface Fact {
  visit: Visit;
  node: CNode;
  /** The sentence for the note: the routine's template filled, or "question? answer". */
  sentence: string;
  /** When it happened, when the node records it: a decision's time, a step's first time field. */
  eventAt?: string;
  /** The order of the course of events: the event time, or that of the fact before it. */
  sortAt: string;
}

function templateFor(note: NoteTemplate | undefined, n: CNode, visit: Visit): Text[] {
  if (note === undefined) return [];
  if ('sv' in note && 'en' in note && typeof note.sv === 'string') return [note as Text];
  const perAnswer = note as Record<string, Text>;
  const value = visit.input?.t === 'answered' ? visit.input.value : undefined;
  if (n.kind !== 'question' || value === undefined || value === null) return [];
  const chosen = Array.isArray(value) ? value : [String(value)];
  return chosen.flatMap((v) => (perAnswer[v] ? [perAnswer[v]] : []));
}

/** The text of one placeholder: labels for options and grounds, Ja/Nej, local times. */
function placeholderValue(n: CNode, visit: Visit, lang: Lang, name: string, format?: TemplateFormat): string | undefined {
  const lookup = lookupIn([visit]);
  const input = visit.input;
  let raw: unknown;
  if (name === 'answer') return input ? answerText(n, input, lang) || undefined : undefined;
  raw = lookup(`${n.id}.${name}`);
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (name === 'ground' && n.kind === 'decision') return n.grounds?.find((g) => g.id === raw)?.label[lang] ?? String(raw);
  const field = recordedFields(n).find((f) => f.id === name);
  if (field?.type === 'yesno' && (raw === 'yes' || raw === 'no')) return t(lang, `answer.${raw}`);
  if (typeof raw === 'string' && isInstant(raw)) {
    return format === 'time' ? localTimeOf(raw) : format === 'date' ? localDateOf(raw) : formatInstantRecord(raw);
  }
  return valueText(raw as string | number);
}

export function sentenceOf(n: CNode, visit: Visit, lang: Lang): string {
  const note = 'note' in n ? (n.note as NoteTemplate | undefined) : undefined;
  const templates = templateFor(note, n, visit);
  const used = new Set<string>();
  const filled = templates.flatMap((tpl) => {
    const parsed = parseTemplate(tpl[lang]);
    if (!parsed.ok) return [];
    for (const p of placeholders(parsed.parts)) used.add(p.name);
    return [fillTemplate(parsed.parts, (name, format) => placeholderValue(n, visit, lang, name, format))];
  });
  if (filled.length) {
    // A recorded field the sentence does not name is still a fact of the case: it follows it.
    const rest = (n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : [])
      .filter((f) => !used.has(f.id))
      .flatMap((f) => {
        const v = placeholderValue(n, visit, lang, f.id);
        return v === undefined ? [] : [`${f.label[lang]}: ${v}`];
      });
    return [...filled, ...(rest.length ? [`(${rest.join('; ')})`] : [])].join(' ');
  }
  if (n.kind === 'end') return joinAsked(t(lang, 'note.outcome'), nodeText(n, lang));
  return joinAsked(nodeText(n, lang), answerText(n, visit.input, lang));
}

/** The time a visit's event happened, if the node records one. */
export function eventTimeOf(n: CNode, visit: Visit): string | undefined {
  const input = visit.input;
  if (input?.t === 'decided') return input.decided_at;
  if (input?.t === 'recorded') {
    for (const f of recordedFields(n)) {
      const v = input.fields[f.id];
      if (f.type === 'datetime' && typeof v === 'string' && isInstant(v)) return v;
    }
  }
  if (input?.t === 'answered' && n.kind === 'question' && n.type === 'datetime' && isInstant(input.value)) return input.value;
  return undefined;
}

/** The facts of the path in path order. */
export function factsOf(r: CompiledRoutine, s: WalkState, lang: Lang): Fact[] {
  const out: Fact[] = [];
  for (const visit of s.path) {
    const n = r.nodes.get(visit.node);
    if (!n) continue;
    const eventAt = eventTimeOf(n, visit);
    out.push({ visit, node: n, sentence: sentenceOf(n, visit, lang), ...(eventAt ? { eventAt } : {}), sortAt: '' });
  }
  // An untimed fact keeps its place after the latest time recorded before it on the path (a report
  // documented at the end, timed 01:40, must not pull the screening typed after it back to 01:40);
  // those before any timed fact go with the first one, so a case documented days later is not
  // sorted by the typing.
  const firstTimed = out.find((f) => f.eventAt)?.eventAt ?? s.started.at;
  let last = firstTimed;
  for (const f of out) {
    if (f.eventAt && Date.parse(f.eventAt) > Date.parse(last)) last = f.eventAt;
    f.sortAt = f.eventAt ?? last;
  }
  return out;
}

/** The course of events: by when things happened, path order among equals. */
export function courseOf(facts: readonly Fact[]): Fact[] {
  return facts
    .map((f, i) => ({ f, i, ms: Date.parse(f.sortAt) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.f);
}

export const SUMMARY_ORDER: readonly SummaryRole[] = ['age', 'language', 'happened', 'location', 'risk', 'views', 'police'];

/** What the routine marked for the summary: a node's sentence, or a recorded field's value. */
export function summaryOf(facts: readonly Fact[], lang: Lang): Map<SummaryRole, string[]> {
  const out = new Map<SummaryRole, string[]>();
  const add = (role: SummaryRole, text: string | undefined) => {
    if (text !== undefined && text.trim() !== '') out.set(role, [...(out.get(role) ?? []), text]);
  };
  for (const f of facts) {
    const n = f.node;
    if ('summary' in n && n.summary !== undefined) {
      add(n.summary as SummaryRole, n.kind === 'question' && !('note' in n && n.note) ? answerText(n, f.visit.input, lang) : f.sentence);
    }
    for (const field of n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : []) {
      if (field.summary !== undefined) add(field.summary, placeholderValue(n, f.visit, lang, field.id));
    }
  }
  return out;
}
