/**
 * FETV's package: reads the raw FETV-EVAL files into the store's rows — prompts and their categories, the four
 * generators plus the real reference videos, every rater's 1–5 ratings, and each video's human score by the
 * protocol — and the five automatic metrics' scores the files distribute.
 */
import path from "node:path";
import type { z } from "zod";
import { humanScores } from "../../../src/engine/index.ts";
import type { Benchmark } from "../../../src/schemas/benchmark.ts";
import {
  FetvMetricScoresSchema,
  FetvPromptSchema,
  FetvRatingLineSchema,
  type FetvPrompt,
  type FetvRating,
} from "../../../src/schemas/fetv.ts";
import { slugify } from "../../../src/schemas/ids.ts";
import { problemsFromZod, throwIfProblems, type Problem } from "../../lib/input-error.ts";
import { displayPath, readJsonFile, readText } from "../../lib/read-data.ts";
import type { StoreContent } from "../../lib/store-content.ts";
import type { BenchmarkAdapter, MetricEntry, MetricScores } from "../adapter.ts";

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
const METRICS: Readonly<Record<string, MetricEntry>> = {
  CLIPScore: { name: "CLIPScore", ...SCORES, url: "https://arxiv.org/abs/2104.08718", kind: "alignment-metric" },
  "CLIPScore-ft": { name: "CLIPScore-ft", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "alignment-metric" },
  BLIPScore: { name: "BLIPScore", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "alignment-metric" },
  "Otter-VQA": { name: "Otter-VQA", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "lmm-metric" },
  UMTScore: { name: "UMTScore", ...SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "alignment-metric" },
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

/** Reads a JSON-lines file, validating every non-empty line; all problems at once. */
function readJsonLines<S extends z.ZodType>(file: string, schema: S): { line: number; value: z.output<S> }[] {
  const shown = displayPath(file);
  const problems: Problem[] = [];
  const rows: { line: number; value: z.output<S> }[] = [];
  readText(file)
    .split("\n")
    .forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push({ file: shown, line, message: `is not valid JSON (${(error as Error).message})` });
        return;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) rows.push({ line, value: parsed.data });
      else problems.push(...problemsFromZod(shown, line, parsed.error));
    });
  throwIfProblems(problems);
  return rows;
}

