// Randomly broken routines must never crash the loader or the checker: each yields a routine or
// diagnostics, and every diagnostic has a known code and a real position. The mutations start
// from the example routine (and a routine that includes a module) and break them as text, as bytes
// and as data re-serialised with the yaml library.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICE_MODULE_BODY } from './helpers/police-module.js';
import { parse, stringify } from 'yaml';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics.js';
import { loadReferences, type LoadResult } from '../src/routine/load.js';
import { readFileSafe } from '../src/routine/registry.js';
import { ROOT } from './helpers/cli.js';
import { loadFromTexts } from './helpers/load-routine.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'exempel.yaml'), 'utf8');
const REFS = loadReferences(join(ROOT, 'routines', 'references.yaml'), readFileSafe).references;

const MAIN = '/mem/rutin.yaml';
const MODULE = '/mem/modules/polis.yaml';

const WITH_MODULE = `id: med-modul
version: 1
title: { sv: Med modul, en: With a module }
description: { sv: Inkluderar polismodulen., en: Includes the police module. }
reviewed: 2026-11-01
review_by: 2027-06-30
approved_by: Samordnare
changelog:
  - { version: 1, date: 2026-11-01, text: { sv: Första., en: First. } }
start: fraga
nodes:
  fraga:
    question: { sv: Är polisen inblandad?, en: Are the police involved? }
    type: yesno
    on:
      yes: polis
      no: slut
  polis:
    include: modules/polis.yaml
    with: { barn: true }
    next: slut
  slut:
    end: { sv: Klart, en: Done }
`;

const POLICE = `module: polis
version: 1
title: { sv: Polis, en: Police }
description: { sv: Kontakt med polisen., en: Contact with the police. }
reviewed: 2026-11-01
review_by: 2027-06-30
approved_by: Samordnare
changelog:
  - { version: 1, date: 2026-11-01, text: { sv: Första., en: First. } }
${POLICE_MODULE_BODY}`;

function run(main: Uint8Array, module: Uint8Array = Buffer.from(POLICE)): LoadResult {
  return loadFromTexts(MAIN, { [MAIN]: main, [MODULE]: module }, { references: REFS, contacts: new Set(['polis']) });
}

const CODES = new Set(Object.keys(DIAGNOSTIC_CODES));
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** The property: a routine or diagnostics, never both missing; every diagnostic well-formed. */
function check(r: LoadResult): void {
  // Plain checks first and one `expect` with the evidence, so that 1,000 runs stay fast.
  const bad = r.diagnostics.filter(
    (d) =>
      !CODES.has(d.code) ||
      !SEVERITIES.has(d.severity) ||
      !Number.isInteger(d.line) ||
      !Number.isInteger(d.col) ||
      d.line < 1 ||
      d.col < 1 ||
      (d.file !== MAIN && d.file !== MODULE),
  );
  expect(bad).toEqual([]);
  const errors = r.diagnostics.some((d) => d.severity === 'error');
  expect(r.routine === undefined, 'a routine exactly when there are no errors').toBe(errors);
}

// ---------------------------------------------------------------- text and byte mutations

const controlChar = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));
const noise = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }),
  controlChar,
  fc.constantFrom('\t', '\r', '\n', ' ', ':', '- ', '{', '}', '[', ']', '&a ', '*a', '!foo ', '!!js/function ', '#', '"', "'", '|', '>', '? ', '---\n', '...\n', '%YAML 1.1\n', '\u2028', '\uFEFF'),
);

type TextOp =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; s: string }
  | { op: 'duplicate-line'; line: number }
  | { op: 'delete-line'; line: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'indent'; line: number; by: number };

const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: noise }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -6, max: 6 }) }),
);

function applyText(text: string, ops: TextOp[]): string {
  let t = text;
  for (const o of ops) {
    const lines = t.split('\n');
    const n = Math.max(lines.length, 1);
    switch (o.op) {
      case 'truncate':
        t = t.slice(0, o.at % (t.length + 1));
        break;
      case 'insert': {
        const at = o.at % (t.length + 1);
        t = t.slice(0, at) + o.s + t.slice(at);
        break;
      }
      case 'duplicate-line':
        lines.splice(o.line % n, 0, lines[o.line % n] ?? '');
        t = lines.join('\n');
        break;
      case 'delete-line':
        lines.splice(o.line % n, 1);
        t = lines.join('\n');
        break;
      case 'swap-lines': {
        const a = o.a % n;
        const b = o.b % n;
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        t = lines.join('\n');
        break;
      }
      case 'indent': {
        const i = o.line % n;
        const line = lines[i] ?? '';
        lines[i] = o.by >= 0 ? ' '.repeat(o.by) + line : line.replace(new RegExp(`^ {0,${-o.by}}`), '');
        t = lines.join('\n');
        break;
      }
    }
  }
  return t;
}

