// What a node asks, part by part, and how the answers become its one input event. A step with
// three fields or a decision with who/ground/times is still one event in the log: nothing of a
// half-answered node is recorded, and going back never lands in the middle of one.
import type { CNode } from '../core/model.js';
import type { Field } from '../core/schema.js';
import type { AnswerValue, InputEvent } from '../core/events.js';
import { t } from '../core/i18n.js';
import {
  carriedOutSpec, decidedAtSpec, decidedBySpec, doneSpec, endSpec, fieldSpec, groundSpec, questionSpec,
} from './node-prompts.js';
import type { Reply, Spec, Ui } from './prompts.js';

export interface NodeAsk {
  /**
   * Built when asked, so a default of "now" is the time the prompt appears; `draft` as in Reply;
   * `sofar` the node's parts answered before this one (a time may not precede an earlier one).
   */
  spec: (draft?: unknown, sofar?: readonly unknown[]) => Spec<Reply<unknown>>;
  /** Help of the field being asked, shown with the node's own. */
  help?: string;
  /** The field may be left "fyll i senare": its value is then LATER. */
  later?: boolean;
  /** What is asked, in a line that says it was left for later. */
  name?: string;
}

/** The value of a field left "fyll i senare". */
export const LATER: unique symbol = Symbol('later');

const valueOf = (v: unknown): FieldValue => (v === LATER ? null : (v as FieldValue));
const laterOf = (fields: readonly { id: string }[], values: readonly unknown[]) => {
  const ids = fields.flatMap((f, i) => (values[i] === LATER ? [f.id] : []));
  return ids.length ? { later: ids } : {};
};
/** A draft that is LATER (going back to a deferred field) offers no default. */
const draftOf = <T>(draft: unknown, prev: T): T | undefined => (draft === LATER ? undefined : ((draft as T | undefined) ?? prev));

export interface NodeAsks {
  intro?: string;
  items: NodeAsk[];
  event: (values: unknown[], at: string) => InputEvent | 'finish';
}

type FieldValue = string | number | null;

const asReply = <T>(spec: Spec<Reply<T>>) => spec as Spec<Reply<unknown>>;

/** The earlier time of the same node a field declares it may not precede, once that time is answered. */
function notBeforeOf(ui: Ui, n: CNode, f: Field, named: Record<string, unknown>): { value: string; label: string } | undefined {
  if (f.not_before === undefined) return undefined;
  const value = named[f.not_before];
  const other = (n.kind === 'step' || n.kind === 'decision' ? (n.record ?? []) : []).find((x) => x.id === f.not_before);
  const label = other?.label[ui.lang] ?? (f.not_before === 'decided_at' ? t(ui.lang, 'ia.time.decidedAt') : f.not_before);
  return typeof value === 'string' ? { value, label } : undefined;
}

/** `deferrable`: which record fields may wait; `questionLater`: whether the question may wait here. */
export function nodeAsks(ui: Ui, n: CNode, prev: InputEvent | undefined, deferrable: (field: string) => boolean = () => false, questionLater = false): NodeAsks {
  /** `named`: the node's values answered so far, by id, for a field's `not_before`. */
  const field = (f: Field, p: FieldValue | undefined, named: (sofar: readonly unknown[]) => Record<string, unknown>): NodeAsk => {
    const later = deferrable(f.id);
    return {
      spec: (draft, sofar = []) => asReply(fieldSpec(ui, f, draftOf(draft, p), notBeforeOf(ui, n, f, named(sofar)), later)),
      ...(f.help ? { help: f.help[ui.lang] } : {}),
      ...(later ? { later } : {}),
      name: f.label[ui.lang],
    };
  };
  switch (n.kind) {
    case 'question': {
      const p = prev?.t === 'answered' ? prev.value : undefined;
      return {
        items: [{ spec: (draft) => asReply(questionSpec(ui, n, draftOf(draft, p ?? undefined), questionLater)), ...(questionLater ? { later: true } : {}), name: n.question[ui.lang] }],
        event: ([value], at) =>
          value === LATER ? { t: 'answered', at, node: n.id, value: null, later: true } : { t: 'answered', at, node: n.id, value: value as AnswerValue },
      };
    }
    case 'step': {
      const fields = n.record ?? [];
      if (fields.length === 0) {
        return { items: [{ spec: () => asReply(doneSpec(ui, n.step[ui.lang])) }], event: (_, at) => ({ t: 'recorded', at, node: n.id, fields: {} }) };
      }
      const p = prev?.t === 'recorded' ? prev.fields : {};
      return {
        intro: n.step[ui.lang],
        items: fields.map((f) =>
          field(f, p[f.id], (sofar) => Object.fromEntries(fields.slice(0, sofar.length).map((x, i) => [x.id, valueOf(sofar[i])]))),
        ),
        event: (values, at) => ({
          t: 'recorded', at, node: n.id, fields: Object.fromEntries(fields.map((f, i) => [f.id, valueOf(values[i])])), ...laterOf(fields, values),
        }),
      };
    }
    case 'decision': {
      const p = prev?.t === 'decided' ? prev : undefined;
      const fields = n.record ?? [];
      const items: NodeAsk[] = [{ spec: (d) => asReply(decidedBySpec(ui, draftOf(d, p?.decided_by))) }];
      if (n.grounds) items.push({ spec: (d) => asReply(groundSpec(ui, n, draftOf(d, p?.ground))) });
      const decidedAtIndex = items.length;
      items.push({ spec: (d) => asReply(decidedAtSpec(ui, draftOf(d, p?.decided_at))) });
      if (n.carried_out) {
        items.push({ spec: (d, sofar = []) => asReply(carriedOutSpec(ui, draftOf(d, p?.carried_out_at), sofar[decidedAtIndex] as string | undefined)) });
      }
      const firstField = items.length;
      const named = (sofar: readonly unknown[]): Record<string, unknown> => {
        const out: Record<string, unknown> = { decided_at: sofar[decidedAtIndex], ...(n.carried_out ? { carried_out_at: sofar[decidedAtIndex + 1] } : {}) };
        fields.forEach((x, i) => { if (firstField + i < sofar.length) out[x.id] = valueOf(sofar[firstField + i]); });
        return out;
      };
      for (const f of fields) items.push(field(f, p?.fields[f.id], named));
      return {
        intro: t(ui.lang, 'ia.decision.title', { decision: n.decision[ui.lang] }),
        items,
        event: (values, at) => {
          const v = [...values];
          const decided_by = v.shift() as string;
          const ground = n.grounds ? (v.shift() as string) : null;
          const decided_at = v.shift() as string;
          const carried_out_at = n.carried_out ? (v.shift() as string | null) : null;
          const rest = Object.fromEntries(fields.map((f, i) => [f.id, valueOf(v[i])]));
          return { t: 'decided', at, node: n.id, decided_by, ground, decided_at, carried_out_at, fields: rest, ...laterOf(fields, v) };
        },
      };
    }
    case 'end':
      return { items: [{ spec: () => asReply(endSpec(ui)) }], event: () => 'finish' };
  }
}
