// Reading a YAML file defensively: routine folders can be edited by anyone with access to the
// share, so every way a file can be broken or hostile ends in a diagnostic, never a crash.
//
// The parts: bytes to text (source-bytes.ts), the depth guard (source-depth.ts), the js-yaml fast
// path (source-fast.ts) with its position index (source-index.ts), the position-keeping fallback
// (source-careful.ts), and positions of data paths (source-locate.ts).
import type { Document, LineCounter } from 'yaml';
import { MAX_FILE_BYTES } from './cache.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { fileStart } from './source-bytes.js';
import { carefulSource } from './source-careful.js';
import { tooDeep } from './source-depth.js';
import { fastData, lazySource } from './source-fast.js';

export { MAX_FILE_BYTES };
export { MAX_DEPTH } from './source-depth.js';
export { decodeBytes } from './source-bytes.js';
export { locate, positionAt } from './source-locate.js';

/**
 * Notes now where every node of a file that took the fast way in starts, rather than at the first
 * position a diagnostic asks for. For a caller that will print positions: that second read of the
 * text then comes while little else is alive, not at the end of the checks, where it was the peak
 * of a big validate's memory.
 */
export function indexPositions(src: Source): void {
  (src as Partial<{ posIndex: () => unknown }>).posIndex?.();
}

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

/** Parses one YAML document; returns the source with positions, or the diagnostics that stop reading. */
export function parseYaml(text: string, file: string): { ok: true; source: Source } | { ok: false; diagnostics: Diagnostic[] } {
  if (text.length > MAX_FILE_BYTES) return { ok: false, diagnostics: [diag('file-too-large', fileStart(file), { max: '2 MB' })] };
  const deep = tooDeep(text, file);
  if (deep) return { ok: false, diagnostics: [deep] };
  const fast = fastData(text);
  if (fast !== undefined) return { ok: true, source: lazySource(file, text, fast) };
  return carefulSource(text, file);
}
