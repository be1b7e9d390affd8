// Prompts around the walk: choosing a routine, a session, where to go back to, and confirmations.
import { formatInstantLocal } from '../engine/calendar.js';
import type { Visit } from '../engine/walk.js';
import { answerText, nodeText } from '../render/answer-text.js';
import { wrap } from '../render/wrap.js';
import type { CompiledRoutine } from '../routine/model.js';
import type { SessionSummary } from '../session/list.js';
import { containsPersonalNumber } from '../engine/personal-number.js';
import { t } from './i18n.js';
import { pickSpec, textSpec, theme, type Choice, type Spec, type Ui } from './prompts.js';

const MAX_LABEL = 90;
const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** Searchable by id and by either language's title, since staff search in both. */
export function routineSpec(ui: Ui, routines: readonly CompiledRoutine[]): Spec<string> {
  const all = routines.map((r) => ({
    value: r.id,
    name: `${r.title[ui.lang]} (${r.id}, v${r.version})`,
    description: wrap(r.description[ui.lang], 96).join('\n'),
    haystack: `${r.id} ${r.title.sv} ${r.title.en}`.toLowerCase(),
  }));
  return {
    kind: 'search',
    config: {
      message: t(ui.lang, 'ia.pickRoutine'),
      source: (term) => {
        const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        return all.filter((r) => words.every((w) => r.haystack.includes(w))).map(({ haystack, ...c }) => (void haystack, c));
      },
      pageSize: 10,
      theme: theme(ui),
    },
    parse: (raw) => raw,
  };
}

/** The case reference names the session everywhere: a personal identity number is refused. */
export function caseRefSpec(ui: Ui): Spec<string> {
  return {
    kind: 'input',
    config: {
      message: t(ui.lang, 'ia.caseRef'),
      theme: theme(ui),
      validate: (s: string) =>
        s.trim() === '' ? t(ui.lang, 'ia.required') : containsPersonalNumber(s) ? t(ui.lang, 'case.personnummer') : true,
    },
    parse: (raw) => raw.trim(),
  };
}
export const workerSpec = (ui: Ui) => textSpec(ui, t(ui.lang, 'ia.worker'), { required: true });
export const noteSpec = (ui: Ui) => textSpec(ui, t(ui.lang, 'ia.note.prompt'), { required: false });

const CANCEL = ':cancel';

/** Earlier questions on the current path, latest first; null when the caseworker stays. */
export function backSpec(ui: Ui, r: CompiledRoutine, path: readonly Visit[]): Spec<string | null> | undefined {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  path.forEach((v, i) => {
    const n = r.nodes.get(v.node);
    if (!n || !v.input || seen.has(v.node)) return;
    seen.add(v.node);
    choices.push({ value: v.node, name: clip(`${i + 1}. ${nodeText(n, ui.lang)} → ${answerText(n, v.input, ui.lang)}`) });
  });
  if (choices.length === 0) return undefined;
  choices.reverse();
  const all = [...choices, { value: CANCEL, name: t(ui.lang, 'ia.back.cancel') }];
  return pickSpec(ui, t(ui.lang, 'ia.back.pick'), all, choices[0]?.value, (raw) => (raw === CANCEL ? null : raw));
}

export function sessionSpec(ui: Ui, sessions: readonly SessionSummary[], titles: ReadonlyMap<string, string>): Spec<string> {
  const choices = sessions.map((s) => ({
    value: s.id,
    name: clip(
      `${s.practice ? `[${t(ui.lang, 'ia.practice')}] ` : ''}${s.case_ref} · ${titles.get(s.routine.id) ?? s.routine.id} · ${formatInstantLocal(s.last_activity)} · ${t(ui.lang, `ia.state.${s.state}`)}`,
    ),
    description: s.id,
    short: s.id,
  }));
  return pickSpec(ui, t(ui.lang, 'ia.resume.pick'), choices);
}

/** A yes/no where a stray Enter means no: for things that cannot be undone. */
export function confirmSpec(ui: Ui, message: string): Spec<boolean> {
  const choices = [
    { value: 'no', name: t(ui.lang, 'answer.no') },
    { value: 'yes', name: t(ui.lang, 'answer.yes') },
  ];
  return pickSpec(ui, message, choices, 'no', (raw) => raw === 'yes');
}
