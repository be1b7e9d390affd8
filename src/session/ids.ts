// Session ids name files on disk, so they carry nothing about the case: random, short enough to
// read aloud or type on a phone call, and from an alphabet without 0/1 so o/l cannot be misread.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'; // RFC 4648 base32, lower case
const LENGTH = 10; // 50 bits: collisions are negligible, and creation uses 'wx' anyway
const PATTERN = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

export function newSessionId(): string {
  // 256 is a multiple of 32, so masking to 5 bits keeps every letter equally likely.
  const bytes = randomBytes(LENGTH);
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}

/** The only check between user input and a file name: rejects '../x', 'a/b', 'C:', '' and the like. */
export function isSessionId(s: unknown): s is string {
  return typeof s === 'string' && PATTERN.test(s);
}
