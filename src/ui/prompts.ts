// Inquirer adapters. Each prompt is a Spec: the config Inquirer gets plus how its raw answer is
// read back. The same Spec runs in the terminal (ask) and under @inquirer/testing (render), so
// tests exercise the exact wording, defaults and validation the caseworker meets.
import type { search } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import { t, type Lang } from '../core/i18n.js';
import type { CmdKey, KCheckboxConfig, KInputConfig, KSelectConfig } from './keyed-prompts.js';

export interface Ui {
  lang: Lang;
  c: ChalkInstance;
  now: () => Date;
  /** The terminal's width; text printed around the prompts is wrapped to it. */
  cols?: () => number;
}

/** Columns to wrap to: the terminal's width, at most 100 (longer lines read badly), at least 40. */
export const widthOf = (ui: Ui): number => Math.max(40, Math.min(100, ui.cols?.() ?? 80));

/**
 * What the caseworker can do at every prompt besides answering; `later` only where the input may
 * wait, `laterAll` (leave everything that can wait for later, from here on) only in the walk.
 */
export type Cmd = 'help' | 'back' | 'note' | 'pause' | 'later' | 'laterAll';
export const CMDS: readonly Cmd[] = ['help', 'back', 'note', 'pause', 'later', 'laterAll'];
/** `draft`: what was chosen when a command was picked, offered again when the prompt comes back. */
export type Reply<T> = { kind: 'value'; value: T } | { kind: 'cmd'; cmd: Cmd; draft?: T };

export type SelectConfig = KSelectConfig;
export type CheckboxConfig = KCheckboxConfig;
export type InputConfig = KInputConfig;
export type SearchConfig = Parameters<typeof search<string>>[0];

export type Spec<T> =
  | { kind: 'select'; config: SelectConfig; parse: (raw: string) => T }
  | { kind: 'checkbox'; config: CheckboxConfig; parse: (raw: string[]) => T }
  | { kind: 'input'; config: InputConfig; parse: (raw: string) => T }
  | { kind: 'search'; config: SearchConfig; parse: (raw: string) => T };

export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

function columnsOf(context?: PromptContext): number {
  const out = (context?.output ?? process.stdout) as NodeJS.WritableStream & { columns?: number };
  return out.columns && out.columns > 0 ? out.columns : 80;
}

// Loaded on first use: every other command starts without paying for Inquirer.
export async function ask<T>(spec: Spec<T>, context?: PromptContext): Promise<T> {
  const width = columnsOf(context);
  switch (spec.kind) {
    case 'select': {
      const k = await import('./keyed-prompts.js');
      return spec.parse(await k.keyedSelect({ width, ...spec.config }, context));
    }
    case 'checkbox': {
      const k = await import('./keyed-prompts.js');
      return spec.parse(await k.keyedCheckbox({ width, ...spec.config }, context));
    }
    case 'input': {
      const k = await import('./keyed-prompts.js');
      return spec.parse(await k.keyedInput({ width, ...spec.config }, context));
    }
    case 'search': {
      const p = await import('@inquirer/prompts');
      return spec.parse(await p.search(spec.config, context));
    }
  }
}

/** Ctrl+C inside a prompt (Inquirer rejects with ExitPromptError). */
export function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

// Inquirer colours with node:util, which knows NO_COLOR but not our --no-color; chalk from the
// context knows both. Its key hints are English, so they are translated here.
export function theme(ui: Ui) {
  const c = ui.c;
  return {
    prefix: { idle: c.blue('?'), done: c.green('✔') },
    style: {
      answer: (s: string) => c.cyan(s),
      message: (s: string) => c.bold(s),
      error: (s: string) => c.red(`> ${s}`),
      defaultAnswer: (s: string) => c.dim(`(${s})`),
      help: (s: string) => c.dim(s),
      highlight: (s: string) => c.cyan(s),
      description: (s: string) => c.cyan(s),
      disabled: (s: string) => c.dim(s),
      searchTerm: (s: string) => c.cyan(s),
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([k, a]) => `${c.bold(k === 'space' ? t(ui.lang, 'ia.key.space') : k)} ${c.dim(t(ui.lang, `ia.key.${a}`))}`).join(c.dim(' • ')),
    },
  };
}

