// The routine format. This file is the single source of truth: TypeScript types are inferred from
// it, the loader validates with it, and `jour-routine schema` prints it as JSON Schema.
import { z } from 'zod';

/** Ids are what routine owners type in YAML and in answers files: short, lowercase, no spaces. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'id' })
  .max(64)
  .describe('Lowercase id: letters a-z, digits, - and _');

export const TextSchema = z
  .strictObject({
    sv: z.string().min(1).describe('Swedish text'),
    en: z.string().min(1).describe('English text'),
  })
  .describe('A text in Swedish and English');
export type Text = z.infer<typeof TextSchema>;

export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'date',
  })
  .describe('A date, YYYY-MM-DD');

const RefsSchema = z
  .union([IdSchema, z.array(IdSchema).min(1)])
  .describe('Legal reference id(s) from references.yaml');

const ChecklistRefsSchema = z.array(IdSchema).describe('Checklist item ids to put on the checklist');

// ---------------------------------------------------------------- conditions

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A comparison on an earlier answer or recorded field: `q` names a question id, or `node.field`
 * for a field recorded at a step or decision (e.g. `omhandertagande.decided_at`).
 */
export const ComparisonSchema = z.strictObject({
  q: z.string().min(1).describe('Question id, or node.field for a recorded field'),
  eq: Scalar.optional(),
  ne: Scalar.optional(),
  lt: z.union([z.number(), z.string()]).optional(),
  lte: z.union([z.number(), z.string()]).optional(),
  gt: z.union([z.number(), z.string()]).optional(),
  gte: z.union([z.number(), z.string()]).optional(),
  in: z.array(Scalar).min(1).optional(),
  includes: z.string().optional().describe('For multiple choice: the option is among the chosen'),
  answered: z.boolean().optional().describe('true: the question has an answer on the path'),
});

export const ParamTestSchema = z.strictObject({
  param: IdSchema.describe('A parameter given by the including routine (modules only)'),
  eq: Scalar,
});

export type Condition =
  | z.infer<typeof ComparisonSchema>
  | z.infer<typeof ParamTestSchema>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  // Comparisons first: they are the leaves, so most conditions match on the first try.
  z.union([
    ComparisonSchema,
    ParamTestSchema,
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

// ---------------------------------------------------------------- routing

/** Where to go: a node id, or `return` inside a module to continue after the include. */
export const TargetSchema = IdSchema.describe('Node id to go to (in a module, `return` goes back)');

export const BranchSchema = z.strictObject({
  when: ConditionSchema,
  next: TargetSchema.optional(),
  checklist: ChecklistRefsSchema.optional(),
});

const OnEntrySchema = z.union([
  TargetSchema,
  z.strictObject({ next: TargetSchema.optional(), checklist: ChecklistRefsSchema.optional() }),
]);

// ---------------------------------------------------------------- case note (docs: "Sentence templates")

/** What a node or a recorded field tells the summary at the top of the case note. */
export const SUMMARY_ROLES = ['age', 'language', 'happened', 'location', 'police', 'risk', 'views'] as const;
export type SummaryRole = (typeof SUMMARY_ROLES)[number];
const SummaryRoleSchema = z.enum(SUMMARY_ROLES).describe('Where the answer goes in the case note summary');

/**
 * A sentence for the case note, with {placeholders} for the node's answer and recorded fields and
 * [optional parts] dropped when a placeholder in them is empty. A question may give one per answer.
 */
export const NoteTemplateSchema = z
  .union([TextSchema, z.record(z.string(), TextSchema)])
  .describe('Sentence for the case note: { sv, en }, or per answer (yes/no/option id): { yes: { sv, en }, ... }');
export type NoteTemplate = z.infer<typeof NoteTemplateSchema>;

const common = {
  note: NoteTemplateSchema.optional(),
  summary: SummaryRoleSchema.optional(),
  section: TextSchema.optional().describe('Shown as where the caseworker is'),
  help: TextSchema.optional().describe('What is important to think about'),
  ref: RefsSchema.optional(),
  checklist: ChecklistRefsSchema.optional(),
  contact: IdSchema.optional().describe('Role in the local contacts file to show here'),
};

const routing = {
  next: TargetSchema.optional(),
  branches: z.array(BranchSchema).min(1).optional().describe('First branch whose condition holds wins'),
};

// ---------------------------------------------------------------- nodes

/**
 * Checklist item ids that must never be on the same path as what declares them (an item, or an
 * answer option). `validate` reports every path on which both can appear (check-conflicts.ts).
 */
export const ConflictsSchema = z
  .array(IdSchema)
  .min(1)
  .describe('Checklist item ids that must never be on the same path as this');

export const OptionSchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  help: TextSchema.optional(),
  conflicts: ConflictsSchema.optional().describe('Checklist items that must never be on a path on which this answer is chosen'),
});

