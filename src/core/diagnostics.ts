// A diagnostic is data: a stable code (what tests and docs refer to), a severity, a position in
// a file, and parameters. The sentence is made from the code in the user's language at the edge.

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  file: string;
  line: number;
  col: number;
}

export interface Diagnostic extends Position {
  code: DiagnosticCode;
  severity: Severity;
  params: Record<string, string | number>;
}

export const DIAGNOSTIC_CODES = {
  // reading the file
  'file-unreadable': 'error',
  'file-too-large': 'error',
  'not-utf8': 'error',
  'binary-content': 'error',
  'yaml-syntax': 'error',
  'yaml-alias': 'error',
  'yaml-tag': 'error',
  'too-deep': 'error',
  'root-not-mapping': 'error',
  // the shape
  'unknown-key': 'error',
  'missing-key': 'error',
  'wrong-type': 'error',
  'invalid-value': 'error',
  'missing-translation': 'error',
  'invalid-id': 'error',
  'invalid-date': 'error',
  'node-kind': 'error',
  'duplicate-id': 'error',
  'reserved-id': 'error',
  // the graph
  'unknown-target': 'error',
  'unknown-module': 'error',
  'module-cycle': 'error',
  'module-included-twice': 'error',
  'missing-param': 'error',
  'unknown-param': 'error',
  'return-outside-module': 'error',
  'return-without-next': 'error',
  'no-route': 'error',
  'unreachable': 'warning',
  'no-end': 'error',
  'cycle-no-exit': 'error',
  'unknown-answer': 'error',
  'options-missing': 'error',
  'options-not-allowed': 'error',
  // conditions and references
  'unknown-question': 'error',
  'condition-type': 'error',
  'unknown-option': 'error',
  'condition-unanswered': 'warning',
  'unknown-checklist-item': 'error',
  'unknown-reference': 'error',
  'unknown-deadline-source': 'error',
  'deadline-source-type': 'error',
  'deadline-from-typing-time': 'warning',
  'unknown-time-order': 'error',
  'time-rule-type': 'error',
  'reference-expired': 'error',
  'reference-not-yet-valid': 'warning',
  'reference-expires-soon': 'info',
  'reference-unverified': 'info',
  'review-overdue': 'warning',
  'review-dates': 'error',
  'changelog-version': 'warning',
  'unused-checklist-item': 'warning',
  'duplicate-routine': 'error',
  'conflict': 'error',
  'unknown-conflict': 'error',
  'unknown-contact': 'warning',
  'later-read': 'error',
  'note-placeholder': 'error',
  'note-template': 'error',
  'note-answer': 'error',
  'number-range': 'error',
  // answers files (run --answers, scenarios)
  'answer-unknown-id': 'error',
  'answer-missing': 'error',
  'answer-invalid': 'error',
  // scenario files (jour-routine test)
  'unknown-routine': 'error',
  // hostile or mistaken input (issue 12)
  'control-character': 'warning',
  'include-outside': 'error',
  'too-many-nodes': 'error',
  'review-far-future': 'warning',
  'not-a-file': 'error',
  'answer-not-taken': 'warning',
  'answer-to-end': 'warning',
  'answers-other-routine': 'error',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diag(
  code: DiagnosticCode,
  at: Position,
  params: Record<string, string | number> = {},
  severity: Severity = DIAGNOSTIC_CODES[code],
): Diagnostic {
  return { code, severity, file: at.file, line: at.line, col: at.col, params };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}
