// The first event of every session, walk or scenario: which routine, exact version and content
// hash it runs on. Pure: the tool's version is passed in by the caller.
import type { CompiledRoutine } from '../core/model.js';
import type { Lang } from '../core/i18n.js';
import type { Started } from '../core/events.js';

export function startedEvent(
  r: CompiledRoutine,
  at: string,
  lang: Lang,
  toolVersion: string,
  extra: Partial<Started> = {},
): Started {
  return {
    t: 'started',
    v: 1,
    at,
    session: 'run',
    routine: { id: r.id, version: r.version, hash: r.hash },
    case_ref: '',
    worker: '',
    practice: true,
    lang,
    tool_version: toolVersion,
    ...extra,
  };
}
