// Every command registers itself here, from its light registration file (register/): its name,
// help texts and options; the command's own module is imported only when it runs.
import type { Command } from 'commander';
import type { Runner } from './runner.js';
import type { Lang } from '../core/i18n.js';
import { registerChecklist } from './register/checklist.js';
import { registerDiff } from './register/diff.js';
import { registerExport } from './register/export.js';
import { registerGraph } from './register/graph.js';
import { registerList } from './register/list.js';
import { registerPurge } from './register/purge.js';
import { registerResume } from './register/resume.js';
import { registerRun } from './register/run.js';
import { registerSchema } from './register/schema.js';
import { registerSessions } from './register/sessions.js';
import { registerShow } from './register/show.js';
import { registerStart } from './register/start.js';
import { registerTest } from './register/test.js';
import { registerValidate } from './register/validate.js';

export type Register = (program: Command, run: Runner, lang: Lang) => void;

// The order here is the order `--help` lists them: the night shift's commands first.
export const COMMANDS: Register[] = [
  registerStart,
  registerResume,
  registerSessions,
  registerChecklist,
  registerExport,
  registerRun,
  registerList,
  registerShow,
  registerGraph,
  registerValidate,
  registerTest,
  registerSchema,
  registerDiff,
  registerPurge,
];
