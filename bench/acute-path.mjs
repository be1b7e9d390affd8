// The acute path of issue 9, measured in a real pseudo-terminal: the child routine with the
// police on site, a 15-year-old, and custody needed. Prints how many prompts it takes until the
// instruction to call the on-call decision-maker is on screen, and how many until the finished
// checklist, (a) answering every field and (b) leaving everything that may wait for later (`*`).
// The walk itself is bench/acute-walk.mjs, shared with tests/acute-path.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';
import { BUDGET, ROUTINE, START_ARGS, loadAcuteRoutine, walkAcute } from './acute-walk.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const strip = (s) => s.replace(ANSI, '').replace(/\r/g, '');

function term(args, env) {
  const pty = spawn(process.execPath, [join(ROOT, 'bin/jour-routine'), ...args], {
    name: 'xterm-256color', cols: 100, rows: 40, cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'sv_SE.UTF-8', NO_COLOR: '1', ...env },
  });
  let raw = '';
  let mark = 0;
  let exited = false;
  const waiters = new Set();
  pty.onData((d) => { raw += d; for (const w of [...waiters]) w(); });
  pty.onExit(() => { exited = true; for (const w of [...waiters]) w(); });
  const waitFor = (re) => new Promise((res, rej) => {
    const check = () => {
      const hay = strip(raw).slice(mark);
      const m = re.exec(hay);
      if (m) { waiters.delete(check); clearTimeout(timer); mark += m.index + m[0].length; res(hay.slice(0, m.index + m[0].length)); }
      else if (exited) { waiters.delete(check); clearTimeout(timer); rej(new Error(`exited before ${re}:\n${hay.slice(-800)}`)); }
    };
    const timer = setTimeout(() => { waiters.delete(check); rej(new Error(`no ${re} on screen:\n${strip(raw).slice(mark).slice(-800)}`)); }, 30_000);
    waiters.add(check);
    check();
  });
  return { waitFor, send: (k) => pty.write(k), kill: () => { if (!exited) pty.kill(); } };
}

const KIND = {
  question: 'questions that choose the way',
  'question-may-wait': 'questions that could wait, answered',
  decision: 'decision parts (who, ground, times)',
  needed: 'step fields the walk reads (may not wait)',
  field: 'step fields that could wait, answered',
  done: 'steps confirmed done',
};

async function walkOnce(r, deferAll) {
  const data = mkdtempSync(join(tmpdir(), 'jr-bench-acute-'));
  const t = term(START_ARGS, { JOUR_ROUTINE_DATA: data });
  try {
    return await walkAcute(r, t, data, deferAll);
  } finally {
    t.kill();
    rmSync(data, { recursive: true, force: true });
  }
}

export async function bench() {
  const r = await loadAcuteRoutine();
  const all = await walkOnce(r, false);
  const later = await walkOnce(r, true);
  const row = (label, a, b) => `${label.padEnd(58)}${String(a ?? '–').padStart(8)}${String(b ?? '–').padStart(12)}`;
  const lines = [
    `${ROUTINE}, police on site, 15 years old, custody needed (prompts; issue 9 budget: ${BUDGET.call} / ${BUDGET.checklist})`,
    row('', 'all', 'fyll senare'),
    row('prompts until "call the on-call decision-maker" is shown', all.toCall, later.toCall),
    row('prompts until the finished checklist', all.toChecklist, later.toChecklist),
    row('key presses until the finished checklist', all.keys, later.keys),
    ...['question', 'question-may-wait', 'decision', 'needed', 'field', 'done'].map((k) => row(`  prompts: ${KIND[k]}`, all.kinds[k] ?? 0, later.kinds[k] ?? 0)),
  ];
  if (process.env.ACUTE_TRAIL) lines.push('', 'fyll senare, prompt by prompt:', ...later.trail.map((s, i) => `${String(i + 1).padStart(3)} ${s}`));
  return lines;
}
