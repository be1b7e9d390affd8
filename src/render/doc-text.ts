// The document model as plain text for pasting into a journal system: no Markdown syntax, at most
// 80 columns, no trailing spaces, a typed text of several lines kept as lines. Headings of the
// second level are written in capitals, as journal entries often mark their parts.
import type { DBlock, DItem, Span } from './doc.js';
import { wrap } from './wrap.js';

export const TEXT_WIDTH = 80;

function spanText(s: Span): string {
  return typeof s === 'string' ? s : 'strong' in s ? s.strong : s.code;
}

/** The lines of some spans: kept line breaks, blank lines dropped, spaces collapsed. */
function spanLines(spans: readonly Span[]): string[] {
  const lines = spans
    .map(spanText)
    .join('')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  return lines.length ? lines : ['–'];
}

function wrapLines(spans: readonly Span[], width: number, indent: string): string[] {
  return spanLines(spans).flatMap((l) => wrap(l, width, indent));
}

function itemLines(i: DItem, marker: string, indent: string): string[] {
  const pad = indent + ' '.repeat(marker.length);
  const body = wrapLines(i.spans, TEXT_WIDTH, pad);
  const first = body[0] ?? pad;
  const lines = [indent + marker + first.slice(pad.length), ...body.slice(1)];
  for (const s of i.sub ?? []) lines.push(...itemLines(s, '- ', pad));
  return lines;
}

export function blockText(b: DBlock): string[] {
  if ('h' in b) return wrap(b.h === 2 ? b.text.toLocaleUpperCase('sv') : b.text, TEXT_WIDTH);
  if ('p' in b || 'quote' in b) return wrapLines('p' in b ? b.p : b.quote, TEXT_WIDTH, '');
  if ('ul' in b) return b.ul.flatMap((i) => itemLines(i, '- ', ''));
  if ('ol' in b) {
    const w = String(b.ol.length).length;
    return b.ol.flatMap((i, n) => itemLines(i, `${String(n + 1).padStart(w)}. `, ''));
  }
  return b.pre;
}

/** Blocks apart by one blank line; every line trimmed at the end; one final newline. */
export function renderText(blocks: readonly DBlock[]): string {
  return (
    blocks
      .map((b) => blockText(b).map((l) => l.replace(/\s+$/, '')).join('\n'))
      .filter((b) => b.trim() !== '')
      .join('\n\n') + '\n'
  );
}
