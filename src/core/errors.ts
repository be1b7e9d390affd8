// Errors are data: a message key and its parameters, translated only at the edge (cli.ts), with
// the exit code the command-line contract promises.
import type { Params } from './i18n.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    readonly key: string,
    readonly params: Params = {},
    readonly exitCode: ExitCode = EXIT.failed,
  ) {
    super(key);
    this.name = 'CliError';
  }
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
