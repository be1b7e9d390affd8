// The real markdownlint with its default rules, for every document the tool writes.
import { lint } from 'markdownlint/sync';

// MD013 (line length) is off: the note is pasted into the journal system, which reflows text, so
// hard line breaks at 80 columns would cut sentences in the record. Everything else is default.
export const CONFIG = { default: true, MD013: false } as const;

/** The problems as "line: RULE description" strings; an empty list means clean. */
export function lintMarkdown(doc: string): string[] {
  const result = lint({ strings: { doc }, config: CONFIG });
  return (result.doc ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorContext ? ` [${e.errorContext}]` : ''}`);
}
