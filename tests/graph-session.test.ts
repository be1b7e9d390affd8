// `graph --session ID`: the path a case took, drawn on the routine it was started with. The session
// is made on disk the way `start` makes one: a log of events and a snapshot of the routine.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnswers } from '../src/engine/answers.js';
import { openRegistry } from '../src/routine/registry.js';
import type { Started } from '../src/core/events.js';
import { sessionsDir } from '../src/session/paths.js';
import { writeSnapshot } from '../src/session/snapshot-write.js';
import { appendEvent, createSession } from '../src/session/store.js';
import { checkMermaid, graphviz } from './graph-helpers.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'owner', 'routines');
const data = tempDir('jr-graph-');
afterAll(() => rmSync(data, { recursive: true, force: true }));

function makeSession(answers: Record<string, unknown>, routineId = 'agare-test'): string {
  const reg = openRegistry({ extraFolders: [FIXTURE, join(ROOT, 'examples')], today: '2026-11-28' });
  const r = reg.routines.get(routineId)?.result.routine;
  if (!r) throw new Error('routine does not load');
  const started: Started = {
    t: 'started', v: 1, at: '2026-12-03T01:40:00+01:00', session: 'x',
    routine: { id: r.id, version: r.version, hash: r.hash },
    case_ref: 'T-1', worker: 'AB', practice: true, lang: 'sv', tool_version: 'test',
  };
  const run = runAnswers(r, answers, started, () => ({ file: 'mem', line: 1, col: 1 }));
  const dir = sessionsDir(data);
  const made = createSession(dir, started);
  if (!made.ok) throw new Error('cannot create session');
  for (const e of run.events.slice(1)) expect(appendEvent(dir, made.value.id, e).ok).toBe(true);
  expect(writeSnapshot(dir, made.value.id, r)).toBe(true);
  return made.value.id;
}

const graph = (id: string, ...more: string[]) =>
  cli(['--data-dir', data, '--routines', FIXTURE, '--routines', join(ROOT, 'examples'), 'graph', 'agare-test', '--session', id, ...more]);

describe('jour-routine graph --session', () => {
  const unfinished = makeSession({ fara: 'ja', alder: 15, plats: 'hotell' });

  it('draws the nodes and edges taken in red and marks where the case waits', () => {
    const r = graph(unfinished, '--format', 'dot');
    expect(r.code).toBe(0);
    const line = (start: string) => r.stdout.split('\n').find((l) => l.trimStart().startsWith(start)) ?? '';
    expect(line('"fara" [')).toContain('color="#c62828"');
    expect(line('"fara" [')).toContain('penwidth="3"');
    expect(line('"fara" -> "alder"')).toContain('color="#c62828"');
    expect(line('"plats" -> "polis.ring"')).toContain('color="#c62828"');
    expect(line('"alder" -> "slut-vuxen"')).not.toContain('#c62828');
    expect(line('"polis.ring" [')).toContain('[Här nu] Ring polisen');
    expect(line('"polis.ring" [')).toContain('dashed');
    expect(line('"omh" [')).not.toContain('#c62828');
    expect(graphviz(r.stdout).stderr).toBe('');
  });

  it('highlights a finished path in Mermaid with styles and link styles that point at real links', () => {
    const finished = makeSession({
      fara: 'nej', alder: 15, plats: 'lagenhet', 'polis.ring': { vem: 'Befäl' }, 'polis.tolk.behov': 'ja',
      'polis.tolk.bestall': {}, tecken: [], omh: { decided_by: 'NN', ground: 'g2', decided_at: '2026-12-03 03:15', carried_out_at: '2026-12-03 03:50' },
    });
    const r = graph(finished, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(checkMermaid(r.stdout)).toEqual([]);
    expect(r.stdout).toMatch(/^ {2}linkStyle [\d,]+ stroke:#c62828,stroke-width:3px$/m);
    const styled = [...r.stdout.matchAll(/^ {2}style (n\d+) stroke:#c62828/gm)].map((m) => m[1]);
    expect(styled).toHaveLength(9); // fara, alder, plats, polis.ring, polis.tolk.behov, polis.tolk.bestall, tecken, omh, slut-barn
    expect(r.stdout).not.toContain('[You are here]');
  });

  it('refuses a session of another routine, and an unknown session, with one sentence', () => {
    const other = makeSession({ 'akut-fara': 'no', alder: 30 }, 'exempel');
    const r = graph(other);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('exempel');
    expect(graph('abcdefghij').code).toBe(1);
  });
});
