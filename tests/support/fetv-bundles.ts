/** Submission bundles made from FETV's own raw files: its raters' real ratings resubmitted, random panels, evaluator scores. */
import fs from "node:fs";
import path from "node:path";
import { createRandom } from "../../src/engine/index.ts";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";
import { importFetv, readFetvMetricScores } from "./packages.ts";
import { readJsonFile } from "../../scripts/io/read-data.ts";
import { emptyContent, type StoreContent } from "../../scripts/store/store-content.ts";
import { TEST_GENERATION_CARD, TEST_PROVENANCE, type BundleContents } from "./bundles.ts";
import { datasetDir } from "./datasets.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

/** FETV's four generators (our entry ids) and its three perspectives. */
export const FETV_MODELS = ["cogvideo", "modelscope-t2v", "text2video-zero", "zeroscope"] as const;
export const FETV_PERSPECTIVES = ["static_quality", "temporal_quality", "alignment"] as const;

/** FETV's anchor set, as committed. */
export function fetvAnchors(): string[] {
  return (JSON.parse(fs.readFileSync(path.join(REPO, "data/benchmarks/fetv/anchors.json"), "utf8")) as { videos: string[] }).videos;
}

/** FETV's rows read from the raw files (the benchmark's own raters under batch "dataset"). */
export function fetvContent(): StoreContent {
  const content = emptyContent();
  importFetv(content, readJsonFile(path.join(REPO, "data/benchmarks/fetv/benchmark.json"), BenchmarkSchema), datasetDir("fetv"));
  return content;
}

/** A T2V manifest for FETV. */
export function t2vManifest(name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaVersion: 1,
    benchmark: "fetv",
    direction: "t2v",
    entry: { name, organization: "Round trip", access: "open", url: "https://example.org/again", license: "CC BY 4.0", contact: "team@example.org" },
    method: `Test bundle "${name}".`,
    ...TEST_PROVENANCE,
    generationCard: TEST_GENERATION_CARD,
    ...extra,
  });
}

/**
 * "M again": FETV's raters' own ratings of model M's videos as a new entry, with the same raters' ratings of the
 * anchors that are not M's. `newScores` replaces the new videos' ratings (all 5, all 1) where given.
 */
export function againBundle(content: StoreContent, model: string, name: string, newScores?: number): BundleContents {
  const anchors = new Set(fetvAnchors().filter((a) => !a.startsWith(`${model}/`)));
  const rows = ["video,perspective,rater,score"];
  for (const r of content.ratings) {
    const [source, prompt] = r.videoId.split("/");
    if (source === model) rows.push(`${prompt},${r.perspectiveId},${r.rater},${newScores ?? r.score}`);
    else if (anchors.has(r.videoId)) rows.push(`${r.videoId},${r.perspectiveId},${r.rater},${r.score}`);
  }
  return { "manifest.json": t2vManifest(name), "ratings.csv": `${rows.join("\n")}\n` };
}

/** Three raters with random integer ratings in [low, high] of every prompt (and of every anchor, with `anchors`). */
export function randomRatingsBundle(low: number, high: number, anchors: boolean, seed: number): BundleContents {
  const random = createRandom(seed);
  const videos = [...Array.from({ length: 619 }, (_, p) => String(p)), ...(anchors ? fetvAnchors() : [])];
  const rows = ["video,perspective,rater,score"];
  for (const rater of ["r1", "r2", "r3"]) {
    for (const video of videos) for (const perspective of FETV_PERSPECTIVES) rows.push(`${video},${perspective},${rater},${low + random.nextInt(high - low + 1)}`);
  }
  return { "manifest.json": t2vManifest(`random ratings ${low}-${high}${anchors ? " with anchors" : ""}`), "ratings.csv": `${rows.join("\n")}\n` };
}

/** An auto-scored T2V entry: an evaluator's score per prompt, the same for every perspective. */
export function autoBundle(name: string, evaluator: string, scoreOf: (prompt: number) => number): BundleContents {
  const lines = Array.from({ length: 619 }, (_, p) => {
    const s = scoreOf(p);
    return JSON.stringify({ video: String(p), scores: Object.fromEntries(FETV_PERSPECTIVES.map((q) => [q, s])) });
  });
  return { "manifest.json": t2vManifest(name, { evaluator }), "scores.jsonl": `${lines.join("\n")}\n` };
}

/** One FETV metric's real scores of one model's videos, by prompt index. */
export function metricScoresOf(metric: string, model: string): Map<number, number> {
  const scores = readFetvMetricScores(datasetDir("fetv")).find((m) => m.metric === metric)?.scores ?? new Map<string, number>();
  return new Map([...scores].filter(([id]) => id.startsWith(`${model}/`)).map(([id, s]) => [Number(id.split("/")[1]), s]));
}
