// The configuration the keyed prompts (keyed-prompts.ts) take: their answers, command keys and
// the options of each kind, shared by the prompts, their screen and their key handling.
import { Separator } from '@inquirer/core';
/** A command key and the raw value the prompt returns for it (`:help`, `:back`, …). */
export interface CmdKey {
  key: string;
  value: string;
  /** The action's id in the hint line ("key action", translated by the theme). */
  label: string;
  /** What the finished prompt shows when the key was used. */
  shown: string;
  /** Text fields: act on a single key press (else only when typed alone and followed by Enter). */
  single?: boolean;
  /** Acts, but is not named in the hint line (said elsewhere, to keep the line short). */
  hidden?: boolean;
  /**
   * Text fields: acts also while the prompt asks which of two answers the typed text meant
   * (`choose`), on a single key press; there `<` goes back to the text instead.
   */
  inChoice?: boolean;
}

export interface PromptBase {
  message: string;
  keys?: CmdKey[];
  /** Columns to wrap to; the terminal's width. */
  width?: number;
  // The theme of prompts.ts: prefix and style functions (colours, key hints in the user's language).
  theme?: unknown;
}

export interface KChoice {
  value: string;
  name: string;
  description?: string;
  short?: string;
  checked?: boolean;
}

export type SeparatorLike = { type: 'separator'; separator: string };

export interface KSelectConfig extends PromptBase {
  choices: (KChoice | SeparatorLike)[];
  default?: string;
  pageSize?: number;
  loop?: boolean;
}

export interface KCheckboxConfig extends PromptBase {
  choices: (KChoice | SeparatorLike)[];
  pageSize?: number;
  loop?: boolean;
  validate?: (picked: string[]) => boolean | string;
  /** Accepted for the stock checkbox's config shape; this prompt has no all/invert shortcuts. */
  shortcuts?: unknown;
}

export interface KInputConfig extends PromptBase {
  default?: string;
  validate?: (s: string) => boolean | string;
  /** How the accepted answer is shown once done (a time echoed with its date and weekday). */
  transformer?: (s: string, state: { isFinal: boolean }) => string;
  /**
   * For an answer that can mean two things (an autumn time that occurred twice): the question and
   * the answers to choose between, asked under the typed text before the prompt finishes. The
   * prompt returns the chosen answer's value; undefined means the answer is taken as typed.
   */
  choose?: (answer: string) => { message: string; choices: KChoice[] } | undefined;
}

export const isSep = (x: KChoice | SeparatorLike): x is SeparatorLike => Separator.isSeparator(x) || (x as { type?: string }).type === 'separator';