// Option ids are [a-z0-9_-], so a value with ':' can never be mistaken for an answer.
const CMD_VALUE = (cmd: Cmd) => `:${cmd}`;
export const cmdOf = (v: string): Cmd | undefined => CMDS.find((c) => CMD_VALUE(c) === v);

/** Typed commands in text inputs: a whole line that is exactly one of these (scripted answers too). */
export const TYPED: Readonly<Record<string, Cmd>> = { '?': 'help', '<': 'back', '+': 'note', p: 'pause', P: 'pause', '>': 'later', '*': 'laterAll' };

const KEY_OF: Record<Cmd, string> = { help: '?', back: '<', note: '+', pause: 'p', later: '>', laterAll: '*' };

export interface KeyOpts {
  /** The field may be left "fyll i senare" (key >). */
  later?: boolean;
  /** The walk: everything that can wait may be left for later from here on (key *). */
  laterAll?: boolean;
  /** Free text: `p` starts words, so it pauses only typed alone and followed by Enter. */
  freeText?: boolean;
}

// The commands that act wherever a prompt is offered, the autumn time's "which one" choice too.
const EVERYWHERE: ReadonlySet<Cmd> = new Set(['help', 'note', 'pause']);

/** The command keys of a prompt in the walk, in the order the hint line shows them. */
export function cmdKeys(ui: Ui, opts: KeyOpts = {}): CmdKey[] {
  const cmds = CMDS.filter((c) => (c !== 'later' || opts.later) && (c !== 'laterAll' || opts.laterAll));
  return cmds.map((cmd) => ({
    key: KEY_OF[cmd],
    value: CMD_VALUE(cmd),
    label: cmd,
    shown: t(ui.lang, `ia.key.${cmd}`),
    single: !(cmd === 'pause' && opts.freeText),
    ...(EVERYWHERE.has(cmd) ? { inChoice: true } : {}),
  }));
}

const offers = (keys: readonly CmdKey[] | undefined, cmd: Cmd) => keys?.some((k) => k.value === CMD_VALUE(cmd)) === true;

/**
 * The same prompt with `*` offered too (the walk's prompts only): everything that can wait is
 * left for later from here on, or, once that is on, everything is asked again. The hint line
 * names it only while it is on; the walk's first screen, the line after `>` and `--help` name it
 * otherwise, so that the hint line of every question stays short.
 */
export function withLaterAll<T>(ui: Ui, spec: Spec<T>, on: boolean): Spec<T> {
  const config = spec.config as { keys?: CmdKey[] };
  if (!config.keys || offers(config.keys, 'laterAll')) return spec;
  const shown = t(ui.lang, on ? 'ia.key.laterAllOff' : 'ia.key.laterAll');
  // Named in the hint line once it is on; the key works everywhere.
  const hidden = !on;
  // In place: a text prompt's parse reads its config's keys to know whether `*` is a command.
  config.keys = [
    ...config.keys,
    { key: KEY_OF.laterAll, value: CMD_VALUE('laterAll'), label: on ? 'laterAllOff' : 'laterAll', shown, single: true, ...(hidden ? { hidden } : {}) },
  ];
  return spec;
}

export interface Choice {
  value: string;
  name: string;
  description?: string;
  short?: string;
}

/** A select among answers; the commands are single keys, shown in the hint line. */
export function selectSpec<T>(ui: Ui, message: string, choices: Choice[], def: string | undefined, toValue: (v: string) => T, opts: KeyOpts = {}): Spec<Reply<T>> {
  return {
    kind: 'select',
    config: {
      message,
      choices,
      ...(def !== undefined && choices.some((ch) => ch.value === def) ? { default: def } : {}),
      keys: cmdKeys(ui, opts),
      pageSize: Math.max(7, choices.length),
      loop: false,
      theme: theme(ui),
    },
    parse: (raw) => {
      const cmd = cmdOf(raw);
      return cmd ? { kind: 'cmd', cmd } : { kind: 'value', value: toValue(raw) };
    },
  };
}

