// Checks a parsed YAML file against the zod schema and turns every zod issue into a diagnostic
// at the offending key or value. Nodes are dispatched on their kind key first, so that an error in
// a question is reported as one, not as "matches none of five shapes".
import { z } from 'zod';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { locate, type PathSegment, type Source } from './source.js';
import {
  ContactsFileSchema,
  IdSchema,
  ModuleFileSchema,
  NODE_KINDS,
  NODE_SCHEMAS,
  ReferencesFileSchema,
  RoutineFileSchema,
  type ContactsFile,
  type ModuleFile,
  type Node,
  type RoutineFile,
} from '../core/schema.js';

type Issue = z.core.$ZodIssue;

const RoutineTop = RoutineFileSchema.extend({ nodes: z.record(IdSchema, z.unknown()) });
const ModuleTop = ModuleFileSchema.extend({ nodes: z.record(IdSchema, z.unknown()) });

export type ShapeResult<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

/** Picks the union alternative that came closest, so the report speaks of what the author meant. */
function closestAlternative(errors: Issue[][]): Issue[] {
  const score = (issues: Issue[]) =>
    issues.reduce((s, i) => s + (i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'unrecognized_keys') ? 100 : 1), 0);
  return [...errors].sort((a, b) => score(a) - score(b))[0] ?? [];
}

function issueToDiagnostics(src: Source, issue: Issue, base: PathSegment[]): Diagnostic[] {
  const path = [...base, ...(issue.path as PathSegment[])];
  const at = (p: PathSegment[], key = false) => locate(src, p, { key });
  const field = String(path[path.length - 1] ?? '');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => diag('unknown-key', at([...path, k], true), { key: k }));
    case 'invalid_type': {
      const value = valueAt(src.data, path);
      if (value === undefined) {
        const parent = path.slice(0, -1);
        if (field === 'sv' || field === 'en') return [diag('missing-translation', at(parent), { lang: field })];
        return [diag('missing-key', at(parent), { key: field })];
      }
      return [diag('wrong-type', at(path), { key: field, expected: issue.expected })];
    }
    case 'invalid_format':
      if (issue.message === 'date') return [diag('invalid-date', at(path), { key: field })];
      return [diag('invalid-id', at(path), { id: String(valueAt(src.data, path)) })];
    case 'invalid_key':
      return [diag('invalid-id', at(path, true), { id: field })];
    case 'invalid_value':
      // zod reports a missing enum or literal key (a question without `type`) as a wrong value.
      if (valueAt(src.data, path) === undefined) return [diag('missing-key', at(path.slice(0, -1)), { key: field })];
      return [diag('invalid-value', at(path), { key: field, allowed: issue.values.map(String).join(', ') })];
    case 'too_small':
    case 'too_big': {
      const value = valueAt(src.data, path);
      if (typeof value === 'string' && value === '' && (field === 'sv' || field === 'en')) {
        return [diag('missing-translation', at(path.slice(0, -1)), { lang: field })];
      }
      const bound = `${issue.code === 'too_small' ? '>=' : '<='} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}`;
      return [diag('invalid-value', at(path), { key: field, allowed: bound })];
    }
    case 'invalid_union':
      return closestAlternative(issue.errors).flatMap((i) => issueToDiagnostics(src, i, path));
    case 'custom':
      if (issue.message === 'date') return [diag('invalid-date', at(path), { key: field })];
      return [diag('invalid-value', at(path), { key: field, allowed: issue.message })];
    default:
      return [diag('invalid-value', at(path), { key: field, allowed: issue.message })];
  }
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return v;
}

/** Exported for other files the tool reads with the same positions (scenario files). */
export function parseWith<T>(schema: z.ZodType<T>, src: Source, value: unknown, base: PathSegment[]): ShapeResult<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, diagnostics: r.error.issues.flatMap((i) => issueToDiagnostics(src, i, base)) };
}

function checkNodes(src: Source, raw: Record<string, unknown>): ShapeResult<Record<string, Node>> {
  const out: Record<string, Node> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const path = ['nodes', id];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(diag('node-kind', locate(src, path), { node: id, kinds: NODE_KINDS.join(', ') }));
      continue;
    }
    const kinds = NODE_KINDS.filter((k) => k in value);
    if (kinds.length !== 1) {
      const p = kinds.length > 1 ? locate(src, [...path, kinds[1] as string], { key: true }) : locate(src, path, { key: true });
      diagnostics.push(diag('node-kind', p, { node: id, kinds: NODE_KINDS.join(', ') }));
      continue;
    }
    const r = parseWith<Node>(NODE_SCHEMAS[kinds[0] as keyof typeof NODE_SCHEMAS] as z.ZodType<Node>, src, value, path);
    if (r.ok) out[id] = r.value;
    else diagnostics.push(...r.diagnostics);
  }
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, value: out };
}

function checkGraphFile<T extends RoutineFile | ModuleFile>(src: Source, top: z.ZodType<unknown>): ShapeResult<T> {
  const r = parseWith(top, src, src.data, []);
  const rawNodes = (src.data as Record<string, unknown>).nodes;
  const nodes =
    rawNodes && typeof rawNodes === 'object' && !Array.isArray(rawNodes)
      ? checkNodes(src, rawNodes as Record<string, unknown>)
      : { ok: true as const, value: {} };
  const diagnostics = [...(r.ok ? [] : r.diagnostics), ...(nodes.ok ? [] : nodes.diagnostics)];
  if (!r.ok || !nodes.ok) return { ok: false, diagnostics };
  return { ok: true, value: { ...(r.value as object), nodes: nodes.value } as T };
}

export const checkRoutineShape = (src: Source) => checkGraphFile<RoutineFile>(src, RoutineTop);
export const checkModuleShape = (src: Source) => checkGraphFile<ModuleFile>(src, ModuleTop);
export const checkReferencesShape = (src: Source) => parseWith(ReferencesFileSchema, src, src.data, []);
export const checkContactsShape = (src: Source): ShapeResult<ContactsFile> => parseWith(ContactsFileSchema, src, src.data, []);
