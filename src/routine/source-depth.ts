// Nesting depth, measured on the text before any parser sees it: a hostile file nested a thousand
// levels deep would overflow the parsers' recursion, so it ends in one `too-deep` diagnostic.
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';

export const MAX_DEPTH = 64;

/** The `too-deep` diagnostic for a text nested past MAX_DEPTH, at the place it goes too deep. */
export function tooDeep(text: string, file: string): Diagnostic | undefined {
  let deep = nestingTooDeep(text);
  if (deep < 0) deep = blockTooDeep(text);
  return deep >= 0 ? diag('too-deep', textPos(text, deep, file), { max: MAX_DEPTH }) : undefined;
}

/**
 * Rough nesting depth by brackets, checked before parsing so the parser's recursion is never at
 * risk. Returns the offset of the bracket that goes too deep, or -1.
 */
function nestingTooDeep(text: string): number {
  // Character codes, not one-character strings: this runs over every byte of every file.
  const DQ = 34, SQ = 39, NL = 10, LB = 91, RB = 93, LC = 123, RC = 125;
  let depth = 0;
  let inQuote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuote) {
      if (c === inQuote || c === NL) inQuote = 0;
      continue;
    }
    if (c === DQ || c === SQ) inQuote = c;
    else if (c === LB || c === LC) {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === RB || c === RC) && depth > 0) depth--;
  }
  return -1;
}

/**
 * Block nesting by indentation: each deeper indentation, and each compact `- ` on a line, is a
 * level. The parser recurses once per level and overflows the stack at about a thousand (as
 * "Maximum call stack size exceeded"), so depth is measured here first. Returns the offset of the
 * line that goes too deep, or -1. Lines of a block text count at most once or twice, which real
 * routines stay far below.
 */
function blockTooDeep(text: string): number {
  const SP = 32, NL = 10, DASH = 45, HASH = 35, CR = 13;
  const stack: number[] = [];
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let i = pos;
    while (i < end && text.charCodeAt(i) === SP) i++;
    const c = text.charCodeAt(i);
    if (i < end && c !== HASH && c !== CR && c !== NL) {
      const col = i - pos;
      while (stack.length > 0 && (stack[stack.length - 1] as number) >= col) stack.pop();
      stack.push(col);
      // `- - - x`: every compact indicator opens one more sequence on the same line.
      // Same count as the parser-side check below, which reports the 64th level.
      if (stack.length >= MAX_DEPTH) return i;
      while (text.charCodeAt(i) === DASH && text.charCodeAt(i + 1) === SP) {
        const at = i;
        i += 2;
        while (text.charCodeAt(i) === SP) i++;
        stack.push(i - pos);
        if (stack.length >= MAX_DEPTH) return at;
      }
    }
    pos = end + 1;
  }
  return -1;
}

/** Line and column of an offset in decoded text. */
function textPos(text: string, offset: number, file: string): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { file, line, col: offset - lineStart + 1 };
}
