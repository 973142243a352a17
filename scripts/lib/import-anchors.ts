/** Imports a benchmark's anchor set (data/benchmarks/<id>/anchors.json), checked against its labelled pool. */
import fs from "node:fs";
import path from "node:path";
import { AnchorListSchema, type Benchmark } from "../../src/schemas/benchmark.ts";
import type { BenchmarkAdapter } from "../benchmarks/adapter.ts";
import { throwIfProblems, type Problem } from "./input-error.ts";
import { displayPath, readJsonFile } from "./read-data.ts";
import type { StoreContent } from "./store-content.ts";

/** The anchor list file of a benchmark folder. */
export function anchorsFile(benchmarkDir: string): string {
  return path.join(benchmarkDir, "anchors.json");
}

/**
 * Adds the anchors of a benchmark whose labelled pool is in the content: each must be a labelled video of a
 * T2V model (not a real reference video) with ground truth for every MOS perspective, listed once.
 */
export function importAnchors(content: StoreContent, benchmark: Benchmark, benchmarkDir: string, adapter: BenchmarkAdapter): void {
  if (benchmark.anchoring === null) return;
  const file = anchorsFile(benchmarkDir);
  const shown = displayPath(file);
  if (!fs.existsSync(file)) {
    throwIfProblems([{ file: shown, message: "is missing; the benchmark declares anchoring, so it needs an anchor set (write one with `node scripts/make-anchors.ts`)" }]);
  }
  const list = readJsonFile(file, AnchorListSchema);
  const videos = new Map(content.videos.filter((v) => v.benchmarkId === benchmark.id).map((v) => [v.id, v]));
  const perspectives = benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  const truth = new Set(content.groundTruth.filter((g) => g.benchmarkId === benchmark.id && g.mos !== null).map((g) => `${g.videoId}\u0000${g.perspectiveId}`));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  list.videos.forEach((id, position) => {
    const video = videos.get(id);
    const field = `videos.${position}`;
    if (video === undefined || !video.labelled) problems.push({ file: shown, field, message: `"${id}" is not a labelled video of ${benchmark.id}` });
    else if (video.isReference) problems.push({ file: shown, field, message: `"${id}" is a real reference video; anchors are videos of the T2V models` });
    else if (seen.has(id)) problems.push({ file: shown, field, message: `"${id}" is listed twice` });
    else if (perspectives.some((p) => !truth.has(`${id}\u0000${p}`))) problems.push({ file: shown, field, message: `"${id}" lacks a human score for some perspective` });
    else {
      seen.add(id);
      content.anchors.push({ benchmarkId: benchmark.id, videoId: id, position, source: adapter.videoSource(video) });
    }
  });
  throwIfProblems(problems);
}
