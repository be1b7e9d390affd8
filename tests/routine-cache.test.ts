// The compiled-routine cache: a hit gives the routines a fresh load gives, without running the
// loader; any change to a file they were built from (a module, a new routine file, references)
// is a rebuild; a damaged entry is a miss; the files are private; `validate` never reads it.
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCached, registryFolders, sumOf, type ReadFile } from '../src/routine/cache.js';
import { openRegistry, type Registry } from '../src/routine/registry.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';

let folder: string;
let cache: string;
let builds: number;

beforeEach(() => {
  folder = tempDir('jr-cache-routines-');
  cache = tempDir('jr-cache-test-');
  cpSync(join(ROOT, 'tests/fixtures/notes/routines'), folder, { recursive: true });
  builds = 0;
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

const open = (env: NodeJS.ProcessEnv = { JOUR_ROUTINE_CACHE: cache }, today = '2026-12-01') =>
  openCached({
    folders: registryFolders([folder]),
    today,
    env,
    build: async (readFile: ReadFile) => {
      builds++;
      return openRegistry({ extraFolders: [folder], today, readFile });
    },
  });

/** What a command sees of a registry: every routine's behaviour hash, titles, nodes and positions, and every diagnostic. */
function seen(reg: Registry) {
  return {
    folders: reg.folders,
    references: [...reg.references.keys()],
    diagnostics: reg.diagnostics,
    routines: [...reg.routines].map(([id, r]) => ({
      id,
      file: r.file,
      diagnostics: r.result.diagnostics,
      hash: r.result.routine?.hash,
      title: r.result.routine?.title,
      nodes: [...(r.result.routine?.nodes ?? new Map())].map(([nid, n]) => [nid, n.kind, n.pos.file, n.pos.line, n.pos.col, n.routes.length]),
      checklist: [...(r.result.routine?.checklist.keys() ?? [])],
    })),
  };
}

describe('the compiled-routine cache', () => {
  it('a second open is a hit that gives what a fresh load gives, with positions', async () => {
    const first = await open();
    expect(builds).toBe(1);
    const second = await open();
    expect(builds).toBe(1);
    expect(seen(second)).toEqual(seen(first));
    expect(seen(second)).toEqual(seen(openRegistry({ extraFolders: [folder], today: '2026-12-01' })));
    const prov = second.routines.get('prov-barn')?.result.routine;
    expect(prov?.nodes.size).toBeGreaterThan(3);
    expect(prov?.nodes.get(prov.start)?.pos.line).toBeGreaterThan(1);
  });

  it('a hit is the registry a fresh load gives, value for value: maps, shared references, positions, contacts', async () => {
    const contactsFile = join(ROOT, 'tests/fixtures/walk/contacts.yaml');
    const contacts = { municipality: 'T', updated: '2026-11-20', contacts: { polis: { name: { sv: 'Polisen', en: 'Police' }, phone: '114 14' } } };
    const openWith = () =>
      openCached({
        folders: registryFolders([folder]),
        today: '2026-12-01',
        contactsFile,
        env: { JOUR_ROUTINE_CACHE: cache },
        build: async (readFile: ReadFile) => {
          builds++;
          return { ...openRegistry({ extraFolders: [folder], today: '2026-12-01', readFile }), contacts };
        },
      });
    const fresh = await openWith();
    const hit = await openWith();
    expect(builds).toBe(1);
    // Positions are compared as what they say (a fresh load's are lazy objects reading the YAML).
    const plain = (reg: Registry) =>
      JSON.parse(JSON.stringify(reg, (_k, v: unknown) => {
        if (v instanceof Map) return { map: [...v] };
        const p = v as { file?: unknown; line?: number; col?: number; code?: unknown } | null;
        return p && typeof p === 'object' && typeof p.file === 'string' && 'line' in p && !('code' in p) ? { file: p.file, line: p.line, col: p.col } : v;
      })) as unknown;
    expect(plain(hit)).toEqual(plain(fresh));
    const prov = hit.routines.get('prov-barn')?.result.routine;
    expect(prov?.nodes).toBeInstanceOf(Map);
    expect(prov?.references).toBeInstanceOf(Map);
    expect([...(prov?.references.keys() ?? [])]).toEqual([...(fresh.routines.get('prov-barn')?.result.routine?.references.keys() ?? [])]);
    expect(hit.contacts).toEqual(contacts);
  });

  it('rebuilds when a module, references or the list of routine files changes, or another day is asked', async () => {
    await open();
    const module = join(folder, 'modules', 'hemland.yaml');
    writeFileSync(module, readFileSync(module, 'utf8').replace('Hemlandets myndigheter', 'Hemlandets myndigheter och ambassad'));
    const changed = await open();
    expect(builds).toBe(2);
    expect(seen(changed)).toEqual(seen(openRegistry({ extraFolders: [folder], today: '2026-12-01' })));

    writeFileSync(join(folder, 'ny.yaml'), 'id: ny\n');
    const added = await open();
    expect(builds).toBe(3);
    expect(added.routines.has('ny')).toBe(true);

    writeFileSync(join(folder, 'references.yaml'), 'references: {}\n');
    await open();
    expect(builds).toBe(4);

    await open(undefined, '2027-06-01');
    expect(builds).toBe(5);
    await open();
    expect(builds).toBe(5);
  });

  it('treats a damaged entry as a miss and writes it again; private files, no temporary files left', async () => {
    await open();
    const [entry] = readdirSync(cache).filter((f) => f.endsWith('.json'));
    if (!entry) throw new Error('no cache entry written');
    writeFileSync(join(cache, entry), '{"format":1,');
    const again = await open();
    expect(builds).toBe(2);
    expect(again.routines.get('prov-barn')?.result.routine).toBeDefined();
    expect(readdirSync(cache)).toEqual([entry]);
    if (process.platform !== 'win32') {
      expect(statSync(cache).mode & 0o777).toBe(0o700);
      expect(statSync(join(cache, entry)).mode & 0o777).toBe(0o600);
    }
  });

  it('a routine damaged inside a well-formed entry is a miss, found when the entry is opened, not an internal error later', async () => {
    const env = { JOUR_ROUTINE_CACHE: cache };
    expect(cli(['--routines', folder, 'list'], { env }).code).toBe(0);
    const [entry] = readdirSync(cache).filter((f) => f.endsWith('.json'));
    if (!entry) throw new Error('no cache entry written');
    const file = join(cache, entry);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { routines: [string, string, string][] };
    for (const r of stored.routines) r[2] = r[2].slice(0, r[2].length >> 1); // each routine's text cut in half
    writeFileSync(file, JSON.stringify(stored));
    const listed = cli(['--routines', folder, 'list'], { env });
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Provrutin för barn (test)');
    const shown = cli(['--routines', folder, 'show', 'prov-barn'], { env });
    expect({ code: shown.code, err: shown.stderr }).toEqual({ code: 0, err: '' });
  });

  it('JOUR_ROUTINE_NO_CACHE=1 switches it off: always built, nothing written', async () => {
    const env = { JOUR_ROUTINE_CACHE: cache, JOUR_ROUTINE_NO_CACHE: '1' };
    await open(env);
    await open(env);
    expect(builds).toBe(2);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('commands read the cache, `validate` checks the files afresh', () => {
    const env = { JOUR_ROUTINE_CACHE: cache };
    const listed = cli(['--routines', folder, 'list'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Provrutin för barn (test)');
    // Tamper with the stored title (the files are unchanged), its sum made to match: only a command
    // that uses the cache shows it.
    const [entry] = readdirSync(cache).filter((f) => f.endsWith('.json'));
    if (!entry) throw new Error('no cache entry written');
    const file = join(cache, entry);
    const tampered = JSON.parse(readFileSync(file, 'utf8').replace('Provrutin för barn (test)', 'Provrutin ur cachen')) as { routines: [string, string, string][]; sum: string };
    tampered.sum = sumOf(tampered.routines);
    writeFileSync(file, JSON.stringify(tampered));
    expect(cli(['--routines', folder, 'list'], { env }).stdout).toContain('Provrutin ur cachen');
    // And a diagnostic planted in the entry would be printed by `validate` if it read the cache.
    const planted = JSON.parse(readFileSync(file, 'utf8')) as { registry: { data: { diagnostics: unknown[] } } };
    planted.registry.data.diagnostics.push({ code: 'duplicate-routine', severity: 'error', file: join(folder, 'planterad.yaml'), line: 1, col: 1, params: { id: 'planterad', other: 'x' } });
    writeFileSync(file, JSON.stringify(planted));
    expect(cli(['--routines', folder, 'list'], { env }).stdout).toContain('Provrutin ur cachen');
    const checked = cli(['--routines', folder, 'validate'], { env });
    expect(checked.stdout + checked.stderr).toContain(' 0 fel');
    expect(checked.stdout + checked.stderr).not.toContain('planterad');
    const fresh = cli(['--routines', folder, 'validate'], { env: { JOUR_ROUTINE_NO_CACHE: '1' } });
    expect({ code: checked.code, out: checked.stdout }).toEqual({ code: fresh.code, out: fresh.stdout });
    // A change to the routine file itself is seen at once by every command.
    const routine = join(folder, 'prov-barn.yaml');
    writeFileSync(routine, readFileSync(routine, 'utf8').replace('Provrutin för barn (test)', 'Provrutin för barn (ändrad)'));
    expect(cli(['--routines', folder, 'list'], { env }).stdout).toContain('Provrutin för barn (ändrad)');
  });
});
