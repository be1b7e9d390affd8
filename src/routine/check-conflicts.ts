// Conflicts: checklist items (and answer options) that must never be on the same path, because
// together they would tell the night shift two opposite things ("contact the guardians" beside
// "tell the suspected guardians nothing"). The check is a dataflow over the compiled graph, not an
// enumeration of paths: each node holds the set of distinct "fact sets" that can reach it, where a
// fact set records only what matters here (the conflicting items and options already on the path,
// and the answers that later conditions test). Paths that differ in anything else merge, so a
// routine with millions of paths costs as much as its number of distinct relevant histories, and
// that number is capped per node by widening (merging everything that reaches the node), which may
// report a conflict that no real walk can produce but never misses one. Facts that no later node
// can use (an answer no later condition tests, an item whose partners cannot follow) are dropped on
// arrival, as a compiler drops dead variables; that keeps the combinations few in real routines.
//
// The parts: the declared pairs (conflict-pairs.ts), the bits of a fact set (conflict-bits.ts),
// liveness (conflict-liveness.ts), the dataflow (conflict-dataflow.ts) with its answer forks
// (conflict-choices.ts) and three-valued conditions (conflict-conditions.ts), and the diagnostics
// (conflict-report.ts).
import type { Uses } from './compile.js';
import { factBits } from './conflict-bits.js';
import { runDataflow } from './conflict-dataflow.js';
import { liveMasks } from './conflict-liveness.js';
import { declaredPairs } from './conflict-pairs.js';
import { conflictReporter } from './conflict-report.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { CompiledRoutine } from '../core/model.js';

export { STATES_PER_NODE } from './conflict-dataflow.js';

export function checkConflicts(r: CompiledRoutine, uses: Uses): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pairs = declaredPairs(r, uses, out);
  if (pairs.size === 0 || !r.nodes.has(r.start)) return out;
  const bits = factBits(r, uses, pairs);
  const report = conflictReporter(r, pairs, bits, out);
  runDataflow(r, bits, liveMasks(r, pairs, bits), report);
  return out;
}
