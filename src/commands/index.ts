// Every command registers itself here; one file per command.
import type { Command } from 'commander';
import type { Runner } from './runner.js';
import type { Lang } from '../core/i18n.js';
import { registerChecklist } from './checklist.js';
import { registerDiff } from './diff.js';
import { registerExport } from './export.js';
import { registerGraph } from './graph.js';
import { registerList } from './list.js';
import { registerPurge } from './purge.js';
import { registerResume } from './resume.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerSessions } from './sessions.js';
import { registerShow } from './show.js';
import { registerStart } from './start.js';
import { registerTest } from './test.js';
import { registerValidate } from './validate.js';

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
