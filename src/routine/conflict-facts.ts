// What the conflict check's fact sets are made of. A fact set is a bigint: bit 0 marks a widened
// set, the other bits stand for a conflicting item or option on the path or for one value of an
// answer that a branch condition tests (conflict-bits.ts hands them out).
import type { Position } from '../core/diagnostics.js';

/** Bit 0 marks a widened (merged) fact set. */
export const WIDE = 1n;

/** A value tracked for a tested answer; ANSWERED when only "answered or not" can be known. */
export const ANSWERED = '\u0000answered';

/** An answer that a condition tests, and the bits of the values it can take. */
export interface Tracked {
  ref: string;
  node: string;
  /** Values the answer can take when the node is visited; '' stands for "left empty". */
  values: string[];
  bits: Map<string, bigint>;
  all: bigint;
}

/** A place that puts a conflicting item or option on the path. */
export interface Site {
  key: string;
  pos: Position;
  /** The node whose visit or route puts it on the path. */
  node: string;
}
