// Positions of a file that took the fast way in are found from a js-yaml index rather than the
// position-keeping YAML library (a fraction of the memory). They must be the library's own answers:
// every path of every bundled routine, module, fixture and a generated routine, with and without
// pointing at the key, and paths that run out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locate, parseYaml, type PathSegment, type Source } from '../src/routine/source.js';
import { ROOT } from './helpers/cli.js';
// @ts-expect-error: a plain ES module of the bench, without types
import { generateRoutine } from '../bench/validate.mjs';

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return yamlFilesUnder(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

function pathsOf(data: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function compare(file: string, text: string): number {
  const fast = parseYaml(text, file);
  if (!fast.ok) return 0;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  const careful: Source = { file, text, doc, lines, data: fast.source.data };
  let n = 0;
  for (const p of pathsOf(fast.source.data)) {
    for (const path of [p, [...p, 'no-such-key'], [...p, 99]]) {
      for (const key of [false, true]) {
        const a = locate(fast.source, path, { key });
        const b = locate(careful, path, { key });
        expect({ path, key, line: a.line, col: a.col }).toEqual({ path, key, line: b.line, col: b.col });
        n++;
      }
    }
  }
  return n;
}

describe('positions without the YAML library', () => {
  it('are those the library gives, for every path of the bundled routines and the fixtures', () => {
    const files = [...yamlFilesUnder(join(ROOT, 'routines')), ...yamlFilesUnder(join(ROOT, 'examples')), ...yamlFilesUnder(join(ROOT, 'tests/fixtures'))];
    let n = 0;
    for (const f of files) n += compare(f, readFileSync(f, 'utf8'));
    expect(n).toBeGreaterThan(10_000);
  });

  it('are those the library gives in a generated routine, and in hand-written corner cases', () => {
    compare('/gen.yaml', (generateRoutine(200) as { yaml: string }).yaml);
    const corners = [
      'a:\n  b: 1\n  c:\n  d: [1, { e: 2 }]\n# comment\nf: |\n  text\n  more\ng: "q" # trailing\nh:\n  - x\n  -   y: 1\n      z: 2\n  - [ ]\n',
      'id: x\nnodes:\n  n1:   # comment after key\n\n    question: { sv: a, en: b }\n    on: {yes: n2,no: n3}\n  n2: {end: {sv: c, en: d}}\n',
      'k: ~\nl: null\nm: ""\nn:\n\no: 1\n',
    ];
    corners.forEach((t, i) => compare(`/corner-${i}.yaml`, t));
  });
});