type ByteOp = { at: number; bytes: Uint8Array };
const byteOp: fc.Arbitrary<ByteOp> = fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) });

function applyBytes(buf: Uint8Array, ops: ByteOp[]): Uint8Array {
  let b = Buffer.from(buf);
  for (const o of ops) {
    const at = o.at % (b.length + 1);
    b = Buffer.concat([b.subarray(0, at), o.bytes, b.subarray(at)]);
  }
  return b;
}

// ---------------------------------------------------------------- data mutations

type Path = (string | number)[];

function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) v = (v as Record<string, unknown>)[seg as string];
  return v;
}

function parentOf(root: unknown, path: Path): { parent: Record<string | number, unknown> | unknown[]; key: string | number } {
  return { parent: getAt(root, path.slice(0, -1)) as Record<string, unknown>, key: path[path.length - 1] as string | number };
}

const randomValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.constantFrom('return', 'yes', 'no', 'slut-barn', 'akut-fara', 'omh.decided_at', 'lvu-6', 'lvu-1', 'ring-112', '2026-02-30', ''),
  fc.dictionary(fc.constantFrom('sv', 'en', 'q', 'eq', 'lt', 'next', 'when', 'all', 'any', 'not', 'param', 'question', 'step', 'end', 'include', 'type'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

type DataOp =
  | { op: 'delete'; p: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'replace'; p: number; value: unknown }
  | { op: 'add-key'; p: number; key: string; value: unknown }
  | { op: 'rename'; p: number; key: string };

const keyName = fc.oneof(
  fc.constantFrom('next', 'branches', 'on', 'checklist', 'ref', 'include', 'with', 'question', 'step', 'decision', 'end', 'type', 'options', 'return', 'yes', 'no', 'due', '__proto__', 'constructor', 'toString'),
  fc.string({ maxLength: 8 }),
);

const dataOp: fc.Arbitrary<DataOp> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), p: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), p: fc.nat(), value: randomValue }),
  fc.record({ op: fc.constant('add-key' as const), p: fc.nat(), key: keyName, value: randomValue }),
  fc.record({ op: fc.constant('rename' as const), p: fc.nat(), key: keyName }),
);

function applyData(text: string, ops: DataOp[]): string {
  const root = parse(text) as unknown;
  for (const o of ops) {
    const all = paths(root);
    if (all.length === 0) break;
    const pick = (i: number) => all[i % all.length] as Path;
    switch (o.op) {
      case 'delete': {
        const { parent, key } = parentOf(root, pick(o.p));
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      }
      case 'swap': {
        const a = pick(o.a);
        const b = pick(o.b);
        const va = structuredClone(getAt(root, a));
        const vb = structuredClone(getAt(root, b));
        const pa = parentOf(root, a);
        (pa.parent as Record<string | number, unknown>)[pa.key] = vb;
        // `a` may have contained `b`; set `b` only where it still exists.
        try {
          const pb = parentOf(root, b);
          if (pb.parent !== null && typeof pb.parent === 'object') (pb.parent as Record<string | number, unknown>)[pb.key] = va;
        } catch {
          // the path to b went away with the first write
        }
        break;
      }
      case 'replace': {
        const { parent, key } = parentOf(root, pick(o.p));
        (parent as Record<string | number, unknown>)[key] = structuredClone(o.value);
        break;
      }
      case 'add-key': {
        const target = getAt(root, pick(o.p).slice(0, -1));
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
          Object.defineProperty(target, o.key, { value: structuredClone(o.value), enumerable: true, writable: true, configurable: true });
        }
        break;
      }
      case 'rename': {
        const path = pick(o.p);
        const { parent, key } = parentOf(root, path);
        if (Array.isArray(parent) || typeof key !== 'string') break;
        const v = parent[key];
        delete parent[key];
        Object.defineProperty(parent, o.key, { value: v, enumerable: true, writable: true, configurable: true });
        break;
      }
    }
  }
  return stringify(root);
}

