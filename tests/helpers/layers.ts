// The floors of src/, bottom first, and the check that every relative import runs downwards (or
// stays on its own floor). Shared by tests/layering.test.ts; reads files only through the caller.
import { dirname, join, normalize, relative } from 'node:path';

/** Bottom first. A file's floor is its folder under src/ ("cli" for src/cli.ts). */
export const FLOORS = ['core', 'routine', 'engine', 'owner', 'render', 'session', 'ui', 'commands', 'cli'] as const;

export interface Violation {
  from: string;
  to: string;
  why: string;
}

const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** The relative import specifiers of one source text (static, re-exports, dynamic, side-effect). */
export function importsOf(text: string): string[] {
  return [...text.matchAll(SPEC)].map((m) => m[2] as string);
}

/** "core" for src/core/x.ts, "cli" for src/cli.ts; undefined for a file outside src/. */
export function floorOf(file: string): string | undefined {
  const rel = relative('src', normalize(file)).split(/[\\/]/);
  if (rel[0] === '..' || rel.length === 0) return undefined;
  return rel.length === 1 ? (rel[0] as string).replace(/\.ts$/, '') : rel[0];
}

/** Every import in `files` (path → text, paths like "src/engine/walk.ts") that runs against the order. */
export function violations(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  const rank = (f: string | undefined): number => (f === undefined ? -1 : (FLOORS as readonly string[]).indexOf(f));
  for (const [from, text] of files) {
    const ff = floorOf(from);
    if (rank(ff) < 0) {
      out.push({ from, to: from, why: `floor "${ff}" is not in the order ${FLOORS.join(' < ')}` });
      continue;
    }
    for (const spec of importsOf(text)) {
      const to = normalize(join(dirname(from), spec)).replace(/\.js$/, '.ts');
      const tf = floorOf(to);
      if (tf === undefined) out.push({ from, to, why: 'imports a file outside src/' });
      else if (rank(tf) < 0) out.push({ from, to, why: `floor "${tf}" is not in the order` });
      else if (rank(tf) > rank(ff)) out.push({ from, to, why: `${ff} may not import ${tf} (above it)` });
    }
  }
  return out;
}
