// What a command gets from the world: language, colours, output streams, the clock, the
// environment and the global options. Built once per run in cli.ts; tests can build their own.
import { Chalk, type ChalkInstance } from 'chalk';
import { localDateOf } from './calendar.js';
import { safeOutput } from './terminal-text.js';
import { t, type Lang, type Params } from './i18n.js';

export interface GlobalOptions {
  lang?: string;
  routines?: string[];
  dataDir?: string;
  contacts?: string;
  color?: boolean;
}

export interface Context {
  lang: Lang;
  c: ChalkInstance;
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
  env: NodeJS.ProcessEnv;
  opts: GlobalOptions;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  msg: (key: string, params?: Params) => string;
}

/** chalk 5 ignores NO_COLOR, so the decision is ours: a flag, NO_COLOR, or output that is not a terminal. */
export function colorLevel(opts: { color?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 {
  if (opts.color === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return 1;
  return isTTY && env.TERM !== 'dumb' ? 1 : 0;
}

export function makeContext(lang: Lang, opts: GlobalOptions, io: {
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  stdinIsTTY: boolean;
  now?: () => Date;
}): Context {
  const stdoutIsTTY = io.stdout.isTTY === true;
  return {
    lang,
    c: new Chalk({ level: colorLevel(opts, io.env, stdoutIsTTY) }),
    // The output boundary: only our own colour codes pass raw (see terminal-text.ts).
    out: (s) => void io.stdout.write(safeOutput(s.endsWith('\n') ? s : `${s}\n`)),
    err: (s) => void io.stderr.write(safeOutput(s.endsWith('\n') ? s : `${s}\n`)),
    now: io.now ?? (() => new Date()),
    env: io.env,
    opts,
    stdinIsTTY: io.stdinIsTTY,
    stdoutIsTTY,
    msg: (key, params) => t(lang, key, params),
  };
}

/** Today's date in Sweden, the day every review date and deadline is compared with. */
export function todayLocal(ctx: Context): string {
  return localDateOf(ctx.now().toISOString());
}
