/**
 * Imports TVGE (the human data of T2VScore) as distributed in t2v_metrics: prompts, five generators, their
 * videos and the per-video mean human scores for quality and alignment, used as they are.
 */
import path from "node:path";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import {
  TVGE_METRICS,
  TvgeMetricRowSchema,
  TvgeModelSchema,
  TvgeScoresFileSchema,
  type TvgeModel,
  type TvgeScoresFile,
} from "../../src/schemas/tvge.ts";
import type { MetricScores } from "./datasets.ts";
import { throwIfProblems, type Problem } from "./input-error.ts";
import { displayPath, readCsvFile, readJsonFile } from "./read-data.ts";
import type { StoreContent } from "./store-content.ts";

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
  const all = TVGE_METRICS.map((metric) => ({ metric, scores: new Map<string, number>() }));
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
