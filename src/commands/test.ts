// `jour-routine test [PATH...] [--coverage] [--json]`: runs the scenario files of the routines and
// reports like a test runner. Default: the scenarios/ folder of every routine folder.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { todayLocal, type Context } from '../core/context.js';
import { CliError, EXIT } from '../core/errors.js';
import { coverageLines, scenarioLines, type Where } from '../render/scenario-report.js';
import { loadContactRoles } from '../routine/contacts.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { kindOfData, readSource } from '../routine/load.js';
import type { CompiledRoutine } from '../core/model.js';
import { BUNDLED_DIR, openRegistry, readFileSafe, type Registry } from '../routine/registry.js';
import { coverage } from '../owner/scenario-coverage.js';
import { loadScenarioFile, runScenario, type FileRun, type ScenarioResult } from '../owner/scenario.js';
import { locate } from '../routine/source.js';
import { inputErrorText } from '../ui/input-error.js';
import { testJson } from '../render/scenario-json.js';
import { displayPath, formatDiagnostic, routineFolders } from './shared.js';

const yamlIn = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
};

const isScenarioFile = (f: string) => {
  const r = readSource(f, readFileSafe);
  return r.ok && kindOfData(r.source.data) === 'scenario';
};

/** A folder named scenarios/ holds only scenario files, so a broken one there is reported, not skipped. */
function expand(path: string): string[] {
  const abs = resolve(path);
  let dir = false;
  try {
    dir = statSync(abs).isDirectory();
  } catch {
    // A missing file is reported by the loader as unreadable, with its name.
  }
  if (!dir) return [abs];
  if (basename(abs) === 'scenarios') return yamlIn(abs);
  return [...yamlIn(abs).filter(isScenarioFile), ...yamlIn(join(abs, 'scenarios'))];
}

function scenarioFiles(ctx: Context, paths: string[]): string[] {
  const found = paths.length
    ? paths.flatMap(expand)
    : [BUNDLED_DIR, ...routineFolders(ctx).map((f) => resolve(f))].flatMap((f) => yamlIn(join(f, 'scenarios')));
  return [...new Set(found)];
}

/**
 * The routine of a scenario file in a scenarios/ folder is looked up in the routine folder around
 * it first, so that a draft copy of a bundled routine is tested as drafted, not as bundled.
 */
function runFiles(ctx: Context, files: string[]): FileRun[] {
  const registries = new Map<string, Registry>();
  const registryFor = (file: string): Registry => {
    const dir = dirname(file);
    const owner = basename(dir) === 'scenarios' ? dirname(dir) : '';
    const cached = registries.get(owner);
    if (cached) return cached;
    const rest = [BUNDLED_DIR, ...routineFolders(ctx)].map((f) => resolve(f)).filter((f) => f !== owner);
    const first = owner === '' ? (rest.shift() as string) : owner;
    const reg = openRegistry({ bundled: first, extraFolders: [...new Set(rest)], today: todayLocal(ctx), contacts: loadContactRoles(ctx)?.roles });
    registries.set(owner, reg);
    return reg;
  };
  return files.map((file): FileRun => {
    const loaded = loadScenarioFile(file, readFileSafe);
    if (!loaded.ok) return { file, diagnostics: loaded.diagnostics, results: [] };
    const reg = registryFor(file);
    const id = loaded.value.routine;
    const found = reg.routines.get(id);
    const at = locate(loaded.source, ['routine']);
    if (!found) return { file, diagnostics: [diag('unknown-routine', at, { routine: id, list: [...reg.routines.keys()].join(', ') })], results: [] };
    const routine = found.result.routine;
    if (!routine) return { file, diagnostics: found.result.diagnostics.filter((d) => d.severity === 'error'), results: [] };
    const results = loaded.value.scenarios.map((sc, i) => runScenario(routine, loaded.source, sc, i));
    return { file, routine, diagnostics: [], results };
  });
}

export function testAction(ctx: Context, paths: string[], o: { coverage?: boolean; json?: boolean }): number {
    const files = scenarioFiles(ctx, paths);
    if (files.length === 0) throw new CliError('owner.test.none', {}, EXIT.failed);
    const runs = runFiles(ctx, files);
    const results = runs.flatMap((f) => f.results);
    const failed = results.filter((r) => !r.passed).length;
    const broken = runs.filter((f) => f.diagnostics.length > 0).length;
    const covers = o.coverage ? coverages(runs) : [];
    if (o.json) ctx.out(JSON.stringify(testJson(ctx.lang, runs, covers), null, 2));
    else printReport(ctx, runs, covers, { failed, broken, total: results.length });
    return failed > 0 || broken > 0 ? EXIT.failed : EXIT.ok;
}

export function coverages(runs: FileRun[]): { routine: CompiledRoutine; coverage: ReturnType<typeof coverage> }[] {
  const byRoutine = new Map<string, { routine: CompiledRoutine; states: ScenarioResult['state'][] }>();
  for (const f of runs) {
    if (!f.routine) continue;
    const entry = byRoutine.get(f.routine.id) ?? { routine: f.routine, states: [] };
    entry.states.push(...f.results.map((r) => r.state));
    byRoutine.set(f.routine.id, entry);
  }
  return [...byRoutine.values()].map((e) => ({ routine: e.routine, coverage: coverage(e.routine, e.states) }));
}

function printReport(
  ctx: Context,
  runs: FileRun[],
  covers: ReturnType<typeof coverages>,
  n: { failed: number; broken: number; total: number },
): void {
  const where: Where = (p) => `${displayPath(p.file)}:${p.line}:${p.col}`;
  const paint = { ok: ctx.c.green, fail: ctx.c.red, dim: ctx.c.dim };
  for (const f of runs) {
    const about = f.routine ? `  (${f.routine.id} v${f.routine.version})` : '';
    ctx.out(ctx.c.bold(`${displayPath(f.file)}${about}`));
    for (const d of f.diagnostics) ctx.out(`  ${formatDiagnostic(ctx, d)}`);
    for (const res of f.results) {
      const detail = (d: Diagnostic, i: number) => {
        const p = res.answers.problems[i];
        const more = p && p.kind !== 'unknown-id' && p.kind !== 'missing' ? `: ${inputErrorText(ctx.lang, p)}` : '';
        return formatDiagnostic(ctx, d) + more;
      };
      ctx.out(scenarioLines(ctx.lang, res, where, paint, detail).join('\n'));
    }
  }
  for (const c of covers) ctx.out(`\n${coverageLines(ctx.lang, c.routine, c.coverage, where).join('\n')}`);
  const passed = n.total - n.failed;
  const summary = ctx.msg('owner.test.summary', { passed, failed: n.failed, total: n.total, files: runs.length });
  const broken = n.broken ? ` ${ctx.msg('owner.test.broken', { broken: n.broken })}` : '';
  const colour = n.failed || n.broken ? ctx.c.red : ctx.c.green;
  ctx.out(`\n${colour(summary + broken)}`);
}
