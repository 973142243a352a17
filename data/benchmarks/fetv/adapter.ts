/**
 * FETV's adapter: reads the raw FETV-EVAL files into a benchmark package — prompts and their categories, the
 * four generators plus the real reference videos, every rater's 1–5 ratings, and the five automatic metrics'
 * scores the files distribute.
 */
import fs from "node:fs";
import path from "node:path";
import {
  FetvMetricScoresSchema,
  FetvPromptSchema,
  FetvRatingLineSchema,
  type FetvPrompt,
  type FetvRating,
} from "./source-schema.ts";
import { slugify } from "../../../src/schemas/ids.ts";
import type { PackageMetric } from "../../../src/schemas/package.ts";
import {
  displayPath,
  emptyPackage,
  readJsonFile,
  readJsonLinesFile,
  throwIfProblems,
  type BenchmarkAdapter,
  type BenchmarkPackage,
  type Problem,
} from "../../../scripts/benchmarks/kit.ts";

/** A FETV video source: its names in the manual and automatic result files, and its entry on our boards. */
interface FetvModel {
  readonly manualName: string;
  readonly autoName: string;
  readonly id: string;
  readonly name: string;
  readonly organization: string | null;
  readonly url: string | null;
  readonly isReference: boolean;
}

const MODELS: readonly FetvModel[] = [
  {
    manualName: "cogvideo",
    autoName: "cogvideo",
    id: "cogvideo",
    name: "CogVideo",
    organization: "Tsinghua University",
    url: "https://github.com/THUDM/CogVideo",
    isReference: false,
  },
  {
    manualName: "damo-text2video",
    autoName: "modelscope-t2v",
    id: "modelscope-t2v",
    name: "ModelScopeT2V",
    organization: "Alibaba DAMO Academy",
    url: "https://huggingface.co/damo-vilab/text-to-video-ms-1.7b",
    isReference: false,
  },
  {
    manualName: "text2video-zero",
    autoName: "text2video-zero",
    id: "text2video-zero",
    name: "Text2Video-Zero",
    organization: "Picsart AI Research",
    url: "https://github.com/Picsart-AI-Research/Text2Video-Zero",
    isReference: false,
  },
  {
    manualName: "zeroscope",
    autoName: "zeroscope",
    id: "zeroscope",
    name: "ZeroScope",
    organization: null,
    url: null,
    isReference: false,
  },
  {
    manualName: "ground-truth",
    autoName: "ground-truth",
    id: "reference",
    name: "Real videos (reference)",
    organization: null,
    url: null,
    isReference: true,
  },
];

const RATERS = ["human0", "human1", "human2"] as const;
const PERSPECTIVES = ["static_quality", "temporal_quality", "alignment"] as const;

const SCORES = { organization: "FETV-EVAL (Liu et al., 2023)", license: "CC BY 4.0 (FETV)" };

/** The five metrics of FETV-EVAL, by the folder name of their scores, in the order of the paper's table. */
const METRICS: Readonly<Record<string, Omit<PackageMetric, "source">>> = {
  CLIPScore: { id: "clipscore", name: "CLIPScore", ...SCORES, url: "https://arxiv.org/abs/2104.08718", kind: "alignment-metric" },
  "CLIPScore-ft": { id: "clipscore-ft", name: "CLIPScore-ft", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "alignment-metric" },
  BLIPScore: { id: "blipscore", name: "BLIPScore", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "alignment-metric" },
  "Otter-VQA": { id: "otter-vqa", name: "Otter-VQA", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "lmm-metric" },
  UMTScore: { id: "umtscore", name: "UMTScore", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "alignment-metric" },
};

/** Where the generated and the real videos can be downloaded (FETV-EVAL README, section 1). */
const VIDEOS_URL = "https://huggingface.co/datasets/lyx97/FETV_gen_videos";