export const QUESTION_TYPES = ['yesno', 'choice', 'multi', 'text', 'number', 'datetime'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QuestionNodeSchema = z.strictObject({
  question: TextSchema,
  type: z.enum(QUESTION_TYPES),
  options: z.array(OptionSchema).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  optional: z.boolean().optional().describe('May be left empty'),
  planned: z.boolean().optional().describe('datetime: a planned time, which may lie in the future'),
  not_before: z.string().optional().describe('datetime: may not be earlier than this recorded time (node.field)'),
  later: z.literal(false).optional().describe('"fyll i senare": false keeps a question whose answer changes no path from being left for later'),
  on: z.record(z.string(), OnEntrySchema).optional().describe('Per answer: yes/no, or an option id'),
  ...common,
  ...routing,
});

export const FIELD_TYPES = ['text', 'datetime', 'number', 'yesno'] as const;
export const FieldSchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  type: z.enum(FIELD_TYPES).default('text'),
  optional: z.boolean().optional(),
  help: TextSchema.optional(),
  planned: z.boolean().optional().describe('datetime: a planned time, which may lie in the future'),
  not_before: z.string().optional().describe('datetime: may not be earlier than this time (a field of the same node, or node.field)'),
  later: z.boolean().optional().describe('"fyll i senare": false keeps a field that nothing reads from being deferred; true on a field a condition or deadline reads is an error'),
  summary: SummaryRoleSchema.optional(),
});
export type Field = z.infer<typeof FieldSchema>;

export const StepNodeSchema = z.strictObject({
  step: TextSchema,
  record: z.array(FieldSchema).optional().describe('Fields to record: who was called, when, a reference number'),
  ...common,
  ...routing,
});

export const GroundSchema = z.strictObject({ id: IdSchema, label: TextSchema, ref: RefsSchema.optional() });

export const DecisionNodeSchema = z.strictObject({
  decision: TextSchema,
  grounds: z.array(GroundSchema).min(1).optional().describe('The legal grounds to choose among'),
  carried_out: z.boolean().optional().describe('Also record when the decision was carried out'),
  record: z.array(FieldSchema).optional(),
  ...common,
  ...routing,
});

export const EndNodeSchema = z.strictObject({
  end: TextSchema.describe('The outcome'),
  section: TextSchema.optional(),
  help: TextSchema.optional(),
  ref: RefsSchema.optional(),
  checklist: ChecklistRefsSchema.optional(),
});

export const IncludeNodeSchema = z.strictObject({
  include: z.string().min(1).describe('Path of a module file, relative to this file'),
  with: z.record(IdSchema, Scalar).optional().describe('Parameters the module may test'),
  next: TargetSchema.optional(),
});

