// Every text a caseworker reads passes through here. Catalogs live in src/core/messages/, one file
// per area, so that each area owns its wording; this file only merges and formats.
import { cliMessages } from './messages/cli.js';
import { routineMessages } from './messages/routine.js';
import { sessionMessages } from './messages/session.js';
import { walkMessages } from './messages/walk.js';
import { renderMessages } from './messages/render.js';
import { interactiveMessages } from './messages/interactive.js';
import { notesMessages } from './messages/notes.js';
import { ownerMessages } from './messages/owner.js';
import { conflictMessages } from './messages/conflicts.js';
import { timesMessages } from './messages/times.js';
import { laterMessages } from './messages/later.js';
import { caseNoteMessages } from './messages/casenote.js';
import { hostileMessages } from './messages/hostile.js';
import type { Catalog } from './messages/types.js';
import { safeInline } from './terminal-text.js';

export type Lang = 'sv' | 'en';

const catalogs: Catalog[] = [
  cliMessages,
  routineMessages,
  sessionMessages,
  walkMessages,
  renderMessages,
  interactiveMessages,
  notesMessages,
  ownerMessages,
  conflictMessages,
  timesMessages,
  laterMessages,
  caseNoteMessages,
  hostileMessages,
];

const merged: Record<Lang, Record<string, string>> = { sv: {}, en: {} };
for (const c of catalogs) {
  Object.assign(merged.sv, c.sv);
  Object.assign(merged.en, c.en);
}

export type Params = Record<string, string | number>;

/** Fills {name} placeholders; an unknown key falls back to the key itself so that nothing is silently blank. */
export function t(lang: Lang, key: string, params: Params = {}): string {
  const template = merged[lang][key] ?? merged.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    // Parameters carry what files and users typed: one line, no control characters (terminal-text.ts).
    Object.prototype.hasOwnProperty.call(params, name) ? safeInline(String(params[name])) : m,
  );
}

export function hasMessage(key: string): boolean {
  return key in merged.sv && key in merged.en;
}

/** Default language: Swedish when the locale says so, English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.JOUR_ROUTINE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  if (locale.toLowerCase().startsWith('sv')) return 'sv';
  if (locale.toLowerCase().startsWith('en')) return 'en';
  // Staff machines at the service run Swedish; an unset or C locale still means a Swedish user.
  return locale === '' || locale === 'C' || locale === 'POSIX' || locale.startsWith('C.') ? 'sv' : 'en';
}

export function allKeys(): { sv: string[]; en: string[] } {
  return { sv: Object.keys(merged.sv), en: Object.keys(merged.en) };
}
