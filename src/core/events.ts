// The events of a session, one per line in its log. State is never stored: it is derived by
// replaying these against the routine (src/engine/walk.ts), so this schema is the whole record.
import { z } from 'zod';

const Instant = z.string().min(1).describe('ISO 8601 instant with offset');
const FieldValue = z.union([z.string(), z.number(), z.null()]);
/** Record fields left "fyll i senare" (absent in logs written before deferral existed). */
const Later = z.array(z.string()).optional();
export const AnswerValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const StartedEvent = z.object({
  t: z.literal('started'),
  v: z.literal(1),
  at: Instant,
  session: z.string(),
  routine: z.object({ id: z.string(), version: z.number(), hash: z.string() }),
  case_ref: z.string(),
  worker: z.string(),
  practice: z.boolean(),
  lang: z.enum(['sv', 'en']),
  tool_version: z.string(),
  /** Set when the walk was entered afterwards from an answers file (`run --answers --save`). */
  entered_from: z.literal('answers-file').optional(),
});

export const EventSchema = z.discriminatedUnion('t', [
  StartedEvent,
  // `later`: the question was left "fyll i senare" (value null); only where no answer changes the path.
  z.object({ t: z.literal('answered'), at: Instant, node: z.string(), value: AnswerValue, later: z.literal(true).optional() }),
  z.object({ t: z.literal('recorded'), at: Instant, node: z.string(), fields: z.record(z.string(), FieldValue), later: Later }),
  z.object({
    t: z.literal('decided'),
    at: Instant,
    node: z.string(),
    decided_by: z.string(),
    ground: z.string().nullable(),
    decided_at: Instant,
    carried_out_at: Instant.nullable(),
    fields: z.record(z.string(), FieldValue),
    later: Later,
  }),
  // A field or question left "fyll i senare" filled in afterwards, without going back: nothing that
  // chooses the path, a deadline or a time order reads can be deferred, so filling it in never
  // changes the path; it may add checklist items (engine/later.ts). `value`: a question's answer.
  z.object({ t: z.literal('completed'), at: Instant, node: z.string(), fields: z.record(z.string(), FieldValue), value: AnswerValue.optional() }),
  z.object({ t: z.literal('went_back'), at: Instant, node: z.string() }),
  z.object({ t: z.literal('noted'), at: Instant, node: z.string().nullable(), text: z.string() }),
  z.object({
    t: z.literal('ticked'),
    at: Instant,
    item: z.string(),
    status: z.enum(['done', 'na', 'open']),
    by: z.string(),
    reason: z.string().nullable(),
  }),
  z.object({ t: z.literal('paused'), at: Instant }),
  z.object({ t: z.literal('resumed'), at: Instant, routine_hash: z.string() }),
  z.object({ t: z.literal('finished'), at: Instant }),
]);

export type SessionEvent = z.infer<typeof EventSchema>;
export type Started = z.infer<typeof StartedEvent>;
export type InputEvent = Extract<SessionEvent, { t: 'answered' | 'recorded' | 'decided' }>;
