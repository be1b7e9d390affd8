// The fast way into a clean file: js-yaml reads the data, and positions are found only when a
// diagnostic asks where something is (source-index.ts).
import type { Document, LineCounter } from 'yaml';
import jsyaml from 'js-yaml';
import type { Source } from './source.js';
import { buildPosIndex, type PosIndex } from './source-index.js';
import { yamlLib } from './yaml-lib.js';

/**
 * The fast way in: js-yaml reads a clean file some twenty times faster than the position-keeping
 * parser, and most files are clean. Anything it is unsure of (an error, a duplicate key, an anchor,
 * a tag it would accept silently) returns undefined and the careful path (source-careful.ts) reports it.
 */
export function fastData(text: string): Record<string, unknown> | undefined {
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
export function lazySource(file: string, text: string, data: unknown): Source {
  let parsed: { doc: Document.Parsed; lines: LineCounter } | undefined;
  const ensure = () => {
    if (!parsed) {
      const { LineCounter, parseDocument } = yamlLib();
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
