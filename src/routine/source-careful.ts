// The careful way in: the position-keeping YAML library reads a file the fast way could not, and
// every syntax error, duplicate key, alias, tag and too deep nesting becomes a diagnostic at its place.
import type { Document } from 'yaml';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { Source } from './source.js';
import { fileStart } from './source-bytes.js';
import { MAX_DEPTH } from './source-depth.js';
import { positionAt } from './source-locate.js';
import { yamlLib } from './yaml-lib.js';

/** Parses one YAML document with positions; returns the source, or the diagnostics that stop reading. */
export function carefulSource(text: string, file: string): { ok: true; source: Source } | { ok: false; diagnostics: Diagnostic[] } {
  const { isAlias, isMap, isScalar, LineCounter, parseDocument, visit } = yamlLib();
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found below in one pass: the library's own check scans the whole mapping
    // for every key, which is quadratic in a routine's `nodes`.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch {
    return { ok: false, diagnostics: [diag('too-deep', fileStart(file), { max: MAX_DEPTH })] };
  }
  const at = (offset: number | undefined) => (offset === undefined ? fileStart(file) : positionAt({ file, lines }, offset));
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
