// The machine form of `jour-routine test --json`: every scenario with its differences, each with
// file:line:col and a message in the user's language; add fields, never rename them.
import type { Diagnostic, Position } from '../core/diagnostics.js';
import type { CompiledRoutine } from '../core/model.js';
import type { Coverage } from '../owner/scenario-coverage.js';
import type { FileRun } from '../owner/scenario.js';
import { t, type Lang } from '../core/i18n.js';
import { routeLabel } from './graph.js';
import { failureText } from './scenario-report.js';

export const TEST_JSON_FORMAT = 1;

const at = (p: Position) => ({ file: p.file, line: p.line, col: p.col });

function diagJson(lang: Lang, d: Diagnostic) {
  return { ...at(d), severity: d.severity, code: d.code, params: d.params, message: t(lang, `diag.${d.code}`, d.params) };
}

function coverageJson(lang: Lang, r: CompiledRoutine, c: Coverage) {
  return {
    routine: c.routine,
    nodes: { total: c.nodes.total, reached: c.nodes.total - c.nodes.unreached.length, unreached: c.nodes.unreached.map((n) => ({ id: n.id, ...at(n.pos) })) },
    routes: {
      total: c.routes.total,
      taken: c.routes.total - c.routes.unreached.length,
      unreached: c.routes.unreached.map((ref) => {
        const n = r.nodes.get(ref.node);
        const route = typeof ref.route === 'number' ? n?.routes[ref.route] : undefined;
        return {
          node: ref.node,
          route: ref.route,
          label: n && route ? routeLabel(n, route, lang) : t(lang, 'outline.otherwise'),
          target: ref.target ?? null,
          ...at(ref.pos),
        };
      }),
    },
  };
}

export function testJson(lang: Lang, runs: FileRun[], covers: { routine: CompiledRoutine; coverage: Coverage }[]) {
  const results = runs.flatMap((f) => f.results);
  const failed = results.filter((r) => !r.passed).length;
  return {
    format: TEST_JSON_FORMAT,
    passed: results.length - failed,
    failed,
    total: results.length,
    files: runs.map((f) => ({
      file: f.file,
      routine: f.routine ? { id: f.routine.id, version: f.routine.version } : null,
      diagnostics: f.diagnostics.map((d) => diagJson(lang, d)),
      scenarios: f.results.map((r) => ({
        name: r.name,
        ...at(r.pos),
        passed: r.passed,
        outcome: r.state.outcome,
        current: r.state.current,
        checklist: r.checklist.map((e) => e.item.id),
        failures: r.failures.map(({ pos, ...rest }) => ({ ...rest, ...at(pos), message: failureText(lang, { pos, ...rest } as typeof r.failures[number]) })),
        answer_diagnostics: r.answers.diagnostics.map((d) => diagJson(lang, d)),
      })),
    })),
    ...(covers.length ? { coverage: covers.map((c) => coverageJson(lang, c.routine, c.coverage)) } : {}),
  };
}
