// `run ROUTINE --answers FILE --save`: a case handled by phone, or a training case, stored as a
// session marked as entered from a file, so it gets the same checklist, note and handover.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';
import { lintMarkdown } from './helpers/md-lint.js';

let data: string;
beforeAll(() => {
  data = tempDir('jr-run-save-');
});
afterAll(() => rmSync(data, { recursive: true, force: true }));

const jr = (...args: string[]) => cli(['--data-dir', data, '--routines', 'examples', ...args]);

describe('run --save', () => {
  it('stores the walk as a private session, prints its id, and export reads it like a walked one', () => {
    const r = jr('run', 'exempel', '--answers', 'examples/exempel-svar.yaml', '--save');
    expect(r.code).toBe(0);
    const id = /session ([a-z0-9]+) /.exec(r.stdout)?.[1];
    expect(id).toBeDefined();
    const files = readdirSync(join(data, 'sessions'));
    expect(files).toContain(`${id}.jsonl`);
    if (process.platform !== 'win32') expect(statSync(join(data, 'sessions', `${id}.jsonl`)).mode & 0o777).toBe(0o600);
    const note = jr('export', id as string);
    expect(note.code).toBe(0);
    expect(note.stdout).toContain('Registrerad i efterhand från en svarsfil, inte under samtalet.');
    expect(lintMarkdown(note.stdout)).toEqual([]);
    const checklist = jr('checklist', id as string, '--format', 'json');
    expect(JSON.parse(checklist.stdout).checklist.map((i: { id: string }) => i.id)).toEqual(['understall']);
    expect(jr('sessions', '--all', '--json').stdout).toContain(id);
  });

  it('with --json the id is a field of the object and stdout stays JSON', () => {
    const r = jr('run', 'exempel', '--answers', 'examples/exempel-svar.yaml', '--save', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { saved_session: string; checklist: { why: unknown[] }[] };
    expect(j.saved_session).toMatch(/^[a-z0-9]+$/);
    expect(j.checklist[0]?.why).toEqual([{ node: 'omh' }]);
  });

  it('answers with problems are not saved', () => {
    const before = readdirSync(join(data, 'sessions')).length;
    const r = jr('run', 'exempel', '--answers', 'tests/fixtures/answers/bad.yaml', '--save');
    expect(r.code).toBe(1);
    expect(readdirSync(join(data, 'sessions')).length).toBe(before);
  });

  it('without --save nothing is written', () => {
    const other = tempDir('jr-run-nosave-');
    const r = cli(['--data-dir', other, '--routines', 'examples', 'run', 'exempel', '--answers', 'examples/exempel-svar.yaml']);
    expect(r.code).toBe(0);
    expect(() => readdirSync(join(other, 'sessions'))).toThrow();
    rmSync(other, { recursive: true, force: true });
  });
});
