// Every command registers itself here; one file per command.
import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { Lang } from '../ui/i18n.js';
import { registerList } from './list.js';
import { registerRun } from './run.js';
import { registerShow } from './show.js';
import { registerValidate } from './validate.js';

export type Register = (program: Command, run: Runner, lang: Lang) => void;

export const COMMANDS: Register[] = [registerValidate, registerList, registerShow, registerRun];
