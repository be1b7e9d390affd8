// The data folder and its sessions folder, checked before any use. Apart from open.ts (which reads
// and checks a session's events with the schema) so that starting a session loads no zod.
import type { Context } from '../core/context.js';
import { CliError } from '../core/errors.js';
import { resolveDataDir, securePrivateDir, sessionsDir } from './paths.js';

/** The data folder and its sessions folder, checked before any use: see securePrivateDir. */
export function dataDirs(ctx: Context): { data: string; sessions: string } {
  const data = resolveDataDir({ flag: ctx.opts.dataDir, env: ctx.env });
  const sessions = sessionsDir(data);
  let tightened = false;
  for (const dir of [data, sessions]) {
    const checked = securePrivateDir(dir);
    if (!checked.ok) {
      const e = checked.error;
      if (e.kind === 'not-dir') throw new CliError('hostile.dataNotDir');
      if (e.kind === 'not-ours') throw new CliError('hostile.dataNotOurs');
      throw new CliError('hostile.dataIo', { code: e.code });
    }
    if (checked.value === 'tightened') tightened = true;
  }
  if (tightened) ctx.err(ctx.msg('hostile.dataTightened'));
  return { data, sessions };
}
