// The adult routines declare the pairs that must never be on one path (issue 13), and the
// conflict check finds none of them on any path. The declarations are read from the YAML as a
// routine owner writes them, so a pair removed by mistake fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openRegistry } from '../src/routine/registry.js';
import { ROOT } from './helpers/cli.js';

type Doc = {
  nodes?: Record<string, { options?: { id: string; conflicts?: string[] }[] }>;
  checklist?: Record<string, { conflicts?: string[] }>;
  conflicts?: [string, string][];
};
const read = (f: string) => parse(readFileSync(join(ROOT, 'routines', f), 'utf8')) as Doc;

/** Every declared pair of a file, both directions, as "a|b" (an option as "node=option"). */
function pairs(doc: Doc): Set<string> {
  const out = new Set<string>();
  const add = (a: string, b: string) => (out.add(`${a}|${b}`), out.add(`${b}|${a}`));
  for (const [id, item] of Object.entries(doc.checklist ?? {})) for (const t of item.conflicts ?? []) add(id, t);
  for (const [nid, node] of Object.entries(doc.nodes ?? {}))
    for (const o of node.options ?? []) for (const t of o.conflicts ?? []) add(`${nid}=${o.id}`, t);
  for (const [a, b] of doc.conflicts ?? []) add(a, b);
  return out;
}

const expected: Record<string, [string, string][]> = {
  'modules/hemland.yaml': [
    ['hemland-avvakta', 'hemland-ambassad-vuxen'],
    ['hemland-avvakta', 'iom-aterresa'],
    ['hemland-ej-samtycke', 'hemland-ambassad-vuxen'],
    ['hemland-ej-samtycke', 'iom-aterresa'],
  ],
  'modules/polis.yaml': [
    ['brott-ett-ar=nej', 'polis-informera-personen'],
    ['brott-ett-ar=osaker', 'polis-informera-personen'],
    ['polis-informera-personen', 'polis-omprova-vuxen'],
    ['polis-informera-personen', 'polis-erbjud-igen'],
  ],
  'vuxen-manniskohandel.yaml': [
    ['betanketid-ansokan', 'betanketid-omprova'],
    ...['eu', 'tillstand'].flatMap((o) =>
      ['betanketid-ansokan', 'betanketid-omprova', 'betanketid-samordna-polis', 'uppehallstillstand-fu'].map(
        (t) => [`medborgarskap=${o}`, t] as [string, string],
      ),
    ),
    ['boende=stannar', 'skyddat-boende-beslut'],
    ['boende=stannar', 'barn-boende-med-foralder'],
    ...['barn-orosanmalan', 'barn-skydd-i-natt', 'barn-boende-med-foralder', 'barn-ta-reda-pa'].map((t) => ['barn=inga', t] as [string, string]),
    ['exponering=nej', 'akut-vard-72h'],
  ],
  'vuxen-sex-mot-ersattning.yaml': [
    ...['barn-orosanmalan', 'barn-skydd-i-natt', 'barn-boende-med-foralder', 'barn-ta-reda-pa'].map((t) => ['barn=inga', t] as [string, string]),
    ['exponering=nej', 'akut-vard-72h'],
    ...['specialistmottagning', 'samrad-samordnare', 'polis-erbjud-igen', 'overlamning-skriftlig'].map(
      (t) => ['starta-manniskohandel', t] as [string, string],
    ),
  ],
};

describe('conflicts declared in the adult routines', () => {
  for (const [file, list] of Object.entries(expected)) {
    it(`${file} declares its pairs`, () => {
      const have = pairs(read(file));
      expect(list.filter(([a, b]) => !have.has(`${a}|${b}`))).toEqual([]);
    });
  }
  it('no declared pair is on any path of the bundled routines', () => {
    const reg = openRegistry({ extraFolders: [], today: '2026-12-01' });
    for (const { result } of reg.routines.values())
      expect(result.diagnostics.filter((d) => d.code === 'conflict' || d.code === 'unknown-conflict')).toEqual([]);
  });
});
