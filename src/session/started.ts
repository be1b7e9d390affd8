// The started event of a session made by this tool, at this version (engine/started.ts is pure and
// takes the version as given). Apart from commands/run.ts so that `start` loads no answers-file code.
import type { CompiledRoutine } from '../core/model.js';
import type { Lang } from '../core/i18n.js';
import type { Started } from '../core/events.js';
import { VERSION } from '../core/version.js';
import { startedEvent } from '../engine/started.js';

/** The started event of a walk made by this tool, at this version. */
export function startedFor(r: CompiledRoutine, at: string, lang: Lang, extra: Partial<Started> = {}): Started {
  return startedEvent(r, at, lang, VERSION, extra);
}
