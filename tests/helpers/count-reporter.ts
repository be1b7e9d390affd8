// Writes the counts for the closing line of .ci/run ("N passed, N failed") to the file named by
// JOUR_ROUTINE_COUNTS. Vitest's JSON report has no field for errors outside a test (an unhandled
// rejection, a file that fails to load, a failing hook); here each of those counts as a failure,
// so the line never says "0 failed" above a failing run.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<unknown>): void {
    const file = process.env.JOUR_ROUTINE_COUNTS;
    if (!file) return;
    let passed = 0;
    let failed = 0;
    let errors = unhandled.length;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
      // Errors of the file itself: it did not load, or a beforeAll/afterAll hook threw.
      errors += m.errors().length;
    }
    writeFileSync(file, JSON.stringify({ passed, failed, errors }));
  }
}
