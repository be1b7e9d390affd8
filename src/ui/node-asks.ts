// What a node asks, part by part, and how the answers become its one input event. A step with
// three fields or a decision with who/ground/times is still one event in the log: nothing of a
// half-answered node is recorded, and going back never lands in the middle of one.
import type { CNode } from '../routine/model.js';
import type { Field } from '../routine/schema.js';
import type { AnswerValue, InputEvent } from '../session/events.js';
import { t } from './i18n.js';
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
}

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

export function nodeAsks(ui: Ui, n: CNode, prev: InputEvent | undefined): NodeAsks {
  switch (n.kind) {
    case 'question': {
      const p = prev?.t === 'answered' ? prev.value : undefined;
      return {
        items: [{ spec: (draft) => asReply(questionSpec(ui, n, (draft as AnswerValue | undefined) ?? p)) }],
        event: ([value], at) => ({ t: 'answered', at, node: n.id, value: value as AnswerValue }),
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
        items: fields.map((f) => ({
          spec: (_draft, sofar = []) => {
            const named = Object.fromEntries(fields.slice(0, sofar.length).map((x, i) => [x.id, sofar[i]]));
            return asReply(fieldSpec(ui, f, p[f.id], notBeforeOf(ui, n, f, named)));
          },
          ...(f.help ? { help: f.help[ui.lang] } : {}),
        })),
        event: (values, at) => ({ t: 'recorded', at, node: n.id, fields: Object.fromEntries(fields.map((f, i) => [f.id, values[i] as FieldValue])) }),
      };
    }
    case 'decision': {
      const p = prev?.t === 'decided' ? prev : undefined;
      const fields = n.record ?? [];
      const items: NodeAsk[] = [{ spec: () => asReply(decidedBySpec(ui, p?.decided_by)) }];
      if (n.grounds) items.push({ spec: () => asReply(groundSpec(ui, n, p?.ground)) });
      const decidedAtIndex = items.length;
      items.push({ spec: () => asReply(decidedAtSpec(ui, p?.decided_at)) });
      if (n.carried_out) {
        items.push({ spec: (_draft, sofar = []) => asReply(carriedOutSpec(ui, p?.carried_out_at, sofar[decidedAtIndex] as string | undefined)) });
      }
      const firstField = items.length;
      for (const f of fields) {
        items.push({
          spec: (_draft, sofar = []) => {
            const named: Record<string, unknown> = { decided_at: sofar[decidedAtIndex], ...(n.carried_out ? { carried_out_at: sofar[decidedAtIndex + 1] } : {}) };
            fields.forEach((x, i) => { if (firstField + i < sofar.length) named[x.id] = sofar[firstField + i]; });
            return asReply(fieldSpec(ui, f, p?.fields[f.id], notBeforeOf(ui, n, f, named)));
          },
          ...(f.help ? { help: f.help[ui.lang] } : {}),
        });
      }
      return {
        intro: t(ui.lang, 'ia.decision.title', { decision: n.decision[ui.lang] }),
        items,
        event: (values, at) => {
          const v = [...values];
          const decided_by = v.shift() as string;
          const ground = n.grounds ? (v.shift() as string) : null;
          const decided_at = v.shift() as string;
          const carried_out_at = n.carried_out ? (v.shift() as string | null) : null;
          const rest = Object.fromEntries(fields.map((f, i) => [f.id, v[i] as FieldValue]));
          return { t: 'decided', at, node: n.id, decided_by, ground, decided_at, carried_out_at, fields: rest };
        },
      };
    }
    case 'end':
      return { items: [{ spec: () => asReply(endSpec(ui)) }], event: () => 'finish' };
  }
}
