// Each command's registration (register/) by its name, loaded on demand: a run of one command
// registers only that command, and its action imports only what it needs, so that `list` from a
// warm cache loads no YAML reader, no schema and no prompts. Help, no command and an unknown one
// register them all (commands/index.ts); registrations are light, so that costs little.
import type { Register } from './index.js';

type Loader = () => Promise<Register>;

export const COMMAND_MODULES: Record<string, Loader> = {
  start: async () => (await import('./register/start.js')).registerStart,
  resume: async () => (await import('./register/resume.js')).registerResume,
  sessions: async () => (await import('./register/sessions.js')).registerSessions,
  checklist: async () => (await import('./register/checklist.js')).registerChecklist,
  export: async () => (await import('./register/export.js')).registerExport,
  run: async () => (await import('./register/run.js')).registerRun,
  list: async () => (await import('./register/list.js')).registerList,
  show: async () => (await import('./register/show.js')).registerShow,
  graph: async () => (await import('./register/graph.js')).registerGraph,
  validate: async () => (await import('./register/validate.js')).registerValidate,
  test: async () => (await import('./register/test.js')).registerTest,
  schema: async () => (await import('./register/schema.js')).registerSchema,
  diff: async () => (await import('./register/diff.js')).registerDiff,
  purge: async () => (await import('./register/purge.js')).registerPurge,
};

// The global options that take a value (cli.ts): their value is not the command's name.
const VALUED = new Set(['--lang', '--routines', '--data-dir', '--contacts']);

/** The command a command line runs, when it names one this tool has; undefined otherwise. */
export function commandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return undefined;
    if (VALUED.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      // -h / --help before the command, or an option we do not know: let commander see them all.
      if (a === '-h' || a === '--help' || !/^--(lang|routines|data-dir|contacts)=|^--no-color$/.test(a)) return undefined;
      continue;
    }
    return Object.hasOwn(COMMAND_MODULES, a) ? a : undefined;
  }
  return undefined;
}
