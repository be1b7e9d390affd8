// The compiled routine: modules expanded into one flat graph with fully qualified node ids
// (`polis.kontakt` for node `kontakt` of the module included at node `polis`). The engine,
// the checker and every renderer work on this shape only.
import type { Position } from './diagnostics.js';
import type {
  ChecklistItem,
  DecisionNode,
  EndNode,
  Field,
  QuestionNode,
  Reference,
  StepNode,
  Text,
} from './schema.js';

export type CondValue = string | number | boolean;

/** A condition after compilation: ids qualified, module parameters already decided. */
export type CCondition =
  | { all: CCondition[] }
  | { any: CCondition[] }
  | { not: CCondition }
  | { const: boolean }
  | {
      q: string;
      eq?: CondValue;
      ne?: CondValue;
      lt?: number | string;
      lte?: number | string;
      gt?: number | string;
      gte?: number | string;
      in?: CondValue[];
      includes?: string;
      answered?: boolean;
      pos: Position;
    };

export interface Route {
  /** Answer that selects this route (yes/no or an option id); absent for branches and the default. */
  answer?: string;
  when?: CCondition;
  next?: string;
  checklist: string[];
  pos: Position;
}

interface Common {
  id: string;
  /** Include prefix ('' at the routine's top level, 'polis.' inside the police module). */
  scope: string;
  /** Title of the module the node comes from, used as the section when the node names none. */
  moduleTitle?: Text;
  pos: Position;
  refs: string[];
  checklist: string[];
  routes: Route[];
  /** The default route when no answer route or branch applies. */
  next?: string;
}

export type CNode =
  | (Common & { kind: 'question' } & Omit<QuestionNode, 'on' | 'branches' | 'next' | 'ref' | 'checklist'>)
  | (Common & { kind: 'step' } & Omit<StepNode, 'branches' | 'next' | 'ref' | 'checklist'>)
  | (Common & { kind: 'decision' } & Omit<DecisionNode, 'branches' | 'next' | 'ref' | 'checklist'>)
  | (Common & { kind: 'end' } & Omit<EndNode, 'ref' | 'checklist'>);

export type CItem = ChecklistItem & {
  id: string;
  refs: string[];
  /** `due.from` qualified with the scope of the module that defines the item. */
  dueFrom?: string;
  pos: Position;
};

export interface ModuleUse {
  id: string;
  version: number;
  file: string;
  at: string;
}

export interface CompiledRoutine {
  id: string;
  version: number;
  title: Text;
  description: Text;
  reviewed: string;
  reviewBy: string;
  approvedBy: string;
  changelog: { version: number; date: string; text: Text }[];
  file: string;
  start: string;
  nodes: Map<string, CNode>;
  checklist: Map<string, CItem>;
  references: Map<string, Reference>;
  modules: ModuleUse[];
  /** sha256 of everything that decides the routine's behaviour and wording. */
  hash: string;
}

/** Fields a node records, with their types: what conditions and deadlines may name as `node.field`. */
export function recordedFields(node: CNode): Field[] {
  const label = (sv: string, en: string): Text => ({ sv, en });
  const at: Field = { id: 'answered_at', label: label('Besvarad', 'Answered at'), type: 'datetime' };
  switch (node.kind) {
    case 'step':
      return [...(node.record ?? []), at];
    case 'decision':
      return [
        { id: 'decided_by', label: label('Beslutsfattare', 'Decided by'), type: 'text' },
        ...(node.grounds ? [{ id: 'ground', label: label('Grund', 'Ground'), type: 'text' as const }] : []),
        { id: 'decided_at', label: label('Beslutstid', 'Time of decision'), type: 'datetime' },
        ...(node.carried_out
          ? [{ id: 'carried_out_at', label: label('Verkställt', 'Carried out at'), type: 'datetime' as const }]
          : []),
        ...(node.record ?? []),
        at,
      ];
    default:
      return [at];
  }
}

export function findField(node: CNode, field: string): Field | undefined {
  return recordedFields(node).find((f) => f.id === field);
}

/** Splits `a.b.field` into the node `a.b` and `field`, or returns the node itself when the ref names one. */
export function resolveRef(
  nodes: ReadonlyMap<string, CNode>,
  ref: string,
): { node: CNode; field?: string } | undefined {
  const direct = nodes.get(ref);
  if (direct) return { node: direct };
  const dot = ref.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const node = nodes.get(ref.slice(0, dot));
  return node ? { node, field: ref.slice(dot + 1) } : undefined;
}
