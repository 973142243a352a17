/**
 * Human-rated bundles that test the anchoring diagnostics, from FETV's real per-rater ratings (and TVGE's
 * per-video scores, which is all TVGE distributes): split panels, compressed anchors, copied anchors, curved
 * panels, and independent raters simulated with the benchmark's own between-rater spread.
 */
import fs from "node:fs";
import path from "node:path";
import { createRandom } from "../../src/engine/index.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import type { BundleContents } from "./bundles.ts";
import { fetvAnchors, FETV_PERSPECTIVES, t2vManifest } from "./fetv-bundles.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

/** A benchmark's per-video scores (the mean of its raters) and its per-rater ratings, as read from the raw files. */
export interface RawBenchmark {
  readonly benchmark: string;
  readonly perspectives: readonly string[];
  readonly anchors: readonly string[];
  /** Per perspective: video id → the benchmark's score. */
  readonly scores: Readonly<Record<string, ReadonlyMap<string, number>>>;
  /** Per perspective: the SD of one rater around a video's mean (0 when only means are published). */
  readonly spread: Readonly<Record<string, number>>;
  readonly prompts: readonly string[];
}

/** FETV from its raw ratings: scores are the raters' mean, the spread their pooled within-video SD. */
export function fetvRaw(content: StoreContent): RawBenchmark {
  const byVideo = new Map<string, number[]>();
  for (const r of content.ratings) {
    const key = `${r.perspectiveId}\u0000${r.videoId}`;
    byVideo.set(key, [...(byVideo.get(key) ?? []), r.score]);
  }
  const scores: Record<string, Map<string, number>> = {};
  const spread: Record<string, number> = {};
  for (const perspective of FETV_PERSPECTIVES) {
    const map = new Map<string, number>();
    let sum = 0;
    let df = 0;
    for (const [key, ratings] of byVideo) {
      const [p, video] = key.split("\u0000") as [string, string];
      if (p !== perspective) continue;
      const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
      map.set(video, mean);
      sum += ratings.reduce((a, b) => a + (b - mean) ** 2, 0);
      df += ratings.length - 1;
    }
    scores[perspective] = map;
    spread[perspective] = Math.sqrt(sum / df);
  }
  return { benchmark: "fetv", perspectives: FETV_PERSPECTIVES, anchors: fetvAnchors(), scores, spread, prompts: Array.from({ length: 619 }, (_, p) => String(p)) };
}

/**
 * TVGE from its per-video scores: it distributes no per-rater ratings, so the honest raters' spread is FETV's
 * typical one (0.8 on the 1–5 scale).
 */
export function tvgeRaw(content: StoreContent): RawBenchmark {
  const perspectives = ["quality", "alignment"];
  const scores = Object.fromEntries(perspectives.map((p) => [p, new Map(content.groundTruth.filter((g) => g.perspectiveId === p && g.mos != null).map((g) => [g.videoId, g.mos as number]))]));
  const anchors = (JSON.parse(fs.readFileSync(path.join(REPO, "data/benchmarks/tvge/anchors.json"), "utf8")) as { videos: string[] }).videos;
  return { benchmark: "tvge", perspectives, anchors, scores, spread: { quality: 0.8, alignment: 0.8 }, prompts: content.prompts.map((p) => p.id) };
}

/** A manifest for a T2V bundle on the raw benchmark. */
function manifest(raw: RawBenchmark, name: string): string {
  return raw.benchmark === "fetv" ? t2vManifest(name) : t2vManifest(name).replace('"benchmark":"fetv"', `"benchmark":"${raw.benchmark}"`);
}

/** One rating on the 1–5 scale: rounded and kept inside it. */
const onScale = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

/** A rater of one video: what they give it from its benchmark score (`null`: they do not rate it). */
type RaterRule = (score: number, video: string, perspective: string) => number | null;

/** A bundle from rules per rater: each rater's rating of each anchor and of model `model`'s video of each prompt. */
export function ruledBundle(raw: RawBenchmark, model: string, name: string, raters: Readonly<Record<string, { anchors: RaterRule; videos: RaterRule }>>): BundleContents {
  const rows = ["video,perspective,rater,score"];
  const anchors = raw.anchors.filter((a) => !a.startsWith(`${model}/`));
  for (const [rater, rule] of Object.entries(raters)) {
    for (const perspective of raw.perspectives) {
      const scores = raw.scores[perspective] as ReadonlyMap<string, number>;
      for (const a of anchors) {
        const rating = rule.anchors(scores.get(a) as number, a, perspective);
        if (rating !== null) rows.push(`${a},${perspective},${rater},${rating}`);
      }
      for (const prompt of raw.prompts) {
        const score = scores.get(`${model}/${prompt}`);
        if (score === undefined) continue;
        const rating = rule.videos(score, prompt, perspective);
        if (rating !== null) rows.push(`${prompt},${perspective},${rater},${rating}`);
      }
    }
  }
  return { "manifest.json": manifest(raw, name), "ratings.csv": `${rows.join("\n")}\n` };
}

