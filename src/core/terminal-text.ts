// Text from files and typing (routines, contacts, answers files, notes) reaches the caseworker's
// terminal. A control character there can retitle the window (OSC), move the cursor over what is
// shown and fake a prompt (CSI, CR), hide text (NUL, zero-width, conceal) or reverse it (bidi
// overrides). Every such character is shown as a visible escape instead: the text stays readable
// and nothing is silently lost, which matters when the text is a note in a case.

/**
 * C0 controls except tab and newline; DEL and C1; the bidirectional embeddings, overrides, isolates
 * and marks; zero-width characters and the BOM; line/paragraph separators (they break a line as
 * newline does, but where nobody expects it); and the interlinear annotation controls.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
/** The same, with newline and tab: for one-line places (a value inside an error sentence, a field). */
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

// \uXXXX for all: readable, and inside JSON output (which leaves C1 and bidi characters raw) it
// is a valid escape that decodes back to the same character.
const escapeChar = (ch: string): string => `\\u${(ch.codePointAt(0) as number).toString(16).padStart(4, '0')}`;

export function hasUnsafeChar(s: string): boolean {
  UNSAFE_INLINE.lastIndex = 0;
  return UNSAFE_INLINE.test(s);
}

/** The first unsafe character, escaped, and its index; for diagnostics that name it. */
export function firstUnsafeChar(s: string): { index: number; shown: string } | undefined {
  UNSAFE_INLINE.lastIndex = 0;
  const m = UNSAFE_INLINE.exec(s);
  return m ? { index: m.index, shown: escapeChar(m[0]) } : undefined;
}

/** Multi-line text (a note, a help text): newlines and tabs stay, every other control is escaped. */
export function safeText(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** One-line text: newlines and tabs are escaped too, so a value cannot start a fake line of output. */
export function safeInline(s: string): string {
  return s.replace(UNSAFE_INLINE, escapeChar);
}

/**
 * The styles this tool itself paints with (chalk: bold, dim, inverse, red, green, yellow, blue,
 * cyan and their resets). Nothing else is let through: no conceal, no black, no background, no
 * cursor movement, no OSC. A file cannot emit these bytes either, since they are escaped on the way in.
 */
const OWN_SGR = /\x1b\[(?:1|2|7|22|27|31|32|33|34|36|39)m/y;

/**
 * The last line of defence, on everything written to stdout/stderr by the tool itself: our own
 * colour codes pass, any other control character is made visible. Text that was already made safe
 * passes unchanged (a backslash is not a control character).
 */
export function safeOutput(s: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/.test(s)) return s;
  let out = '';
  let i = 0;
  let from = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x1b) {
      OWN_SGR.lastIndex = i;
      const m = OWN_SGR.exec(s);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (c === 0x1b || (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || isUnsafeWide(c)) {
      out += s.slice(from, i) + escapeChar(s[i] as string);
      from = i + 1;
    }
    i++;
  }
  return out + s.slice(from);
}

function isUnsafeWide(c: number): boolean {
  return (
    c === 0x061c || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb)
  );
}

/**
 * Every string in parsed data (values and keys) made safe, in place; returns the paths where
 * something was escaped, for a warning at the right line. Keys are rebuilt with defineProperty so
 * that a key never reaches a prototype. One shared path stack: this runs over every node of every
 * file, and a new array per node showed in profiles.
 */
export function sanitizeData(data: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const path: (string | number)[] = [];
  const define = (obj: object, k: string, value: unknown) =>
    Object.defineProperty(obj, k, { value, enumerable: true, writable: true, configurable: true });
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') {
          if (hasUnsafeChar(v)) {
            node[i] = safeText(v);
            found.push([...path, i]);
          }
        } else if (v !== null && typeof v === 'object') {
          path.push(i);
          walk(v);
          path.pop();
        }
      }
    } else if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        const v = obj[key];
        let k = key;
        if (hasUnsafeChar(key)) {
          k = safeInline(key);
          delete obj[key];
          define(obj, k, v);
          found.push([...path, key]);
        }
        if (typeof v === 'string') {
          if (hasUnsafeChar(v)) {
            define(obj, k, safeText(v));
            found.push([...path, key]);
          }
        } else if (v !== null && typeof v === 'object') {
          path.push(key);
          walk(v);
          path.pop();
        }
      }
    }
  };
  walk(data);
  return found;
}
