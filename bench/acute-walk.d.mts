// Types of bench/acute-walk.mjs for the test that shares its walk (tests/acute-path.test.ts).
import type { CompiledRoutine } from '../src/core/model.js';

export const ROUTINE: string;
export const BUDGET: { call: number; checklist: number };
export const ANSWERS: Record<string, string>;
export const CALL: RegExp;
export const START_ARGS: string[];

/** The part of a pty harness the walk drives. */
export interface AcuteTerm {
  waitFor(what: RegExp): Promise<string>;
  send(keys: string): void;
}

export interface AcuteWalk {
  toCall?: number;
  callScreen: string;
  toChecklist: number;
  endScreen: string;
  keys: number;
  trail: string[];
  kinds: Record<string, number>;
}

export function walkAcute(r: CompiledRoutine, term: AcuteTerm, data: string, deferAll: boolean): Promise<AcuteWalk>;
export function loadAcuteRoutine(): Promise<CompiledRoutine>;
