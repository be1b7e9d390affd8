// Expands includes into one flat graph. Module node ids are qualified with the include's id, so
// `kontakt` in the police module included at `polis` becomes `polis.kontakt`; `return` inside a
// module goes to the include's `next`. Pure: module files come through the `loadModule` callback.
import { createHash } from 'node:crypto';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import { locate, type PathSegment, type Source } from './source.js';
import type { CCondition, CItem, CNode, CompiledRoutine, ModuleUse, Route } from '../core/model.js';
import { pruneConstants } from './prune.js';
import { RESERVED_IDS, type Condition, type ModuleFile, type Node, type Reference, type RoutineFile } from '../core/schema.js';

export interface Parsed<T> {
  source: Source;
  value: T;
}

export type ModuleLookup =
  | { ok: true; module: Parsed<ModuleFile> }
  | { ok: false; diagnostics: Diagnostic[] }
  | { ok: false; missing: true };

export interface CompileInput {
  routine: Parsed<RoutineFile>;
  loadModule: (fromFile: string, include: string) => ModuleLookup;
  references: ReadonlyMap<string, Reference>;
}

interface Scope {
  src: Source;
  prefix: string;
  /** Where `return` goes: the including node's qualified `next`; undefined at the top level. */
  returnTo: string | undefined;
  inModule: boolean;
  params: Record<string, string | number | boolean>;
  /** Parameters the module declares; one not given is reported once, at the include. */
  declared?: string[];
  moduleTitle?: ModuleFile['title'];
  stack: string[];
}

interface PendingTarget {
  target: string;
  pos: Position;
}

export interface Use {
  id: string;
  pos: Position;
}

/** Where ids were named in the files, so the checker can point at the exact spot. */
export interface Uses {
  references: Use[];
  items: Use[];
  dueFrom: Map<string, Position>;
  /** Nodes that module parameters ruled out: what names them is not an error in this routine. */
  pruned: Set<string>;
  /** Declared conflicts: `from` is `item:<id>` or `option:<node>=<option>`, `target` an item id. */
  conflicts: { from: string; target: string; pos: Position; fromPos?: Position }[];
  /** Where each checklist entry of a node or a route is written, in the order of its `checklist`. */
  itemSites: WeakMap<object, Position[]>;
  /** Where each answer option is written, by `<node>=<option>`. */
  optionPos: Map<string, Position>;
  /** Case-note sentence templates (`note:`), each language and answer apart, for the checker. */
  templates: { node: string; answer?: string; lang: 'sv' | 'en'; text: string; pos: Position; fileText: string }[];
}

export interface CompileOutput {
  routine?: CompiledRoutine;
  uses: Uses;
  diagnostics: Diagnostic[];
}

const asArray = (r: string | string[] | undefined): string[] => (r === undefined ? [] : Array.isArray(r) ? r : [r]);

