// Helpers for the flowchart tests. Graphviz renders DOT for real; a structural check stands in for
// Mermaid, since no Mermaid renderer is installed.
import { spawnSync } from 'node:child_process';

/** Renders DOT with the real Graphviz; the tests treat any message on stderr as a failure. */
export function graphviz(dot: string, format = 'svg'): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync('dot', [`-T${format}`], { input: dot, encoding: 'utf8' });
  if (r.error) throw new Error(`Graphviz "dot" could not run (${r.error.message}); install graphviz`);
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

// A structural check of the Mermaid flowcharts the tool prints (no Mermaid renderer is installed):
// every line must be one statement of the subset we emit, labels must carry no raw syntax
// characters, subgraphs must balance, and every edge, class and link style must name what exists.

const LABEL = '"([^"]*)"';
const NODE = new RegExp(`^\\s*(n\\d+|st)(?:\\[\\[${LABEL}\\]\\]|\\(\\[${LABEL}\\]\\)|\\(\\(${LABEL}\\)\\)|\\(${LABEL}\\)|\\[${LABEL}\\])$`);
const EDGE = new RegExp(`^\\s*(n\\d+|st) (-->|-\\.->)(?:\\|${LABEL}\\|)? (n\\d+)$`);
const SUBGRAPH = new RegExp(`^\\s*subgraph (c\\d+) \\[${LABEL}\\]$`);

function labelProblems(label: string, where: number): string[] {
  const bare = label.replace(/<br\/>/g, '').replace(/#\w+;/g, '');
  const bad = [...bare].filter((ch) => '"<>#|`\n&'.includes(ch));
  return bad.length ? [`line ${where}: raw ${JSON.stringify(bad.join(''))} in label ${JSON.stringify(label)}`] : [];
}

export function checkMermaid(text: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const problems: string[] = [];
  if (lines[0] !== '---' || !/^title: ".*"$/.test(lines[1] ?? '') || lines[2] !== '---') problems.push('front matter with a title expected');
  if (lines[3] !== 'flowchart TD') problems.push('line 4 must be "flowchart TD"');
  const nodes = new Set<string>();
  const classes = new Set<string>();
  const edges: [string, string][] = [];
  const later: (() => void)[] = [];
  let depth = 0;
  lines.slice(4).forEach((line, i) => {
    const no = i + 5;
    let m: RegExpExecArray | null;
    if ((m = NODE.exec(line))) {
      const id = m[1] as string;
      if (nodes.has(id)) problems.push(`line ${no}: node ${id} declared twice`);
      nodes.add(id);
      problems.push(...labelProblems(m.slice(2).find((x) => x !== undefined) ?? '', no));
    } else if ((m = EDGE.exec(line))) {
      edges.push([m[1] as string, m[4] as string]);
      if (m[3] !== undefined) problems.push(...labelProblems(m[3], no));
    } else if ((m = SUBGRAPH.exec(line))) {
      depth++;
      problems.push(...labelProblems(m[2] ?? '', no));
    } else if (/^\s*end$/.test(line)) {
      if (--depth < 0) problems.push(`line ${no}: "end" without subgraph`);
    } else if ((m = /^\s*classDef (\w+) [\w#:,.\- ]+$/.exec(line))) {
      classes.add(m[1] as string);
    } else if ((m = /^\s*class ([\w,]+) (\w+)$/.exec(line))) {
      const [ids, cls] = [(m[1] as string).split(','), m[2] as string];
      later.push(() => {
        if (!classes.has(cls)) problems.push(`line ${no}: class ${cls} not defined`);
        for (const id of ids) if (!nodes.has(id)) problems.push(`line ${no}: class on unknown node ${id}`);
      });
    } else if ((m = /^\s*style (n\d+) [\w#:,.\- ]+$/.exec(line))) {
      const id = m[1] as string;
      later.push(() => {
        if (!nodes.has(id)) problems.push(`line ${no}: style on unknown node ${id}`);
      });
    } else if ((m = /^\s*linkStyle (default|[\d,]+) [\w#:,.\- ]+$/.exec(line))) {
      const which = m[1] as string;
      later.push(() => {
        if (which === 'default') return;
        for (const n of which.split(',').map(Number)) if (n >= edges.length) problems.push(`line ${no}: linkStyle ${n} beyond ${edges.length} links`);
      });
    } else problems.push(`line ${no}: not a statement: ${JSON.stringify(line)}`);
  });
  if (depth !== 0) problems.push(`unbalanced subgraphs (${depth} open)`);
  for (const [from, to] of edges) if (!nodes.has(from) || !nodes.has(to)) problems.push(`edge ${from} --> ${to} names an undeclared node`);
  later.forEach((f) => f());
  return problems;
}

const ENTITIES: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&', '35': '#', '124': '|', '96': '`' };

/** The text a reader sees in a Mermaid line's label(s). */
export function decodeMermaid(line: string): string {
  return line.replace(/<br\/>/g, '\n').replace(/#(\w+);/g, (all, name: string) => ENTITIES[name] ?? all);
}
