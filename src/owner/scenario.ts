// Scenario tests for a routine: answers as in `run --answers`, plus what the routine owner expects
// (outcome, checklist, owners, deadlines). Pure: the file's bytes come through `readFile`, the
// routine is already compiled, and "today" is the local date of the scenario's own `at`.
import { z } from 'zod';
import { startedEvent } from '../engine/started.js';
import { runAnswers, type AnswersRun } from '../engine/answers.js';
import { localDateOf } from '../core/calendar.js';
import { deriveChecklist, type ChecklistEntry } from '../engine/checklist.js';
import type { WalkState } from '../engine/walk.js';
import type { Diagnostic, Position } from '../core/diagnostics.js';
import { readSource, type ReadFile } from '../routine/load.js';
import type { CompiledRoutine } from '../core/model.js';
import { IdSchema, LocalDateSchema, OWNERS } from '../core/schema.js';
import { parseWith } from '../routine/shape.js';
import { locate, type PathSegment, type Source } from '../routine/source.js';

/** An instant with an explicit offset: a scenario must mean the same moment on every machine. */
export const InstantSchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'YYYY-MM-DDTHH:MM:SS+01:00',
  })
  .describe('The time the case starts, ISO 8601 with offset, e.g. 2026-12-03T01:40:00+01:00');

const ItemIds = z.array(z.string().min(1));

export const DeadlineExpectSchema = z.strictObject({
  nominal: LocalDateSchema.optional().describe('Last day by plain counting'),
  legal: LocalDateSchema.optional().describe('Moved past non-working days, Lag (1930:173) 2 §'),
  safe: LocalDateSchema.optional().describe('Last working day on or before the nominal day: what the tool advises'),
});

export const ExpectSchema = z.strictObject({
  outcome: z.string().min(1).optional().describe('The end node the walk must reach'),
  checklist: ItemIds.optional().describe('Checklist items that must be on the checklist'),
  not_checklist: ItemIds.optional().describe('Checklist items that must not be on it'),
  owners: z.record(z.string(), z.enum(OWNERS)).optional().describe('Item id: the owner it must have'),
  deadlines: z.record(z.string(), DeadlineExpectSchema).optional().describe('Item id: its computed deadline'),
  visits: z.array(z.string().min(1)).optional().describe('Nodes the walk must pass (qualified ids, e.g. polis.kontakt)'),
  not_visits: z.array(z.string().min(1)).optional().describe('Nodes the walk must not pass'),
});

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  at: InstantSchema,
  answers: z.record(z.string(), z.unknown()).optional().describe('Question id: answer; step id: fields; decision id: decided_by, ground, decided_at, carried_out_at'),
  expect: ExpectSchema.optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenarioFileSchema = z.strictObject({
  $schema: z.string().optional(),
  routine: IdSchema.describe('Id of the routine the scenarios walk'),
  scenarios: z.array(ScenarioSchema).min(1),
});
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

export type LoadedScenarios = { ok: true; source: Source; value: ScenarioFile } | { ok: false; diagnostics: Diagnostic[] };

export function loadScenarioFile(file: string, readFile: ReadFile): LoadedScenarios {
  const read = readSource(file, readFile);
  if (!read.ok) return read;
  const r = parseWith(ScenarioFileSchema, read.source, read.source.data, []);
  return r.ok ? { ok: true, source: read.source, value: r.value } : r;
}

export type Failure = { pos: Position } & (
  | { kind: 'outcome'; expected: string; actual: string | null; current: string | null }
  | { kind: 'missing-item' | 'unexpected-item' | 'unknown-item'; item: string; actual: string[] }
  | { kind: 'owner'; item: string; expected: string; actual: string | null }
  | { kind: 'deadline'; item: string; field: 'nominal' | 'legal' | 'safe'; expected: string; actual: string | null; waiting: string | null; onList: boolean }
  | { kind: 'not-visited' | 'visited' | 'unknown-node'; node: string }
);

export interface ScenarioResult {
  index: number;
  name: string;
  pos: Position;
  passed: boolean;
  failures: Failure[];
  /** Problems in the answers themselves, as from `run --answers`; any of them fails the scenario. */
  answers: Pick<AnswersRun, 'diagnostics' | 'problems'>;
  state: WalkState;
  checklist: ChecklistEntry[];
}

