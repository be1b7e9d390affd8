// Markdown building blocks for the note, the handover and `checklist --format md`. Everything a
// caseworker typed goes through `text()`, so no answer can turn into a heading, a link, HTML or a
// list, and every document stays clean under markdownlint's default rules.
//
// Escaping is deliberately minimal: the note is pasted into a journal system that shows plain
// text, where every backslash is visible. Only characters that would change the Markdown are escaped.

export type Block = string;

export interface Item {
  /** Markdown already escaped, possibly several lines. */
  text: string;
  sub?: Item[];
}

// A bare URL or e-mail address is flagged by MD034; an autolink keeps it readable in plain text too.
// The e-mail part is CommonMark's own autolink pattern, so `<…>` around it is always a valid link.
const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
// An address starts with a letter or digit: "<!#www.@x.se>" is no autolink to markdownlint, which then
// sees a bare "www." link in it; such an address is escaped as text instead.
// The look-behind lets an address start only where a run of its characters starts: without it a
// 10 MB word was tried from every position, each scanning to its end (quadratic; export hung).
const LINKISH = new RegExp(
  `(https?://[^\\s<>]*[^\\s<>.,;:!?)'"]|(?<![a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-])[a-zA-Z0-9][a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-]*@${LABEL}(?:\\.${LABEL})+)`,
  'g',
);

function escapeSegment(s: string): string {
  return s
    // `|` only matters in a table, but two typed lines can make one, and it is a rare character.
    .replace(/[\\`*[\]<~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    // What is left of an address is no link; GFM would still make "www." and "x@y.z" into one.
    .replace(/@/g, '\\@')
    .replace(/(www)\./gi, '$1\\.')
    // Intraword underscores are literal in CommonMark; only those that could open or close emphasis.
    .replace(/_/g, (c, i: number, all: string) => (/\w/.test(all[i - 1] ?? '') && /\w/.test(all[i + 1] ?? '') ? c : `\\${c}`));
}

/** Escapes text in the middle of a line: links made autolinks, Markdown characters escaped. */
export function escapeInline(text: string): string {
  return text
    .split(LINKISH)
    .map((seg, i) => (i % 2 === 1 ? `<${seg}>` : escapeSegment(seg)))
    .join('');
}

/** What would start a heading, quote, list or setext underline when it begins a line. */
export function guardLineStart(out: string): string {
  // A line like ":-" would make the line above a table header.
  const lead = /^[\s:-]+$/.test(out) && out.includes('-') ? out.replace(/^(\s*)([:-])/, '$1\\$2') : out;
  return lead.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function escapeLine(line: string): string {
  return guardLineStart(escapeInline(line));
}

/** User or routine text on one line: whitespace collapsed, Markdown escaped. */
export function inline(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one === '' ? '–' : escapeLine(one);
}

/**
 * User text that may span lines: line breaks kept, blank lines dropped (they would end a list
 * item). The lines are joined by a plain newline; `hardBreaks` makes them stay lines when rendered.
 */
export function text(value: string): string {
  const lines = value
    .replace(/\t/g, ' ')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  return lines.length ? lines.map(escapeLine).join('\n') : '–';
}

/** A backslash at the end of a line is a hard break: a note of several lines keeps its lines. */
export const hardBreaks = (md: string): string => md.split('\n').join('\\\n');

export const bold = (md: string): string => `**${md}**`;

/** A code span that survives backticks in its content (MD038: no padding unless needed). */
export function code(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((x) => x.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

/** MD026: a heading must not end in punctuation; MD024 needs the caller to keep headings unique. */
export function heading(level: number, md: string): Block {
  const clean = md.replace(/[.,;:!。，；：！\s]+$/u, '') || '–';
  return `${'#'.repeat(level)} ${clean.replace(/\n/g, ' ')}`;
}

export const paragraph = (md: string): Block => md;

export function quote(md: string): Block {
  return md.split('\n').map((l) => `> ${l}`).join('\n');
}

function itemLines(marker: string, item: Item, contentAt = marker.length): string[] {
  const pad = ' '.repeat(contentAt);
  const [first = '', ...rest] = item.text.split('\n');
  const lines = [`${marker}${first}`, ...rest.map((l) => `${pad}${l}`)];
  for (const s of item.sub ?? []) lines.push(...itemLines('- ', s).map((l) => `${pad}${l}`));
  return lines;
}

export function bullets(items: readonly Item[]): Block {
  return items.flatMap((i) => itemLines('- ', i)).join('\n');
}

export function ordered(items: readonly Item[]): Block {
  return items.flatMap((i, n) => itemLines(`${n + 1}. `, i)).join('\n');
}

export function tasks(items: readonly (Item & { checked: boolean })[]): Block {
  // The box belongs to the item's text: nested lists indent by 2 like any bullet (MD007).
  return items.flatMap((i) => itemLines(i.checked ? '- [x] ' : '- [ ] ', i, 2)).join('\n');
}

/** Blocks separated by one blank line, no trailing spaces, one final newline (MD009, MD012, MD047). */
export function document(blocks: readonly Block[]): string {
  return (
    blocks
      .filter((b) => b.trim() !== '')
      .join('\n\n')
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .join('\n') + '\n'
  );
}
