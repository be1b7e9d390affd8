// Reporting conflicts (conflict check): each declared pair once, at the first place in file order
// of the two, naming the other; the places chosen lie on a way to the node where the pair met.
import { dirname, relative } from 'node:path';
import { successors } from './check-graph.js';
import type { FactBits } from './conflict-bits.js';
import type { Site } from './conflict-facts.js';
import { keyLabel, type Pairs } from './conflict-pairs.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledRoutine } from '../core/model.js';

/** Checks a fact set met at a node, and adds a diagnostic for each pair in it not yet reported. */
export type Report = (f: bigint, at: string) => void;

export function conflictReporter(r: CompiledRoutine, pairs: Pairs, bits: FactBits, out: Diagnostic[]): Report {
  const reported = new Set<string>();
  const reach = new Map<string, Set<string>>();
  const reachable = (from: string): Set<string> => {
    let seen = reach.get(from);
    if (seen) return seen;
    seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const id = stack.pop() as string;
      const node = r.nodes.get(id);
      for (const s2 of node ? successors(node) : []) if (!seen.has(s2)) (seen.add(s2), stack.push(s2));
    }
    reach.set(from, seen);
    return seen;
  };
  const siteFor = (key: string, at: string): Site => {
    const all = bits.sitesOfKey.get(key) ?? [];
    return all.find((x) => reachable(x.node).has(at)) ?? (all[0] as Site);
  };
  const before = (a: Site, b: Site) => a.pos.file.localeCompare(b.pos.file) || a.pos.line - b.pos.line || a.pos.col - b.pos.col;
  // Each unordered pair once, with its bits, so that checking a fact set is a few AND operations.
  const pairList: { a: string; b: string; ba: bigint; bb: bigint }[] = [];
  for (const [a, others] of pairs) {
    for (const b of others) {
      if (a < b) pairList.push({ a, b, ba: bits.bitsOfKey.get(a) ?? 0n, bb: bits.bitsOfKey.get(b) ?? 0n });
    }
  }
  let open = pairList.filter((p) => p.ba !== 0n && p.bb !== 0n);
  return (f, at) => {
    let hit = false;
    for (const p of open) {
      const ba = p.ba & f;
      const bb = p.bb & f;
      if (ba === 0n || bb === 0n) continue;
      hit = true;
      reported.add(`${p.a}|${p.b}`);
      const sa = siteFor(p.a, at);
      const sb = siteFor(p.b, at);
      const [s1, s2] = before(sa, sb) <= 0 ? [sa, sb] : [sb, sa];
      const rel = relative(dirname(s1.pos.file), s2.pos.file).split('\\').join('/');
      out.push(
        diag('conflict', s1.pos, {
          a: keyLabel(s1.key),
          b: keyLabel(s2.key),
          other: s1.pos.file === s2.pos.file ? `${s2.pos.line}:${s2.pos.col}` : `${rel}:${s2.pos.line}:${s2.pos.col}`,
        }),
      );
    }
    if (hit) open = open.filter((p) => !reported.has(`${p.a}|${p.b}`));
  };
}
