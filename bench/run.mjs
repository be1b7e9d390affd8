// `npm run bench`: runs every bench/*.mjs module (except this one) that exports
// `async function bench()` returning lines, and prints them under the module's name.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

const files = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== self)
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')))
  .sort();

let failed = 0;
for (const f of files) {
  const mod = await import(pathToFileURL(join(here, f)).href);
  if (typeof mod.bench !== 'function') continue;
  console.log(`# ${f.replace(/\.mjs$/, '')}`);
  try {
    const lines = await mod.bench();
    for (const line of lines) console.log(line);
  } catch (err) {
    failed++;
    console.log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
if (failed > 0) process.exitCode = 1;
