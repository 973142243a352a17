/**
 * A synthetic AIGVE-60K release in the real release's format (data/benchmarks/aigve-60k/source-schema.ts), at
 * any scale, with structure planted so that tests and the bench know what the boards must show:
 *
 * - T2V models of known order: model k (in the order listed) has the k-th highest perception and
 *   correspondence level and the k-th highest share of yes answers, well apart from its neighbours.
 * - A V2T method of known agreement (the bundle): its perception scores are the human MOS themselves
 *   (SRCC 1 at both levels), its correspondence scores the MOS plus noise, and its yes/no answers the humans'
 *   except on every fifth test video (QA accuracy known exactly, written to planted.json).
 * - Every fifth prompt is in the test split; prompts belong to one or two of the task dimensions, given by a
 *   prompts.jsonl and dimensions.jsonl in the package format beside the release.
 */
import fs from "node:fs";
import path from "node:path";
import { createRandom, standardNormals } from "../../src/engine/index.ts";
import { AIGVE_META_FILES } from "../../data/benchmarks/aigve-60k/source-schema.ts";
import { PACKAGE_FILES } from "../../src/schemas/package.ts";

/** The size and seed of a synthetic release. */
export interface SyntheticOptions {
  readonly videos: number;
  readonly models: number;
  readonly prompts: number;
  readonly dimensions: number;
  readonly seed: number;
}

/** What the generator planted, for tests to check the boards against. */
export interface Planted {
  /** Model folder names, best first (the order the T2V boards must show). */
  readonly modelOrder: string[];
  readonly testVideos: number;
  /** The method's QA accuracy on the test split, in %. */
  readonly methodQaAccuracy: number;
  /** The method's instance- and model-level perception SRCC (its scores are the MOS). */
  readonly methodPerceptionSrcc: 1;
}

