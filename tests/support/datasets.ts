/** The external human-annotation datasets for tests: where they are, and suites that need them. */
import { describe, it } from "vitest";
import { datasetsRoot, locateDataset } from "../../scripts/benchmarks/registry.ts";

/** The datasets root the tests read: $AIGVE_DATASETS, else <repo>/../shared/datasets. */
export const DATASETS_DIR = datasetsRoot();

/** The folder of the dataset feeding a benchmark (the suite is skipped or failed when it is absent). */
export function datasetDir(benchmarkId: string): string {
  return locateDataset(benchmarkId, DATASETS_DIR).dir ?? "";
}

/**
 * A describe block that needs the raw files of one benchmark's dataset. Without them it is skipped with a
 * message on a developer machine, but fails in CI: a CI run that silently tested nothing would look green.
 */
export function describeWithDatasets(benchmarkId: string, title: string, body: () => void): void {
  const location = locateDataset(benchmarkId, DATASETS_DIR);
  if (location.dir !== null) {
    describe(title, body);
  } else if (process.env.CI === "true") {
    describe(title, () => {
      it("has the raw dataset files it tests", () => {
        throw new Error(`${location.message} CI must provide the datasets (set AIGVE_DATASETS).`);
      });
    });
  } else {
    console.warn(`Skipping "${title}": ${location.message}`);
    describe.skipIf(true)(title, body);
  }
}
