// The commander program: parses, builds the context, runs one command, and maps every error to
// one sentence and the exit code of the contract (0 ok, 1 failed/refused, 2 usage, 130 interrupted).
import { Command, CommanderError, Option } from 'commander';
import { makeContext, type GlobalOptions } from './core/context.js';
import { CliError, EXIT } from './core/errors.js';
import { helpConfig } from './ui/help.js';
import { langFromEnv, t, type Lang } from './core/i18n.js';
import { VERSION } from './core/version.js';
import { safeInline } from './core/terminal-text.js';

import type { Runner } from './commands/runner.js';

function pickLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return v === 'en' || v === 'sv' ? v : langFromEnv(env);
}

export async function buildProgram(lang: Lang, run: Runner, args: readonly string[] = []): Promise<Command> {
  const program = new Command('jour-routine');
  program
    .description(t(lang, 'cli.description'))
    .version(VERSION, '-V, --version', t(lang, 'cli.opt.version'))
    .addOption(new Option('--lang <lang>', t(lang, 'cli.opt.lang')).choices(['sv', 'en']))
    .option('--routines <dir>', t(lang, 'cli.opt.routines'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--data-dir <dir>', t(lang, 'cli.opt.dataDir'))
    .option('--contacts <file>', t(lang, 'cli.opt.contacts'))
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .helpOption('-h, --help', t(lang, 'cli.opt.help'))
    .helpCommand(lang === 'sv' ? 'help [kommando]' : 'help [command]', t(lang, 'help.command'))
    // Headings, placeholders and "(choices, default)" in the user's language; subcommands inherit it.
    .configureHelp(helpConfig(lang))
    .addHelpText('after', `\n${t(lang, 'cli.examples')}`)
    .showHelpAfterError(false)
    .exitOverride()
    // Commander's own error sentences are English; handleError says them in the user's language.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => undefined });
  // The commands pull in the routine loader, the renderers and the prompts: load them only when a
  // command is to run, so that `--version` answers at once.
  const { COMMAND_MODULES, commandOf } = await import('./commands/lazy.js');
  const name = commandOf(args);
  const only = name === undefined ? undefined : COMMAND_MODULES[name];
  const registers = only ? [await only()] : (await import('./commands/index.js')).COMMANDS;
  for (const register of registers) register(program, run, lang);
  return program;
}

export async function main(argv: string[], io = { env: process.env, now: () => new Date() }): Promise<void> {
  const lang = pickLang(argv, io.env);
  // `jour-routine checklist … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  let code: number = EXIT.ok;
  const run: Runner = async (fn) => {
    const opts = program.opts<GlobalOptions>();
    const ctx = makeContext(opts.lang === 'en' || opts.lang === 'sv' ? opts.lang : lang, opts, {
      env: io.env,
      stdout: process.stdout,
      stderr: process.stderr,
      stdinIsTTY: process.stdin.isTTY === true,
      now: io.now,
    });
    code = await fn(ctx);
  };
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const program = await buildProgram(lang, run, args);
  // Nothing asked: the help, on standard output, as a success (as `--help`).
  if (args.length === 0) {
    process.stdout.write(program.helpInformation() + afterHelp(lang));
    process.exitCode = EXIT.ok;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (e) {
    code = handleError(e, lang, io.env);
  }
  process.exitCode = code;
}

function handleError(e: unknown, lang: Lang, env: NodeJS.ProcessEnv): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    process.stderr.write(`jour-routine: ${safeInline(usageText(lang, e))}\n`);
    return EXIT.usage;
  }
  if (e instanceof CliError) {
    process.stderr.write(`jour-routine: ${t(lang, e.key, e.params)}\n`);
    return e.exitCode;
  }
  if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) return EXIT.interrupted;
  // Never a stack trace for the caseworker; the details are there for whoever sets DEBUG.
  if ((env.DEBUG ?? '').includes('jour-routine')) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.stderr.write(`jour-routine: ${t(lang, 'cli.internalError')}\n`);
  return EXIT.failed;
}

const afterHelp = (lang: Lang) => `\n${t(lang, 'cli.examples')}\n`;

/** A usage error in the user's language: commander's code picks the sentence, its quoted part the detail. */
function usageText(lang: Lang, e: CommanderError): string {
  const key = `usage.${e.code.replace('commander.', '')}`;
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const allowed = /choices are (.*?)\.?$/.exec(e.message)?.[1] ?? '';
  // Commander adds "(Did you mean start?)" for a near miss; say it in the user's language.
  const near = /Did you mean (?:one of )?([^?]+)\?/.exec(e.message)?.[1]?.trim();
  const suggest = near ? t(lang, 'usage.suggest', { name: near }) : '';
  const detail = e.code === 'commander.unknownCommand' || e.code === 'commander.unknownOption' ? (quoted[0] ?? '') : quoted.join(', ');
  const sentence = t(lang, key, { detail, first: quoted[0] ?? '', second: quoted[1] ?? '', allowed, suggest });
  return sentence === key ? e.message.replace(/^error: /, '') : sentence;
}
