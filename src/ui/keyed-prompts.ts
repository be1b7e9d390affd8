// Select, multiple choice and text input in which the walk's command keys (? < + p >) act on one
// key press, and every line is word-wrapped to the terminal's width before Inquirer's screen
// manager sees it (it would otherwise break lines inside words). Built on @inquirer/core, the
// engine under @inquirer/prompts, so keys, redraw and Ctrl+C behave as in the stock prompts.
//
// In a text field a command key acts only as the first key into an empty field: nothing a
// caseworker writes starts with ? < + or >, and a leading space (trimmed from every answer) lets
// such a text be typed anyway. `p` starts too many words ("polisen") to be a command in free text:
// there it pauses when typed alone and followed by Enter; in number and time fields it acts at once.
import {
  createPrompt, isBackspaceKey, isDownKey, isEnterKey, isSpaceKey, isTabKey, isUpKey, makeTheme, Separator, useKeypress,
  usePagination, usePrefix, useState, type KeypressEvent,
} from '@inquirer/core';
import { wrap } from '../render/wrap.js';

/** A command key and the raw value the prompt returns for it (`:help`, `:back`, …). */
export interface CmdKey {
  key: string;
  value: string;
  /** The action's id in the hint line ("key action", translated by the theme). */
  label: string;
  /** What the finished prompt shows when the key was used. */
  shown: string;
  /** Text fields: act on a single key press (else only when typed alone and followed by Enter). */
  single?: boolean;
}

interface Base {
  message: string;
  keys?: CmdKey[];
  /** Columns to wrap to; the terminal's width. */
  width?: number;
  // The theme of prompts.ts: prefix and style functions (colours, key hints in the user's language).
  theme?: unknown;
}

export interface KChoice {
  value: string;
  name: string;
  description?: string;
  short?: string;
  checked?: boolean;
}

type SeparatorLike = { type: 'separator'; separator: string };

export interface KSelectConfig extends Base {
  choices: (KChoice | SeparatorLike)[];
  default?: string;
  pageSize?: number;
  loop?: boolean;
}

export interface KCheckboxConfig extends Base {
  choices: (KChoice | SeparatorLike)[];
  pageSize?: number;
  loop?: boolean;
  validate?: (picked: string[]) => boolean | string;
  /** Accepted for the stock checkbox's config shape; this prompt has no all/invert shortcuts. */
  shortcuts?: unknown;
}

export interface KInputConfig extends Base {
  default?: string;
  validate?: (s: string) => boolean | string;
  /** How the accepted answer is shown once done (a time echoed with its date and weekday). */
  transformer?: (s: string, state: { isFinal: boolean }) => string;
  /**
   * For an answer that can mean two things (an autumn time that occurred twice): the question and
   * the answers to choose between, asked under the typed text before the prompt finishes. The
   * prompt returns the chosen answer's value; undefined means the answer is taken as typed.
   */
  choose?: (answer: string) => { message: string; choices: KChoice[] } | undefined;
}

interface Styles {
  answer: (s: string) => string;
  message: (s: string, status?: string) => string;
  error: (s: string) => string;
  defaultAnswer: (s: string) => string;
  help: (s: string) => string;
  highlight: (s: string) => string;
  description: (s: string) => string;
  keysHelpTip: (keys: [string, string][]) => string;
}

const W = (c: Base) => Math.max(20, (c.width ?? 80) - 1);

/** The character a key press stands for; modified keys (Ctrl, Alt) are never commands. */
function charOf(key: KeypressEvent): string | undefined {
  const k = key as KeypressEvent & { sequence?: string; meta?: boolean };
  if (k.ctrl || k.meta) return undefined;
  const ch = k.sequence ?? k.name;
  return typeof ch === 'string' && ch.length === 1 ? ch : undefined;
}

const isSep = (x: KChoice | SeparatorLike): x is SeparatorLike => Separator.isSeparator(x) || (x as { type?: string }).type === 'separator';

