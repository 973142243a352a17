import "./scripts/check-node.mjs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    // Each test file gets its own temp root (os.tmpdir() inside it), removed when the file ends, passed or failed.
    setupFiles: ["./tests/support/temp-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Browser and store tests each start heavy processes; two cores are shared by two workers.
    maxWorkers: 2,
  },
});
