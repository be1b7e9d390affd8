// What the tool loads before it answers (issue 11, "Nothing is imported before it is needed"): the
// built CLI runs with a loader hook that writes down every module it loads, as it loads it
// (tests/helpers/trace-modules.mjs). `--version` and `--help` load no routine code and none of the
// YAML readers, the schema library or the prompt library; `start` from a warm routine cache has its
// first question on a real terminal's screen without any of them either. No timing here: speed
// figures are for `npm run bench`; this is what makes them possible, held in place.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDateOf } from '../src/core/calendar.js';
import { BIN, cli, ROOT, tempDir } from './helpers/cli.js';
import { spawnCli } from './helpers/pty.js';

const HOOK = join(ROOT, 'tests', 'helpers', 'trace-modules.mjs');
// The heavy libraries a quick answer must not wait for.
const HEAVY = /\/node_modules\/(yaml|js-yaml|zod|@inquirer\/prompts)\//;

let dir: string;
let cache: string;
let trace: string;
beforeEach(() => {
  dir = tempDir('jr-modules-');
  cache = join(dir, 'cache');
  trace = join(dir, 'modules.txt');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function loaded(): string[] {
  return existsSync(trace) ? [...new Set(readFileSync(trace, 'utf8').split('\n').filter((l) => l !== ''))] : [];
}

function traced(args: string[]): { code: number | null; stdout: string; stderr: string; modules: string[] } {
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'sv_SE.UTF-8', NO_COLOR: '1', JOUR_ROUTINE_CACHE: cache, TRACE_MODULES: trace },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules: loaded() };
}

describe('modules loaded before the first answer', () => {
  it('the trace sees what a command loads (the check can fail)', () => {
    // `validate` reads YAML and checks it against the schema: the hook must see both.
    const r = traced(['--routines', 'examples', 'validate', 'examples/exempel.yaml']);
    expect(r.modules.filter((m) => HEAVY.test(m)).length).toBeGreaterThan(0);
    expect(r.modules.some((m) => m.includes('/dist/routine/load.js'))).toBe(true);
  });

  it('--version loads nothing of the tool but its version', () => {
    const r = traced(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.modules.filter((m) => m.includes('/dist/') || m.includes('/node_modules/'))).toEqual([]);
  });

  it('--help loads no routine code, no YAML reader, no schema and no prompts', () => {
    const r = traced(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('start');
    expect(r.modules.filter((m) => HEAVY.test(m) || /\/dist\/(routine|engine|owner|render|session|ui\/(?!help\.js))/.test(m))).toEqual([]);
  });

  it('start without a terminal refuses in its one sentence before it loads the prompt engine or the routines', () => {
    // spawnSync gives the CLI a pipe for stdin, never a terminal.
    const r = traced(['--routines', 'examples', 'start', 'exempel', '--case', 'K-1', '--worker', 'AB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'jour-routine: `jour-routine start` behöver en terminal att svara i; för svar från en fil, använd `jour-routine run RUTIN --answers FIL`\n',
    );
    expect(r.modules.some((m) => m.includes('/dist/commands/start-check.js'))).toBe(true); // the trace ran
    expect(r.modules.filter((m) => m.includes('/node_modules/@inquirer/') || HEAVY.test(m) || /\/dist\/(routine|session|ui\/(?!help\.js|require-terminal\.js))/.test(m))).toEqual([]);
  });

  it('resume without a terminal refuses in its one sentence before it loads the prompt engine or the sessions', () => {
    const r = traced(['resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'jour-routine: `jour-routine resume` behöver en terminal att svara i; för svar från en fil, använd `jour-routine run RUTIN --answers FIL`\n',
    );
    expect(r.modules.some((m) => m.includes('/dist/ui/require-terminal.js'))).toBe(true); // the trace ran
    expect(r.modules.filter((m) => m.includes('/node_modules/@inquirer/') || HEAVY.test(m) || /\/dist\/(routine|session|ui\/(?!help\.js|require-terminal\.js))/.test(m))).toEqual([]);
  });

  it('start from a warm cache has its first question on screen before any YAML reader, schema or prompt library', async () => {
    // The cache is kept per day (Swedish time): a run that straddles midnight is run again.
    const day = () => localDateOf(new Date().toISOString());
    let modules: string[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const before = day();
      rmSync(trace, { force: true });
      // Warms the cache for the same folders, day and contacts as the start below.
      expect(cli(['--routines', 'examples', 'list'], { env: { JOUR_ROUTINE_CACHE: cache, HOME: dir } }).code).toBe(0);
      const env = { JOUR_ROUTINE_CACHE: cache, JOUR_ROUTINE_DATA: join(dir, 'data'), HOME: dir, TRACE_MODULES: trace };
      const term = spawnCli(['--routines', 'examples', 'start', 'exempel', '--case', 'T-1', '--worker', 'AB'], env, { node: ['--import', HOOK] });
      await term.waitFor('Är någon i akut fara just nu?');
      modules = loaded();
      term.kill();
      if (day() === before) break;
    }
    // The walk itself ran: the prompt engine is there, and the routine came from the cache, not the loader.
    expect(modules.some((m) => m.includes('/node_modules/@inquirer/core/'))).toBe(true);
    expect(modules.filter((m) => HEAVY.test(m) || m.includes('/dist/routine/load.js'))).toEqual([]);
  });
});
