// The case note and the handover as a small document model, rendered twice: as Markdown
// (markdownlint-clean, everything typed escaped) and as plain text for a journal system that
// shows text as it is (no Markdown syntax, at most 80 columns, no trailing spaces). Building the
// content once keeps the two forms saying the same thing.

/** Plain text, or text to stand out (bold in Markdown, plain in text). A "\n" is a kept line break. */
export type Span = string | { strong: string } | { code: string };

export interface DItem {
  spans: Span[];
  sub?: DItem[];
  /** A checklist item: open or done get a task box in Markdown; not applicable never does. */
  box?: 'open' | 'done' | 'na';
}

export type DBlock =
  | { h: 1 | 2 | 3; text: string }
  | { p: Span[] }
  | { ul: DItem[] }
  | { ol: DItem[] }
  | { quote: Span[] }
  /** Preformatted lines (the calendar): a fenced block in Markdown, as they are in text. */
  | { pre: string[] };

export const strong = (s: string): Span => ({ strong: s });
export const item = (spans: Span[], sub?: DItem[]): DItem => (sub?.length ? { spans, sub } : { spans });
/** "Label: value" with the label standing out. */
export const labelled = (label: string, value: Span[] | string, sub?: DItem[]): DItem =>
  item([strong(label), ': ', ...(typeof value === 'string' ? [value] : value)], sub);