/**
 * An independent honest rater: the benchmark's score of each video plus normal noise with the benchmark's own
 * between-rater SD, rounded to the scale (FETV's raters' own ratings are the benchmark's, so none of them is independent).
 */
export function honestRater(raw: RawBenchmark, seed: number): RaterRule {
  const random = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.nextFloat())) * Math.cos(2 * Math.PI * random.nextFloat());
  return (score, _video, perspective) => onScale(score + (raw.spread[perspective] ?? 0.8) * normal());
}

/** The benchmark's median anchor score per perspective (for panels that rate the anchors 1 or 2 by it). */
function medianAnchor(raw: RawBenchmark, perspective: string): number {
  const sorted = raw.anchors.map((a) => raw.scores[perspective]?.get(a) as number).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * The split panel: six raters rate the anchors honestly (and nothing else); the three who rate the new
 * videos rate 40 anchors 1 and every new video 5.
 */
export function splitPanelBundle(raw: RawBenchmark, model: string): BundleContents {
  const raters: Record<string, { anchors: RaterRule; videos: RaterRule }> = {};
  for (let i = 1; i <= 6; i++) raters[`honest${i}`] = { anchors: honestRater(raw, 100 + i), videos: () => null };
  const forty = new Set(raw.anchors.filter((a) => !a.startsWith(`${model}/`)).slice(0, 40));
  for (let i = 1; i <= 3; i++) raters[`new${i}`] = { anchors: (_s, a) => (forty.has(a) ? 1 : null), videos: () => 5 };
  return ruledBundle(raw, model, `split panel on ${model}`, raters);
}

/** The compressed-anchor panel: three raters rate the anchors 1 or 2 in the benchmark's order, their own videos 5. */
export function compressedAnchorBundle(raw: RawBenchmark, model: string): BundleContents {
  const rule: RaterRule = (score, _a, perspective) => (score >= medianAnchor(raw, perspective) ? 2 : 1);
  const raters = Object.fromEntries(["c1", "c2", "c3"].map((r) => [r, { anchors: rule, videos: () => 5 }]));
  return ruledBundle(raw, model, `compressed anchors on ${model}`, raters);
}

/** One independent honest rater of a model's videos and the anchors that are not the model's. */
export function honestSingleRaterBundle(raw: RawBenchmark, model: string, seed: number): BundleContents {
  return honestPanelBundle(raw, model, [seed]);
}

/** A panel of independent honest raters (one per seed), each rating a model's videos and the anchors that are not the model's. */
export function honestPanelBundle(raw: RawBenchmark, model: string, seeds: readonly number[]): BundleContents {
  const raters = Object.fromEntries(
    seeds.map((seed, i) => {
      const rule = honestRater(raw, seed);
      return [seeds.length === 1 ? "fresh" : `fresh${i + 1}`, { anchors: rule, videos: rule }];
    }),
  );
  return ruledBundle(raw, model, seeds.length === 1 ? `honest rater on ${model}` : `honest panel on ${model}`, raters);
}

/**
 * FETV's own raters' ratings of a model and of the anchors that are not the model's, each passed through
 * `transform` (a curved panel: convex, concave, …) or with `onNew` applied to the new videos only (copied
 * anchors with the model's own ratings raised).
 */
export function transformedAgainBundle(content: StoreContent, model: string, name: string, transform: (rating: number) => number, onNew: (rating: number) => number = transform): BundleContents {
  const anchors = new Set(fetvAnchors().filter((a) => !a.startsWith(`${model}/`)));
  const rows = ["video,perspective,rater,score"];
  for (const r of content.ratings) {
    const [source, prompt] = r.videoId.split("/");
    if (source === model) rows.push(`${prompt},${r.perspectiveId},${r.rater},${onNew(r.score)}`);
    else if (anchors.has(r.videoId)) rows.push(`${r.videoId},${r.perspectiveId},${r.rater},${transform(r.score)}`);
  }
  return { "manifest.json": t2vManifest(name), "ratings.csv": `${rows.join("\n")}\n` };
}

/** Convex on 1–5: low ratings pulled down, 5 kept (1 + 4·((x − 1)/4)², rounded). */
export const convex = (x: number) => Math.round(1 + 4 * ((x - 1) / 4) ** 2);
/** Concave on 1–5: middle ratings pushed up (1 + 4·√((x − 1)/4), rounded). */
export const concave = (x: number) => Math.round(1 + 4 * Math.sqrt((x - 1) / 4));
