// What a plain-text document for the journal must not contain: lines over 80 columns, trailing
// spaces, and the Markdown the tool would otherwise write (headings, bold, task boxes, code
// spans, escapes, autolinks, fences). Returns one line per problem, so a failure shows where.
export function plainTextProblems(doc: string, allow: (line: string) => boolean = () => false): string[] {
  const out: string[] = [];
  doc.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}: ${line}`;
    if ([...line].length > 80) out.push(`${at} (over 80 columns)`);
    if (/\s$/.test(line)) out.push(`${at} (trailing space)`);
    if (allow(line)) return;
    if (/^#{1,6} /.test(line)) out.push(`${at} (heading)`);
    if (/\*\*|__/.test(line)) out.push(`${at} (bold)`);
    if (/\[[ x]\] /.test(line)) out.push(`${at} (task box)`);
    if (/`/.test(line)) out.push(`${at} (code span or fence)`);
    if (/\\[\\`*_{}[\]()#+\-.!<>|~@]/.test(line)) out.push(`${at} (escape)`);
    if (/<https?:|^> /.test(line)) out.push(`${at} (autolink or quote)`);
  });
  return out;
}
