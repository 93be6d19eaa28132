import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, for CI logs; with
 * ALBUMS_TEST_COUNTS set, also writes the counts there as JSON (scripts/test.sh adds up its lanes).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
    if (process.env.ALBUMS_TEST_COUNTS) fs.writeFileSync(process.env.ALBUMS_TEST_COUNTS, JSON.stringify(counts));
  }
}
