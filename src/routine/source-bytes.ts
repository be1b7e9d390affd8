// Turning a routine file's bytes into text, defensively: a file over the size limit, with a NUL
// byte or with bytes that are not UTF-8 is one diagnostic at the place it goes wrong, never a crash.
import { MAX_FILE_BYTES } from './cache.js';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';

/** Where a diagnostic about the whole file points. */
export const fileStart = (file: string): Position => ({ file, line: 1, col: 1 });

export function decodeBytes(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { ok: false, diagnostic: diag('file-too-large', fileStart(file), { max: '2 MB' }) };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, diagnostic: diag('binary-content', offsetPos(bytes, nul, file)) };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, diagnostic: diag('not-utf8', offsetPos(bytes, firstInvalidUtf8(bytes), file)) };
  }
}

/** Line and column (in characters, not bytes) of a byte offset in UTF-8 text. */
function offsetPos(bytes: Uint8Array, offset: number, file: string): Position {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i] as number;
    if (b === 10) {
      line++;
      col = 1;
    } else if ((b & 0xc0) !== 0x80) col += b >= 0xf0 ? 2 : 1; // UTF-16 units, as the YAML positions count
  }
  return { file, line, col };
}

/** Offset of the first byte that does not start (or continue) a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    if (len > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + len));
      } catch {
        return i;
      }
    }
    i += len;
  }
  return 0;
}