/** One scenario file as run by the shell: its routine, or why its scenarios could not run. */
export interface FileRun {
  file: string;
  routine?: CompiledRoutine;
  diagnostics: Diagnostic[];
  results: ScenarioResult[];
}


function check(r: CompiledRoutine, sc: Scenario, state: WalkState, entries: ChecklistEntry[], at: (p: PathSegment[]) => Position): Failure[] {
  const ex = sc.expect ?? {};
  const out: Failure[] = [];
  const onList = new Map(entries.map((e) => [e.item.id, e]));
  const ids = [...onList.keys()];
  const visited = new Set(state.path.map((v) => v.node));
  if (ex.outcome !== undefined && ex.outcome !== state.outcome) {
    if (!r.nodes.has(ex.outcome)) out.push({ kind: 'unknown-node', node: ex.outcome, pos: at(['outcome']) });
    else out.push({ kind: 'outcome', expected: ex.outcome, actual: state.outcome, current: state.current, pos: at(['outcome']) });
  }
  const items = (list: string[] | undefined, key: string, want: boolean) =>
    (list ?? []).forEach((item, i) => {
      const pos = at([key, i]);
      if (!r.checklist.has(item)) out.push({ kind: 'unknown-item', item, actual: ids, pos });
      else if (onList.has(item) !== want) out.push({ kind: want ? 'missing-item' : 'unexpected-item', item, actual: ids, pos });
    });
  items(ex.checklist, 'checklist', true);
  items(ex.not_checklist, 'not_checklist', false);
  for (const [item, owner] of Object.entries(ex.owners ?? {})) {
    const pos = at(['owners', item]);
    if (!r.checklist.has(item)) out.push({ kind: 'unknown-item', item, actual: ids, pos });
    else if (onList.get(item)?.item.owner !== owner) out.push({ kind: 'owner', item, expected: owner, actual: onList.get(item)?.item.owner ?? null, pos });
  }
  for (const [item, want] of Object.entries(ex.deadlines ?? {})) {
    if (!r.checklist.has(item)) {
      out.push({ kind: 'unknown-item', item, actual: ids, pos: at(['deadlines', item]) });
      continue;
    }
    const d = onList.get(item)?.deadline ?? null;
    for (const field of ['nominal', 'legal', 'safe'] as const) {
      const expected = want[field];
      if (expected === undefined) continue;
      const actual = d && 'safe' in d ? d[field] : null;
      if (actual !== expected) {
        const waiting = d && 'waiting' in d ? d.waiting : null;
        out.push({ kind: 'deadline', item, field, expected, actual, waiting, onList: onList.has(item), pos: at(['deadlines', item, field]) });
      }
    }
  }
  const nodes = (list: string[] | undefined, key: string, want: boolean) =>
    (list ?? []).forEach((node, i) => {
      const pos = at([key, i]);
      if (!r.nodes.has(node)) out.push({ kind: 'unknown-node', node, pos });
      else if (visited.has(node) !== want) out.push({ kind: want ? 'not-visited' : 'visited', node, pos });
    });
  nodes(ex.visits, 'visits', true);
  nodes(ex.not_visits, 'not_visits', false);
  return out;
}

/** Walks one scenario (`index` in the file) and compares the result with what it expects. */
export function runScenario(r: CompiledRoutine, src: Source, sc: Scenario, index: number): ScenarioResult {
  const base: PathSegment[] = ['scenarios', index];
  const run = runAnswers(r, { ...(sc.answers ?? {}) }, startedEvent(r, sc.at, 'sv', 'scenario', { session: 'scenario' }), (p, key) =>
    locate(src, [...base, 'answers', ...p], { key: key ?? false }),
  );
  const checklist = deriveChecklist(r, run.state, localDateOf(sc.at));
  const failures = check(r, sc, run.state, checklist, (p) => locate(src, [...base, 'expect', ...p]));
  return {
    index,
    name: sc.name,
    pos: locate(src, base),
    passed: failures.length === 0 && run.diagnostics.length === 0,
    failures,
    answers: { diagnostics: run.diagnostics, problems: run.problems },
    state: run.state,
    checklist,
  };
}
