// Broken and hostile routine files: each fixture under tests/fixtures/bad-routines/ has one problem,
// and the loader must report it with the right code at the right line and column (the wording is
// not tested). A few end-to-end checks run the built CLI on the same files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from '../src/core/diagnostics.js';
import { loadReferences, type LoadResult } from '../src/routine/load.js';
import { openRegistry, readFileSafe } from '../src/routine/registry.js';
import type { Reference } from '../src/core/schema.js';
import { MAX_FILE_BYTES } from '../src/routine/source.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { bundledReferences, loadFromFile } from './helpers/load-routine.js';

const DIR = resolve(ROOT, 'tests', 'fixtures', 'bad-routines');
const TODAY = '2026-11-28';

function references(): Map<string, Reference> {
  const refs = new Map<string, Reference>(bundledReferences());
  const local = loadReferences(join(DIR, 'references.yaml'), readFileSafe);
  expect(local.diagnostics).toEqual([]);
  for (const [id, ref] of local.references) refs.set(id, ref);
  return refs;
}
const REFS = references();

function load(file: string): LoadResult {
  return loadFromFile(file, { references: REFS, today: TODAY, contacts: new Set(['polis']) });
}

const where = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.file.slice(DIR.length + 1)}:${d.line}:${d.col} ${d.code}`);

interface Row {
  file: string;
  code: DiagnosticCode;
  line: number;
  col: number;
  /** The file the diagnostic points into, when it is not the routine itself (a module). */
  in?: string;
}

// prettier-ignore
const ROWS: Row[] = [
  // reading the file
  { file: 'yaml-syntax.yaml', code: 'yaml-syntax', line: 21, col: 5 },
  { file: 'yaml-syntax-indent.yaml', code: 'yaml-syntax', line: 15, col: 1 },
  { file: 'yaml-tag-js-function.yaml', code: 'yaml-tag', line: 8, col: 14 },
  { file: 'yaml-tag-python.yaml', code: 'yaml-tag', line: 8, col: 14 },
  { file: 'yaml-tag-custom.yaml', code: 'yaml-tag', line: 21, col: 11 },
  { file: 'yaml-alias-bomb.yaml', code: 'yaml-alias', line: 3, col: 11 },
  { file: 'yaml-alias.yaml', code: 'yaml-alias', line: 5, col: 14 },
  { file: 'binary-content.yaml', code: 'binary-content', line: 10, col: 55 },
  { file: 'not-utf8.yaml', code: 'not-utf8', line: 10, col: 50 },
  { file: 'too-deep.yaml', code: 'too-deep', line: 3, col: 71 },
  { file: 'too-deep-block.yaml', code: 'too-deep', line: 66, col: 127 },
  { file: 'root-not-mapping.yaml', code: 'root-not-mapping', line: 2, col: 1 },
  { file: 'root-scalar.yaml', code: 'root-not-mapping', line: 2, col: 1 },
  { file: 'empty.yaml', code: 'root-not-mapping', line: 1, col: 1 },
  // the shape
  { file: 'unknown-key.yaml', code: 'unknown-key', line: 4, col: 1 },
  { file: 'unknown-key-node.yaml', code: 'unknown-key', line: 21, col: 5 },
  { file: 'missing-key.yaml', code: 'missing-key', line: 2, col: 1 },
  { file: 'missing-key-node.yaml', code: 'missing-key', line: 14, col: 5 },
  { file: 'wrong-type.yaml', code: 'wrong-type', line: 3, col: 10 },
  { file: 'wrong-type-nodes.yaml', code: 'wrong-type', line: 13, col: 3 },
  { file: 'invalid-value.yaml', code: 'invalid-value', line: 15, col: 11 },
  { file: 'invalid-value-owner.yaml', code: 'invalid-value', line: 28, col: 12 },
  { file: 'due-two-units.yaml', code: 'invalid-value', line: 32, col: 10 },
  { file: 'missing-translation-en.yaml', code: 'missing-translation', line: 4, col: 8 },
  { file: 'missing-translation-sv.yaml', code: 'missing-translation', line: 23, col: 10 },
  { file: 'invalid-id.yaml', code: 'invalid-id', line: 13, col: 3 },
  { file: 'invalid-id.yaml', code: 'invalid-id', line: 11, col: 8 },
  { file: 'invalid-id-value.yaml', code: 'invalid-id', line: 2, col: 5 },
  { file: 'invalid-date.yaml', code: 'invalid-date', line: 6, col: 11 },
  { file: 'invalid-date-format.yaml', code: 'invalid-date', line: 7, col: 12 },
  { file: 'node-kind-two.yaml', code: 'node-kind', line: 21, col: 5 },
  { file: 'node-kind-none.yaml', code: 'node-kind', line: 19, col: 3 },
  { file: 'node-kind-scalar.yaml', code: 'node-kind', line: 19, col: 9 },
  { file: 'duplicate-id.yaml', code: 'duplicate-id', line: 24, col: 3 },
  { file: 'duplicate-option.yaml', code: 'duplicate-id', line: 13, col: 3 },
  { file: 'reserved-id.yaml', code: 'reserved-id', line: 24, col: 3 },
  // the graph
  { file: 'unknown-target.yaml', code: 'unknown-target', line: 21, col: 11 },
  { file: 'unknown-start.yaml', code: 'unknown-target', line: 11, col: 8 },
  { file: 'unknown-module.yaml', code: 'unknown-module', line: 20, col: 14 },
  { file: 'module-cycle.yaml', code: 'module-cycle', line: 17, col: 14, in: 'modules/cykel-b.yaml' },
  { file: 'module-included-twice.yaml', code: 'module-included-twice', line: 27, col: 14 },
  { file: 'module-shape.yaml', code: 'unknown-key', line: 15, col: 5, in: 'modules/trasig-modul.yaml' },
  { file: 'missing-param.yaml', code: 'missing-param', line: 20, col: 14 },
  { file: 'unknown-param.yaml', code: 'unknown-param', line: 21, col: 25 },
  { file: 'unknown-param-condition.yaml', code: 'unknown-param', line: 22, col: 24 },
  { file: 'return-outside-module.yaml', code: 'return-outside-module', line: 18, col: 11 },
  { file: 'return-without-next.yaml', code: 'return-without-next', line: 19, col: 11, in: 'modules/polis.yaml' },
  { file: 'no-route.yaml', code: 'no-route', line: 19, col: 3 },
  { file: 'no-route-answers.yaml', code: 'no-route', line: 13, col: 3 },
  { file: 'unreachable.yaml', code: 'unreachable', line: 24, col: 3 },
  { file: 'no-end.yaml', code: 'no-end', line: 19, col: 3 },
  { file: 'cycle-no-exit.yaml', code: 'cycle-no-exit', line: 22, col: 3 },
  { file: 'unknown-answer.yaml', code: 'unknown-answer', line: 17, col: 7 },
  { file: 'options-missing.yaml', code: 'options-missing', line: 13, col: 3 },
  { file: 'options-not-allowed.yaml', code: 'options-not-allowed', line: 13, col: 3 },
  // conditions and references
  { file: 'unknown-question.yaml', code: 'unknown-question', line: 22, col: 20 },
  { file: 'condition-type.yaml', code: 'condition-type', line: 22, col: 20 },
  { file: 'condition-two-ops.yaml', code: 'condition-type', line: 22, col: 20 },
  { file: 'unknown-option.yaml', code: 'unknown-option', line: 22, col: 20 },
  { file: 'condition-unanswered.yaml', code: 'condition-unanswered', line: 30, col: 20 },
  { file: 'unknown-checklist-item.yaml', code: 'unknown-checklist-item', line: 21, col: 17 },
  { file: 'unused-checklist-item.yaml', code: 'unused-checklist-item', line: 25, col: 3 },
  { file: 'unknown-reference.yaml', code: 'unknown-reference', line: 21, col: 10 },
  { file: 'unknown-reference-list.yaml', code: 'unknown-reference', line: 21, col: 22 },
  { file: 'unknown-deadline-source.yaml', code: 'unknown-deadline-source', line: 32, col: 28 },
  { file: 'unknown-deadline-field.yaml', code: 'unknown-deadline-source', line: 32, col: 28 },
  { file: 'deadline-source-type.yaml', code: 'deadline-source-type', line: 32, col: 28 },
  { file: 'deadline-from-typing-time.yaml', code: 'deadline-from-typing-time', line: 32, col: 28 },
  { file: 'unknown-time-order.yaml', code: 'unknown-time-order', line: 19, col: 3 },
  { file: 'time-rule-type.yaml', code: 'time-rule-type', line: 19, col: 3 },
  { file: 'reference-expired.yaml', code: 'reference-expired', line: 21, col: 10 },
  { file: 'reference-not-yet-valid.yaml', code: 'reference-not-yet-valid', line: 21, col: 10 },
  { file: 'reference-info.yaml', code: 'reference-expires-soon', line: 21, col: 10 },
  { file: 'reference-info.yaml', code: 'reference-unverified', line: 21, col: 10 },
  { file: 'review-overdue.yaml', code: 'review-overdue', line: 7, col: 12 },
  { file: 'review-dates.yaml', code: 'review-dates', line: 7, col: 12 },
  { file: 'changelog-version.yaml', code: 'changelog-version', line: 3, col: 10 },
  { file: 'unknown-contact.yaml', code: 'unknown-contact', line: 19, col: 3 },
  // conflicts: the first place on the path, the other place is in the message
  { file: 'conflict-items.yaml', code: 'conflict', line: 17, col: 38 },
  { file: 'conflict-option.yaml', code: 'conflict', line: 17, col: 43 },
  { file: 'conflict-unknown.yaml', code: 'unknown-conflict', line: 26, col: 17 },
  { file: 'later-read.yaml', code: 'later-read', line: 18, col: 20 },
];

describe('broken routines: code, line and column', () => {
  it.each(ROWS)('$file: $code at $line:$col', ({ file, code, line, col, in: inFile }) => {
    const r = load(join(DIR, file));
    const target = join(DIR, inFile ?? file);
    const hit = r.diagnostics.find((d) => d.code === code && d.line === line && d.col === col && d.file === target);
    expect(hit, `got:\n${where(r.diagnostics).join('\n')}`).toBeDefined();
    expect(hit?.severity).toBe(DIAGNOSTIC_CODES[code]);
    // An error means no routine; warnings and information leave a usable routine.
    expect(r.routine === undefined).toBe(r.diagnostics.some((d) => d.severity === 'error'));
  });

  it('the valid base of the fixtures loads clean, so each fixture differs by its one problem', () => {
    const r = load(join(DIR, 'valid.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.routine?.id).toBe('trasig');
  });

  it('the alias bomb is refused without expanding it', () => {
    const t0 = performance.now();
    const r = load(join(DIR, 'yaml-alias-bomb.yaml'));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.routine).toBeUndefined();
    expect(new Set(r.diagnostics.map((d) => d.code))).toEqual(new Set(['yaml-alias']));
  });

  it('fixture problems cascade no further than needed: one diagnostic where one is due', () => {
    for (const file of ['missing-param.yaml', 'unknown-module.yaml', 'module-cycle.yaml', 'module-included-twice.yaml', 'module-shape.yaml']) {
      expect(where(load(join(DIR, file)).diagnostics), file).toHaveLength(1);
    }
  });

  it('covers every diagnostic code a single routine file can trigger', () => {
    const covered = new Set<string>(ROWS.map((r) => r.code));
    // Tested below instead of from a committed fixture: an unreadable path, the size limit, and
    // two routine files with one id (a property of a folder, not of a file).
    const elsewhere = ['file-unreadable', 'file-too-large', 'duplicate-routine'];
    // The codes for routines come first in DIAGNOSTIC_CODES, up to `unknown-contact`; the ones
    // after it are for other files (answers, scenarios).
    const all = Object.keys(DIAGNOSTIC_CODES);
    expect(all).toContain('unknown-contact');
    const routineCodes = all.slice(0, all.indexOf('unknown-contact') + 1);
    const missing = routineCodes.filter((c) => !covered.has(c) && !elsewhere.includes(c));
    expect(missing).toEqual([]);
  });
});

describe('broken files that are made in the test', () => {
  const tmp = tempDir('jr-bad-');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a file over 2 MB is refused before it is read into memory', () => {
    const file = join(tmp, 'stor.yaml');
    writeFileSync(file, `id: stor\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    const r = load(file);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['file-too-large', 1, 1]]);
  });

  it('a file of exactly 2 MB is read (the limit is not off by one)', () => {
    const file = join(tmp, 'precis.yaml');
    const head = 'id: x\n# ';
    writeFileSync(file, head + 'x'.repeat(MAX_FILE_BYTES - head.length - 1) + '\n');
    expect(load(file).diagnostics.map((d) => d.code)).not.toContain('file-too-large');
  });

  it('a path that does not exist, or is a folder, is unreadable', () => {
    for (const file of [join(tmp, 'finns-inte.yaml'), tmp]) {
      expect(load(file).diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['file-unreadable', 1, 1]]);
    }
  });

  it('NUL on the first line and a bad UTF-8 byte after multi-byte characters are placed by character', () => {
    const nul = join(tmp, 'nul.yaml');
    writeFileSync(nul, Buffer.concat([Buffer.from('id: åäö'), Buffer.from([0]), Buffer.from('\n')]));
    expect(load(nul).diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['binary-content', 1, 8]]);
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, Buffer.concat([Buffer.from('id: x\ntitle: åäö '), Buffer.from([0xe5, 0x0a])]));
    expect(load(bad).diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['not-utf8', 2, 12]]);
    const cut = join(tmp, 'cut.yaml');
    writeFileSync(cut, Buffer.from('id: x\ntitle: ö').subarray(0, -1));
    expect(load(cut).diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['not-utf8', 2, 8]]);
  });

  it('two routine files with one id in a folder: duplicate-routine', () => {
    const folder = join(tmp, 'dubbel');
    mkdirSync(folder);
    const text = readFileSafe(join(DIR, 'valid.yaml')) as Uint8Array;
    writeFileSync(join(folder, 'a.yaml'), text);
    writeFileSync(join(folder, 'b.yaml'), text);
    const reg = openRegistry({ extraFolders: [folder], today: TODAY, bundled: join(tmp, 'tom') });
    expect(reg.diagnostics.map((d) => [d.code, d.file, d.line, d.col])).toEqual([['duplicate-routine', join(folder, 'b.yaml'), 1, 1]]);
  });
});

