/**
 * TVGE's package (the human data of T2VScore as distributed in t2v_metrics): prompts, five generators, their
 * videos and the per-video mean human scores for quality and alignment, used as they are; and the four
 * automatic metrics' scores of t2vscore_results.csv.
 */
import path from "node:path";
import type { Benchmark } from "../../../src/schemas/benchmark.ts";
import {
  TVGE_METRICS,
  TvgeMetricRowSchema,
  TvgeModelSchema,
  TvgeScoresFileSchema,
  type TvgeModel,
  type TvgeScoresFile,
} from "../../../src/schemas/tvge.ts";
import { throwIfProblems, type Problem } from "../../lib/input-error.ts";
import { displayPath, readCsvFile, readJsonFile } from "../../lib/read-data.ts";
import type { StoreContent } from "../../lib/store-content.ts";
import type { BenchmarkAdapter, MetricEntry, MetricScores } from "../adapter.ts";

/** Our entry for each TVGE generator; ids are the names the files use. */
const ENTRIES: Record<TvgeModel, { name: string; organization: string | null; access: "open" | "closed" }> = {
  floor33: { name: "Floor33", organization: null, access: "closed" },
  gen2: { name: "Gen-2", organization: "Runway", access: "closed" },
  modelscope: { name: "ModelScope", organization: "Alibaba DAMO Academy", access: "open" },
  pika: { name: "Pika", organization: "Pika Labs", access: "closed" },
  zeroscope: { name: "ZeroScope", organization: null, access: "open" },
};

/** Our perspective ids and the file holding each. */
const SCORE_FILES = {
  quality: "t2vscore_quality_score.json",
  alignment: "t2vscore_alignment_score.json",
} as const;

const METRICS_FILE = "t2vscore_results.csv";

const SCORES = { organization: "T2VScore / TVGE (Wu et al., 2024)", license: "Apache-2.0 (t2v_metrics repository)" };

/** The four metrics of t2vscore_results.csv, by column name. */
const METRICS: Readonly<Record<(typeof TVGE_METRICS)[number], MetricEntry>> = {
  "CLIP Score": { name: "CLIP Score", ...SCORES, url: "https://arxiv.org/abs/2104.08718", kind: "alignment-metric" },
  "X-CLIP Score": { name: "X-CLIP Score", ...SCORES, url: "https://github.com/microsoft/VideoX/tree/master/X-CLIP", kind: "alignment-metric" },
  "BLIP-BLEU": { name: "BLIP-BLEU", ...SCORES, url: "https://github.com/EvalCrafter/EvalCrafter", kind: "alignment-metric" },
  "T2VScore-A (GPT-4V)": { name: "T2VScore-A (GPT-4V)", ...SCORES, url: "https://showlab.github.io/T2VScore/", kind: "lmm-metric" },
};

/** Where t2v_metrics downloads each generator's videos (dataset.py, class T2VScore), as <prompt index:04d>.mp4. */
const VIDEO_ARCHIVES: Readonly<Record<TvgeModel, string>> = {
  floor33: "https://huggingface.co/datasets/RaphaelLiu/EvalCrafter_T2V_Dataset/resolve/main/floor33.tar.gz",
  gen2: "https://huggingface.co/datasets/RaphaelLiu/EvalCrafter_T2V_Dataset/resolve/main/gen2_december.tar.gz",
  modelscope: "https://huggingface.co/datasets/RaphaelLiu/EvalCrafter_T2V_Dataset/resolve/main/modelscope.tar.gz",
  pika: "https://huggingface.co/datasets/RaphaelLiu/EvalCrafter_T2V_Dataset/resolve/main/pika_v1_december.tar.gz",
  zeroscope: "https://huggingface.co/datasets/RaphaelLiu/EvalCrafter_T2V_Dataset/resolve/main/zeroscope.tar.gz",
};

/** One TVGE video with its human scores. */
interface TvgeVideo {
  readonly id: string;
  readonly promptId: string;
  readonly model: TvgeModel;
  readonly quality: number;
  readonly alignment: number;
}

/** The validated TVGE human data: prompts by index (in numeric order) and videos. */
interface TvgeData {
  readonly prompts: { id: string; text: string }[];
  readonly videos: Map<string, TvgeVideo>;
}

/** Our id of a TVGE video: `<model>/<prompt index>`. */
function videoId(model: TvgeModel, promptIndex: string): string {
  return `${model}/${Number(promptIndex)}`;
}

