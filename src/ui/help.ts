// Commander's help in the user's language. Its headings, placeholders and "(choices: …, default: …)"
// are English literals; the Help hooks below replace them, so `--help` is Swedish throughout.
import type { Argument, Help, Option } from 'commander';
import { t, type Lang } from '../core/i18n.js';

/** Placeholder words shown in usage lines and option terms; the option names themselves stay. */
const WORDS_SV: Record<string, string> = {
  options: 'flaggor',
  command: 'kommando',
  routine: 'rutin',
  session: 'session',
  path: 'sökväg',
  old: 'gammal',
  new: 'ny',
  ref: 'referens',
  initials: 'initialer',
  dir: 'mapp',
  file: 'fil',
  time: 'tid',
  lang: 'språk',
  days: 'dagar',
  kind: 'sort',
};

/** `[options]`, `<routine>`, `[path...]`: the word inside the brackets, translated. */
export function translatePlaceholders(text: string, lang: Lang): string {
  if (lang !== 'sv') return text;
  return text.replace(/([<[])([a-z-]+)(\.\.\.)?([>\]])/g, (m, open: string, word: string, dots: string | undefined, close: string) => {
    const sv = WORDS_SV[word];
    return sv === undefined ? m : `${open}${sv}${dots ?? ''}${close}`;
  });
}

function withExtra(lang: Lang, description: string, choices: readonly string[] | undefined, def: string | undefined): string {
  const extra: string[] = [];
  if (choices) extra.push(t(lang, 'help.choices', { list: choices.map((c) => `"${c}"`).join(', ') }));
  if (def !== undefined) extra.push(t(lang, 'help.default', { value: def }));
  if (extra.length === 0) return description;
  return description ? `${description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

function optionDefault(o: Option): string | undefined {
  if (o.defaultValue === undefined) return undefined;
  // As commander: a default is shown for options with a value, not for plain flags.
  const shown = o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean');
  return shown ? (o.defaultValueDescription ?? JSON.stringify(o.defaultValue)) : undefined;
}

export function helpConfig(lang: Lang): Partial<Help> {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'help.usage'),
    'Options:': t(lang, 'help.options'),
    'Arguments:': t(lang, 'help.arguments'),
    'Commands:': t(lang, 'help.commands'),
    'Global Options:': t(lang, 'help.globalOptions'),
  };
  return {
    styleTitle: (s: string) => titles[s] ?? s,
    styleUsage: (s: string) => translatePlaceholders(s, lang),
    styleSubcommandTerm: (s: string) => translatePlaceholders(s, lang),
    styleOptionTerm: (s: string) => translatePlaceholders(s, lang),
    // Argument terms come bare ("routine", "path..."): the same words, without brackets.
    styleArgumentTerm: (s: string) => translatePlaceholders(`<${s}>`, lang).slice(1, -1),
    optionDescription: (o: Option) => withExtra(lang, o.description, o.argChoices, optionDefault(o)),
    argumentDescription: (a: Argument) =>
      withExtra(lang, a.description, a.argChoices, a.defaultValue === undefined ? undefined : (a.defaultValueDescription ?? JSON.stringify(a.defaultValue))),
  };
}