describe('validate on the command line', () => {
  const rel = (f: string) => join('tests', 'fixtures', 'bad-routines', f);

  it('exits 1 and prints file:line:col: fel code: lines on stderr', () => {
    const r = cli(['validate', rel('unknown-target.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${rel('unknown-target.yaml')}:21:11: fel unknown-target: `);
    for (const line of r.stderr.trim().split('\n').slice(0, -1)) expect(line).toMatch(/^[^:]+:\d+:\d+: (fel|varning) [a-z0-9-]+: \S/);
  });

  it('reports a hostile file as a diagnostic, not a crash', () => {
    for (const f of ['yaml-alias-bomb.yaml', 'binary-content.yaml', 'not-utf8.yaml', 'too-deep.yaml', 'yaml-tag-js-function.yaml']) {
      const r = cli(['validate', rel(f)]);
      expect(r.code, f).toBe(1);
      expect(r.stderr, f).toMatch(new RegExp(`^${rel(f).replaceAll('.', '\\.')}:\\d+:\\d+: fel [a-z0-9-]+: `, 'm'));
      expect(r.stderr, f).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('--json prints the diagnostics as JSON on stdout', () => {
    const r = cli(['validate', '--json', rel('many-problems-graph.yaml')]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: number; errors: number; diagnostics: (Diagnostic & { message: string })[] };
    expect(out.files).toBe(1);
    const got = out.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);
    expect(got).toEqual(expect.arrayContaining(['17:7 unknown-answer', '21:10 unknown-reference', '22:11 unknown-target', '25:3 unreachable']));
    expect(out.errors).toBe(out.diagnostics.filter((d) => d.severity === 'error').length);
    for (const d of out.diagnostics) expect(d.message.length).toBeGreaterThan(0);
  });

  it('--strict turns a warning-only file into a failure', () => {
    const plain = cli(['validate', rel('review-overdue.yaml')]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/:7:12: varning review-overdue: /);
    const strict = cli(['validate', '--strict', rel('review-overdue.yaml')]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/:7:12: fel review-overdue: /);
  });

  it('reports every problem of a file in one run', () => {
    const r = cli(['validate', rel('many-problems.yaml')]);
    expect(r.code).toBe(1);
    const got = [...r.stderr.matchAll(/^tests\/fixtures\/bad-routines\/many-problems\.yaml:(\d+):(\d+): fel ([a-z-]+): /gm)];
    expect(got.map((m) => `${m[1]}:${m[2]} ${m[3]}`)).toEqual([
      '2:1 missing-key',
      '4:1 unknown-key',
      '6:11 invalid-date',
      '21:5 unknown-key',
      '23:10 missing-translation',
    ]);
    expect(r.stderr).toMatch(/5 fel/);
  });

  it('checks several files in one run and points into module files', () => {
    const r = cli(['validate', rel('reference-expired.yaml'), rel('module-cycle.yaml'), rel('binary-content.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${rel('reference-expired.yaml')}:21:10: fel reference-expired: `);
    expect(r.stderr).toContain(`${rel('modules/cykel-b.yaml')}:17:14: fel module-cycle: `);
    expect(r.stderr).toContain(`${rel('binary-content.yaml')}:10:55: fel binary-content: `);
  });
});