/** The key hint line, wrapped between hints and never inside one. */
function hintLines(style: Styles, hints: [string, string][], width: number): string {
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

const cmdHints = (keys: CmdKey[] | undefined, text: boolean): [string, string][] =>
  (keys ?? []).map((k) => [text && !k.single ? `${k.key}⏎` : k.key, k.label]);

/** "? Message" wrapped, continuation lines indented under the message. */
function messageLines(prefix: string, message: string, width: number): string[] {
  const lines = wrap(message, width - 2);
  return lines.map((l, i) => (i === 0 ? `${prefix} ${l}` : `  ${l}`));
}

/** A refusal under the prompt ("> …"), wrapped between words: a sentence naming two dates is long. */
const errorLines = (style: Styles, error: string, width: number): string => style.error(wrap(error, width - 2).join('\n  '));

/** The finished prompt: the answer after the message, or under it when the line would be too long. */
function doneView(style: Styles, prefix: string, message: string, answer: string, width: number): string {
  const lines = messageLines(prefix, message, width);
  const last = lines[lines.length - 1] ?? '';
  const msg = lines.map((l) => style.message(l, 'done')).join('\n');
  if (answer === '') return msg;
  if (last.length + 1 + answer.length <= width) return `${msg} ${style.answer(answer)}`;
  return `${msg}\n${wrap(answer, width, '  ').map((l) => style.answer(l)).join('\n')}`;
}

/** The command a key press in a list stands for; space ticks an answer and is never one. */
function listCommand(key: KeypressEvent, keys: CmdKey[] | undefined): CmdKey | undefined {
  const ch = charOf(key);
  return ch !== undefined && !isSpaceKey(key) ? keys?.find((k) => k.key === ch) : undefined;
}

/** The answer ↑ or ↓ moves to, over separators; undefined for another key or at either end. */
function arrowMove(key: KeypressEvent, items: readonly (KChoice | SeparatorLike)[], active: number): number | undefined {
  if (!isUpKey(key) && !isDownKey(key)) return undefined;
  const first = items.findIndex((x) => !isSep(x));
  const last = items.length - 1 - [...items].reverse().findIndex((x) => !isSep(x));
  const step = isUpKey(key) ? -1 : 1;
  let next = active;
  do next += step;
  while (next >= first && next <= last && isSep(items[next] as KChoice | SeparatorLike));
  return next >= first && next <= last ? next : undefined;
}

interface ListScreen {
  style: Styles;
  prefix: string;
  config: Base & { pageSize?: number };
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
function listScreen(o: ListScreen): string {
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

export const keyedSelect = createPrompt<string, KSelectConfig>((config, done) => {
  const theme = makeTheme(config.theme as object) as unknown as { style: Styles; prefix: unknown };
  const style = theme.style;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme: theme as never });
  const width = W(config);
  const items = config.choices;
  const first = items.findIndex((x) => !isSep(x));
  const def = config.default !== undefined ? items.findIndex((x) => !isSep(x) && x.value === config.default) : -1;
  const [active, setActive] = useState(def >= 0 ? def : first);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  useKeypress((key) => {
    if (status !== 'idle') return;
    const cmd = listCommand(key, config.keys);
    if (cmd) {
      setStatus('done');
      setPicked(cmd.shown);
      done(cmd.value);
      return;
    }
    const ch = charOf(key);
    const moved = arrowMove(key, items, active);
    if (isEnterKey(key)) {
      const item = items[active];
      if (!item || isSep(item)) return;
      setStatus('done');
      setPicked(item.short ?? item.name);
      done(item.value);
    } else if (moved !== undefined) {
      setActive(moved);
    } else if (ch !== undefined && /[1-9]/.test(ch)) {
      // A digit picks the nth answer, as in the stock select.
      const answers = items.map((x, i) => [x, i] as const).filter(([x]) => !isSep(x));
      const hit = answers[Number(ch) - 1];
      if (hit) setActive(hit[1]);
    }
  });
  if (status === 'done') return doneView(style, prefix, config.message, picked ?? '', width);
  return listScreen({
    style, prefix, config, status, width, items, active,
    renderChoice: (item, isActive) => wrap(item.name, width - 2).map((l, i) => `${i === 0 ? (isActive ? '❯' : ' ') : ' '} ${l}`).join('\n'),
    hints: [['↑↓', 'navigate'], ['⏎', 'select']],
  });
});

export const keyedCheckbox = createPrompt<string[], KCheckboxConfig>((config, done) => {
  const theme = makeTheme(config.theme as object) as unknown as { style: Styles };
  const style = theme.style;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme: theme as never });
  const width = W(config);
  const [items, setItems] = useState(config.choices.map((x) => (isSep(x) ? x : { ...x, checked: !!x.checked })));
  const first = items.findIndex((x) => !isSep(x));
  const [active, setActive] = useState(first);
  const [error, setError] = useState<string | undefined>(undefined);
  const ticked = () => items.flatMap((x) => (!isSep(x) && x.checked ? [x.value] : []));
  useKeypress((key) => {
    if (status !== 'idle') return;
    const cmd = listCommand(key, config.keys);
    if (cmd) {
      setStatus('done');
      // The command first, then the ticks so far: they are offered again when the prompt returns.
      done([cmd.value, ...ticked()]);
      return;
    }
    if (isEnterKey(key)) {
      const picked = ticked();
      const ok = config.validate ? config.validate(picked) : true;
      if (ok === true) {
        setStatus('done');
        done(picked);
      } else setError(ok === false ? '' : ok);
    } else if (isSpaceKey(key)) {
      setError(undefined);
      setItems(items.map((x, i) => (i === active && !isSep(x) ? { ...x, checked: !x.checked } : x)));
    } else {
      const moved = arrowMove(key, items, active);
      if (moved !== undefined) setActive(moved);
    }
  });
  if (status === 'done') {
    const names = items.flatMap((x) => (!isSep(x) && x.checked ? [x.short ?? x.name] : []));
    return doneView(style, prefix, config.message, names.join(', '), width);
  }
  return listScreen({
    style, prefix, config, status, width, items, active, error,
    renderChoice: (item, isActive) => {
      const box = item.checked ? '◉' : '◯';
      return wrap(item.name, width - 4).map((l, i) => (i === 0 ? `${isActive ? '❯' : ' '}${box} ${l}` : `   ${l}`)).join('\n');
    },
    hints: [['↑↓', 'navigate'], ['space', 'select'], ['⏎', 'submit']],
  });
});

