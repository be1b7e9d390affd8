// The ground floor and the floors above it (issue 11): an import that runs up the order fails here,
// naming the file, the import and the rule it breaks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOORS, floorOf, importsOf, violations } from './helpers/layers.js';

function sources(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts')) out.set(p, readFileSync(p, 'utf8'));
  }
  return out;
}

describe('layering of src/', () => {
  const files = sources('src');

  it('every import runs down the floors core < routine < engine < owner < render < session < ui < commands < cli', () => {
    const bad = violations(files).map((v) => `${v.from} → ${v.to}: ${v.why}`);
    expect(bad).toEqual([]);
  });

  it('the ground floor imports nothing of the project outside itself', () => {
    const up = [...files].filter(([f]) => floorOf(f) === 'core').flatMap(([f, text]) =>
      importsOf(text).filter((s) => s.startsWith('../') && !s.startsWith('../core/')).map((s) => `${f} → ${s}`),
    );
    expect(up).toEqual([]);
  });

  it('no command imports cli.ts, and every folder of src/ has a place in the order', () => {
    const folders = new Set([...files.keys()].map((f) => floorOf(f)));
    expect([...folders].filter((f) => !(FLOORS as readonly string[]).includes(f as string))).toEqual([]);
    const toCli = [...files].filter(([f, text]) => floorOf(f) === 'commands' && importsOf(text).some((s) => /(^|\/)cli\.js$/.test(s)));
    expect(toCli.map(([f]) => f)).toEqual([]);
  });

  it('the check itself finds an upward import, a re-export, a dynamic import and an unknown floor', () => {
    const found = violations(new Map([
      ['src/engine/walk.ts', "import type { X } from '../session/events.js';"],
      ['src/routine/check.ts', "export { y } from '../engine/walk.js';"],
      ['src/render/note.ts', "const m = await import('../ui/prompts.js');"],
      ['src/commands/start.ts', "import type { Runner } from '../cli.js';"],
      ['src/misc/x.ts', ''],
      ['src/ui/ok.ts', "import { t } from '../core/i18n.js'; import { w } from './walk-loop.js';"],
    ]));
    expect(found.map((v) => v.from)).toEqual([
      'src/engine/walk.ts', 'src/routine/check.ts', 'src/render/note.ts', 'src/commands/start.ts', 'src/misc/x.ts',
    ]);
  });
});