/** Reads both human-score files and checks that they describe the same prompts and videos. */
function readTvge(datasetDir: string): TvgeData {
  const files = {
    quality: path.join(datasetDir, SCORE_FILES.quality),
    alignment: path.join(datasetDir, SCORE_FILES.alignment),
  };
  const quality: TvgeScoresFile = readJsonFile(files.quality, TvgeScoresFileSchema);
  const alignment: TvgeScoresFile = readJsonFile(files.alignment, TvgeScoresFileSchema);
  const shown = displayPath(files.alignment);
  const problems: Problem[] = [];
  for (const key of Object.keys(quality)) {
    if (!(key in alignment)) problems.push({ file: shown, field: key, message: `prompt index missing (present in ${SCORE_FILES.quality})` });
  }
  const prompts: TvgeData["prompts"] = [];
  const videos = new Map<string, TvgeVideo>();
  const keys = Object.keys(alignment).sort((a, b) => Number(a) - Number(b));
  for (const key of keys) {
    const a = alignment[key];
    const q = quality[key];
    if (a === undefined) continue;
    if (q === undefined) {
      problems.push({ file: displayPath(files.quality), field: key, message: `prompt index missing (present in ${SCORE_FILES.alignment})` });
      continue;
    }
    if (a.prompt !== q.prompt) problems.push({ file: shown, field: `${key}.prompt`, message: `differs from ${SCORE_FILES.quality}` });
    prompts.push({ id: String(Number(key)), text: a.prompt });
    for (const model of TvgeModelSchema.options) {
      const aScore = a.models[model]?.[0];
      const qScore = q.models[model]?.[0];
      if (aScore === undefined && qScore === undefined) continue;
      if (aScore === undefined || qScore === undefined) {
        problems.push({ file: shown, field: `${key}.models.${model}`, message: `scored in only one of the two files` });
        continue;
      }
      const id = videoId(model, key);
      videos.set(id, { id, promptId: String(Number(key)), model, quality: qScore, alignment: aScore });
    }
  }
  throwIfProblems(problems);
  return { prompts, videos };
}

/** Adds TVGE's prompts, entries, videos and ground truth (the distributed mean scores) to the content. */
export function importTvge(content: StoreContent, benchmark: Benchmark, datasetDir: string): void {
  if (benchmark.protocol.humanScore !== "rater-mean") {
    throwIfProblems([{ file: `data/benchmarks/${benchmark.id}/benchmark.json`, field: "protocol.humanScore", message: "must be \"rater-mean\": TVGE distributes one averaged score per video, not the raw ratings another procedure would need" }]);
  }
  const { prompts, videos } = readTvge(datasetDir);
  for (const prompt of prompts) content.prompts.push({ benchmarkId: benchmark.id, ...prompt });
  for (const model of TvgeModelSchema.options) {
    const entry = ENTRIES[model];
    content.t2vEntries.push({
      benchmarkId: benchmark.id,
      id: model,
      name: entry.name,
      organization: entry.organization,
      access: entry.access,
      url: null,
      isReference: false,
      source: "ratings",
      evaluatorId: null,
      license: null,
      method: null,
      submissionId: null,
    });
  }
  for (const video of videos.values()) {
    content.videos.push({
      benchmarkId: benchmark.id,
      id: video.id,
      promptId: video.promptId,
      t2vEntryId: video.model,
      isReference: false,
      labelled: true,
    });
    for (const perspective of ["quality", "alignment"] as const) {
      // Only the per-video mean is distributed: no raw ratings, so no SD and no rating count.
      const score = video[perspective];
      content.groundTruth.push({
        benchmarkId: benchmark.id,
        videoId: video.id,
        perspectiveId: perspective,
        mos: score,
        rawMos: score,
        sd: null,
        count: null,
        answer: null,
      });
    }
  }
}

/**
 * Reads the four automatic metrics of t2vscore_results.csv keyed by our video ids (not stored: input for
 * generating submission bundles). Every row must name exactly one known video, with the same prompt.
 */
export function readTvgeMetricScores(datasetDir: string): MetricScores[] {
  const { prompts, videos } = readTvge(datasetDir);
  const promptText = new Map(prompts.map((p) => [p.id, p.text]));
  const file = path.join(datasetDir, METRICS_FILE);
  const shown = displayPath(file);
  const problems: Problem[] = [];
  const lineOf = new Map<string, number>();
  // Named from the datasets root, so that the stored path is the same wherever the build runs.
  const all = TVGE_METRICS.map((metric) => ({ metric, file: `${path.basename(datasetDir)}/${METRICS_FILE} (column "${metric}")`, scores: new Map<string, number>() }));
  for (const { line, row } of readCsvFile(file, TvgeMetricRowSchema)) {
    const id = videoId(row.model_name, row.video_id);
    const earlier = lineOf.get(id);
    if (!videos.has(id)) {
      problems.push({ file: shown, line, field: "video_id", message: `no ${row.model_name} video for prompt index ${row.video_id}` });
    } else if (earlier !== undefined) {
      problems.push({ file: shown, line, message: `video ${id} already scored on line ${earlier}` });
    } else if (promptText.get(String(Number(row.video_id))) !== row.prompt) {
      problems.push({ file: shown, line, field: "prompt", message: `differs from the prompt of index ${row.video_id} in the score files` });
    } else {
      lineOf.set(id, line);
      for (const { metric, scores } of all) scores.set(id, row[metric]);
    }
  }
  throwIfProblems(problems);
  return all;
}

/** TVGE's package. */
export const tvge: BenchmarkAdapter = {
  dataset: {
    name: "TVGE",
    what: "human scores",
    folder: "tvge",
    marker: "t2vscore_quality_score.json",
    origin: "the datasets/ folder of https://github.com/linzhiqiu/t2v_metrics",
  },
  importDataset: importTvge,
  metricScores: (dir) => readTvgeMetricScores(dir).map((scores) => ({ entry: METRICS[scores.metric as keyof typeof METRICS], scores })),
  videoSource: ({ t2vEntryId, promptId }) => {
    const archive = VIDEO_ARCHIVES[t2vEntryId as TvgeModel] ?? "https://huggingface.co/datasets/RaphaelLiu/EvalCrafter_T2V_Dataset";
    return `${archive} (file ${String(Number(promptId)).padStart(4, "0")}.mp4)`;
  },
};
