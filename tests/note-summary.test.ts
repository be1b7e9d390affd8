// The case note's summary joins the sentences a role collects: a sentence that already ends with a
// full stop (or ! or ?) is followed by a space, never by "; " (which read ".;"). Checked on the
// note of every scenario of the bundled child routine, in both languages and both formats, as the
// scenario has it and with every free text typed as a sentence ("Vill inte hem.").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runAnswers } from '../src/engine/answers.js';
import { deriveChecklist } from '../src/engine/checklist.js';
import { joinSentences } from '../src/render/note-parts.js';
import { renderNote } from '../src/render/note.js';
import { findField, type CompiledRoutine } from '../src/core/model.js';
import type { Started } from '../src/core/events.js';
import { ROOT } from './helpers/cli.js';
import { bundledReferences, routineFromFile } from './helpers/load-routine.js';

const r = routineFromFile('routines/barn-utnyttjande.yaml', { references: bundledReferences(), today: '2026-12-01' });
type Answers = Record<string, unknown>;
type Scenario = { name: string; at: string; answers: Answers };
const scenarios = (parse(readFileSync(path.join(ROOT, 'routines/scenarios/barn-utnyttjande.yaml'), 'utf8')) as { scenarios: Scenario[] }).scenarios;

/** The answers with every free text (a text question, a text field but the decision's ground) ending in a full stop. */
function asSentences(routine: CompiledRoutine, answers: Answers): Answers {
  const stop = (v: unknown) => (typeof v === 'string' && v !== '' && !/[.!?]$/.test(v) ? `${v}.` : v);
  return Object.fromEntries(
    Object.entries(answers).map(([id, v]) => {
      const n = routine.nodes.get(id);
      if (!n) return [id, v];
      if (n.kind === 'question') return [id, n.type === 'text' ? stop(v) : v];
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return [id, v];
      return [id, Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k !== 'ground' && (findField(n, k)?.type ?? 'text') === 'text' ? stop(x) : x]))];
    }),
  );
}

function notes(sc: Scenario, answers: Answers): string[] {
  const started: Started = {
    t: 'started', v: 1, at: sc.at, session: 's', routine: { id: r.id, version: r.version, hash: r.hash }, case_ref: 'K', worker: 'AB', practice: false, lang: 'sv', tool_version: 't',
  };
  const run = runAnswers(r, answers as Record<string, never>, started, () => ({ file: 'x', line: 1, col: 1 }));
  expect(run.diagnostics).toEqual([]);
  const entries = deriveChecklist(r, run.state, sc.at.slice(0, 10));
  return (['sv', 'en'] as const).flatMap((lang) => (['md', 'text'] as const).map((format) => renderNote(r, run.state, entries, lang, format)));
}

describe('summary sentences', () => {
  it('a sentence with its own full stop is followed by a space; one without it by "; "', () => {
    expect(joinSentences(['Barnet är 15 år.', 'Hon talar svenska'])).toBe('Barnet är 15 år. Hon talar svenska');
    expect(joinSentences(['Barnet är 15 år', 'Hon talar svenska.'])).toBe('Barnet är 15 år; Hon talar svenska.');
    expect(joinSentences(['Fara?', 'Nej!', 'Klart'])).toBe('Fara? Nej! Klart');
  });

  for (const sc of scenarios) {
    it(`no ".;" or ".." in the note: ${sc.name}`, () => {
      for (const note of [...notes(sc, sc.answers), ...notes(sc, asSentences(r, sc.answers))]) {
        expect(note.split('\n').filter((l) => /\.;|(?<!\.)\.\.(?!\.)/.test(l))).toEqual([]);
      }
    });
  }
});
