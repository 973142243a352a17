/**
 * TVGE's adapter (the human data of T2VScore as distributed in t2v_metrics) into a benchmark package: prompts,
 * five generators, their videos and the per-video mean human scores for quality and alignment, used as they
 * are; and the four automatic metrics' scores of t2vscore_results.csv.
 */
import path from "node:path";
import {
  TVGE_METRICS,
  TvgeMetricRowSchema,
  TvgeModelSchema,
  TvgeScoresFileSchema,
  type TvgeModel,
  type TvgeScoresFile,
} from "./source-schema.ts";
import type { PackageMetric } from "../../../src/schemas/package.ts";
import {
  displayPath,
  emptyPackage,
  readCsvFile,
  readJsonFile,
  throwIfProblems,
  type BenchmarkAdapter,
  type BenchmarkPackage,
  type Problem,
} from "../../../scripts/benchmarks/kit.ts";

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
const METRICS: Readonly<Record<(typeof TVGE_METRICS)[number], Omit<PackageMetric, "source">>> = {
  "CLIP Score": { id: "clip-score", name: "CLIP Score", ...SCORES, url: "https://arxiv.org/abs/2104.08718", kind: "alignment-metric" },
  "X-CLIP Score": { id: "x-clip-score", name: "X-CLIP Score", ...SCORES, url: "https://github.com/microsoft/VideoX/tree/master/X-CLIP", kind: "alignment-metric" },
  "BLIP-BLEU": { id: "blip-bleu", name: "BLIP-BLEU", ...SCORES, url: "https://github.com/EvalCrafter/EvalCrafter", kind: "alignment-metric" },
  "T2VScore-A (GPT-4V)": { id: "t2vscore-a-gpt-4v", name: "T2VScore-A (GPT-4V)", ...SCORES, url: "https://showlab.github.io/T2VScore/", kind: "lmm-metric" },
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

/** Where t2v_metrics downloads a video: its generator's archive and the file in it, <prompt index:04d>.mp4. */
function videoSource(model: TvgeModel, promptId: string): string {
  return `${VIDEO_ARCHIVES[model]} (file ${promptId.padStart(4, "0")}.mp4)`;
}

/**
 * Adds the four automatic metrics of t2vscore_results.csv, keyed by our video ids. Every row must name exactly
 * one known video, with the same prompt.
 */
function addMetricScores(pkg: BenchmarkPackage, datasetDir: string, data: TvgeData): void {
  const promptText = new Map(data.prompts.map((p) => [p.id, p.text]));
  const file = path.join(datasetDir, METRICS_FILE);
  const shown = displayPath(file);
  const problems: Problem[] = [];
  const lineOf = new Map<string, number>();
  for (const name of TVGE_METRICS) {
    // Named from the datasets root, so that the stored path is the same wherever the build runs.
    pkg.metrics.push({ ...METRICS[name], source: `${path.basename(datasetDir)}/${METRICS_FILE} (column "${name}")`, at: { file: shown } });
  }
  for (const { line, row } of readCsvFile(file, TvgeMetricRowSchema)) {
    const id = videoId(row.model_name, row.video_id);
    const earlier = lineOf.get(id);
    if (!data.videos.has(id)) {
      problems.push({ file: shown, line, field: "video_id", message: `no ${row.model_name} video for prompt index ${row.video_id}` });
    } else if (earlier !== undefined) {
      problems.push({ file: shown, line, message: `video ${id} already scored on line ${earlier}` });
    } else if (promptText.get(String(Number(row.video_id))) !== row.prompt) {
      problems.push({ file: shown, line, field: "prompt", message: `differs from the prompt of index ${row.video_id} in the score files` });
    } else {
      lineOf.set(id, line);
      for (const name of TVGE_METRICS) pkg.metricScores.push({ metric: METRICS[name].id, video: id, score: row[name], at: { file: shown, line } });
    }
  }
  throwIfProblems(problems);
}

/** Reads TVGE's files into a package; only per-video means are distributed, so no SD and no rating count. */
export function readTvgePackage(datasetDir: string): BenchmarkPackage {
  const pkg = emptyPackage();
  const data = readTvge(datasetDir);
  const shown = displayPath(path.join(datasetDir, SCORE_FILES.alignment));
  for (const prompt of data.prompts) pkg.prompts.push({ ...prompt, dimensions: [], at: { file: shown } });
  for (const model of TvgeModelSchema.options) {
    const entry = ENTRIES[model];
    pkg.models.push({ id: model, name: entry.name, organization: entry.organization, url: null, access: entry.access, reference: false, at: { file: "TVGE adapter" } });
  }
  for (const video of data.videos.values()) {
    pkg.videos.push({ id: video.id, prompt: video.promptId, model: video.model, split: null, source: videoSource(video.model, video.promptId), at: { file: shown } });
    for (const perspective of ["quality", "alignment"] as const) {
      pkg.groundTruth.push({ video: video.id, perspective, mos: video[perspective], sd: null, count: null, at: { file: displayPath(path.join(datasetDir, SCORE_FILES[perspective])) } });
    }
  }
  addMetricScores(pkg, datasetDir, data);
  return pkg;
}

/** TVGE's adapter. */
export const adapter: BenchmarkAdapter = {
  readPackage: (dir, benchmark) => {
    if (benchmark.protocol.humanScore !== "rater-mean") {
      throwIfProblems([{ file: `data/benchmarks/${benchmark.id}/benchmark.json`, field: "protocol.humanScore", message: "must be \"rater-mean\": TVGE distributes one averaged score per video, not the raw ratings another procedure would need" }]);
    }
    return readTvgePackage(dir);
  },
};
