// One command per run is loaded (commands/lazy.ts): the table must name every command the full
// registration has, each loader must register exactly that command, and the command is found
// past the global options.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { COMMAND_MODULES, commandOf } from '../src/commands/lazy.js';

const noRun = async () => undefined;

describe('commands loaded one at a time', () => {
  it('the table has every command, and each loader registers that command alone', async () => {
    const all = new Command();
    for (const register of COMMANDS) register(all, noRun, 'sv');
    const names = all.commands.map((c) => c.name()).sort();
    expect(Object.keys(COMMAND_MODULES).sort()).toEqual(names);
    for (const [name, load] of Object.entries(COMMAND_MODULES)) {
      const one = new Command();
      (await load())(one, noRun, 'sv');
      expect(one.commands.map((c) => c.name())).toEqual([name]);
    }
  });

  it('finds the command past global options, and leaves help, unknown names and unknown options to all', () => {
    expect(commandOf(['list'])).toBe('list');
    expect(commandOf(['--routines', 'list', '--lang', 'en', 'start', 'exempel'])).toBe('start');
    expect(commandOf(['--data-dir=/x', '--no-color', 'resume', 'abc'])).toBe('resume');
    expect(commandOf(['list', '--help'])).toBe('list');
    expect(commandOf(['--help', 'list'])).toBeUndefined();
    expect(commandOf(['lsit'])).toBeUndefined();
    expect(commandOf(['--unknown', 'list'])).toBeUndefined();
    expect(commandOf([])).toBeUndefined();
  });
});
