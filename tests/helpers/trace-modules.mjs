// Registered with `node --import ./tests/helpers/trace-modules.mjs`: appends the URL of every module
// the process loads (ES modules through a loader hook, CommonJS through Module._load) to the file
// named by TRACE_MODULES, one a line, as it loads, so that a process killed in a pty leaves its list
// behind. Used by tests/module-loading.test.ts to see what a command imports.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.TRACE_MODULES;
if (file) {
  register('./trace-modules-hooks.mjs', import.meta.url, { data: { file } });
  const load = Module._load;
  Module._load = function traced(request, parent, isMain) {
    const out = load.apply(this, [request, parent, isMain]);
    try {
      const path = Module._resolveFilename(request, parent, isMain);
      appendFileSync(file, `${path.startsWith('/') ? pathToFileURL(path).href : path}\n`);
    } catch {
      // a built-in or an unresolvable name: nothing to record
    }
    return out;
  };
}
