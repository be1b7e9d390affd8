// The flowchart: modules as nested clusters, answers and conditions on the edges, decisions and
// ends styled apart, texts escaped so that real Graphviz renders every routine without a warning.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphModel } from '../src/render/graph.js';
import { renderDot } from '../src/render/graph-dot.js';
import { renderMermaid } from '../src/render/graph-mermaid.js';
import type { CompiledRoutine } from '../src/core/model.js';
import { openRegistry } from '../src/routine/registry.js';
import { checkMermaid, decodeMermaid, graphviz } from './graph-helpers.js';
import { cli, ROOT } from './helpers/cli.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'owner', 'routines');
const TODAY = '2026-11-28';

function fixture(): CompiledRoutine {
  const r = openRegistry({ extraFolders: [FIXTURE], today: TODAY }).routines.get('agare-test')?.result.routine;
  if (!r) throw new Error('fixture routine does not load');
  return r;
}

describe('graph model', () => {
  const m = graphModel(fixture(), 'sv');

  it('groups module nodes in clusters titled by the module, nested as the includes are', () => {
    expect(m.top).toContain('fara');
    expect(m.top).not.toContain('polis.ring');
    const polis = m.clusters.find((c) => c.id === 'polis');
    expect(polis?.title).toBe('Polis & tolk <kontakt>');
    expect(polis?.nodes).toEqual(['polis.ring']);
    expect(polis?.clusters.map((c) => [c.id, c.title, c.nodes])).toEqual([['polis.tolk', 'Tolk', ['polis.tolk.behov', 'polis.tolk.bestall']]]);
  });

  it('labels edges with answers, option labels, conditions and "otherwise", in the user language', () => {
    const label = (from: string, to: string) => m.edges.find((e) => e.from === from && e.to === to)?.labels;
    expect(label('fara', 'alder')).toEqual(['Ja', 'Nej']);
    expect(label('alder', 'plats')).toEqual(['om alder < 18']);
    expect(label('alder', 'slut-vuxen')).toEqual(['annars']);
    expect(label('plats', 'polis.ring')).toEqual(['Hotell; rum "12"', 'Lägenhet', 'Annat']);
    expect(graphModel(fixture(), 'en').edges.find((e) => e.from === 'fara')?.labels).toEqual(['Yes', 'No']);
  });

  it('never draws what a module parameter switched off as a way a case can take', () => {
    // The parameter `akut: true` always leads from polis.ring to the interpreter: the way past it
    // is either left out of the compiled routine or drawn dotted and grey.
    const past = m.edges.find((e) => e.from === 'polis.ring' && e.to === 'tecken');
    expect(past === undefined || past.dead).toBe(true);
    expect(m.edges.find((e) => e.from === 'polis.ring' && e.to === 'polis.tolk.behov')?.dead).toBe(false);
    expect([...m.nodes.values()].filter((n) => n.dead)).toEqual([]);
  });
});

describe('graph as DOT', () => {
  it('renders with Graphviz without any error or warning, in both languages', () => {
    for (const lang of ['sv', 'en'] as const) {
      const r = graphviz(renderDot(graphModel(fixture(), lang), '[Här nu]'));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('<svg');
    }
  });

  it('keeps quotes, backslashes, braces, bars and angle brackets as text', () => {
    const dot = renderDot(graphModel(fixture(), 'sv'), '[Här nu]');
    expect(dot).toContain('label="Säger \\"Kim\\" att hon är <18 &\\n#1 i {kön} | a\\\\b?\\n(fara)"');
    const svg = graphviz(dot).stdout;
    expect(svg).toContain('Säger &quot;Kim&quot; att hon är &lt;18 &amp;');
    expect(svg).toContain('#1 i {kön} | a\\b?');
    expect(svg).toContain('Barnet är `omhändertaget`');
  });

  it('styles decisions and ends apart from questions and steps', () => {
    const dot = renderDot(graphModel(fixture(), 'sv'), '[Här nu]');
    const line = (id: string) => dot.split('\n').find((l) => l.trimStart().startsWith(`"${id}" [`)) ?? '';
    expect(line('omh')).toContain('peripheries="2"');
    expect(line('slut-barn')).toContain('shape="oval"');
    expect(line('fara')).toContain('style="rounded,filled"');
    expect(line('polis.ring')).toContain('shape="box", style="filled"');
    expect(dot).toContain('subgraph "cluster_polis.tolk" {');
  });

  it('renders the bundled routines and the example with Graphviz', () => {
    const reg = openRegistry({ extraFolders: [join(ROOT, 'examples')], today: TODAY });
    const loaded = [...reg.routines.values()].flatMap((x) => (x.result.routine ? [x.result.routine] : []));
    expect(loaded.length).toBeGreaterThan(0);
    for (const r of loaded) {
      const res = graphviz(renderDot(graphModel(r, 'sv'), '[Här nu]'));
      expect(res.stderr, r.id).toBe('');
      expect(res.status, r.id).toBe(0);
    }
  });
});

