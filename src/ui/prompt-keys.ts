// How the keyed prompts read a key press: the character it stands for (never a modified key), the
// command it is in a list, and where the arrows move over separators.
import { isDownKey, isSpaceKey, isUpKey, type KeypressEvent } from '@inquirer/core';
import { isSep, type CmdKey, type KChoice, type SeparatorLike } from './prompt-types.js';

/** The character a key press stands for; modified keys (Ctrl, Alt) are never commands. */
export function charOf(key: KeypressEvent): string | undefined {
  const k = key as KeypressEvent & { sequence?: string; meta?: boolean };
  if (k.ctrl || k.meta) return undefined;
  const ch = k.sequence ?? k.name;
  return typeof ch === 'string' && ch.length === 1 ? ch : undefined;
}

/** The command a key press in a list stands for; space ticks an answer and is never one. */
export function listCommand(key: KeypressEvent, keys: CmdKey[] | undefined): CmdKey | undefined {
  const ch = charOf(key);
  return ch !== undefined && !isSpaceKey(key) ? keys?.find((k) => k.key === ch) : undefined;
}

/** The answer ↑ or ↓ moves to, over separators; undefined for another key or at either end. */
export function arrowMove(key: KeypressEvent, items: readonly (KChoice | SeparatorLike)[], active: number): number | undefined {
  if (!isUpKey(key) && !isDownKey(key)) return undefined;
  const first = items.findIndex((x) => !isSep(x));
  const last = items.length - 1 - [...items].reverse().findIndex((x) => !isSep(x));
  const step = isUpKey(key) ? -1 : 1;
  let next = active;
  do next += step;
  while (next >= first && next <= last && isSep(items[next] as KChoice | SeparatorLike));
  return next >= first && next <= last ? next : undefined;
}
