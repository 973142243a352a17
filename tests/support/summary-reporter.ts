import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one machine-readable closing line, `N passed, N failed, N skipped`, after vitest's own
 * report, so CI can read the result. A module that failed to load counts as one failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of modules) {
      let moduleTests = 0;
      for (const test of module.children.allTests()) {
        moduleTests += 1;
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
      if (moduleTests === 0 && module.state() === "failed") failed += 1;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