/** One video of FETV as we identify it. */
interface FetvVideo {
  readonly id: string;
  readonly promptIndex: number;
  readonly model: FetvModel;
}

/** Our id of a FETV video: `<entry id>/<prompt index>`. */
function videoId(model: FetvModel, promptIndex: number): string {
  return `${model.id}/${promptIndex}`;
}


/** The prompts of datas/fetv_data.json, in file order (the line order is the prompt index). */
function readPrompts(datasetDir: string): FetvPrompt[] {
  const file = path.join(datasetDir, "datas", "fetv_data.json");
  const rows = readJsonLinesFile(file, FetvPromptSchema);
  // A blank line in the middle would shift every index after it; refuse rather than misnumber.
  const gap = rows.find((row, index) => row.line !== index + 1);
  if (gap !== undefined) {
    throwIfProblems([{ file: displayPath(file), line: gap.line - 1, message: "blank line; the line number is the prompt index" }]);
  }
  return rows.map((row) => row.value);
}

/** Every FETV video: each generator for every prompt, and a real video for the prompts that have one. */
function listVideos(prompts: readonly FetvPrompt[]): Map<string, FetvVideo> {
  const videos = new Map<string, FetvVideo>();
  for (const model of MODELS) {
    prompts.forEach((prompt, promptIndex) => {
      // Only prompts taken from MSR-VTT/WebVid carry a real video (and its URL).
      if (model.isReference && prompt.video_url === undefined) return;
      const id = videoId(model, promptIndex);
      videos.set(id, { id, promptIndex, model });
    });
  }
  return videos;
}

/** The dimension ids of a prompt: its categories in all four families. */
function categoriesOf(prompt: FetvPrompt): { field: string; id: string }[] {
  const tagged = (field: string, prefix: string, labels: readonly string[] | null) =>
    (labels ?? []).map((label) => ({ field, id: `${prefix}-${slugify(label)}` }));
  return [
    ...tagged("major content.spatial", "spatial", prompt["major content"].spatial),
    ...tagged("major content.temporal", "temporal", prompt["major content"].temporal),
    ...tagged("attribute control.spatial", "attribute", prompt["attribute control"].spatial),
    ...tagged("attribute control.temporal", "attribute", prompt["attribute control"].temporal),
    ...tagged("prompt complexity", "complexity", prompt["prompt complexity"]),
  ];
}

/** Where to download one video (FETV-EVAL README, section 1). */
function videoSource(video: FetvVideo): string {
  if (video.model.isReference) return `${VIDEOS_URL} (real_videos.zip, the video of prompt index ${video.promptIndex})`;
  return `${VIDEOS_URL} (folder ${video.model.autoName}/videos, the video of prompt index ${video.promptIndex})`;
}

/** Reads one rater's ratings of one model, keyed by our video id; checks indices and video ids. */
function readRaterFile(
  datasetDir: string,
  rater: string,
  model: FetvModel,
  prompts: readonly FetvPrompt[],
  videos: ReadonlyMap<string, FetvVideo>,
): Map<string, FetvRating> {
  const file = path.join(datasetDir, "manual_eval_results", rater, `manual_eval_results_${model.manualName}.json`);
  const shown = displayPath(file);
  const problems: Problem[] = [];
  const byVideo = new Map<string, FetvRating>();
  const lineOf = new Map<string, number>();
  for (const { line, value } of readJsonLinesFile(file, FetvRatingLineSchema)) {
    for (const [key, rating] of Object.entries(value)) {
      const promptIndex = Number(key);
      const id = videoId(model, promptIndex);
      const prompt = prompts[promptIndex];
      const expected = prompt?.video_id ?? "None";
      if (!videos.has(id)) {
        problems.push({ file: shown, line, field: key, message: `no ${model.name} video for prompt index ${key}` });
      } else if (rating.video_id !== expected) {
        problems.push({ file: shown, line, field: `${key}.video_id`, message: `is "${rating.video_id}" but prompt ${key} has "${expected}"` });
      } else if (lineOf.has(id)) {
        problems.push({ file: shown, line, field: key, message: `prompt index already rated on line ${lineOf.get(id)}` });
      } else {
        lineOf.set(id, line);
        byVideo.set(id, rating);
      }
    }
  }
  throwIfProblems(problems);
  return byVideo;
}

