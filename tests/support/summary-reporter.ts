import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one machine-readable closing line, `N passed, N failed, N skipped`, after vitest's own
 * report, so CI can read the result. A file that fails outside its tests (an import error, a failing
 * hook) counts as one failure, so the line never reads 0 failed when vitest exits 1.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of modules) {
      let moduleFailures = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") moduleFailures += 1;
        else skipped += 1;
      }
      // A file can fail without a failing test (an import error, a failing beforeAll): count it once.
      failed += module.state() === "failed" && moduleFailures === 0 ? 1 : moduleFailures;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