export const NODE_KINDS = ['question', 'step', 'decision', 'end', 'include'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const NODE_SCHEMAS = {
  question: QuestionNodeSchema,
  step: StepNodeSchema,
  decision: DecisionNodeSchema,
  end: EndNodeSchema,
  include: IncludeNodeSchema,
} as const;

export const NodeSchema = z.union([
  QuestionNodeSchema,
  StepNodeSchema,
  DecisionNodeSchema,
  EndNodeSchema,
  IncludeNodeSchema,
]);

export type QuestionNode = z.infer<typeof QuestionNodeSchema>;
export type StepNode = z.infer<typeof StepNodeSchema>;
export type DecisionNode = z.infer<typeof DecisionNodeSchema>;
export type EndNode = z.infer<typeof EndNodeSchema>;
export type IncludeNode = z.infer<typeof IncludeNodeSchema>;
export type Node = z.infer<typeof NodeSchema>;

// ---------------------------------------------------------------- checklist

export const OWNERS = ['emergency_service', 'district', 'police', 'other'] as const;
export type Owner = (typeof OWNERS)[number];
export const URGENCIES = ['now', 'before_shift_end', 'later'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const DueSchema = z
  .strictObject({
    days: z.number().int().min(0).max(3650).optional(),
    weeks: z.number().int().min(0).max(520).optional(),
    months: z.number().int().min(0).max(120).optional(),
    next_working_day: z.literal(true).optional(),
    from: z.string().min(1).describe('node.field of a recorded time, e.g. omhandertagande.decided_at'),
  })
  .refine(
    (d) => [d.days, d.weeks, d.months, d.next_working_day].filter((v) => v !== undefined).length === 1,
    { message: 'due-one-unit' },
  );
export type Due = z.infer<typeof DueSchema>;

export const ChecklistItemSchema = z.strictObject({
  text: TextSchema,
  owner: z.enum(OWNERS),
  urgency: z.enum(URGENCIES),
  ref: RefsSchema.optional(),
  help: TextSchema.optional(),
  due: DueSchema.optional(),
  conflicts: ConflictsSchema.optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

// ---------------------------------------------------------------- files

export const ChangeSchema = z.strictObject({
  version: z.number().int().min(1),
  date: LocalDateSchema,
  text: TextSchema,
});

const metadata = {
  version: z.number().int().min(1).describe('Integer version, raised with every approved change'),
  title: TextSchema,
  description: TextSchema,
  reviewed: LocalDateSchema.describe('Reviewed on'),
  review_by: LocalDateSchema.describe('Review again by'),
  approved_by: z.string().min(1),
  changelog: z.array(ChangeSchema).min(1),
};

export const RoutineFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: IdSchema,
  ...metadata,
  start: IdSchema,
  nodes: z.record(IdSchema, NodeSchema),
  checklist: z.record(IdSchema, ChecklistItemSchema).optional(),
  conflicts: z
    .array(z.tuple([IdSchema, IdSchema]))
    .min(1)
    .optional()
    .describe('Pairs of checklist items, from different modules, that must never be on the same path'),
});
export type RoutineFile = z.infer<typeof RoutineFileSchema>;

export const ModuleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  module: IdSchema,
  ...metadata,
  params: z.array(IdSchema).optional().describe('Parameters an include must give'),
  start: IdSchema,
  nodes: z.record(IdSchema, NodeSchema),
  checklist: z.record(IdSchema, ChecklistItemSchema).optional(),
});
export type ModuleFile = z.infer<typeof ModuleFileSchema>;

export const ReferenceSchema = z.strictObject({
  law: TextSchema.describe('Law and paragraph, as printed in the note'),
  title: TextSchema,
  valid_from: LocalDateSchema,
  valid_until: LocalDateSchema.optional().describe('Last day the reference is in force'),
  verify: z.boolean().optional().describe('Not confirmed: the routine owner must check it'),
  note: TextSchema.optional(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const ReferencesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  references: z.record(IdSchema, ReferenceSchema),
});

export const ContactSchema = z.strictObject({
  name: TextSchema,
  phone: z.string().min(1).optional(),
  hours: TextSchema.optional(),
  note: TextSchema.optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  municipality: z.string().min(1),
  updated: LocalDateSchema,
  contacts: z.record(IdSchema, ContactSchema),
});
export type ContactsFile = z.infer<typeof ContactsFileSchema>;

/** Names a node or module may not use, because the format gives them a meaning. */
// The names JavaScript objects carry themselves: as ids they would read as present when missing.
export const RESERVED_IDS = ['return', '__proto__', 'constructor', 'prototype'] as const;
