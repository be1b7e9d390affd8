// The flowchart in Mermaid, for Markdown viewers that draw it (GitHub, GitLab, editors). Node ids
// are generated (n1, n2, …) because routine ids may contain dots or be Mermaid keywords (`end`);
// the routine id is shown in the label instead. Texts are quoted and entity-escaped.
import type { GraphCluster, GraphKind, GraphModel } from './graph.js';
import { wrapWords } from './graph.js';

const CLASS: Record<GraphKind, string> = {
  question: 'kindQuestion',
  step: 'kindStep',
  decision: 'kindDecision',
  end: 'kindEnd',
};

const CLASS_DEFS = [
  'classDef kindQuestion fill:#e3f2fd,stroke:#1565c0,color:#0d47a1',
  'classDef kindStep fill:#f5f5f5,stroke:#616161,color:#212121',
  'classDef kindDecision fill:#fff3e0,stroke:#e65100,stroke-width:3px,color:#bf360c',
  'classDef kindEnd fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px,color:#1b5e20',
  'classDef start fill:#263238,stroke:#263238',
];

const TAKEN_NODE = 'stroke:#c62828,stroke-width:4px';
const DEAD_NODE = 'stroke-dasharray:5 5,opacity:0.5';
const TAKEN_EDGE = 'stroke:#c62828,stroke-width:3px';

/**
 * Text inside a quoted Mermaid label. Mermaid decodes `#name;` and `#123;` entities, and labels
 * are HTML, so `#`, `"`, `&`, `<`, `>`, `|` and the backtick (markdown strings) are all encoded.
 */
export function mermaidText(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;')
    .replace(/\s+/g, ' ');
}

const lines = (parts: string[]): string => parts.map(mermaidText).join('<br/>');

const SHAPE: Record<GraphKind, [string, string]> = {
  question: ['(', ')'],
  step: ['[', ']'],
  decision: ['[[', ']]'],
  end: ['([', '])'],
};

export function renderMermaid(m: GraphModel, here: string): string {
  const ids = new Map<string, string>();
  [...m.nodes.keys()].forEach((id, i) => ids.set(id, `n${i + 1}`));
  const mid = (id: string) => ids.get(id) as string;
  const out = ['---', `title: ${JSON.stringify(m.title)}`, '---', 'flowchart TD', '  st((" "))'];
  const nodeLine = (id: string, indent: string) => {
    const n = m.nodes.get(id);
    if (!n) return;
    const [open, close] = SHAPE[n.kind];
    const text = n.current ? `${here} ${n.text}` : n.text;
    out.push(`${indent}${mid(id)}${open}"${lines([...wrapWords(text), `(${id})`])}"${close}`);
  };
  let clusterNo = 0;
  const cluster = (c: GraphCluster, depth: number) => {
    const indent = '  '.repeat(depth);
    out.push(`${indent}subgraph c${++clusterNo} ["${mermaidText(c.title)}"]`);
    for (const id of c.nodes) nodeLine(id, `${indent}  `);
    for (const inner of c.clusters) cluster(inner, depth + 1);
    out.push(`${indent}end`);
  };
  for (const id of m.top) nodeLine(id, '  ');
  for (const c of m.clusters) cluster(c, 1);

  // Link indexes count every `-->` in order; linkStyle refers to them.
  const takenLinks: number[] = [];
  out.push(`  st --> ${mid(m.start)}`);
  if (m.highlighted && m.nodes.get(m.start)?.taken) takenLinks.push(0);
  m.edges.forEach((e, i) => {
    const label = e.labels.length ? `|"${lines(wrapWords(e.labels.join(' / '), 24))}"|` : '';
    out.push(`  ${mid(e.from)} ${e.dead ? '-.->' : '-->'}${label} ${mid(e.to)}`);
    if (e.taken) takenLinks.push(i + 1);
  });

  out.push(...CLASS_DEFS.map((d) => `  ${d}`));
  out.push('  class st start');
  for (const [kind, cls] of Object.entries(CLASS) as [GraphKind, string][]) {
    const members = [...m.nodes.values()].filter((n) => n.kind === kind).map((n) => mid(n.id));
    if (members.length) out.push(`  class ${members.join(',')} ${cls}`);
  }
  for (const n of m.nodes.values()) if (n.dead) out.push(`  style ${mid(n.id)} ${DEAD_NODE}`);
  if (m.highlighted) {
    for (const n of m.nodes.values()) if (n.taken) out.push(`  style ${mid(n.id)} ${TAKEN_NODE}`);
    out.push('  linkStyle default stroke:#bdbdbd');
    if (takenLinks.length) out.push(`  linkStyle ${takenLinks.join(',')} ${TAKEN_EDGE}`);
  }
  return `${out.join('\n')}\n`;
}