export const keyedInput = createPrompt<string, KInputConfig>((config, done) => {
  const theme = makeTheme(config.theme as object) as unknown as { style: Styles };
  const style = theme.style;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme: theme as never });
  const width = W(config);
  const [def, setDef] = useState(config.default ?? '');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  // The question `choose` asks about the typed answer, the answer under the cursor, the one chosen.
  const [asking, setAsking] = useState<{ message: string; choices: KChoice[] } | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (asking) {
      // Picked with arrows, a digit and Enter; a key typed meanwhile is not text for the line.
      rl.clearLine(0);
      const ch = charOf(key);
      const moved = arrowMove(key, asking.choices, active);
      if (isEnterKey(key)) {
        const item = asking.choices[active];
        if (!item) return;
        const ok = config.validate ? config.validate(item.value) : true;
        setAsking(undefined);
        if (ok === true) {
          setChosen(item.short ?? item.name);
          setStatus('done');
          done(item.value);
        } else {
          rl.write(value);
          setError(ok === false ? '' : ok);
        }
      } else if (moved !== undefined) {
        setActive(moved);
      } else if (ch !== undefined && /[1-9]/.test(ch) && asking.choices[Number(ch) - 1]) {
        setActive(Number(ch) - 1);
      } else if (ch === '<' || key.name === 'escape') {
        // Back to the typed text, to change it.
        setAsking(undefined);
        rl.write(value);
      }
      return;
    }
    const ch = charOf(key);
    // Only as the first key into an empty field (the line holds at most this key now).
    const first = value === '' && (rl.line === ch || rl.line === '');
    const cmd = ch !== undefined && first ? config.keys?.find((k) => k.key === ch && k.single) : undefined;
    if (cmd) {
      rl.clearLine(0);
      setStatus('done');
      done(cmd.value);
      return;
    }
    if (isEnterKey(key)) {
      const word = config.keys?.find((k) => k.key === value.trim());
      if (word) {
        setStatus('done');
        setValue('');
        done(word.value);
        return;
      }
      const answer = value === '' ? def : value;
      const question = config.choose?.(answer);
      if (question) {
        setValue(answer);
        setError(undefined);
        setActive(0);
        setAsking(question);
        return;
      }
      const ok = config.validate ? config.validate(answer) : true;
      if (ok === true) {
        setValue(answer);
        setStatus('done');
        done(answer);
      } else {
        // Enter has emptied the line; the text comes back to be corrected.
        rl.write(value);
        setError(ok === false ? '' : ok);
      }
    } else if (isBackspaceKey(key) && value === '') {
      setDef('');
    } else if (isTabKey(key) && value.trim() === '') {
      rl.clearLine(0);
      rl.write(def);
      setValue(def);
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });
  const lines = messageLines(prefix, config.message, width);
  const msg = lines.map((l) => style.message(l, status)).join('\n');
  if (status === 'done') {
    const shown = chosen !== undefined ? `${value} ${chosen}` : config.transformer ? config.transformer(value, { isFinal: true }) : value;
    return doneView(style, prefix, config.message, shown, width);
  }
  if (asking) return [`${msg} ${style.answer(value)}`, choiceLines(style, asking, active, width)];
  const shownDef = def !== '' && value === '' ? style.defaultAnswer(def) : '';
  const lastLen = (lines[lines.length - 1] ?? '').length;
  const withDef = shownDef === '' ? msg : lastLen + def.length + 3 <= width ? `${msg} ${shownDef}` : `${msg}\n  ${shownDef}`;
  const hints = hintLines(style, cmdHints(config.keys, true), width);
  return [`${withDef} ${value}`, [error ? errorLines(style, error, width) : '', hints].filter(Boolean).join('\n')];
});

/** The question a typed answer raised, its answers (the active one marked), and the keys. */
function choiceLines(style: Styles, q: { message: string; choices: KChoice[] }, active: number, width: number): string {
  const answers = q.choices.map((item, i) => {
    const text = wrap(item.name, width - 2).map((l, j) => `${j === 0 && i === active ? '❯' : ' '} ${l}`).join('\n');
    return i === active ? style.highlight(text) : text;
  });
  const hints = hintLines(style, [['↑↓', 'navigate'], ['⏎', 'select'], ['<', 'retype']], width);
  return [wrap(q.message, width).map((l) => style.message(l, 'idle')).join('\n'), ...answers, hints].join('\n');
}
