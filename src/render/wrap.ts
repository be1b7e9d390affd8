// Word wrapping for the terminal and for paper: lines break between words, never inside one
// (only a single word longer than the whole line is cut). Width is counted in visible
// characters, so colour codes do not make a line wrap early.
import { stripVTControlCharacters } from 'node:util';

const visible = (s: string): number => stripVTControlCharacters(s).length;

export function wrap(text: string, width: number, indent = ''): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line === '' ? w : `${line} ${w}`;
    if (visible(indent + candidate) <= width || line === '') {
      line = candidate;
    } else {
      lines.push(indent + line);
      line = w;
    }
    // A single word longer than the line is cut, so no line ever passes the width (also when it
    // follows another word, which used to be printed whole). Pieces are taken by index and the
    // remainder sliced once: slicing the rest on every piece was quadratic.
    if (visible(indent + line) > width) {
      const room = Math.max(1, width - indent.length);
      let at = 0;
      while (line.length - at > room) {
        lines.push(indent + line.slice(at, at + room));
        at += room;
      }
      line = line.slice(at);
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.length ? lines : [indent.trimEnd()];
}

/** One line cut to the width with an ellipsis: for lists where each entry must stay one line. */
export function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}
