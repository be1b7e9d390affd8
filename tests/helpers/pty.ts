// Runs the built CLI in a real pseudo-terminal, the way a caseworker's terminal runs it, and
// reads what is on screen. Waiting is for text, never for time: the timeout only turns a hang
// into a failure with the screen attached.
import { spawn, type IPty } from '@lydell/node-pty';
import { track } from './children.js';
import { BIN, CACHE_DIR, ROOT } from './cli.js';

export const KEY = { down: '\x1b[B', up: '\x1b[A', enter: '\r', ctrlC: '\x03', space: ' ', ctrlU: '\x15' } as const;

// CSI and OSC sequences and single-character escapes: what Inquirer uses to redraw.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// The terminal turns every \n into \r\n; lines are compared without the \r.
export const stripAnsi = (s: string) => s.replace(ANSI, '').replace(/\r/g, '');

export interface Term {
  pid: number;
  /** Everything written so far, without escape sequences. */
  text(): string;
  /** Waits until `what` appears after the last thing waited for; returns the text from there. */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<string>;
  send(keys: string): void;
  /** Sends a line of text followed by Enter. */
  line(text: string): void;
  exited: Promise<{ code: number; signal?: number }>;
  kill(signal?: string): void;
}

/** `opts.node`: options for node itself, before the program (e.g. `--import` of a loader hook). */
export function spawnCli(args: string[], env: Record<string, string>, opts: { cols?: number; rows?: number; node?: string[] } = {}): Term {
  const pty: IPty = spawn(process.execPath, [...(opts.node ?? []), BIN, ...args], {
    name: 'xterm-256color',
    cols: opts.cols ?? 100,
    rows: opts.rows ?? 30,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'sv_SE.UTF-8', NO_COLOR: '1', JOUR_ROUTINE_CACHE: CACHE_DIR, ...env },
  });
  let raw = '';
  let mark = 0;
  let done = false;
  const waiters = new Set<() => void>();
  pty.onData((d) => {
    raw += d;
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<{ code: number; signal?: number }>((resolve) =>
    pty.onExit(({ exitCode, signal }) => {
      done = true;
      for (const w of [...waiters]) w();
      resolve({ code: exitCode, ...(signal ? { signal } : {}) });
    }),
  );
  let killed = false;
  // After the test, whatever still runs is killed (and waited for) by the setup file.
  track({ kill: () => { if (!done && !killed) { killed = true; pty.kill('SIGKILL'); } }, exited });
  const text = () => stripAnsi(raw);
  const find = (what: string | RegExp): { start: number; end: number } | undefined => {
    const hay = text().slice(mark);
    if (typeof what === 'string') {
      const i = hay.indexOf(what);
      return i < 0 ? undefined : { start: mark + i, end: mark + i + what.length };
    }
    const m = new RegExp(what.source, what.flags.replace('g', '')).exec(hay);
    return m ? { start: mark + m.index, end: mark + m.index + m[0].length } : undefined;
  };
  return {
    pid: pty.pid,
    text,
    waitFor(what, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const from = mark;
        const check = () => {
          const hit = find(what);
          if (hit) {
            cleanup();
            mark = hit.end;
            resolve(text().slice(from, hit.end));
          } else if (done) {
            cleanup();
            reject(new Error(`process exited before ${String(what)} appeared; screen:\n${text().slice(from)}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${String(what)}; screen since last wait:\n${text().slice(from)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    send: (keys) => pty.write(keys),
    line: (s) => pty.write(`${s}\r`),
    exited,
    kill: (signal = 'SIGKILL') => {
      if (!done) pty.kill(signal);
    },
  };
}
