// The handover to the district social services that take the case over in the morning: the
// summary, every answer on the path, what was decided and done, and what remains, each item with
// owner, deadline, why it is there and what is important to think about (said once, never
// repeated), with a calendar of the coming weeks. Markdown or plain text, like the note.
import type { ChecklistEntry } from '../engine/checklist.js';
import type { WalkState } from '../engine/walk.js';
import type { CompiledRoutine } from '../core/model.js';
import { t, type Lang } from '../core/i18n.js';
import { nodeText } from './answer-text.js';
import { deadlineParts, statusText } from './checklist-text.js';
import { openEntries } from './checklist-md.js';
import { item, labelled, strong, type DBlock, type DItem } from './doc.js';
import { renderMd } from './doc-md.js';
import { renderText } from './doc-text.js';
import type { DocFormat } from './note.js';
import {
  calendarBlocks, courseBlock, decisionsBlocks, endOf, noteData, outcomeText, referencesBlocks, startDay, summaryBlock, type NoteData,
} from './note-parts.js';
import { formatInstantRecord } from './record-time.js';
import { whyText } from './why-text.js';

function header(d: NoteData): DBlock {
  const { r, s, lang } = d;
  const st = s.started;
  const worker = st.worker.trim() || t(lang, 'note.none');
  const routine = { id: r.id, version: r.version, reviewed: r.reviewed, reviewBy: r.reviewBy, approvedBy: r.approvedBy };
  return {
    ul: [
      labelled(t(lang, 'note.case'), st.case_ref.trim() || t(lang, 'note.none')),
      labelled(t(lang, 'handover.from'), t(lang, 'handover.fromValue', { worker })),
      labelled(t(lang, 'handover.period'), `${formatInstantRecord(st.at)} – ${formatInstantRecord(endOf(s).at)}`),
      labelled(t(lang, 'note.outcome'), outcomeText(d)),
      labelled(t(lang, 'note.routine'), t(lang, 'note.routineValue', routine)),
      labelled(t(lang, 'note.hash'), [{ code: st.routine.hash }]),
    ],
  };
}

function doneBlock(d: NoteData): DBlock {
  const { entries, lang } = d;
  const items = entries
    .filter((e) => e.status.state !== 'open')
    .map((e) => item([...(e.status.state === 'na' ? [`${t(lang, 'casenote.na')}: `] : []), `${e.item.text[lang]} – ${statusText(e, lang) ?? ''}`]));
  return items.length ? { ul: items } : { p: [t(lang, 'handover.nothingTicked')] };
}

/**
 * One sub-section per open item, numbered (the calendar uses the numbers). A help paragraph that
 * was already given is not printed again: the item points to where it stands.
 */
function remainingBlocks(d: NoteData, open: readonly ChecklistEntry[]): DBlock[] {
  const { r, s, lang } = d;
  if (!open.length) return [{ p: [t(lang, 'handover.nothingLeft')] }];
  const given = new Map<string, number>();
  return open.flatMap((e, i) => {
    const facts: DItem[] = [labelled(t(lang, 'handover.owner'), t(lang, `owner.${e.item.owner}`))];
    const deadline = deadlineParts(e, r, lang, false).map((p) => item([p.tone ? strong(p.text) : p.text]));
    if (deadline.length) facts.push(labelled(t(lang, 'handover.deadline'), '', deadline));
    facts.push(item([whyText(r, s.path, e, lang)]));
    const origin = r.nodes.get(e.addedBy);
    const helps: [string, string | undefined][] = [
      [t(lang, 'handover.think'), e.item.help?.[lang]],
      ...(origin ? [[t(lang, 'handover.fromStep', { node: nodeText(origin, lang) }), origin.help?.[lang]] as [string, string | undefined]] : []),
    ];
    const paragraphs: DBlock[] = [];
    for (const [label, help] of helps) {
      if (help === undefined || help.trim() === '') continue;
      const key = help.replace(/\s+/g, ' ').trim();
      const earlier = given.get(key);
      if (earlier === undefined) {
        given.set(key, i + 1);
        paragraphs.push({ p: [strong(label), `: ${help.includes('\n') ? `\n${help}` : help}`] });
      } else paragraphs.push({ p: [strong(label), `: ${t(lang, 'handover.seeItem', { n: earlier })}`] });
    }
    return [{ h: 3, text: `${i + 1}. ${e.item.text[lang]}` } as DBlock, { ul: facts } as DBlock, ...paragraphs];
  });
}

function unfinishedBlocks(d: NoteData): DBlock[] {
  const { r, s, lang } = d;
  const current = s.current === null ? undefined : r.nodes.get(s.current);
  if (!current) return [];
  const help = current.help?.[lang];
  return [
    { h: 2, text: t(lang, 'handover.h.unfinished') },
    { p: [t(lang, 'handover.nextStep', { node: nodeText(current, lang) })] },
    ...(help ? [{ p: [strong(t(lang, 'handover.think')), `: ${help}`] } as DBlock] : []),
  ];
}

export function handoverBlocks(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang): DBlock[] {
  const d = noteData(r, s, entries, lang);
  const practice = s.started.practice;
  const open = openEntries(entries);
  return [
    { h: 1, text: t(lang, practice ? 'handover.titlePractice' : 'handover.title', { title: r.title[lang] }) },
    ...(practice ? [{ quote: [strong(t(lang, 'casenote.practiceMark')), ` ${t(lang, 'casenote.handoverPracticeText')}`] } as DBlock] : []),
    header(d),
    { h: 2, text: t(lang, 'casenote.h.summary') },
    summaryBlock(d, false),
    { h: 2, text: t(lang, 'casenote.h.facts') },
    courseBlock(d),
    ...decisionsBlocks(d),
    { h: 2, text: t(lang, 'handover.h.done') },
    doneBlock(d),
    { h: 2, text: t(lang, 'handover.h.remaining') },
    ...remainingBlocks(d, open),
    ...calendarBlocks(d, open, startDay(s)),
    ...unfinishedBlocks(d),
    ...referencesBlocks(d),
  ];
}

export function renderHandover(r: CompiledRoutine, s: WalkState, entries: readonly ChecklistEntry[], lang: Lang, format: DocFormat = 'md'): string {
  const blocks = handoverBlocks(r, s, entries, lang);
  return format === 'text' ? renderText(blocks) : renderMd(blocks);
}
