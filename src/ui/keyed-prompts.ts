// Select, multiple choice and text input in which the walk's command keys (? < + p >) act on one
// key press, and every line is word-wrapped to the terminal's width (prompt-screen.ts). Built on
// @inquirer/core, the engine under @inquirer/prompts, so keys, redraw and Ctrl+C behave as in the
// stock prompts.
//
// In a text field a command key acts only as the first key into an empty field: nothing a
// caseworker writes starts with ? < + or >, and a leading space (trimmed from every answer) lets
// such a text be typed anyway. `p` starts too many words ("polisen") to be a command in free text:
// there it pauses when typed alone and followed by Enter; in number and time fields it acts at once.
// While a text field asks which of two answers the typed text meant (`choose`), nothing is typed,
// so the keys flagged inChoice (? + p) act at once there; `<` goes back to the text.
import {
  createPrompt, isBackspaceKey, isEnterKey, isSpaceKey, isTabKey, makeTheme, useKeypress, usePrefix, useState,
} from '@inquirer/core';
import { wrap } from '../render/wrap.js';
import { isSep, type KCheckboxConfig, type KChoice, type KInputConfig, type KSelectConfig } from './prompt-types.js';
import { arrowMove, charOf, listCommand } from './prompt-keys.js';
import { choiceLines, cmdHints, doneView, errorLines, hintLines, listScreen, messageLines, W, type Styles } from './prompt-screen.js';

export type { CmdKey, KChoice, KCheckboxConfig, KInputConfig, KSelectConfig } from './prompt-types.js';

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
  // The commands that act in that question as well: there is no text to type in it, so one key press.
  const choiceKeys = (config.keys ?? []).filter((k) => k.inChoice);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (asking) {
      // Picked with arrows, a digit and Enter; a key typed meanwhile is not text for the line.
      rl.clearLine(0);
      const ch = charOf(key);
      const moved = arrowMove(key, asking.choices, active);
      const cmd = ch !== undefined ? choiceKeys.find((k) => k.key === ch) : undefined;
      if (cmd) {
        // As at the empty text prompt: the command is the answer, and the finished prompt shows
        // no time, since none was chosen (the field is asked again after help or a note).
        setAsking(undefined);
        setValue('');
        setStatus('done');
        done(cmd.value);
      } else if (isEnterKey(key)) {
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
  if (asking) return [`${msg} ${style.answer(value)}`, choiceLines(style, asking, active, width, choiceKeys)];
  const shownDef = def !== '' && value === '' ? style.defaultAnswer(def) : '';
  const lastLen = (lines[lines.length - 1] ?? '').length;
  const withDef = shownDef === '' ? msg : lastLen + def.length + 3 <= width ? `${msg} ${shownDef}` : `${msg}\n  ${shownDef}`;
  const hints = hintLines(style, cmdHints(config.keys, true), width);
  return [`${withDef} ${value}`, [error ? errorLines(style, error, width) : '', hints].filter(Boolean).join('\n')];
});
