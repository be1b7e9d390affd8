// Prompts around the walk: choosing a routine, a session, and confirmations.
import { formatInstantLocal } from '../core/calendar.js';
import { clip as clipTo, wrap } from '../render/wrap.js';
import type { CompiledRoutine } from '../core/model.js';
import type { SessionSummary } from '../session/list.js';
import { containsPersonalNumber } from '../engine/personal-number.js';
import { t } from '../core/i18n.js';
import { pickSpec, textSpec, theme, widthOf, type Spec, type Ui } from './prompts.js';

/** Searchable by id and by either language's title, since staff search in both. */
export function routineSpec(ui: Ui, routines: readonly CompiledRoutine[]): Spec<string> {
  // Each routine stays one line (cut to the width, the cursor and a margin); its description wraps.
  const width = widthOf(ui);
  const all = routines.map((r) => ({
    value: r.id,
    name: clipTo(`${r.title[ui.lang]} (${r.id}, v${r.version})`, width - 4),
    short: r.id,
    description: wrap(r.description[ui.lang], width - 1).join('\n'),
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

export function sessionSpec(ui: Ui, sessions: readonly SessionSummary[], titles: ReadonlyMap<string, string>): Spec<string> {
  const choices = sessions.map((s) => ({
    value: s.id,
    name: clipTo(
      `${s.practice ? `[${t(ui.lang, 'ia.practice')}] ` : ''}${s.case_ref} · ${titles.get(s.routine.id) ?? s.routine.id} · ${formatInstantLocal(s.last_activity)} · ${t(ui.lang, `ia.state.${s.state}`)}`,
      widthOf(ui) - 4,
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
