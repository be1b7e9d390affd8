// Start-up figures (issues 3 and 11): `jour-routine --version`, `--help`, `list`, and `start` until
// the first question is on a real terminal's screen, each as a ratio to a bare `node -e 0` measured
// in the same run, with the runs interleaved so that a busy machine slows all of them alike. `list`
// and `start` are measured with a warm compiled-routine cache (built by an earlier run) and a cold
// one (an empty cache folder every run). Medians of ROUNDS runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'jour-routine');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const FIRST_QUESTION = 'Är någon i akut fara just nu?';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

function timed(args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...env } });
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
  const warm = mkdtempSync(join(tmpdir(), 'jr-bench-cache-'));
  const cold = () => ({ JOUR_ROUTINE_CACHE: mkdtempSync(join(tmpdir(), 'jr-bench-cold-')) });
  const colds = [];
  const fresh = () => {
    const env = cold();
    colds.push(env.JOUR_ROUTINE_CACHE);
    return env;
  };
  const startArgs = [BIN, '--routines', 'examples', 'start', 'exempel', '--case', 'BENCH', '--worker', 'BE'];
  const listArgs = [BIN, '--routines', 'examples', 'list'];
  const m = { node: [], version: [], help: [], listWarm: [], listCold: [], startWarm: [], startCold: [] };
  try {
    timed(listArgs, { JOUR_ROUTINE_CACHE: warm }); // fills the warm cache
    for (let i = 0; i < ROUNDS; i++) {
      m.node.push(timed(['-e', '0']));
      m.version.push(timed([BIN, '--version']));
      m.help.push(timed([BIN, '--help']));
      m.listWarm.push(timed(listArgs, { JOUR_ROUTINE_CACHE: warm }));
      m.listCold.push(timed(listArgs, fresh()));
      m.startWarm.push(await inPty(startArgs, { JOUR_ROUTINE_DATA: data, JOUR_ROUTINE_CACHE: warm }, FIRST_QUESTION));
      m.startCold.push(await inPty(startArgs, { JOUR_ROUTINE_DATA: data, ...fresh() }, FIRST_QUESTION));
    }
  } finally {
    for (const d of [data, warm, ...colds]) rmSync(d, { recursive: true, force: true });
  }
  const n = median(m.node);
  const row = (label, xs, note = '') => {
    const v = median(xs);
    return `${label.padEnd(40)}${ms(v).padStart(8)}   ${(v / n).toFixed(2)}× node -e 0${note}`;
  };
  return [
    `${'node -e 0 (baseline)'.padEnd(40)}${ms(n).padStart(8)}`,
    row('jour-routine --version', m.version, '   (target ≤ 1.3×)'),
    row('jour-routine --help', m.help),
    row('list, warm cache', m.listWarm),
    row('list, cold cache', m.listCold),
    row('start → first question, warm cache', m.startWarm, '   (in a pty; target ≤ 2×)'),
    row('start → first question, cold cache', m.startCold, '   (in a pty)'),
    `median of ${ROUNDS} runs each, interleaved; load average ${loadavg()[0].toFixed(2)} at the end`,
  ];
}