export function compileRoutine(input: CompileInput): CompileOutput {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, CNode>();
  const aliases = new Map<string, string>();
  const failed = new Set<string>();
  const checklist = new Map<string, CItem>();
  const modules: ModuleUse[] = [];
  const pending: PendingTarget[] = [];
  const texts: string[] = [input.routine.source.text];
  const uses: Uses = {
    references: [],
    items: [],
    dueFrom: new Map(),
    pruned: new Set(),
    conflicts: [],
    itemSites: new WeakMap(),
    optionPos: new Map(),
    templates: [],
  };
  const sitesOf = (src: Source, ids: string[] | undefined, path: PathSegment[]) =>
    (ids ?? []).map((_, i) => locate(src, [...path, i]));
  const noteRefs = (src: Source, ref: string | string[] | undefined, path: PathSegment[]) => {
    if (ref === undefined) return;
    if (typeof ref === 'string') uses.references.push({ id: ref, pos: locate(src, path) });
    else ref.forEach((r, i) => uses.references.push({ id: r, pos: locate(src, [...path, i]) }));
  };
  const noteItems = (src: Source, ids: string[] | undefined, path: PathSegment[]) =>
    (ids ?? []).forEach((id, i) => uses.items.push({ id, pos: locate(src, [...path, i]) }));
  const routine = input.routine.value;

  const qualify = (scope: Scope, target: string, pos: Position): string | undefined => {
    if (target === 'return') {
      if (!scope.inModule) {
        diagnostics.push(diag('return-outside-module', pos));
        return undefined;
      }
      if (scope.returnTo === undefined) diagnostics.push(diag('return-without-next', pos));
      return scope.returnTo;
    }
    const q = scope.prefix + target;
    pending.push({ target: q, pos });
    return q;
  };

  const compileCond = (scope: Scope, c: Condition, path: PathSegment[]): CCondition => {
    if ('all' in c) return { all: c.all.map((x, i) => compileCond(scope, x, [...path, 'all', i])) };
    if ('any' in c) return { any: c.any.map((x, i) => compileCond(scope, x, [...path, 'any', i])) };
    if ('not' in c) return { not: compileCond(scope, c.not, [...path, 'not']) };
    if ('param' in c) {
      if (!(c.param in scope.params)) {
        if (scope.declared?.includes(c.param)) return { const: false };
        diagnostics.push(diag('unknown-param', locate(scope.src, [...path, 'param']), { param: c.param }));
        return { const: false };
      }
      return { const: scope.params[c.param] === c.eq };
    }
    return { ...c, q: scope.prefix + c.q, pos: locate(scope.src, [...path, 'q']) };
  };

  const addItems = (scope: Scope, file: RoutineFile | ModuleFile) => {
    for (const [id, item] of Object.entries(file.checklist ?? {})) {
      const pos = locate(scope.src, ['checklist', id], { key: true });
      if (checklist.has(id)) {
        diagnostics.push(diag('duplicate-id', pos, { id }));
        continue;
      }
      noteRefs(scope.src, item.ref, ['checklist', id, 'ref']);
      if (item.due) uses.dueFrom.set(id, locate(scope.src, ['checklist', id, 'due', 'from']));
      (item.conflicts ?? []).forEach((target, i) =>
        uses.conflicts.push({ from: `item:${id}`, target, pos: locate(scope.src, ['checklist', id, 'conflicts', i]) }),
      );
      checklist.set(id, {
        ...item,
        id,
        refs: asArray(item.ref),
        ...(item.due ? { dueFrom: scope.prefix + item.due.from } : {}),
        pos,
      });
    }
  };

  const expand = (scope: Scope, file: RoutineFile | ModuleFile) => {
    addItems(scope, file);
    for (const [id, node] of Object.entries(file.nodes)) {
      const base: PathSegment[] = ['nodes', id];
      const pos = locate(scope.src, base, { key: true });
      if ((RESERVED_IDS as readonly string[]).includes(id)) diagnostics.push(diag('reserved-id', pos, { id }));
      const fq = scope.prefix + id;
      if ('include' in node) {
        includeModule(scope, fq, node, base);
        continue;
      }
      nodes.set(fq, buildNode(scope, fq, node, base, pos));
    }
  };

  const buildNode = (scope: Scope, fq: string, node: Exclude<Node, { include: string }>, base: PathSegment[], pos: Position): CNode => {
    const routes: Route[] = [];
    if ('question' in node) {
      for (const [answer, entry] of Object.entries(node.on ?? {})) {
        const at = locate(scope.src, [...base, 'on', answer], { key: true });
        if (typeof entry === 'string') {
          routes.push({ answer, next: qualify(scope, entry, locate(scope.src, [...base, 'on', answer])), checklist: [], pos: at });
        } else {
          const next = entry.next !== undefined ? qualify(scope, entry.next, locate(scope.src, [...base, 'on', answer, 'next'])) : undefined;
          const route: Route = { answer, ...(next !== undefined ? { next } : {}), checklist: entry.checklist ?? [], pos: at };
          routes.push(route);
          uses.itemSites.set(route, sitesOf(scope.src, entry.checklist, [...base, 'on', answer, 'checklist']));
          noteItems(scope.src, entry.checklist, [...base, 'on', answer, 'checklist']);
        }
      }
    }
    if (!('end' in node)) {
      (node.branches ?? []).forEach((b, i) => {
        const bp = [...base, 'branches', i];
        const next = b.next !== undefined ? qualify(scope, b.next, locate(scope.src, [...bp, 'next'])) : undefined;
        noteItems(scope.src, b.checklist, [...bp, 'checklist']);
        const route: Route = {
          when: compileCond(scope, b.when, [...bp, 'when']),
          ...(next !== undefined ? { next } : {}),
          checklist: b.checklist ?? [],
          pos: locate(scope.src, bp),
        };
        routes.push(route);
        uses.itemSites.set(route, sitesOf(scope.src, b.checklist, [...bp, 'checklist']));
      });
    }
    const rawNext = 'end' in node ? undefined : node.next;
    const next = rawNext !== undefined ? qualify(scope, rawNext, locate(scope.src, [...base, 'next'])) : undefined;
    // Routing keys are taken out by destructuring, not `delete`, which would turn every compiled
    // node into a slow dictionary-mode object for all the checks that follow.
    const { ref, checklist: items, on: _on, branches: _branches, next: _next, ...rest } = node as Node & {
      ref?: string | string[];
      checklist?: string[];
      on?: unknown;
      branches?: unknown;
      next?: unknown;
    };
    noteRefs(scope.src, ref, [...base, 'ref']);
    noteItems(scope.src, items, [...base, 'checklist']);
    if ('note' in node && node.note !== undefined) {
      const note = node.note;
      const perAnswer = !('sv' in note && 'en' in note && typeof note.sv === 'string');
      const texts = perAnswer ? Object.entries(note as Record<string, { sv: string; en: string }>) : [[undefined, note] as const];
      for (const [answer, text] of texts) {
        for (const lang of ['sv', 'en'] as const) {
          const path = [...base, 'note', ...(answer !== undefined ? [answer] : []), lang];
          uses.templates.push({ node: fq, ...(answer !== undefined ? { answer } : {}), lang, text: (text as { sv: string; en: string })[lang], pos: locate(scope.src, path), fileText: scope.src.text });
        }
      }
    }
    if ('decision' in node) node.grounds?.forEach((g, i) => noteRefs(scope.src, g.ref, [...base, 'grounds', i, 'ref']));
    const kind = 'question' in node ? 'question' : 'step' in node ? 'step' : 'decision' in node ? 'decision' : 'end';
    if ('question' in node) {
      node.options?.forEach((o, i) => {
        uses.optionPos.set(`${fq}=${o.id}`, locate(scope.src, [...base, 'options', i, 'id']));
        (o.conflicts ?? []).forEach((target, j) =>
          uses.conflicts.push({ from: `option:${fq}=${o.id}`, target, pos: locate(scope.src, [...base, 'options', i, 'conflicts', j]) }),
        );
      });
    }
    const built = {
      ...(rest as object),
      kind,
      id: fq,
      scope: scope.prefix,
      ...(scope.moduleTitle ? { moduleTitle: scope.moduleTitle } : {}),
      pos,
      refs: asArray(ref),
      checklist: items ?? [],
      routes,
      ...(next !== undefined ? { next } : {}),
    } as CNode;
    uses.itemSites.set(built, sitesOf(scope.src, items, [...base, 'checklist']));
    return built;
  };

  const includeModule = (
    scope: Scope,
    fq: string,
    node: Extract<Node, { include: string }>,
    base: PathSegment[],
  ) => {
    const valuePos = locate(scope.src, [...base, 'include']);
    // An include that cannot be expanded is reported once; targets naming it go on to its `next`
    // instead of being reported again as unknown.
    const skip = () => {
      const next = node.next !== undefined ? qualify(scope, node.next, locate(scope.src, [...base, 'next'])) : undefined;
      if (next !== undefined) aliases.set(fq, next);
      else failed.add(fq);
    };
    const looked = input.loadModule(scope.src.file, node.include);
    if (!looked.ok) {
      if ('missing' in looked) diagnostics.push(diag('unknown-module', valuePos, { module: node.include }));
      else diagnostics.push(...looked.diagnostics);
      return skip();
    }
    const mod = looked.module;
    if (scope.stack.includes(mod.source.file)) {
      diagnostics.push(diag('module-cycle', valuePos, { module: mod.value.module }));
      return skip();
    }
    if (modules.some((m) => m.id === mod.value.module)) {
      diagnostics.push(diag('module-included-twice', valuePos, { module: mod.value.module }));
      return skip();
    }
    modules.push({ id: mod.value.module, version: mod.value.version, file: mod.source.file, at: fq });
    texts.push(mod.source.text);
    const given = node.with ?? {};
    for (const p of mod.value.params ?? []) {
      if (!Object.hasOwn(given, p)) diagnostics.push(diag('missing-param', valuePos, { param: p, module: mod.value.module }));
    }
    for (const p of Object.keys(given)) {
      if (!(mod.value.params ?? []).includes(p)) {
        diagnostics.push(diag('unknown-param', locate(scope.src, [...base, 'with', p], { key: true }), { param: p }));
      }
    }
    const returnTo = node.next !== undefined ? qualify(scope, node.next, locate(scope.src, [...base, 'next'])) : undefined;
    const prefix = `${fq}.`;
    aliases.set(fq, prefix + mod.value.start);
    pending.push({ target: prefix + mod.value.start, pos: locate(mod.source, ['start']) });
    expand(
      {
        src: mod.source,
        prefix,
        returnTo: node.next === undefined ? undefined : returnTo,
        inModule: true,
        params: given,
        declared: mod.value.params ?? [],
        moduleTitle: mod.value.title,
        stack: [...scope.stack, mod.source.file],
      },
      mod.value,
    );
  };

  const top: Scope = {
    src: input.routine.source,
    prefix: '',
    returnTo: undefined,
    inModule: false,
    params: {},
    stack: [input.routine.source.file],
  };
  pending.push({ target: routine.start, pos: locate(top.src, ['start']) });
  expand(top, routine);
  (routine.conflicts ?? []).forEach(([a, b], i) =>
    uses.conflicts.push({
      from: `item:${a}`,
      target: b,
      pos: locate(top.src, ['conflicts', i, 1]),
      fromPos: locate(top.src, ['conflicts', i, 0]),
    }),
  );

  // Includes are not nodes of their own: a target naming one goes to the module's start.
  const resolve = (target: string): string => {
    let t = target;
    for (let guard = 0; aliases.has(t) && guard < 100; guard++) t = aliases.get(t) as string;
    return t;
  };
  for (const p of pending) {
    const t = resolve(p.target);
    if (!nodes.has(t) && !failed.has(t)) diagnostics.push(diag('unknown-target', p.pos, { target: p.target }));
  }
  for (const n of nodes.values()) {
    if (n.next !== undefined) n.next = resolve(n.next);
    for (const r of n.routes) if (r.next !== undefined) r.next = resolve(r.next);
  }
  uses.pruned = pruneConstants(nodes, resolve(routine.start));

  const references = new Map(input.references);
  const hash = createHash('sha256');
  for (const t of texts) hash.update(t).update('\0');
  // Only what a reference says counts, not where the file lies: the same routine installed in
  // another folder must keep its hash, or every session would look as if its routine had changed.
  const said = [...references.entries()].map(([id, ref]) => {
    const { file: _where, ...content } = ref as Reference & { file?: string };
    return [id, content] as const;
  });
  hash.update(JSON.stringify(said.sort(([a], [b]) => a.localeCompare(b))));

  const compiled: CompiledRoutine = {
    id: routine.id,
    version: routine.version,
    title: routine.title,
    description: routine.description,
    reviewed: routine.reviewed,
    reviewBy: routine.review_by,
    approvedBy: routine.approved_by,
    changelog: routine.changelog,
    file: input.routine.source.file,
    start: resolve(routine.start),
    nodes,
    checklist,
    references,
    modules,
    hash: hash.digest('hex'),
  };
  return { routine: compiled, uses, diagnostics };
}
