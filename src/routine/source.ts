// Reading a YAML file defensively: routine folders can be edited by anyone with access to the
// share, so every way a file can be broken or hostile ends in a diagnostic, never a crash.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import jsyaml from 'js-yaml';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';

import { MAX_FILE_BYTES } from './cache.js';

export { MAX_FILE_BYTES };
export const MAX_DEPTH = 64;

export interface Source {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
  /** Data paths where a control character was escaped on the way in (terminal-text.ts). */
  unsafe?: PathSegment[][];
}

export type PathSegment = string | number;

export function positionAt(src: { file: string; lines: LineCounter }, offset: number): Position {
  const p = src.lines.linePos(offset);
  return { file: src.file, line: p.line, col: p.col };
}

const start = (file: string): Position => ({ file, line: 1, col: 1 });

/**
 * Rough nesting depth by brackets, checked before parsing so the parser's recursion is never at
 * risk. Returns the offset of the bracket that goes too deep, or -1.
 */
function nestingTooDeep(text: string): number {
  // Character codes, not one-character strings: this runs over every byte of every file.
  const DQ = 34, SQ = 39, NL = 10, LB = 91, RB = 93, LC = 123, RC = 125;
  let depth = 0;
  let inQuote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuote) {
      if (c === inQuote || c === NL) inQuote = 0;
      continue;
    }
    if (c === DQ || c === SQ) inQuote = c;
    else if (c === LB || c === LC) {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === RB || c === RC) && depth > 0) depth--;
  }
  return -1;
}

/**
 * Block nesting by indentation: each deeper indentation, and each compact `- ` on a line, is a
 * level. The parser recurses once per level and overflows the stack at about a thousand (as
 * "Maximum call stack size exceeded"), so depth is measured here first. Returns the offset of the
 * line that goes too deep, or -1. Lines of a block text count at most once or twice, which real
 * routines stay far below.
 */
function blockTooDeep(text: string): number {
  const SP = 32, NL = 10, DASH = 45, HASH = 35, CR = 13;
  const stack: number[] = [];
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let i = pos;
    while (i < end && text.charCodeAt(i) === SP) i++;
    const c = text.charCodeAt(i);
    if (i < end && c !== HASH && c !== CR && c !== NL) {
      const col = i - pos;
      while (stack.length > 0 && (stack[stack.length - 1] as number) >= col) stack.pop();
      stack.push(col);
      // `- - - x`: every compact indicator opens one more sequence on the same line.
      // Same count as the parser-side check below, which reports the 64th level.
      if (stack.length >= MAX_DEPTH) return i;
      while (text.charCodeAt(i) === DASH && text.charCodeAt(i + 1) === SP) {
        const at = i;
        i += 2;
        while (text.charCodeAt(i) === SP) i++;
        stack.push(i - pos);
        if (stack.length >= MAX_DEPTH) return at;
      }
    }
    pos = end + 1;
  }
  return -1;
}

export function decodeBytes(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { ok: false, diagnostic: diag('file-too-large', start(file), { max: '2 MB' }) };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, diagnostic: diag('binary-content', offsetPos(bytes, nul, file)) };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, diagnostic: diag('not-utf8', offsetPos(bytes, firstInvalidUtf8(bytes), file)) };
  }
}

/** Line and column (in characters, not bytes) of a byte offset in UTF-8 text. */
function offsetPos(bytes: Uint8Array, offset: number, file: string): Position {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i] as number;
    if (b === 10) {
      line++;
      col = 1;
    } else if ((b & 0xc0) !== 0x80) col += b >= 0xf0 ? 2 : 1; // UTF-16 units, as the YAML positions count
  }
  return { file, line, col };
}

/** Offset of the first byte that does not start (or continue) a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    if (len > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + len));
      } catch {
        return i;
      }
    }
    i += len;
  }
  return 0;
}

/** Line and column of an offset in decoded text. */
function textPos(text: string, offset: number, file: string): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { file, line, col: offset - lineStart + 1 };
}

/**
 * The fast way in: js-yaml reads a clean file some twenty times faster than the position-keeping
 * parser, and most files are clean. Anything it is unsure of (an error, a duplicate key, an anchor,
 * a tag it would accept silently) returns undefined and the careful path below reports it.
 */
