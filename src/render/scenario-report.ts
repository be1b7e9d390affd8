// How `jour-routine test` reads: per file, each scenario passed or failed, and for a failure each
// difference as `file:line:col: what was expected, what came out`, pointing into the scenario.
import type { Diagnostic, Position } from '../core/diagnostics.js';
import type { CompiledRoutine } from '../core/model.js';
import type { Coverage } from '../owner/scenario-coverage.js';
import type { Failure, ScenarioResult } from '../owner/scenario.js';
import { t, type Lang } from '../core/i18n.js';
import { routeLabel } from './graph.js';

export interface Paint {
  ok: (s: string) => string;
  fail: (s: string) => string;
  dim: (s: string) => string;
}

export type Where = (p: Position) => string;

const list = (ids: string[]) => (ids.length ? ids.join(', ') : '–');

export function failureText(lang: Lang, f: Failure): string {
  const m = (key: string, p: Record<string, string>) => t(lang, `owner.test.fail.${key}`, p);
  switch (f.kind) {
    case 'outcome':
      return f.actual !== null
        ? m('outcome', { expected: f.expected, actual: f.actual })
        : m('noOutcome', { expected: f.expected, current: f.current ?? '–' });
    case 'missing-item':
      return m('missingItem', { item: f.item, actual: list(f.actual) });
    case 'unexpected-item':
      return m('unexpectedItem', { item: f.item });
    case 'unknown-item':
      return m('unknownItem', { item: f.item });
    case 'owner':
      return f.actual === null ? m('ownerNotOnList', { item: f.item, expected: f.expected }) : m('owner', { item: f.item, expected: f.expected, actual: f.actual });
    case 'deadline':
      if (f.waiting !== null) return m('deadlineWaiting', { item: f.item, field: f.field, expected: f.expected, from: f.waiting });
      if (!f.onList) return m('deadlineNotOnList', { item: f.item, field: f.field, expected: f.expected });
      return f.actual === null
        ? m('deadlineNone', { item: f.item, field: f.field, expected: f.expected })
        : m('deadline', { item: f.item, field: f.field, expected: f.expected, actual: f.actual });
    case 'not-visited':
      return m('notVisited', { node: f.node });
    case 'visited':
      return m('visited', { node: f.node });
    case 'unknown-node':
      return m('unknownNode', { node: f.node });
  }
}

/** Lines for one scenario: the verdict, then every difference and every problem in its answers. */
export function scenarioLines(
  lang: Lang,
  res: ScenarioResult,
  where: Where,
  paint: Paint,
  diagnostic: (d: Diagnostic, i: number) => string,
): string[] {
  const head = res.passed ? `  ${paint.ok('✓')} ${res.name}` : `  ${paint.fail('✗')} ${res.name}  ${paint.dim(`(${where(res.pos)})`)}`;
  const lines = [head];
  res.answers.diagnostics.forEach((d, i) => lines.push(`      ${diagnostic(d, i)}`));
  for (const f of res.failures) lines.push(`      ${where(f.pos)}: ${failureText(lang, f)}`);
  return lines;
}

export function coverageLines(lang: Lang, r: CompiledRoutine, c: Coverage, where: Where): string[] {
  const reachedNodes = c.nodes.total - c.nodes.unreached.length;
  const takenRoutes = c.routes.total - c.routes.unreached.length;
  const lines = [
    t(lang, 'owner.test.coverage', {
      routine: c.routine,
      nodes: reachedNodes,
      totalNodes: c.nodes.total,
      routes: takenRoutes,
      totalRoutes: c.routes.total,
    }),
  ];
  if (c.nodes.unreached.length) {
    lines.push(`  ${t(lang, 'owner.test.unreachedNodes')}`);
    for (const n of c.nodes.unreached) lines.push(`    ${where(n.pos)}: ${n.id}`);
  }
  if (c.routes.unreached.length) {
    lines.push(`  ${t(lang, 'owner.test.unreachedRoutes')}`);
    for (const ref of c.routes.unreached) {
      const n = r.nodes.get(ref.node);
      const route = typeof ref.route === 'number' ? n?.routes[ref.route] : undefined;
      const label = n && route ? routeLabel(n, route, lang) : t(lang, n && n.routes.length ? 'outline.otherwise' : 'outline.then');
      const to = ref.target !== undefined ? `→ ${ref.target}` : `[+ ${route?.checklist.join(', ') ?? ''}]`;
      lines.push(`    ${where(ref.pos)}: ${ref.node}: ${label} ${to}`);
    }
  }
  if (!c.nodes.unreached.length && !c.routes.unreached.length) lines.push(`  ${t(lang, 'owner.test.allCovered')}`);
  return lines;
}
