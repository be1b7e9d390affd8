// The kinds of file the tool reads, each with its own JSON Schema (`jour-routine schema --kind`).
// Apart from owner/json-schema.ts so that registering the command loads no zod.
export const SCHEMA_KINDS = ['routine', 'module', 'references', 'contacts', 'scenarios'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
