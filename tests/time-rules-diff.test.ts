// A routine owner approving a new version sees when a time field becomes planned or gets a
// not_before rule: both change what the caseworker can enter.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers/cli.js';

describe('diff shows time rules', () => {
  it('lists planned and not_before changes of a field', () => {
    const dir = tempDir('jr-timediff-');
    const text = readFileSync(join(ROOT, 'tests/fixtures/walk/alla-typer.yaml'), 'utf8');
    const field = '{ id: ringt, label: { sv: När ringde du, en: When did you call }, type: datetime }';
    expect(text).toContain(field);
    writeFileSync(join(dir, 'a.yaml'), text);
    writeFileSync(join(dir, 'b.yaml'), text.replace(field, field.replace('type: datetime }', 'type: datetime, planned: true }')));
    const r = cli(['diff', join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('planerad tid ringt: Nej → Ja');
  });
});
