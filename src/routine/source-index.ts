// An index of where every node of a js-yaml document starts, built by a second read of the text
// with a listener: positions for a file that took the fast way in, at a small fraction of the
// memory the position-keeping YAML library would take.
import jsyaml from 'js-yaml';
import type { Position } from '../core/diagnostics.js';
import type { PathSegment } from './source.js';

/**
 * Where a node starts. A scalar is only a number (its start; an empty node, `key:` and nothing, is
 * stored as -1 - the offset right after the ':', where the YAML library puts its empty scalar),
 * because most nodes are scalars and an object each would double the index. A mapping keeps its
 * keys, their starts and its values side by side; a sequence its items.
 */
export type PosNode = number | PosCollection;

interface PosCollection {
  start: number;
  keys?: string[];
  keyStarts?: number[];
  values?: PosNode[];
  items?: PosNode[];
  /** Built on the first lookup: most mappings are never looked into. */
  byKey?: Map<string, number>;
}

export interface PosIndex {
  root: PosNode | undefined;
  lineStarts: number[];
}

/** Skips spaces, line breaks and comments: js-yaml reports a node before its leading space. */
function contentStart(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return text.length;
      i = nl + 1;
    } else return i;
  }
}

const startOf = (n: PosNode): number => (typeof n === 'number' ? (n < 0 ? -1 - n : n) : n.start);
const isEmpty = (n: PosNode): boolean => typeof n === 'number' && n < 0;

export function buildPosIndex(text: string): PosIndex {
  const indexer = posIndexer(text);
  try {
    jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false, listener: indexer.listener });
  } catch {
    // The fast way in has read this text already; should it fail now, the library locates.
    return { root: undefined, lineStarts: [] };
  }
  return indexer.finish();
}

/** A js-yaml listener that notes where every node starts, and the index it has built. */
function posIndexer(text: string): { listener: (event: string, state: unknown) => void; finish: () => PosIndex } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // Children are kept only by collections; most frames are scalars and allocate nothing more.
  type Frame = { open: number; start: number; nodes: PosNode[] | undefined; results: unknown[] | undefined };
  const stack: Frame[] = [];
  let root: PosNode | undefined;
  const listener = (event: string, state: unknown) => {
    const st = state as { position: number; kind: string | null; result: unknown };
    if (event === 'open') {
      stack.push({ open: st.position, start: contentStart(text, st.position), nodes: undefined, results: undefined });
      return;
    }
    const frame = stack.pop();
    if (!frame) return;
    let node: PosNode;
    const collection = typeof st.result === 'object' && st.result !== null;
    const nodes = frame.nodes ?? [];
    const results = frame.results ?? [];
    if (collection && nodes.length === 1 && results[0] === st.result) {
      // js-yaml tried a block mapping, read a flow collection as its would-be key, found no ':'
      // and kept that collection: this node is its only child.
      node = nodes[0] as PosNode;
    } else if (st.kind === 'mapping') {
      // Arrays of their exact length: grown by push, each would reserve room for seventeen.
      const n = nodes.length >> 1;
      const keys = new Array<string>(n);
      const keyStarts = new Array<number>(n);
      const values = new Array<PosNode>(n);
      for (let i = 0; i < n; i++) {
        keys[i] = String(results[2 * i]);
        keyStarts[i] = startOf(nodes[2 * i] as PosNode);
        values[i] = nodes[2 * i + 1] as PosNode;
      }
      node = { start: frame.start, keys, keyStarts, values };
    } else if (st.kind === 'sequence') node = { start: frame.start, items: nodes.slice() };
    else node = frame.start >= st.position ? -1 - frame.open : frame.start;
    const parent = stack[stack.length - 1];
    if (parent) {
      (parent.nodes ??= []).push(node);
      // Keys are read as strings; a collection's identity tells a kept child (above).
      (parent.results ??= []).push(collection || parent.nodes.length % 2 === 1 ? st.result : undefined);
    } else root = node;
  };
  return { listener, finish: () => ({ root, lineStarts }) };
}

function lineColAt(index: PosIndex, file: string, offset: number): Position {
  const ls = index.lineStarts;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((ls[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, col: offset - (ls[lo] as number) + 1 };
}

function pairAt(m: PosCollection, key: string): number | undefined {
  if (!m.keys) return undefined;
  if (!m.byKey) {
    m.byKey = new Map();
    m.keys.forEach((k, i) => {
      if (!m.byKey?.has(k)) m.byKey?.set(k, i);
    });
  }
  return m.byKey.get(key);
}

/** `locateNow` (source-locate.ts) over the js-yaml index: the same walk, the same answers. */
export function locateIndexed(index: PosIndex & { root: PosNode }, file: string, path: readonly PathSegment[], opts: { key?: boolean }): Position {
  let node: PosNode | undefined = index.root;
  let pos = startOf(node);
  for (let i = 0; i < path.length && node !== undefined && typeof node !== 'number'; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (node.keys) {
      const at = pairAt(node, String(seg));
      if (at === undefined) break;
      if (last && opts.key) {
        pos = node.keyStarts?.[at] ?? pos;
        break;
      }
      const value: PosNode = node.values?.[at] ?? 0;
      pos = startOf(value);
      node = isEmpty(value) ? undefined : value;
    } else if (node.items && typeof seg === 'number') {
      const item: PosNode | undefined = node.items[seg];
      if (item === undefined) break;
      node = item;
      pos = startOf(item);
    } else break;
  }
  return lineColAt(index, file, pos);
}
