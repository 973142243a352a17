/**
 * No test file leaves a temporary folder behind: a fixture test file that makes folders every way a test can and then
 * fails is run by vitest with the project's setup, in a temporary folder of its own (so test files running in
 * parallel cannot disturb the count), which must be empty afterwards.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const VITEST = path.join(ROOT, "node_modules/vitest/vitest.mjs");
const CONFIG = path.join(ROOT, "tests/fixtures/temp-folders/vitest.config.ts");

it("a test file that fails leaves none of the folders it made behind, its child processes' included", () => {
  const tmp = tempDir("leak-check");
  const report = path.join(tempDir("leak-report"), "made.json");
  // The outer run's VITEST_* variables would tell the inner vitest it is a worker.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  const run = spawnSync(process.execPath, [VITEST, "run", "--config", CONFIG], { cwd: ROOT, encoding: "utf8", env: { ...env, TMPDIR: tmp, AIGVE_TEMP_REPORT: report } });
  expect(run.stdout).toContain("1 passed, 1 failed, 0 skipped");
  expect(run.status).toBe(1);
  const made = JSON.parse(fs.readFileSync(report, "utf8")) as string[];
  expect(made).toHaveLength(4);
  for (const dir of made) {
    expect(dir.startsWith(tmp + path.sep)).toBe(true);
    expect(fs.existsSync(dir)).toBe(false);
  }
  expect(fs.readdirSync(tmp)).toEqual([]);
}, 120_000);
