// docs/routine-format.md is the routine owner's reference: it must explain every diagnostic code
// the checker can give, with the severity the code really has, and stay clean Markdown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics.js';
import { SCHEMA_KINDS, schemaFileName } from '../src/owner/json-schema.js';
import { ROOT } from './helpers/cli.js';
import { lintMarkdown } from './helpers/md-lint.js';

const DOC = readFileSync(join(ROOT, 'docs', 'routine-format.md'), 'utf8');

describe('docs/routine-format.md', () => {
  it('documents every diagnostic code, with its severity, in a table row of its own', () => {
    const rows = new Map([...DOC.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \| (.+) \|$/gm)].map((m) => [m[1] as string, { severity: m[2] as string, text: m[3] as string }]));
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((c) => !rows.has(c));
    expect(missing).toEqual([]);
    for (const [code, severity] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(rows.get(code)?.severity, code).toBe(severity);
      expect(rows.get(code)?.text.length ?? 0, code).toBeGreaterThan(20);
    }
    const unknown = [...rows.keys()].filter((c) => !(c in DIAGNOSTIC_CODES));
    expect(unknown).toEqual([]);
  });

  it('covers what the issue asks for: node kinds, modules, deadlines, references, contacts, folders, scenarios, run --json', () => {
    for (const needle of [
      '### question', '### step', '### decision', '### end', '### include', '`return`', 'params', 'with:',
      'Lag (1930:173)', '`nominal`', '`legal`', '`safe`', 'valid_until', 'verify: true',
      '--contacts FILE', 'JOUR_ROUTINE_CONTACTS', 'contacts.yaml', '--routines', 'JOUR_ROUTINE_ROUTINES',
      'jour-routine test', '--coverage', 'run --json', '"from_ref"', 'waiting_for', 'anchors', 'comma',
    ]) {
      expect(DOC, needle).toContain(needle);
    }
    for (const kind of SCHEMA_KINDS) expect(DOC).toContain(schemaFileName(kind));
  });

  it('passes markdownlint', () => {
    expect(lintMarkdown(DOC)).toEqual([]);
  });
});
