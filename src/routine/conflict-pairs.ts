// The conflicts a routine declares, as pairs of keys (`item:<id>` or `option:<node>=<option>`),
// each linked both ways. A declaration that names an unknown item is a diagnostic and links nothing.
import type { Uses } from './compile.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledRoutine } from '../core/model.js';

/** Each conflicting key and the keys it must never share a path with. */
export type Pairs = Map<string, Set<string>>;

export function declaredPairs(r: CompiledRoutine, uses: Uses, out: Diagnostic[]): Pairs {
  const pairs: Pairs = new Map();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!pairs.has(a)) pairs.set(a, new Set());
    if (!pairs.has(b)) pairs.set(b, new Set());
    pairs.get(a)?.add(b);
    pairs.get(b)?.add(a);
  };
  for (const c of uses.conflicts) {
    let ok = true;
    if (!r.checklist.has(c.target)) {
      out.push(diag('unknown-conflict', c.pos, { item: c.target }));
      ok = false;
    }
    if (c.fromPos && !r.checklist.has(c.from.slice('item:'.length))) {
      out.push(diag('unknown-conflict', c.fromPos, { item: c.from.slice('item:'.length) }));
      ok = false;
    }
    if (c.from.startsWith('option:') && !r.nodes.has(c.from.slice('option:'.length).split('=')[0] as string)) ok = false;
    if (ok) link(c.from, `item:${c.target}`);
  }
  return pairs;
}

/** The item id or `node=option` a key stands for, as the diagnostic names it. */
export function keyLabel(key: string): string {
  return key.startsWith('item:') ? key.slice('item:'.length) : key.slice('option:'.length);
}
