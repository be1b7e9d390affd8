// `jour-routine schema`: not built yet.
import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { Lang } from '../ui/i18n.js';

export function registerSchema(program: Command, run: Runner, lang: Lang): void {
  void program;
  void run;
  void lang;
}
