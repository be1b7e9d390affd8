// Sentence templates for the case note (`note:` on a node): `{name}` puts in an answer or a
// recorded field, `{name:time}` / `{name:date}` only the local time or date of a time, and
// `[ ... ]` is a part left out when a placeholder inside it is empty. Pure: parsing here, values
// from the caller, so the checker and every renderer read a template the same way.

export const TEMPLATE_FORMATS = ['time', 'date'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string; format?: TemplateFormat; offset: number }
  | { kind: 'optional'; parts: TemplatePart[] };

export type TemplateParse =
  | { ok: true; parts: TemplatePart[] }
  | { ok: false; offset: number; problem: 'unclosed-brace' | 'unclosed-bracket' | 'stray-close' | 'nested-bracket' | 'bad-placeholder' };

const NAME = /^([a-z0-9][a-z0-9_-]*)(?::([a-z]+))?$/;

export function parseTemplate(text: string): TemplateParse {
  const top: TemplatePart[] = [];
  let current = top;
  let openedAt = -1;
  let buf = '';
  const flush = () => {
    if (buf !== '') current.push({ kind: 'text', text: buf });
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '{') {
      const close = text.indexOf('}', i);
      if (close < 0) return { ok: false, offset: i, problem: 'unclosed-brace' };
      const m = NAME.exec(text.slice(i + 1, close));
      const format = m?.[2];
      if (!m || (format !== undefined && !(TEMPLATE_FORMATS as readonly string[]).includes(format))) {
        return { ok: false, offset: i, problem: 'bad-placeholder' };
      }
      flush();
      current.push({ kind: 'field', name: m[1] as string, ...(format ? { format: format as TemplateFormat } : {}), offset: i });
      i = close;
    } else if (c === '}') return { ok: false, offset: i, problem: 'stray-close' };
    else if (c === '[') {
      if (current !== top) return { ok: false, offset: i, problem: 'nested-bracket' };
      flush();
      const part: TemplatePart = { kind: 'optional', parts: [] };
      top.push(part);
      current = part.parts;
      openedAt = i;
    } else if (c === ']') {
      if (current === top) return { ok: false, offset: i, problem: 'stray-close' };
      flush();
      current = top;
    } else buf += c;
  }
  if (current !== top) return { ok: false, offset: openedAt, problem: 'unclosed-bracket' };
  flush();
  return { ok: true, parts: top };
}

/** Every placeholder of a parsed template, with its offset in the text. */
export function placeholders(parts: readonly TemplatePart[]): { name: string; offset: number }[] {
  return parts.flatMap((p) => (p.kind === 'field' ? [{ name: p.name, offset: p.offset }] : p.kind === 'optional' ? placeholders(p.parts) : []));
}

/**
 * Fills a template. `value` returns the text for a placeholder, or undefined when it is empty; an
 * empty placeholder outside an optional part becomes "–" so a sentence never silently loses a fact.
 */
export function fillTemplate(parts: readonly TemplatePart[], value: (name: string, format?: TemplateFormat) => string | undefined): string {
  type Piece = { text: string; value: boolean };
  const one = (p: TemplatePart, strict: boolean): Piece[] | undefined => {
    if (p.kind === 'text') return [{ text: p.text, value: false }];
    if (p.kind === 'field') {
      const v = value(p.name, p.format);
      return v === undefined || v.trim() === '' ? (strict ? undefined : [{ text: '–', value: true }]) : [{ text: v, value: true }];
    }
    const inner = p.parts.map((x) => one(x, true));
    return inner.some((x) => x === undefined) ? [] : inner.flatMap((x) => x ?? []);
  };
  const pieces = parts.flatMap((p) => one(p, false) ?? []);
  // An answer typed as a sentence brings its own full stop: the template's after it is not doubled
  // ("Vill inte hem." and not "Vill inte hem..").
  const text = pieces
    .map((x, i) => {
      const before = pieces[i - 1];
      return !x.value && x.text.startsWith('.') && before?.value && /[.!?]$/.test(before.text) ? x.text.slice(1) : x.text;
    })
    .join('');
  // Leaving out a part may leave two spaces or a space before punctuation behind.
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([.,;:)])/g, '$1')
    .trim();
}
