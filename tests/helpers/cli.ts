// Runs the built CLI as a user would, in a child process, with a clean environment.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'jour-routine');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'jr-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

// The compiled-routine cache of every CLI a test runs: a folder of this test process, never the
// user's own cache, removed when the process ends.
export const CACHE_DIR = tempDir('jr-cache-');
process.on('exit', () => rmSync(CACHE_DIR, { recursive: true, force: true }));

export function cli(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tempDir(), LANG: 'sv_SE.UTF-8', NO_COLOR: '1', JOUR_ROUTINE_CACHE: CACHE_DIR, ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
