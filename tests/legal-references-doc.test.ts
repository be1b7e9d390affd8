// docs/legal-references.md tells the routine owner, per legal reference, whether it is confirmed
// or still to be verified. It must list every reference of routines/references.yaml, no stale
// ones, and agree with each reference's `verify` flag; otherwise the owner signs off on a list
// that is not the one the routines cite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferences } from '../src/routine/load.js';
import { readFileSafe } from '../src/routine/registry.js';
import { ROOT } from './helpers/cli.js';
import { lintMarkdown } from './helpers/md-lint.js';

const DOC = join(ROOT, 'docs', 'legal-references.md');
const refs = loadReferences(join(ROOT, 'routines', 'references.yaml'), readFileSafe).references;

interface Row {
  id: string;
  status: string;
  source: string;
}

/** The rows of the references table: `| \`id\` | law | status | source | check |`. */
function rows(md: string): Row[] {
  const out: Row[] = [];
  for (const line of md.split('\n')) {
    const m = /^\| `([a-z0-9_-]+)` \|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const cells = (m[2] ?? '').split('|').map((c) => c.trim());
    out.push({ id: m[1] as string, status: cells[1] ?? '', source: cells[2] ?? '' });
  }
  return out;
}

describe('docs/legal-references.md', () => {
  const md = readFileSync(DOC, 'utf8');
  const table = rows(md);
  const byId = new Map(table.map((r) => [r.id, r]));

  it('has a row for every reference in routines/references.yaml', () => {
    expect(refs.size, 'routines/references.yaml did not load').toBeGreaterThan(0);
    const missing = [...refs.keys()].filter((id) => !byId.has(id));
    expect(missing, 'references missing from docs/legal-references.md').toEqual([]);
  });

  it('names no reference that references.yaml does not define, and none twice', () => {
    expect(table.map((r) => r.id).filter((id) => !refs.has(id))).toEqual([]);
    expect(table.length).toBe(byId.size);
  });

  it('says "to verify" exactly for the references flagged verify: true, and names a source for each', () => {
    for (const [id, ref] of refs) {
      const row = byId.get(id);
      if (!row) continue;
      expect(row.status, id).toBe(ref.verify ? 'to verify' : 'confirmed');
      expect(row.source.length, `${id} has no source`).toBeGreaterThan(0);
    }
  });

  it('passes markdownlint', () => {
    expect(lintMarkdown(md)).toEqual([]);
  });
});