/** Multiple choice; a command key returns the ticks so far as the draft, offered again after. */
export function checkboxSpec(ui: Ui, message: string, choices: Choice[], checked: readonly string[], required: boolean, opts: KeyOpts = {}): Spec<Reply<string[]>> {
  return {
    kind: 'checkbox',
    config: {
      message,
      choices: choices.map((ch) => ({ ...ch, checked: checked.includes(ch.value) })),
      keys: cmdKeys(ui, opts),
      pageSize: Math.max(7, choices.length),
      loop: false,
      theme: theme(ui),
      validate: (picked) => !required || picked.length > 0 || t(ui.lang, 'ia.multi.required'),
    },
    parse: (raw) => {
      const cmd = raw.map(cmdOf).find((x) => x !== undefined);
      return cmd ? { kind: 'cmd', cmd, draft: raw.filter((v) => cmdOf(v) === undefined) } : { kind: 'value', value: raw };
    },
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A line of text, read by `read`; a command key as the first key (or a sign alone on the line) is
 * the command. `echo` shows what the accepted text was read as, on the answer's own line. `choose`
 * gives, for a text that can mean two things (an autumn time that occurred twice), the question and
 * answers the prompt asks before it finishes; the chosen answer's value is then read instead.
 */
export function inputSpec<T>(
  ui: Ui,
  message: string,
  def: string | undefined,
  read: (s: string) => Parsed<T>,
  opts: KeyOpts & { echo?: (value: T) => string; choose?: KInputConfig['choose'] } = {},
): Spec<Reply<T>> {
  const echo = opts.echo;
  const config: InputConfig = {
      message,
      ...(def !== undefined && def !== '' ? { default: def } : {}),
      ...(opts.choose ? { choose: opts.choose } : {}),
      keys: cmdKeys(ui, opts),
      theme: theme(ui),
      // What the accepted text was read as, on the answer's own line ("23:45 → mån 30 nov 23:45").
      ...(echo
        ? {
            transformer: (s: string, { isFinal }: { isFinal: boolean }) => {
              if (!isFinal) return s;
              const r = TYPED[s.trim()] === undefined ? read(s) : undefined;
              return ui.c.cyan(r?.ok ? `${s} ${echo(r.value)}` : s);
            },
          }
        : {}),
      validate: (s: string) => {
        const r = read(s);
        return r.ok || r.error;
      },
  };
  return {
    kind: 'input',
    config,
    parse: (raw) => {
      const cmd = cmdOf(raw) ?? TYPED[raw.trim()];
      // A command typed as a word counts only where its key is offered; `*` is text elsewhere.
      if (cmd && (cmd !== 'later' || opts.later) && (cmd !== 'laterAll' || offers(config.keys, cmd))) return { kind: 'cmd', cmd };
      const r = read(raw);
      // validate has accepted it already; a failure here would be a bug in `read`.
      if (!r.ok) throw new Error('input accepted by validate but not by read');
      return { kind: 'value', value: r.value };
    },
  };
}

/** Plain text input without commands (case reference, initials, a note). */
export function textSpec(ui: Ui, message: string, opts: { required: boolean; def?: string }): Spec<string> {
  return {
    kind: 'input',
    config: {
      message,
      ...(opts.def ? { default: opts.def } : {}),
      theme: theme(ui),
      validate: (s: string) => !opts.required || s.trim() !== '' || t(ui.lang, 'ia.required'),
    },
    parse: (raw) => raw.trim(),
  };
}

/** A select without commands: pickers and confirmations. */
export function pickSpec<T = string>(ui: Ui, message: string, choices: Choice[], def?: string, parse?: (raw: string) => T): Spec<T> {
  return {
    kind: 'select',
    config: { message, choices, ...(def !== undefined ? { default: def } : {}), loop: false, pageSize: 10, theme: theme(ui) },
    parse: parse ?? ((raw) => raw as T),
  };
}
