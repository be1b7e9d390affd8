// The flowchart of a compiled routine as data: nodes grouped by the module they come from, edges
// labelled with answers and conditions, and optionally the path a session took. graph-dot.ts and
// graph-mermaid.ts only print this model, so both formats always show the same picture.
import type { WalkState } from '../engine/walk.js';
import type { CNode, CompiledRoutine, Route } from '../core/model.js';
import { t, type Lang } from '../core/i18n.js';
import { nodeText } from './answer-text.js';
import { conditionText } from './condition-text.js';
import { walkOrder } from './outline.js';
import { defaultNeverUsed, liveNodes } from '../owner/scenario-coverage.js';

export type GraphKind = CNode['kind'];

export interface GraphNode {
  id: string;
  kind: GraphKind;
  /** The node's text in the user's language, unwrapped; the printers wrap it. */
  text: string;
  taken: boolean;
  current: boolean;
  /** Only reachable along routes a module parameter switched off: drawn, but greyed out. */
  dead: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** One label per route that leads from `from` to `to` (answers, conditions, "otherwise"). */
  labels: string[];
  taken: boolean;
  /** Every route here can never be taken: switched off by a module parameter, or a `next` no answer leaves to. */
  dead: boolean;
}

export interface GraphCluster {
  /** The include prefix without its final dot (`polis`, `polis.tolk`). */
  id: string;
  title: string;
  nodes: string[];
  clusters: GraphCluster[];
}

export interface GraphModel {
  title: string;
  start: string;
  /** Nodes outside every module, in the order a night shift meets them. */
  top: string[];
  clusters: GraphCluster[];
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  highlighted: boolean;
}

/** How a route reads on an edge or in a report: the answer (Ja, an option label) or "om <condition>". */
export function routeLabel(n: CNode, route: Route, lang: Lang): string {
  const when = route.when ?? { const: true };
  // A module parameter already decided the condition: "always"/"never" reads better without "if".
  if (route.answer === undefined) return 'const' in when ? conditionText(when, lang) : `${t(lang, 'outline.if')} ${conditionText(when, lang)}`;
  const opt = n.kind === 'question' ? n.options?.find((o) => o.id === route.answer) : undefined;
  return opt ? opt.label[lang] : t(lang, `answer.${route.answer}`);
}

/** The edges a visit of a session went along: consecutive nodes of the path, then on to the current node. */
function takenEdges(state: WalkState | undefined): Set<string> {
  const out = new Set<string>();
  if (!state) return out;
  const ids = [...state.path.map((v) => v.node), ...(state.current !== null ? [state.current] : [])];
  for (let i = 1; i < ids.length; i++) out.add(`${ids[i - 1]}\u0000${ids[i]}`);
  return out;
}

function buildClusters(r: CompiledRoutine, order: string[], lang: Lang): { top: string[]; clusters: GraphCluster[] } {
  const byScope = new Map<string, GraphCluster>();
  const top: string[] = [];
  const roots: GraphCluster[] = [];
  const titleOf = (scope: string): string => {
    const own = [...r.nodes.values()].find((n) => n.scope === scope && n.moduleTitle);
    const id = scope.slice(0, -1);
    return own?.moduleTitle?.[lang] ?? r.modules.find((m) => m.at === id)?.id ?? id;
  };
  // Scopes nest (`polis.` holds `polis.tolk.`); a cluster is made for every prefix on the way down.
  const cluster = (scope: string): GraphCluster => {
    const found = byScope.get(scope);
    if (found) return found;
    const made: GraphCluster = { id: scope.slice(0, -1), title: titleOf(scope), nodes: [], clusters: [] };
    byScope.set(scope, made);
    const parent = parentScope(scope, r);
    if (parent === '') roots.push(made);
    else cluster(parent).clusters.push(made);
    return made;
  };
  for (const id of order) {
    const n = r.nodes.get(id) as CNode;
    if (n.scope === '') top.push(id);
    else cluster(n.scope).nodes.push(id);
  }
  return { top, clusters: roots };
}

/** The include prefix that holds `scope`: the longest proper prefix that is an include point. */
function parentScope(scope: string, r: CompiledRoutine): string {
  const at = scope.slice(0, -1);
  const includes = r.modules.map((m) => m.at).filter((a) => at.startsWith(`${a}.`));
  const longest = includes.sort((a, b) => b.length - a.length)[0];
  return longest === undefined ? '' : `${longest}.`;
}

export function graphModel(r: CompiledRoutine, lang: Lang, session?: WalkState): GraphModel {
  const order = walkOrder(r);
  const live = liveNodes(r);
  const visited = new Set(session?.path.map((v) => v.node) ?? []);
  const taken = takenEdges(session);
  const nodes = new Map<string, GraphNode>();
  for (const id of order) {
    const n = r.nodes.get(id) as CNode;
    const current = session !== undefined && session.current === id;
    nodes.set(id, { id, kind: n.kind, text: nodeText(n, lang), taken: visited.has(id) || current, current, dead: !live.has(id) });
  }
  const edges = new Map<string, GraphEdge>();
  const edgeOf = (from: string, to: string): GraphEdge => {
    const key = `${from}\u0000${to}`;
    let e = edges.get(key);
    if (!e) {
      e = { from, to, labels: [], taken: taken.has(key), dead: true };
      edges.set(key, e);
    }
    return e;
  };
  for (const id of order) {
    const n = r.nodes.get(id) as CNode;
    for (const route of n.routes) {
      if (route.next === undefined || !r.nodes.has(route.next)) continue;
      const e = edgeOf(id, route.next);
      e.labels.push(routeLabel(n, route, lang));
      if (!(route.when && 'const' in route.when && !route.when.const)) e.dead = false;
    }
    if (n.next !== undefined && r.nodes.has(n.next)) {
      const e = edgeOf(id, n.next);
      if (!defaultNeverUsed(n)) e.dead = false;
      if (n.routes.some((x) => x.next !== undefined)) e.labels.push(t(lang, 'outline.otherwise'));
    }
  }
  const { top, clusters } = buildClusters(r, order, lang);
  return {
    title: `${r.title[lang]} – ${r.id} v${r.version}`,
    start: r.start,
    top,
    clusters,
    nodes,
    edges: [...edges.values()],
    highlighted: session !== undefined,
  };
}

/** Splits a text into lines of at most `width` characters at spaces, for boxes of a sane width. */
export function wrapWords(text: string, width = 28): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines.length ? lines : [''];
}