/** Model folder names: the published T2V models' names without spaces (as release folders tend to be), then Model31…. */
function modelNames(count: number): string[] {
  const published = fs
    .readFileSync(path.resolve(import.meta.dirname, "../../data/benchmarks/aigve-60k/published/t2v-models.csv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => (line.split(",")[0] as string).replace(/\s+/g, ""));
  return Array.from({ length: count }, (_, k) => published[k] ?? `Model${String(k + 1).padStart(2, "0")}`);
}

const LEVEL_WORDS = ["bad", "poor", "fair", "good", "excellent"];
const level = (mos: number) => LEVEL_WORDS[Math.min(4, Math.floor(mos / 20))] as string;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Writes a synthetic release into `dir` and, when `bundleDir` is given, the planted V2T method's bundle, with
 * predictions for the test split (what the protocol scores) or, with `bundleScope` "all", for every video;
 * returns what was planted.
 */
export function writeSyntheticRelease(dir: string, options: SyntheticOptions, bundleDir?: string, bundleScope: "test" | "all" = "test"): Planted {
  const { videos, models, prompts, dimensions, seed } = options;
  if (models < 2 || prompts < 1 || dimensions < 1 || videos < models) throw new RangeError("need at least 2 models, 1 prompt, 1 dimension and a video per model");
  if (Math.ceil(videos / models) > prompts) throw new RangeError(`${videos} videos of ${models} models need at least ${Math.ceil(videos / models)} prompts`);
  fs.mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const names = modelNames(models);
  const promptIds = Array.from({ length: prompts }, (_, p) => String(10001 + p));
  const promptEffect = standardNormals(seed + 1, prompts);
  const noise = standardNormals(seed + 2, 2 * videos);
  const isTest = (p: number) => p % 5 === 0;

  // Dimensions and prompts, in the package format beside the release.
  const dims = Array.from({ length: dimensions }, (_, d) => `task-${String(d + 1).padStart(2, "0")}`);
  fs.writeFileSync(path.join(dir, PACKAGE_FILES.dimensions), dims.map((id, d) => `${JSON.stringify({ id, label: `Task ${d + 1}`, group: "Synthetic task dimensions" })}\n`).join(""));
  const promptText = (p: number) => `a synthetic scene number ${p + 1} with ${p % 7 + 1} objects`;
  fs.writeFileSync(
    path.join(dir, PACKAGE_FILES.prompts),
    promptIds.map((id, p) => {
      const own = [dims[p % dimensions] as string];
      if (dimensions > 1 && p % 3 === 0) own.push(dims[(p * 7 + 3) % dimensions] as string);
      return `${JSON.stringify({ id, text: promptText(p), dimensions: [...new Set(own)] })}\n`;
    }).join(""),
  );

  const lines: Record<keyof typeof AIGVE_META_FILES, Record<"train" | "test", string[]>> = {
    perception: { train: [], test: [] },
    correspondence: { train: [], test: [] },
    qa: { train: [], test: [] },
  };
  const predictions: string[] = [];
  let testVideos = 0;
  let agreed = 0;
  let v = 0;
  for (let m = 0; m < models; m++) {
    const share = Math.floor(videos / models) + (m < videos % models ? 1 : 0);
    // Each model its own run of prompts, so that models share most prompts but not all.
    const start = Math.floor((m * prompts) / models);
    const quality = 75 - (45 * m) / (models - 1);
    const match = 70 - (40 * m) / (models - 1);
    const yesShare = 0.85 - (0.5 * m) / (models - 1);
    for (let k = 0; k < share; k++, v++) {
      const p = (start + k) % prompts;
      const video = `videos/${names[m]}/${promptIds[p]}.mp4`;
      const id = `${names[m]}/${promptIds[p]}`;
      const effect = 6 * (promptEffect[p] as number);
      const perception = round2(Math.min(100, Math.max(0, quality + effect + 9 * (noise[2 * v] as number))));
      const correspondence = round2(Math.min(100, Math.max(0, match + effect + 9 * (noise[2 * v + 1] as number))));
      const yes = random.nextFloat() < yesShare;
      const split = isTest(p) ? "test" : "train";
      lines.perception[split].push(JSON.stringify({ video, conversations: [{ from: "human", value: "<video>\nHow is the quality of the video?" }, { from: "gpt", value: `The quality of the video is ${level(perception)}.` }], mos: perception }));
      lines.correspondence[split].push(JSON.stringify({ video, conversations: [{ from: "human", value: `<video>\nHow would you rate the correspondence of this video and its prompt? prompt:${promptText(p)}` }, { from: "gpt", value: `The correspondence of the video and its prompt is ${level(correspondence)}.` }], mos: correspondence }));
      lines.qa[split].push(JSON.stringify({ video, conversations: [{ from: "human", value: `<video>\nDoes the video show ${p % 7 + 1} objects? Please answer yes or no.` }, { from: "gpt", value: yes ? "Yes" : "No" }], mos: yes ? 100 : 0 }));
      const flip = split === "test" && testVideos % 5 === 0;
      if (split === "test") {
        testVideos++;
        if (!flip) agreed++;
      }
      if (split === "test" || bundleScope === "all") {
        predictions.push(JSON.stringify({ video: id, scores: { perception, correspondence: round2(correspondence + 12 * (noise[(2 * v + 7) % noise.length] as number)) }, answer: yes !== flip ? "yes" : "no" }));
      }
    }
  }
  for (const [perspective, file] of Object.entries(AIGVE_META_FILES) as [keyof typeof AIGVE_META_FILES, string][]) {
    const stem = file.replace(/\.json$/, "");
    for (const split of ["train", "test"] as const) fs.writeFileSync(path.join(dir, `${stem}_${split}.jsonl`), `${lines[perspective][split].join("\n")}\n`);
    const meta = { aigve60k: { root: "./data/videos", annotation_train: `data/${stem}_train.jsonl`, annotation_test: `data/${stem}_test.jsonl`, data_augment: false, repeat_time: 1 } };
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(meta, null, 2)}\n`);
  }
  const planted: Planted = { modelOrder: names, testVideos, methodQaAccuracy: (100 * agreed) / testVideos, methodPerceptionSrcc: 1 };
  fs.writeFileSync(path.join(dir, "planted.json"), `${JSON.stringify({ ...options, ...planted }, null, 2)}\n`);
  if (bundleDir !== undefined) {
    fs.mkdirSync(bundleDir, { recursive: true });
    const manifest = {
      schemaVersion: 1,
      benchmark: "aigve-60k",
      direction: "v2t",
      entry: { name: "Planted Method", organization: "AIGVE Leaderboard tests", url: "https://example.org/planted", license: "CC0-1.0", kind: "lmm-evaluator", contact: "tests@example.org" },
      method: "Synthetic: perception scores are the human MOS, correspondence scores the MOS plus noise, yes/no answers the humans' except on every fifth test video.",
      sampledBy: "AIGVE Leaderboard tests",
      evaluatedBy: "AIGVE Leaderboard tests",
      codeUrl: null,
      weightsUrl: null,
      date: "2025-01-01",
      // Made from the human scores themselves: the planted method is, in effect, trained on the benchmark.
      trainingData: [{ dataset: "AIGVE-60K", split: "test" }],
    };
    fs.writeFileSync(path.join(bundleDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(bundleDir, "predictions.jsonl"), `${predictions.join("\n")}\n`);
  }
  return planted;
}