function fastData(text: string): Record<string, unknown> | undefined {
  if (/!!|!<|(^|[\s[{,])!(\s|$)/m.test(text)) return undefined;
  let anchored = false;
  let data: unknown;
  try {
    // An anchor needs an '&': without one in the text, no node needs watching.
    const listener = text.includes('&')
      ? (event: string, state: unknown) => {
          if (event === 'close' && (state as { anchor?: string | null }).anchor) anchored = true;
        }
      : undefined;
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false, ...(listener ? { listener } : {}) });
  } catch {
    return undefined;
  }
  if (anchored || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return data as Record<string, unknown>;
}

/**
 * A source whose positions are found only when a diagnostic asks where something is. A file that
 * took the fast way in is read a second time by js-yaml, noting where every node starts: the
 * position-keeping YAML library would hold some hundred bytes per character of the file (about
 * 250 MB for a routine at the 2 MB limit), the index a small fraction of that.
 */
function lazySource(file: string, text: string, data: unknown): Source {
  let parsed: { doc: Document.Parsed; lines: LineCounter } | undefined;
  const ensure = () => {
    if (!parsed) {
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
      parsed = { doc, lines };
    }
    return parsed;
  };
  let index: PosIndex | undefined;
  const src: Source & { posIndex: () => PosIndex | undefined } = {
    file,
    text,
    data,
    get doc() {
      return ensure().doc;
    },
    get lines() {
      return ensure().lines;
    },
    posIndex: () => (index ??= buildPosIndex(text)),
  };
  return src;
}

/**
 * Where a node starts. A scalar is only a number (its start; an empty node, `key:` and nothing, is
 * stored as -1 - the offset right after the ':', where the YAML library puts its empty scalar),
 * because most nodes are scalars and an object each would double the index. A mapping keeps its
 * keys, their starts and its values side by side; a sequence its items.
 */
type PosNode = number | PosCollection;

interface PosCollection {
  start: number;
  keys?: string[];
  keyStarts?: number[];
  values?: PosNode[];
  items?: PosNode[];
  /** Built on the first lookup: most mappings are never looked into. */
  byKey?: Map<string, number>;
}

interface PosIndex {
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

function buildPosIndex(text: string): PosIndex {
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

/** `locateNow` over the js-yaml index: the same walk, the same answers. */
function locateIndexed(index: PosIndex & { root: PosNode }, file: string, path: readonly PathSegment[], opts: { key?: boolean }): Position {
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

/** Parses one YAML document; returns the source with positions, or the diagnostics that stop reading. */
export function parseYaml(text: string, file: string): { ok: true; source: Source } | { ok: false; diagnostics: Diagnostic[] } {
  if (text.length > MAX_FILE_BYTES) return { ok: false, diagnostics: [diag('file-too-large', start(file), { max: '2 MB' })] };
  let deep = nestingTooDeep(text);
  if (deep < 0) deep = blockTooDeep(text);
  if (deep >= 0) return { ok: false, diagnostics: [diag('too-deep', textPos(text, deep, file), { max: MAX_DEPTH })] };
  const fast = fastData(text);
  if (fast !== undefined) return { ok: true, source: lazySource(file, text, fast) };
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found below in one pass: the library's own check scans the whole mapping
    // for every key, which is quadratic in a routine's `nodes`.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch {
    return { ok: false, diagnostics: [diag('too-deep', start(file), { max: MAX_DEPTH })] };
  }
  const at = (offset: number | undefined) => (offset === undefined ? start(file) : positionAt({ file, lines }, offset));
  const out: Diagnostic[] = [];
  for (const e of doc.errors) {
    out.push(diag('yaml-syntax', at(e.pos[0]), { detail: firstLine(e.message) }));
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') out.push(diag('yaml-tag', at(w.pos[0])));
  }
  if (out.length > 0) return { ok: false, diagnostics: out };

  let depthExceeded = false;
  visit(doc, {
    Node(_key, node, path) {
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const id = String(pair.key.value);
          if (seen.has(id)) out.push(diag('duplicate-id', at(pair.key.range?.[0]), { id }));
          seen.add(id);
        }
      }
      if (isAlias(node)) out.push(diag('yaml-alias', at(node.range?.[0])));
      else if (node.tag !== undefined && !out.some((d) => d.code === 'yaml-tag')) {
        // Explicit tags are how YAML loaders are tricked into building objects; routines need none.
        out.push(diag('yaml-tag', at(node.range?.[0]), { tag: node.tag }));
      }
      if (path.length > MAX_DEPTH * 2 && !depthExceeded) {
        depthExceeded = true;
        out.push(diag('too-deep', at(node.range?.[0]), { max: MAX_DEPTH }));
      }
      if (isAlias(node)) return visit.SKIP;
      return undefined;
    },
  });
  if (out.length > 0) return { ok: false, diagnostics: out };
  if (doc.contents === null || !isMap(doc.contents)) {
    return { ok: false, diagnostics: [diag('root-not-mapping', at(doc.contents?.range?.[0] ?? 0))] };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  return { ok: true, source: { file, text, doc, lines, data } };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Pairs of a mapping by key, built once per mapping: `locate` runs for every node, and a scan of `nodes` each time is quadratic. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) {
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

/**
 * Finds the YAML node at a data path. `key: true` points at the key of the last segment (for an
 * unknown key); a path that runs out (a missing key) points at the deepest node that exists.
 */
export function locate(src: Source, path: readonly PathSegment[], opts: { key?: boolean } = {}): Position {
  return new LazyPosition(src, path, opts.key === true);
}

/**
 * Positions are taken for every node but read only for diagnostics, so they are resolved on first
 * read. A class, because an object literal with getters is slow to create ten thousand times.
 */
class LazyPosition implements Position {
  readonly file: string;
  private found: Position | undefined;
  constructor(
    private readonly src: Source,
    private readonly path: readonly PathSegment[],
    private readonly key: boolean,
  ) {
    this.file = src.file;
  }
  private get pos(): Position {
    return (this.found ??= locateNow(this.src, this.path, { key: this.key }));
  }
  get line(): number {
    return this.pos.line;
  }
  get col(): number {
    return this.pos.col;
  }
}

function locateNow(src: Source, path: readonly PathSegment[], opts: { key?: boolean }): Position {
  const index = (src as Partial<{ posIndex: () => PosIndex | undefined }>).posIndex?.();
  if (index?.root) return locateIndexed(index as PosIndex & { root: PosNode }, src.file, path, opts);
  let node: unknown = src.doc.contents;
  let pos = node && isNode(node) && node.range ? node.range[0] : 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(seg));
      if (!pair) break;
      const keyNode = pair.key as YamlNode;
      if (last && opts.key) {
        pos = keyNode.range?.[0] ?? pos;
        break;
      }
      if (isNode(pair.value) && pair.value.range) {
        node = pair.value;
        pos = pair.value.range[0];
      } else {
        // `key:` with no value: point at the key.
        node = pair.value;
        pos = keyNode.range?.[0] ?? pos;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!isNode(item) || !item.range) break;
      node = item;
      pos = item.range[0];
    } else if (isPair(node)) {
      break;
    } else break;
  }
  return positionAt(src, pos);
}