/**
 * The five automatic metrics' scores of FETV-EVAL, keyed by our video ids (every video, references included);
 * none when the folder auto_eval_results/ is absent (the human data alone still make the boards).
 */
function addMetricScores(pkg: BenchmarkPackage, datasetDir: string, videos: ReadonlyMap<string, FetvVideo>): void {
  if (!fs.existsSync(path.join(datasetDir, "auto_eval_results"))) return;
  const problems: Problem[] = [];
  for (const [folder, metric] of Object.entries(METRICS)) {
    // Named from the datasets root, so that the stored path is the same wherever the build runs.
    pkg.metrics.push({ ...metric, source: `${path.basename(datasetDir)}/auto_eval_results/${folder}`, at: { file: displayPath(path.join(datasetDir, "auto_eval_results", folder)) } });
    for (const model of MODELS) {
      const file = path.join(datasetDir, "auto_eval_results", folder, `auto_eval_results_${model.autoName}.json`);
      for (const [key, score] of Object.entries(readJsonFile(file, FetvMetricScoresSchema))) {
        const id = videoId(model, Number(key));
        if (videos.has(id)) pkg.metricScores.push({ metric: metric.id, video: id, score, at: { file: displayPath(file) } });
        else problems.push({ file: displayPath(file), field: key, message: `no ${model.name} video for prompt index ${key}` });
      }
    }
  }
  throwIfProblems(problems);
}

/** Reads FETV-EVAL's raw files into a package. */
export function readFetv(datasetDir: string): BenchmarkPackage {
  const pkg = emptyPackage();
  const prompts = readPrompts(datasetDir);
  const videos = listVideos(prompts);
  const promptsFile = displayPath(path.join(datasetDir, "datas", "fetv_data.json"));
  prompts.forEach((prompt, index) => {
    pkg.prompts.push({ id: String(index), text: prompt.prompt, dimensions: [...new Set(categoriesOf(prompt).map((c) => c.id))], at: { file: promptsFile, line: index + 1 } });
  });
  for (const model of MODELS) {
    pkg.models.push({ id: model.id, name: model.name, organization: model.organization, url: model.url, access: model.isReference ? null : "open", reference: model.isReference, at: { file: "FETV adapter" } });
  }
  for (const video of videos.values()) {
    pkg.videos.push({ id: video.id, prompt: String(video.promptIndex), model: video.model.id, split: null, source: videoSource(video), at: { file: promptsFile, line: video.promptIndex + 1 } });
  }
  const byRater = RATERS.map((rater) => {
    const merged = new Map<string, FetvRating>();
    for (const model of MODELS) {
      for (const [id, rating] of readRaterFile(datasetDir, rater, model, prompts, videos)) merged.set(id, rating);
    }
    return merged;
  });
  const ratingsFile = displayPath(path.join(datasetDir, "manual_eval_results"));
  for (const perspective of PERSPECTIVES) {
    for (const video of videos.values()) {
      const ratings: Record<string, number> = {};
      RATERS.forEach((rater, r) => {
        const score = byRater[r]?.get(video.id)?.[perspective];
        if (score !== undefined && score !== null) ratings[rater] = score;
      });
      if (Object.keys(ratings).length > 0) pkg.groundTruth.push({ video: video.id, perspective, ratings, at: { file: ratingsFile } });
    }
  }
  addMetricScores(pkg, datasetDir, videos);
  return pkg;
}

/** FETV's adapter. */
export const adapter: BenchmarkAdapter = { readPackage: (dir) => readFetv(dir) };
