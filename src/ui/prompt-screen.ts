// What the keyed prompts draw: every line word-wrapped to the terminal's width before Inquirer's
// screen manager sees it (it would otherwise break lines inside words), key hints wrapped between
// hints, and the list, done and choice views the three prompts share.
import { usePagination } from '@inquirer/core';
import { wrap } from '../render/wrap.js';
import { isSep, type CmdKey, type KChoice, type PromptBase, type SeparatorLike } from './prompt-types.js';

export interface Styles {
  answer: (s: string) => string;
  message: (s: string, status?: string) => string;
  error: (s: string) => string;
  defaultAnswer: (s: string) => string;
  help: (s: string) => string;
  highlight: (s: string) => string;
  description: (s: string) => string;
  keysHelpTip: (keys: [string, string][]) => string;
}

export const W = (c: PromptBase) => Math.max(20, (c.width ?? 80) - 1);

/** The key hint line, wrapped between hints and never inside one. */
export function hintLines(style: Styles, hints: [string, string][], width: number): string {
  const parts = hints.map((h) => style.keysHelpTip([h]));
  const lines: string[] = [];
  let line = '';
  let len = 0;
  const vis = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  for (const p of parts) {
    const add = (line === '' ? 0 : 3) + vis(p);
    if (line !== '' && len + add > width) {
      lines.push(line);
      line = '';
      len = 0;
    }
    line = line === '' ? p : `${line}${style.help(' • ')}${p}`;
    len += line === p ? vis(p) : add;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export const cmdHints = (keys: CmdKey[] | undefined, text: boolean): [string, string][] =>
  (keys ?? []).filter((k) => !k.hidden).map((k) => [text && !k.single ? `${k.key}⏎` : k.key, k.label]);

/** "? Message" wrapped, continuation lines indented under the message. */
export function messageLines(prefix: string, message: string, width: number): string[] {
  const lines = wrap(message, width - 2);
  return lines.map((l, i) => (i === 0 ? `${prefix} ${l}` : `  ${l}`));
}

/** A refusal under the prompt ("> …"), wrapped between words: a sentence naming two dates is long. */
export const errorLines = (style: Styles, error: string, width: number): string => style.error(wrap(error, width - 2).join('\n  '));

/** The finished prompt: the answer after the message, or under it when the line would be too long. */
export function doneView(style: Styles, prefix: string, message: string, answer: string, width: number): string {
  const lines = messageLines(prefix, message, width);
  const last = lines[lines.length - 1] ?? '';
  const msg = lines.map((l) => style.message(l, 'done')).join('\n');
  if (answer === '') return msg;
  if (last.length + 1 + answer.length <= width) return `${msg} ${style.answer(answer)}`;
  return `${msg}\n${wrap(answer, width, '  ').map((l) => style.answer(l)).join('\n')}`;
}

interface ListScreen {
  style: Styles;
  prefix: string;
  config: PromptBase & { pageSize?: number };
  status: string;
  width: number;
  items: (KChoice | SeparatorLike)[];
  active: number;
  /** An answer's lines, cursor and box included. */
  renderChoice: (item: KChoice, isActive: boolean) => string;
  hints: [string, string][];
  error?: string | undefined;
}

/** A list prompt while it waits: the message, a page of answers, the active one's description, the key hints. */
export function listScreen(o: ListScreen): string {
  const { style, width } = o;
  const msg = messageLines(o.prefix, o.config.message, width).map((l) => style.message(l, o.status)).join('\n');
  const page = usePagination<KChoice | SeparatorLike>({
    items: o.items,
    active: o.active,
    pageSize: o.config.pageSize ?? 10,
    loop: false,
    renderItem({ item, isActive }) {
      if (isSep(item)) return ` ${item.separator}`;
      const text = o.renderChoice(item, isActive);
      return isActive ? style.highlight(text) : text;
    },
  });
  const current = o.items[o.active];
  const description = current && !isSep(current) && current.description ? style.description(wrap(current.description, width).join('\n')) : '';
  const hints = hintLines(style, [...o.hints, ...cmdHints(o.config.keys, false)], width);
  return [msg, page, ' ', description, o.error ? errorLines(style, o.error, width) : '', hints].filter(Boolean).join('\n');
}

/** The question a typed answer raised, its answers (the active one marked), and the keys. */
export function choiceLines(style: Styles, q: { message: string; choices: KChoice[] }, active: number, width: number, keys: CmdKey[] = []): string {
  const answers = q.choices.map((item, i) => {
    const text = wrap(item.name, width - 2).map((l, j) => `${j === 0 && i === active ? '❯' : ' '} ${l}`).join('\n');
    return i === active ? style.highlight(text) : text;
  });
  const hints = hintLines(style, [['↑↓', 'navigate'], ['⏎', 'select'], ['<', 'retype'], ...cmdHints(keys, false)], width);
  return [wrap(q.message, width).map((l) => style.message(l, 'idle')).join('\n'), ...answers, hints].join('\n');
}
