// Finding where a data path stands in a file, for diagnostics: over the js-yaml index when the file
// took the fast way in (source-index.ts), else over the YAML library's document.
import type { LineCounter, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Position } from '../core/diagnostics.js';
import { locateIndexed, type PosIndex, type PosNode } from './source-index.js';
import type { PathSegment, Source } from './source.js';
import { yamlLib } from './yaml-lib.js';

/** Line and column of an offset, from the YAML library's line counter. */
export function positionAt(src: { file: string; lines: LineCounter }, offset: number): Position {
  const p = src.lines.linePos(offset);
  return { file: src.file, line: p.line, col: p.col };
}

/** Pairs of a mapping by key, built once per mapping: `locate` runs for every node, and a scan of `nodes` each time is quadratic. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    const { isScalar } = yamlLib();
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
  const { isMap, isNode, isPair, isSeq } = yamlLib();
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
