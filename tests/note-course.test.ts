// The course of events in the note follows when things happened. A fact with no time of its own
// stays after the latest time recorded before it on the path: a report of concern documented at the
// end of the walk (received 01:40) must not pull the screening typed after it back to 01:40.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runAnswers } from '../src/engine/answers.js';
import { courseOf, factsOf } from '../src/render/note-facts.js';
import type { Started } from '../src/core/events.js';
import { ROOT } from './helpers/cli.js';
import { bundledReferences, routineFromFile } from './helpers/load-routine.js';

const r = routineFromFile('routines/barn-utnyttjande.yaml', { references: bundledReferences(), today: '2026-12-01' });
const scenarios = (parse(readFileSync(path.join(ROOT, 'routines/scenarios/barn-utnyttjande.yaml'), 'utf8')) as { scenarios: { name: string; at: string; answers: Record<string, never> }[] }).scenarios;

describe('the course of events', () => {
  for (const sc of scenarios) {
    it(`never goes back in time: ${sc.name}`, () => {
      const started: Started = {
        t: 'started', v: 1, at: sc.at, session: 's', routine: { id: r.id, version: r.version, hash: r.hash }, case_ref: 'K', worker: 'AB', practice: false, lang: 'sv', tool_version: 't',
      };
      const run = runAnswers(r, sc.answers, started, () => ({ file: 'x', line: 1, col: 1 }));
      const facts = factsOf(r, run.state, 'sv');
      const course = courseOf(facts);
      const order = course.map((f) => Date.parse(f.sortAt));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // Untimed facts keep their order on the path relative to each other.
      const untimed = course.filter((f) => !f.eventAt).map((f) => facts.indexOf(f));
      expect(untimed).toEqual([...untimed].sort((a, b) => a - b));
      // What is typed after the report (the indicator screening) is told after it, not before.
      const report = course.findIndex((f) => f.node.id === 'orosanmalan');
      const screening = course.findIndex((f) => f.node.id.startsWith('indikatorer.'));
      if (report >= 0 && screening >= 0 && facts.findIndex((f) => f.node.id === 'orosanmalan') < facts.findIndex((f) => f.node.id.startsWith('indikatorer.'))) {
        expect(screening).toBeGreaterThan(report);
        const before = course.slice(0, screening).filter((f) => f.eventAt).length;
        const timedBeforeOnPath = facts.slice(0, facts.findIndex((f) => f.node.id.startsWith('indikatorer.'))).filter((f) => f.eventAt).length;
        expect(before).toBe(timedBeforeOnPath);
      }
    });
  }
});
