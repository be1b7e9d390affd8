// The document model as Markdown: routine and typed text escaped (see markdown.ts), a typed
// text of several lines kept as lines by hard breaks, and not-applicable items never ticked.
import type { DBlock, DItem, Span } from './doc.js';
import { bold, bullets, code, document, escapeInline, guardLineStart, hardBreaks, heading, inline, ordered, text, type Block, type Item } from './markdown.js';

function spanMd(s: Span): string {
  if (typeof s === 'string') return s.includes('\n') ? hardBreaks(text(s)) : escapeInline(s.replace(/\s+/g, ' '));
  if ('strong' in s) return bold(inline(s.strong));
  return code(s.code);
}

export function spansMd(spans: readonly Span[]): string {
  const md = spans.map(spanMd).join('').trim();
  return md === '' ? '–' : md.split('\n').map(guardLineStart).join('\n');
}

function toItem(i: DItem): Item {
  const sub = i.sub?.map(toItem);
  return { text: spansMd(i.spans), ...(sub?.length ? { sub } : {}) };
}

/** A list whose items may carry task boxes; boxes belong to the item text, sub-lists indent by 2. */
function list(items: readonly DItem[], numbered: boolean): Block {
  if (numbered || !items.some((i) => i.box === 'open' || i.box === 'done')) return (numbered ? ordered : bullets)(items.map(toItem));
  return items
    .map((i) => {
      const marker = i.box === 'open' ? '[ ] ' : i.box === 'done' ? '[x] ' : '';
      const body = bullets([toItem(i)]);
      return marker ? body.replace(/^- /, `- ${marker}`) : body;
    })
    .join('\n');
}

export function blockMd(b: DBlock): Block {
  // A heading's text cannot start a list, so "1. Item" needs no escape there.
  if ('h' in b) return heading(b.h, escapeInline(b.text.replace(/\s+/g, ' ').trim()) || '–');
  if ('p' in b) return spansMd(b.p);
  if ('ul' in b) return list(b.ul, false);
  if ('ol' in b) return list(b.ol, true);
  if ('quote' in b) return spansMd(b.quote).split('\n').map((l) => `> ${l}`).join('\n');
  // MD040: a fenced block names its language; "text" keeps the calendar as it is drawn.
  const fence = b.pre.some((l) => l.includes('```')) ? '~~~~' : '```';
  return [`${fence}text`, ...b.pre, fence].join('\n');
}

export function renderMd(blocks: readonly DBlock[]): string {
  return document(blocks.map(blockMd));
}

