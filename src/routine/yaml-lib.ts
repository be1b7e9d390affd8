// The position-keeping YAML library (`yaml`, some seventy modules), loaded on first use: a clean
// file is read by js-yaml alone (source-fast.ts), and the library is needed only for a file the fast
// way could not read or a position a diagnostic asks for. It is CommonJS, so the lazy getters that
// need it can require it synchronously.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