describe('graph as Mermaid', () => {
  it('is well-formed: one statement per line, balanced subgraphs, edges between declared nodes', () => {
    for (const lang of ['sv', 'en'] as const) {
      const problems = checkMermaid(renderMermaid(graphModel(fixture(), lang), '[Här nu]'));
      expect(problems).toEqual([]);
    }
  });

  it('passes for the bundled routines, and the check itself catches broken syntax', () => {
    const reg = openRegistry({ extraFolders: [join(ROOT, 'examples')], today: TODAY });
    for (const x of reg.routines.values()) {
      if (x.result.routine) expect(checkMermaid(renderMermaid(graphModel(x.result.routine, 'en'), 'here')), x.file).toEqual([]);
    }
    const good = renderMermaid(graphModel(fixture(), 'sv'), '[Här nu]');
    expect(checkMermaid(good.replace('#quot;Kim#quot;', '"Kim"'))).not.toEqual([]);
    expect(checkMermaid(good.replace(/\n {2}end\n/, '\n'))).not.toEqual([]);
    expect(checkMermaid(good.replace('st --> n1', 'st --> n99'))).not.toEqual([]);
  });

  it('encodes every character Mermaid would read as syntax, and decodes back to the routine text', () => {
    const text = renderMermaid(graphModel(fixture(), 'sv'), '[Här nu]');
    const fara = text.split('\n').find((l) => l.includes('(fara)')) ?? '';
    expect(fara).toContain('Säger #quot;Kim#quot; att hon är #lt;18 #amp;<br/>#35;1 i {kön} #124; a\\b?');
    expect(decodeMermaid(fara)).toContain('Säger "Kim" att hon är <18 &\n#1 i {kön} | a\\b?');
    // `end` is a Mermaid keyword; routine ids never become Mermaid ids.
    expect(text).not.toMatch(/^\s*(end|slut-barn)[[({]/m);
  });

  it('draws decisions, ends and questions with their own shapes and classes', () => {
    const text = renderMermaid(graphModel(fixture(), 'sv'), '[Här nu]');
    expect(text).toMatch(/n\d+\[\["Omedelbart omhändertagande<br\/>\(omh\)"\]\]/);
    expect(text).toMatch(/n\d+\(\["Vuxen, stöd erbjuds<br\/>\(slut-vuxen\)"\]\)/);
    expect(text).toMatch(/n\d+\("Hur gammal är personen\?<br\/>\(alder\)"\)/);
    expect(text).toMatch(/^ {2}class [n\d,]+ kindDecision$/m);
    expect(text).toContain('subgraph c1 ["Polis #amp; tolk #lt;kontakt#gt;"]');
  });
});

describe('jour-routine graph', () => {
  const base = ['--routines', FIXTURE];

  it('prints Mermaid by default and DOT with --format dot, in Swedish or English', () => {
    const m = cli([...base, 'graph', 'agare-test']);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain('flowchart TD');
    expect(m.stdout).toContain('Hur gammal är personen?');
    const d = cli([...base, '--lang', 'en', 'graph', 'agare-test', '--format', 'dot']);
    expect(d.code).toBe(0);
    expect(d.stdout.startsWith('digraph routine {')).toBe(true);
    expect(d.stdout).toContain('How old is the person?');
    expect(d.stdout).toContain('label="otherwise"');
    expect(graphviz(d.stdout).stderr).toBe('');
  });

  it('refuses an unknown routine (exit 1) and an unknown format (exit 2)', () => {
    expect(cli([...base, 'graph', 'finns-inte']).code).toBe(1);
    expect(cli([...base, 'graph', 'agare-test', '--format', 'png']).code).toBe(2);
  });
});

describe('the README picture', () => {
  it('shows a rendered flowchart of a bundled routine under "For the routine owner"', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## For the routine owner'));
    const m = /!\[[^\]]*\]\((docs\/img\/([a-z0-9-]+)\.svg)\)/.exec(section);
    expect(m).not.toBeNull();
    const file = join(ROOT, m?.[1] ?? '');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('<svg');
    expect(existsSync(join(ROOT, 'routines', `${m?.[2] ?? ''}.yaml`))).toBe(true);
  });
});