// Plausible edits: the shape mostly survives, so the graph, condition and reference checks run.
type LeafOp = { op: 'swap-leaves'; a: number; b: number } | { op: 'from-pool'; p: number; v: number } | { op: 'drop'; p: number };
const leafOp: fc.Arbitrary<LeafOp> = fc.oneof(
  fc.record({ op: fc.constant('swap-leaves' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('from-pool' as const), p: fc.nat(), v: fc.nat() }),
  fc.record({ op: fc.constant('drop' as const), p: fc.nat() }),
);
const OPTIONAL = new Set(['next', 'branches', 'on', 'checklist', 'ref', 'options', 'with', 'params', 'record', 'grounds', 'due', 'min', 'max', 'yes', 'no', 'when']);

function applyLeaves(text: string, ops: LeafOp[]): string {
  const root = parse(text) as Record<string, unknown>;
  const scalars = (r: unknown) => paths(r).filter((p) => { const v = getAt(r, p); return v === null || typeof v !== 'object'; });
  const pool = [...new Set([...scalars(root).map((p) => getAt(root, p)), ...Object.keys((root.nodes ?? {}) as object), 'return', 'yes', 'no', true, 18, 'polis.kontakt', 'akut.decided_at'])];
  for (const o of ops) {
    const leaves = scalars(root);
    if (leaves.length === 0) break;
    const set = (p: Path, v: unknown) => {
      const { parent, key } = parentOf(root, p);
      (parent as Record<string | number, unknown>)[key] = v;
    };
    if (o.op === 'swap-leaves') {
      const a = leaves[o.a % leaves.length] as Path;
      const b = leaves[o.b % leaves.length] as Path;
      const va = getAt(root, a);
      set(a, getAt(root, b));
      set(b, va);
    } else if (o.op === 'from-pool') {
      set(leaves[o.p % leaves.length] as Path, pool[o.v % pool.length]);
    } else {
      const optional = paths(root).filter((p) => OPTIONAL.has(String(p[p.length - 1])));
      const p = optional[o.p % Math.max(optional.length, 1)];
      if (p) {
        const { parent, key } = parentOf(root, p);
        if (!Array.isArray(parent)) delete parent[key];
      }
    }
  }
  return stringify(root);
}

// ---------------------------------------------------------------- the properties

const params = (numRuns: number) => ({ numRuns });

// 1,100 mutated routines in all.
describe('loader and checker on randomly mutated routines', () => {
  it('the unmutated bases load clean', () => {
    expect(run(Buffer.from(EXAMPLE)).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(run(Buffer.from(WITH_MODULE)).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(applyText(EXAMPLE, [])).toBe(EXAMPLE);
    expect(run(Buffer.from(applyData(EXAMPLE, []))).routine?.id).toBe('exempel');
  });

  it('text mutations of the example routine (300 runs)', () => {
    fc.assert(
      fc.property(fc.array(textOp, { minLength: 1, maxLength: 4 }), (ops) => {
        check(run(Buffer.from(applyText(EXAMPLE, ops))));
      }),
      params(300),
    );
  });

  it('data mutations of the example routine, re-serialised as YAML (300 runs)', () => {
    fc.assert(
      fc.property(fc.array(dataOp, { minLength: 1, maxLength: 4 }), (ops) => {
        check(run(Buffer.from(applyData(EXAMPLE, ops))));
      }),
      params(300),
    );
  });

  it('plausible edits (swapped values, ids from the routine, dropped optional keys) of all three files (250 runs)', () => {
    fc.assert(
      fc.property(fc.array(leafOp, { minLength: 1, maxLength: 3 }), fc.constantFrom('example', 'routine', 'module'), (ops, which) => {
        if (which === 'example') check(run(Buffer.from(applyLeaves(EXAMPLE, ops))));
        else if (which === 'routine') check(run(Buffer.from(applyLeaves(WITH_MODULE, ops))));
        else check(run(Buffer.from(WITH_MODULE), Buffer.from(applyLeaves(POLICE, ops))));
      }),
      params(250),
    );
  });

  it('data, then text, then byte mutations of a routine and the module it includes (250 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(dataOp, { maxLength: 3 }),
        fc.array(textOp, { maxLength: 2 }),
        fc.array(byteOp, { maxLength: 1 }),
        fc.boolean(),
        (data, text, bytes, mutateModule) => {
          const broken = applyBytes(Buffer.from(applyText(applyData(mutateModule ? POLICE : WITH_MODULE, data), text)), bytes);
          check(mutateModule ? run(Buffer.from(WITH_MODULE), broken) : run(broken));
        },
      ),
      params(250),
    );
  });
});
