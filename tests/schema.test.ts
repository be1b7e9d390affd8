// The JSON Schema for editors: generated from the zod schemas, committed in schema/ without drift,
// and accepting every real file of the project while rejecting what the loader rejects.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchema, jsonSchemaText, SCHEMA_KINDS, schemaFileName, type SchemaKind } from '../src/owner/json-schema.js';
import { kindOfData } from '../src/routine/load.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { validate } from './schema-check.js';

const SCHEMA_DIR = join(ROOT, 'schema');
const tmp = tempDir('jr-schema-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const KIND: Record<string, SchemaKind> = { routine: 'routine', module: 'module', references: 'references', contacts: 'contacts', scenario: 'scenarios' };

function yamlFiles(dir: string, deep = true): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return deep ? yamlFiles(p) : [];
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

const readYaml = (f: string): unknown => parse(readFileSync(f, 'utf8'));

describe('committed schema files', () => {
  it('equal what `jour-routine schema` generates (regenerate with `jour-routine schema --dir schema`)', () => {
    for (const kind of SCHEMA_KINDS) {
      expect(readFileSync(join(SCHEMA_DIR, schemaFileName(kind)), 'utf8'), kind).toBe(jsonSchemaText(kind));
    }
  });

  it('are the paths the YAML files point their language server at, for the right kind of file', () => {
    const files = [...yamlFiles(join(ROOT, 'routines')), ...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests', 'fixtures', 'owner'))];
    let pointing = 0;
    for (const f of files) {
      const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(f, 'utf8'));
      if (!m) continue;
      pointing++;
      const target = resolve(dirname(f), m[1] as string);
      const kind = KIND[kindOfData(readYaml(f))];
      expect(target, f).toBe(join(SCHEMA_DIR, schemaFileName(kind as SchemaKind)));
    }
    expect(pointing).toBeGreaterThan(3);
  });
});

describe('the schema accepts the real files', () => {
  const files = [
    ...yamlFiles(join(ROOT, 'routines')),
    ...yamlFiles(join(ROOT, 'examples')),
    ...yamlFiles(join(ROOT, 'tests', 'fixtures', 'owner', 'routines')),
  ];

  it('examples/exempel.yaml is a valid routine', () => {
    const data = readYaml(join(ROOT, 'examples', 'exempel.yaml'));
    expect(validate(jsonSchema('routine'), data)).toEqual([]);
  });

  it('every bundled routine, module, references, contacts and scenario file', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const data = readYaml(f);
      const kind = KIND[kindOfData(data)];
      if (!kind || f.endsWith('exempel-svar.yaml')) continue;
      expect(validate(jsonSchema(kind), data), f).toEqual([]);
    }
  });
});

describe('the schema rejects what the loader rejects', () => {
  const base = () => readYaml(join(ROOT, 'examples', 'exempel.yaml')) as Record<string, any>;
  const errors = (mutate: (d: Record<string, any>) => void) => {
    const d = base();
    mutate(d);
    return validate(jsonSchema('routine'), d);
  };

  it('unknown keys, wrong enums, missing translations and bad ids', () => {
    expect(errors((d) => (d.nodes['akut-fara'].hjalp = 'x'))).not.toEqual([]);
    expect(errors((d) => (d.checklist['ring-112'].owner = 'kommunen'))).not.toEqual([]);
    expect(errors((d) => delete d.title.en)).not.toEqual([]);
    expect(errors((d) => (d.nodes['Stor-Bokstav'] = { end: { sv: 'a', en: 'b' } }))).not.toEqual([]);
    expect(errors((d) => (d.nodes.alder.type = 'slider'))).not.toEqual([]);
  });

  it('a deadline with two units, and a nested condition with an unknown comparison', () => {
    expect(errors((d) => (d.checklist.understall.due = { days: 7, weeks: 1, from: 'omh.decided_at' }))).not.toEqual([]);
    expect(errors((d) => (d.nodes.alder.branches[0].when = { all: [{ not: { q: 'alder', below: 18 } }] }))).not.toEqual([]);
    expect(errors((d) => (d.nodes.alder.branches[0].when = { all: [{ not: { q: 'alder', lt: 18 } }] }))).toEqual([]);
  });

  it('a date that is not in the calendar, as validate refuses it (format: date)', () => {
    expect(jsonSchema('routine').definitions).toMatchObject({ Date: { format: 'date' } });
    expect(errors((d) => (d.reviewed = '2026-02-30'))).not.toEqual([]);
    expect(errors((d) => (d.reviewed = '2026-02-28'))).toEqual([]);
  });

  it('a case-note sentence and a summary role, and a role that does not exist', () => {
    expect(errors((d) => (d.nodes['akut-fara'].note = { yes: { sv: 'Fara.', en: 'Danger.' } }))).toEqual([]);
    expect(errors((d) => (d.nodes.alder.summary = 'age'))).toEqual([]);
    expect(errors((d) => (d.nodes.alder.summary = 'shoe-size'))).not.toEqual([]);
  });

  it('a scenario time without an offset', () => {
    const s = { routine: 'x', scenarios: [{ name: 'a', at: '2026-12-03 01:40' }] };
    expect(validate(jsonSchema('scenarios'), s)).not.toEqual([]);
    s.scenarios[0]!.at = '2026-12-03T01:40:00+01:00';
    expect(validate(jsonSchema('scenarios'), s)).toEqual([]);
  });
});

describe('jour-routine schema', () => {
  it('prints the routine schema by default, and any kind with --kind', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    expect(`${r.stdout}`).toBe(jsonSchemaText('routine'));
    expect(JSON.parse(cli(['schema', '--kind', 'scenarios']).stdout).title).toBe('jour-routine scenarios');
  });

  it('writes one file with -o, all five with --dir, and names what it wrote on stderr', () => {
    const out = join(tmp, 'c.json');
    const r = cli(['--lang', 'en', 'schema', '--kind', 'contacts', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote');
    expect(readFileSync(out, 'utf8')).toBe(jsonSchemaText('contacts'));
    const dir = join(tmp, 'all');
    expect(cli(['schema', '--dir', dir]).code).toBe(0);
    for (const kind of SCHEMA_KINDS) expect(readFileSync(join(dir, schemaFileName(kind)), 'utf8')).toBe(jsonSchemaText(kind));
  });

  it('refuses an unknown kind (exit 2) and an unwritable file (exit 1)', () => {
    expect(cli(['schema', '--kind', 'nodes']).code).toBe(2);
    const r = cli(['schema', '-o', join(tmp, 'no', 'such', 'dir', 'x.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kunde inte skriva');
  });
});