/** The prompts of datas/fetv_data.json, in file order (the line order is the prompt index). */
function readPrompts(datasetDir: string): FetvPrompt[] {
  const file = path.join(datasetDir, "datas", "fetv_data.json");
  const rows = readJsonLines(file, FetvPromptSchema);
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

/** Adds prompts and their dimension memberships; every category must be a dimension of benchmark.json. */
function addPrompts(content: StoreContent, benchmark: Benchmark, datasetDir: string, prompts: readonly FetvPrompt[]): void {
  const file = displayPath(path.join(datasetDir, "datas", "fetv_data.json"));
  const known = new Set(benchmark.dimensions.map((d) => d.id));
  const problems: Problem[] = [];
  prompts.forEach((prompt, index) => {
    content.prompts.push({ benchmarkId: benchmark.id, id: String(index), text: prompt.prompt });
    const seen = new Set<string>();
    for (const { field, id } of categoriesOf(prompt)) {
      if (!known.has(id)) {
        problems.push({ file, line: index + 1, field, message: `category maps to dimension "${id}", which benchmark.json does not define` });
      } else if (!seen.has(id)) {
        seen.add(id);
        content.promptDimensions.push({ benchmarkId: benchmark.id, promptId: String(index), dimensionId: id });
      }
    }
  });
  throwIfProblems(problems);
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
  for (const { line, value } of readJsonLines(file, FetvRatingLineSchema)) {
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

/** Adds FETV's prompts, entries, videos, raw ratings and per-video human scores (by the protocol) to the content. */
export function importFetv(content: StoreContent, benchmark: Benchmark, datasetDir: string): void {
  const prompts = readPrompts(datasetDir);
  const videos = listVideos(prompts);
  addPrompts(content, benchmark, datasetDir, prompts);

  for (const model of MODELS) {
    content.t2vEntries.push({
      benchmarkId: benchmark.id,
      id: model.id,
      name: model.name,
      organization: model.organization,
      access: model.isReference ? null : "open",
      url: model.url,
      isReference: model.isReference,
      source: "ratings",
      evaluatorId: null,
      license: null,
      method: null,
      submissionId: null,
    });
  }
  const items = [...videos.values()];
  for (const video of items) {
    content.videos.push({
      benchmarkId: benchmark.id,
      id: video.id,
      promptId: String(video.promptIndex),
      t2vEntryId: video.model.id,
      isReference: video.model.isReference,
      labelled: true,
    });
  }

  const byRater = RATERS.map((rater) => {
    const merged = new Map<string, FetvRating>();
    for (const model of MODELS) {
      for (const [id, rating] of readRaterFile(datasetDir, rater, model, prompts, videos)) merged.set(id, rating);
    }
    return merged;
  });

  for (const perspective of PERSPECTIVES) {
    // One matrix per perspective over all videos, reference videos included: a procedure that normalizes a
    // rater (z-scores) does so relative to everything that rater saw.
    const matrix = byRater.map((ratings) => items.map((video) => ratings.get(video.id)?.[perspective] ?? null));
    matrix.forEach((row, r) => {
      row.forEach((score, i) => {
        if (score === null) return;
        content.ratings.push({
          benchmarkId: benchmark.id,
          batch: "dataset",
          videoId: items[i]?.id ?? "",
          perspectiveId: perspective,
          rater: RATERS[r] ?? "",
          score,
        });
      });
    });
    const result = humanScores(benchmark.protocol.humanScore, matrix);
    for (const { rater, reason } of result.setAside) {
      console.warn(`FETV ${perspective}: rater ${RATERS[rater] ?? rater} left out of the human scores (${reason}).`);
    }
    items.forEach((video, i) => {
      const score = result.scores[i] ?? null;
      if (score === null) return;
      content.groundTruth.push({
        benchmarkId: benchmark.id,
        videoId: video.id,
        perspectiveId: perspective,
        mos: score,
        rawMos: result.rawMeans[i] ?? null,
        sd: result.sd[i] ?? null,
        count: result.count[i] ?? null,
        answer: null,
      });
    });
  }
}

/** Reads the five automatic metrics of FETV-EVAL, keyed by our video ids (every video, references included). */
export function readFetvMetricScores(datasetDir: string): MetricScores[] {
  const prompts = readPrompts(datasetDir);
  const videos = listVideos(prompts);
  const problems: Problem[] = [];
  const all = Object.keys(METRICS).map((metric) => {
    const scores = new Map<string, number>();
    for (const model of MODELS) {
      const file = path.join(datasetDir, "auto_eval_results", metric, `auto_eval_results_${model.autoName}.json`);
      for (const [key, score] of Object.entries(readJsonFile(file, FetvMetricScoresSchema))) {
        const id = videoId(model, Number(key));
        if (videos.has(id)) scores.set(id, score);
        else problems.push({ file: displayPath(file), field: key, message: `no ${model.name} video for prompt index ${key}` });
      }
    }
    // Named from the datasets root, so that the stored path is the same wherever the build runs.
    return { metric, file: `${path.basename(datasetDir)}/auto_eval_results/${metric}`, scores };
  });
  throwIfProblems(problems);
  return all;
}

/** FETV's package. */
export const fetv: BenchmarkAdapter = {
  dataset: {
    name: "FETV",
    what: "raw annotations",
    folder: "fetv-eval",
    marker: "datas/fetv_data.json",
    origin: "https://github.com/llyx97/FETV-EVAL",
  },
  importDataset: importFetv,
  metricScores: (dir) => readFetvMetricScores(dir).map((scores) => ({ entry: METRICS[scores.metric] as MetricEntry, scores })),
  videoSource: ({ t2vEntryId, promptId }) => {
    const model = MODELS.find((m) => m.id === t2vEntryId);
    if (model?.isReference) return `${VIDEOS_URL} (real_videos.zip, the video of prompt index ${promptId})`;
    return `${VIDEOS_URL} (folder ${model?.autoName ?? t2vEntryId}/videos, the video of prompt index ${promptId})`;
  },
};
