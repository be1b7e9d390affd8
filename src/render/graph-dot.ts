// The flowchart in Graphviz DOT. Every id and text is a quoted DOT string, so routine texts with
// quotes, backslashes, braces or angle brackets cannot break the file.
import type { GraphCluster, GraphKind, GraphModel, GraphNode } from './graph.js';
import { wrapWords } from './graph.js';

const TAKEN = '#c62828';
const DIM = '#9e9e9e';

const KIND_STYLE: Record<GraphKind, Record<string, string>> = {
  question: { shape: 'box', style: 'rounded,filled', fillcolor: '#e3f2fd', color: '#1565c0' },
  step: { shape: 'box', style: 'filled', fillcolor: '#f5f5f5', color: '#616161' },
  decision: { shape: 'box', style: 'filled,bold', peripheries: '2', fillcolor: '#fff3e0', color: '#e65100' },
  end: { shape: 'oval', style: 'filled,bold', fillcolor: '#e8f5e9', color: '#2e7d32' },
};

/** A DOT double-quoted string: backslash and quote escaped, line breaks as DOT's centred `\n`. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, '\\n')}"`;
}

function attrs(a: Record<string, string>): string {
  return `[${Object.entries(a)
    .map(([k, v]) => `${k}=${dotString(v)}`)
    .join(', ')}]`;
}

function nodeLine(n: GraphNode, highlighted: boolean, here: string, indent: string): string {
  const text = n.current ? `${here} ${n.text}` : n.text;
  const label = [...wrapWords(text), `(${n.id})`].join('\n');
  const a: Record<string, string> = { ...KIND_STYLE[n.kind], label };
  if (highlighted && n.taken) Object.assign(a, { color: TAKEN, penwidth: '3' });
  else if (highlighted) Object.assign(a, { fontcolor: '#616161' });
  if (n.current || n.dead) a.style = `${a.style ?? ''},dashed`;
  if (n.dead) Object.assign(a, { color: DIM, fontcolor: DIM });
  return `${indent}${dotString(n.id)} ${attrs(a)};`;
}

function cluster(m: GraphModel, c: GraphCluster, here: string, depth: number): string[] {
  const indent = '  '.repeat(depth);
  const lines = [
    `${indent}subgraph ${dotString(`cluster_${c.id}`)} {`,
    `${indent}  graph ${attrs({ label: c.title, style: 'rounded,filled', fillcolor: '#fafafa', color: '#90a4ae', fontsize: '13' })};`,
  ];
  for (const id of c.nodes) lines.push(nodeLine(m.nodes.get(id) as GraphNode, m.highlighted, here, `${indent}  `));
  for (const inner of c.clusters) lines.push(...cluster(m, inner, here, depth + 1));
  lines.push(`${indent}}`);
  return lines;
}

/** `here` marks the node a session waits at ("Här nu" / "You are here"). */
export function renderDot(m: GraphModel, here: string): string {
  const lines = [
    'digraph routine {',
    `  graph ${attrs({ label: m.title, labelloc: 't', fontsize: '16', fontname: 'Helvetica', rankdir: 'TB', nodesep: '0.3', ranksep: '0.4' })};`,
    `  node ${attrs({ fontname: 'Helvetica', fontsize: '11', margin: '0.15,0.06' })};`,
    `  edge ${attrs({ fontname: 'Helvetica', fontsize: '9', color: m.highlighted ? DIM : '#455a64' })};`,
    `  "__start" ${attrs({ shape: 'circle', label: '', width: '0.2', style: 'filled', fillcolor: '#263238' })};`,
  ];
  for (const id of m.top) lines.push(nodeLine(m.nodes.get(id) as GraphNode, m.highlighted, here, '  '));
  for (const c of m.clusters) lines.push(...cluster(m, c, here, 1));
  const startTaken = m.highlighted && (m.nodes.get(m.start)?.taken ?? false);
  lines.push(`  "__start" -> ${dotString(m.start)}${startTaken ? ` ${attrs({ color: TAKEN, penwidth: '2.5' })}` : ''};`);
  for (const e of m.edges) {
    const a: Record<string, string> = {};
    if (e.labels.length) a.label = wrapWords(e.labels.join(' / '), 24).join('\n');
    if (e.dead) Object.assign(a, { style: 'dotted', color: DIM, fontcolor: DIM });
    if (e.taken) Object.assign(a, { color: TAKEN, penwidth: '2.5', fontcolor: TAKEN });
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${Object.keys(a).length ? ` ${attrs(a)}` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
