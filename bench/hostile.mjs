// Issue 12 figures: the pieces that used to be quadratic in one pasted blob, and the node limit
// that keeps one huge routine from slowing every command. Run with `npm run bench` (builds first).
import { wrap } from '../dist/render/wrap.js';
import { text } from '../dist/render/markdown.js';
import { safeOutput } from '../dist/core/terminal-text.js';
import { readSource } from '../dist/routine/load.js';

const time = (f) => {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

export async function bench() {
  const out = [];
  for (const size of [100_000, 1_000_000, 10_000_000]) {
    const word = 'x'.repeat(size);
    out.push(`one unbroken word of ${size / 1e6} MB: wrap ${time(() => wrap(word, 80, '  ')).toFixed(0)} ms, Markdown escape ${time(() => text(word)).toFixed(0)} ms, output boundary ${time(() => safeOutput(`${word}\u001b`)).toFixed(0)} ms`);
  }
  const nodes = Array.from({ length: 60_000 }, (_v, i) => `  ${i.toString(36)}a: {end: {sv: E, en: E}}\n`).join('');
  const huge = new TextEncoder().encode(`id: jatte\nversion: 1\nstart: 0a\nnodes:\n${nodes}`);
  let code = '';
  const ms = time(() => {
    const r = readSource('/bench/jatte.yaml', () => huge);
    code = r.ok ? 'read' : r.diagnostics[0].code;
  });
  out.push(`a 60,000-node routine (${(huge.length / 1024 / 1024).toFixed(1)} MB): ${code} in ${ms.toFixed(0)} ms`);
  return out;
}
