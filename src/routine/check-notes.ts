// Checks of what the case note reads from a routine: sentence templates name only what the node
// records, per-answer sentences only real answers, and a number question has a range it can meet.
import { answerIds } from './check-graph.js';
import type { Uses } from './compile.js';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import { recordedFields, type CNode, type CompiledRoutine } from '../core/model.js';
import { parseTemplate, placeholders } from './template.js';

/** The placeholders a node's template may use: its answer (questions) and every recorded field. */
export function templateNames(n: CNode): string[] {
  return [...(n.kind === 'question' ? ['answer'] : []), ...recordedFields(n).map((f) => f.id)];
}

/**
 * The column of an offset in a one-line scalar (past the opening quote of a quoted one); a text
 * over several lines, or one with escapes, keeps the value's start.
 */
function at(pos: Position, fileText: string, text: string, offset: number): Position {
  const plain = { file: pos.file, line: pos.line, col: pos.col };
  const line = fileText.split('\n')[pos.line - 1] ?? '';
  const first = line[pos.col - 1];
  const quote = first === '"' || first === "'" ? 1 : 0;
  if (text.includes('\n') || line.slice(pos.col - 1 + quote, pos.col - 1 + quote + text.length) !== text) return plain;
  return { ...plain, col: pos.col + quote + offset };
}

export function checkNotes(r: CompiledRoutine, uses: Uses): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const u of uses.templates) {
    const n = r.nodes.get(u.node);
    if (!n) continue;
    // An answer key is the same in both languages: reported once, at the Swedish text.
    if (u.answer !== undefined && u.lang === 'sv') {
      const allowed = answerIds(n);
      if (!allowed || !allowed.includes(u.answer)) {
        out.push(diag('note-answer', u.pos, { node: u.node, answer: u.answer, allowed: allowed?.join(', ') ?? '–' }));
      }
    }
    const parsed = parseTemplate(u.text);
    if (!parsed.ok) {
      out.push(diag('note-template', at(u.pos, u.fileText, u.text, parsed.offset), { node: u.node, problem: parsed.problem }));
      continue;
    }
    const names = templateNames(n);
    for (const p of placeholders(parsed.parts)) {
      if (!names.includes(p.name)) out.push(diag('note-placeholder', at(u.pos, u.fileText, u.text, p.offset), { node: u.node, name: p.name, allowed: names.join(', ') }));
    }
  }
  for (const n of r.nodes.values()) {
    if (n.kind === 'question' && n.min !== undefined && n.max !== undefined && n.min > n.max) {
      out.push(diag('number-range', n.pos, { node: n.id, min: n.min, max: n.max }));
    }
  }
  return out;
}
