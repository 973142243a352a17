/**
 * A submission to AIGVE-60K built without its release is refused with where to get the release and the one
 * command, the same words the board's note shows (both read the benchmark's `dataset` declaration).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";
import { capture, fileBytes, formulaPredictions, tempDataDir, tempDir, TEST_GENERATION_CARD, v2tManifest, writeBundleDir } from "../support/bundles.ts";

const definition = BenchmarkSchema.parse(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../data/benchmarks/aigve-60k/benchmark.json"), "utf8")));

describe("a submission to AIGVE-60K without its release", () => {
  let root: string;
  let dataDir: string;
  let store: string;

  beforeAll(async () => {
    root = tempDir("no-release");
    dataDir = tempDataDir(["aigve-60k"]);
    store = path.join(root, "store.sqlite");
    // An empty datasets folder: the release is absent, so the store holds AIGVE-60K's published figures only.
    const datasets = path.join(root, "datasets");
    fs.mkdirSync(datasets);
    writeStore(await buildContent({ dataDir, datasetsDir: datasets, resamples: 20 }), store);
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  const bundles = {
    v2t: () => ({ "manifest.json": JSON.stringify(v2tManifest("aigve-60k", "Formula Metric"), null, 2), "predictions.jsonl": formulaPredictions(["a/1", "b/2"]) }),
    t2v: () => ({
      "manifest.json": JSON.stringify({
        ...Object.fromEntries(Object.entries(v2tManifest("aigve-60k", "New Model")).filter(([key]) => key !== "trainingData")),
        direction: "t2v",
        generationCard: TEST_GENERATION_CARD,
        entry: { name: "New Model", organization: "Test Lab", access: "open", url: "https://example.org/model", license: "MIT", contact: "team@example.org" },
        method: "How it was made.",
      }, null, 2),
      "ratings.csv": "video,perspective,rater,score\n1,perception,ann,3\n",
    }),
  };

  for (const direction of ["v2t", "t2v"] as const) {
    it(`refuses a ${direction.toUpperCase()} bundle, naming where to get the release and the one command, and stores nothing`, async () => {
      const bundle = writeBundleDir(path.join(root, "bundles", direction), bundles[direction]());
      const before = fileBytes(store);
      const stdout = capture();
      const stderr = capture();
      const outcome = await submitBundle({ bundle, dataDir, store, stdout, stderr });
      expect(outcome.status).toBe("rejected");
      const text = stderr.text();
      expect(text).toMatch(new RegExp(`aigve-60k has no per-video data in this store .*so ${direction.toUpperCase()} submissions cannot be scored on it; to make it possible, get the AIGVE-60K release`));
      expect(text).toContain("https://huggingface.co/datasets/IntMeGroup/AIGVE-60K");
      expect(definition.dataset?.command).toBeTruthy();
      expect(text).toContain(`one command from the repository root: ${definition.dataset?.command}`);
      expect(fileBytes(store)).toBe(before);
    });
  }
});
