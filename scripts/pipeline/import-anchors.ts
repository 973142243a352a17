/**
 * Imports a benchmark's anchor set, checked against its labelled pool: the list in
 * data/benchmarks/<id>/anchors.json when there is one, else the set chosen from the dataset itself by the
 * fixed rule of choose-anchors.ts (the same release always gives the same anchors).
 */
import fs from "node:fs";
import path from "node:path";
import { AnchorListSchema, type AnchorList, type Benchmark } from "../../src/schemas/benchmark.ts";
import type { BenchmarkPackage } from "../benchmarks/types.ts";
import { ANCHOR_COUNT, anchorCandidates, anchorMethod, chooseAnchors } from "./choose-anchors.ts";
import { throwIfProblems, type Problem } from "../io/input-error.ts";
import { displayPath, readJsonFile } from "../io/read-data.ts";
import type { StoreContent } from "../store/store-content.ts";

/** The anchor list file of a benchmark folder. */
export function anchorsFile(benchmarkDir: string): string {
  return path.join(benchmarkDir, "anchors.json");
}

/** The anchor list chosen by rule from a benchmark's labelled pool in the content. */
export function chosenAnchorList(content: StoreContent, benchmark: Benchmark, count: number = ANCHOR_COUNT): AnchorList {
  const perspectives = benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  const of = <T extends { benchmarkId: string }>(rows: readonly T[]) => rows.filter((r) => r.benchmarkId === benchmark.id);
  const candidates = anchorCandidates(of(content.videos), of(content.groundTruth), perspectives);
  return { method: anchorMethod(count, perspectives), videos: chooseAnchors(candidates, count) };
}

/**
 * Adds the anchors of a benchmark whose labelled pool is in the content: each must be a labelled video of a
 * T2V model (not a real reference video) with ground truth for every MOS perspective, listed once.
 */
export function importAnchors(content: StoreContent, benchmark: Benchmark, benchmarkDir: string, pkg: BenchmarkPackage): void {
  if (benchmark.anchoring === null) return;
  const file = anchorsFile(benchmarkDir);
  const shown = fs.existsSync(file) ? displayPath(file) : `the anchor set chosen from the ${benchmark.title} dataset`;
  const list = fs.existsSync(file) ? readJsonFile(file, AnchorListSchema) : chosenAnchorList(content, benchmark);
  const videos = new Map(content.videos.filter((v) => v.benchmarkId === benchmark.id).map((v) => [v.id, v]));
  const sources = new Map(pkg.videos.map((v) => [v.id, v.source]));
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
      content.anchors.push({ benchmarkId: benchmark.id, videoId: id, position, source: sources.get(id) ?? `the ${benchmark.title} dataset (video ${id})` });
    }
  });
  throwIfProblems(problems);
}
