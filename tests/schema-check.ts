// A small JSON Schema (draft-07) checker for the keywords the generated schemas use, so the tests
// can check real files against them without adding a validator to the project. An unknown keyword
// is an error here, so a schema that grows beyond what this checks cannot pass unnoticed.
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$comment', '$ref', 'title', 'description', 'definitions', 'type', 'properties', 'required',
  'additionalProperties', 'propertyNames', 'items', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', 'pattern',
  'minLength', 'maxLength', 'minItems', 'minimum', 'maximum', 'default', 'format',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function validate(root: Schema, data: unknown): string[] {
  const errors: string[] = [];
  const check = (s: Schema, v: unknown, at: string): void => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) errors.push(`${at}: schema keyword ${k} not supported by the checker`);
    if (typeof s.$ref === 'string') {
      const name = s.$ref.replace(/^#\/definitions\//, '');
      const target = (root.definitions as Record<string, Schema> | undefined)?.[name];
      if (!target) errors.push(`${at}: unresolved ${s.$ref}`);
      else check(target, v, at);
    }
    if (s.type !== undefined) {
      const types = [s.type].flat() as string[];
      const t = typeOf(v);
      if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) {
        errors.push(`${at}: ${t} is not ${types.join('|')}`);
        return;
      }
    }
    if (s.enum && !(s.enum as unknown[]).includes(v)) errors.push(`${at}: ${JSON.stringify(v)} not in enum`);
    if ('const' in s && s.const !== v) errors.push(`${at}: ${JSON.stringify(v)} is not ${JSON.stringify(s.const)}`);
    if (typeof v === 'string') {
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) errors.push(`${at}: "${v}" does not match ${s.pattern}`);
      // format: date as ajv-formats has it: a real calendar day, so 2026-02-30 is refused.
      if (s.format === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))) errors.push(`${at}: "${v}" is not a date`);
      if (typeof s.minLength === 'number' && v.length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
      if (typeof s.maxLength === 'number' && v.length > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${at}: below ${s.minimum}`);
      if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${at}: above ${s.maximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
      if (s.items) v.forEach((x, i) => check(s.items as Schema, x, `${at}[${i}]`));
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const r of (s.required ?? []) as string[]) if (!(r in o)) errors.push(`${at}: missing ${r}`);
      for (const [k, x] of Object.entries(o)) {
        if (s.propertyNames) check(s.propertyNames as Schema, k, `${at}{${k}}`);
        if (props[k]) check(props[k], x, `${at}.${k}`);
        else if (s.additionalProperties === false) errors.push(`${at}: unknown key ${k}`);
        else if (typeof s.additionalProperties === 'object') check(s.additionalProperties as Schema, x, `${at}.${k}`);
      }
    }
    const branches = (list: Schema[]) => list.map((b) => {
      const before = errors.length;
      check(b, v, at);
      return errors.splice(before).length === 0;
    });
    for (const b of (s.allOf ?? []) as Schema[]) check(b, v, at);
    if (s.anyOf && !branches(s.anyOf as Schema[]).some(Boolean)) errors.push(`${at}: matches none of anyOf`);
    if (s.oneOf && branches(s.oneOf as Schema[]).filter(Boolean).length !== 1) errors.push(`${at}: must match exactly one of oneOf`);
  };
  check(root, data, '$');
  return errors;
}
