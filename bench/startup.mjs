// Start-up figures (issue 3): `jour-routine --version`, and `start` until the first question is on
// a real terminal's screen, each as a ratio to a bare `node -e 0` measured in the same run, with
// the runs interleaved so that a busy machine slows all of them alike. Medians of ROUNDS runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'jour-routine');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const FIRST_QUESTION = 'Är någon i akut fara just nu?';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - t0;
}

/** Milliseconds until `text` appears on the pseudo-terminal. */
function inPty(args, env, text) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const pty = spawn(process.execPath, args, { cols: 100, rows: 30, cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'sv_SE.UTF-8', NO_COLOR: '1', ...env } });
    let seen = '';
    let finished = false;
    const end = (err) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const took = performance.now() - t0;
      try {
        pty.kill('SIGKILL');
      } catch {
        // already gone
      }
      if (err) fail(err);
      else done(took);
    };
    const timer = setTimeout(() => end(new Error(`no "${text}" within 60 s`)), 60_000);
    pty.onData((d) => {
      seen += d;
      if (seen.includes(text)) end();
    });
    pty.onExit(() => end(new Error(`exited before "${text}" appeared`)));
  });
}

export async function bench() {
  const data = mkdtempSync(join(tmpdir(), 'jr-bench-'));
  const node = [];
  const version = [];
  const start = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      node.push(timed(['-e', '0']));
      version.push(timed([BIN, '--version']));
      start.push(await inPty([BIN, '--routines', 'examples', 'start', 'exempel', '--case', 'BENCH', '--worker', 'BE'], { JOUR_ROUTINE_DATA: data }, FIRST_QUESTION));
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  const [n, v, s] = [median(node), median(version), median(start)];
  return [
    `${'node -e 0 (baseline)'.padEnd(36)}${ms(n).padStart(8)}`,
    `${'jour-routine --version'.padEnd(36)}${ms(v).padStart(8)}   ${(v / n).toFixed(1)}× node -e 0`,
    `${'start → first question on screen'.padEnd(36)}${ms(s).padStart(8)}   ${(s / n).toFixed(1)}× node -e 0 (in a pty; loads every routine)`,
    `median of ${ROUNDS} runs each, interleaved`,
  ];
}
