/**
 * Turns a benchmark package into the store's rows: dimensions the definition lacks, prompts and their
 * dimensions, T2V models, the labelled pool of videos with their splits, raw ratings, each video's human
 * score by the benchmark's protocol (or the source's own score where only that is distributed), and the
 * humans' yes/no answers. Every reference between records is checked first; a problem stops the import.
 */
import { humanScores } from "../../src/engine/index.ts";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import type { PackageGroundTruth } from "../../src/schemas/package.ts";
import type { BenchmarkPackage, Located, Where } from "../benchmarks/types.ts";
import { addProvenance, datasetModelProvenance } from "./entry-provenance.ts";
import { throwIfProblems, type Problem } from "../io/input-error.ts";
import type { StoreContent } from "../store/store-content.ts";
import { escapeLines } from "../io/terminal-text.ts";

/** A problem at a record's origin. */
function at(where: Where, field: string, message: string): Problem {
  return { file: where.file, ...(where.line === undefined ? {} : { line: where.line }), field, message };
}

/** Checks that ids are unique within one kind of record; returns the records by id. */
function unique<T extends { at: Where }>(records: readonly T[], idOf: (r: T) => string, field: string, problems: Problem[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const record of records) {
    const id = idOf(record);
    const earlier = byId.get(id);
    if (earlier === undefined) byId.set(id, record);
    else problems.push(at(record.at, field, `"${id}" is already defined at ${earlier.at.file}${earlier.at.line === undefined ? "" : `:${earlier.at.line}`}`));
  }
  return byId;
}

/** Every problem of references between a package's records, against the benchmark's definition. */
function checkReferences(pkg: BenchmarkPackage, benchmark: Benchmark): Problem[] {
  const problems: Problem[] = [];
  const models = unique(pkg.models, (m) => m.id, "id", problems);
  const prompts = unique(pkg.prompts, (p) => p.id, "id", problems);
  const videos = unique(pkg.videos, (v) => v.id, "id", problems);
  const dimensions = new Set([...benchmark.dimensions.map((d) => d.id), ...unique(pkg.dimensions, (d) => d.id, "id", problems).keys()]);
  const mos = new Set(benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id));
  const qa = benchmark.perspectives.some((p) => p.kind === "qa");
  for (const prompt of pkg.prompts) {
    for (const id of prompt.dimensions) if (!dimensions.has(id)) problems.push(at(prompt.at, "dimensions", `"${id}" is not a dimension of ${benchmark.id} (benchmark.json or dimensions.jsonl)`));
  }
  for (const video of pkg.videos) {
    if (!prompts.has(video.prompt)) problems.push(at(video.at, "prompt", `"${video.prompt}" is not a prompt of the package`));
    if (!models.has(video.model)) problems.push(at(video.at, "model", `"${video.model}" is not a model of the package`));
  }
  unique(pkg.groundTruth, (g) => `${g.video}" in "${g.perspective}`, "video", problems);
  for (const truth of pkg.groundTruth) {
    if (!videos.has(truth.video)) problems.push(at(truth.at, "video", `"${truth.video}" is not a video of the package`));
    if (!mos.has(truth.perspective)) problems.push(at(truth.at, "perspective", `"${truth.perspective}" is not a rated perspective of ${benchmark.id} (${[...mos].join(", ")})`));
  }
  unique(pkg.questions, (q) => q.video, "video", problems);
  for (const question of pkg.questions) {
    if (!qa) problems.push(at(question.at, "answer", `${benchmark.id} declares no yes/no perspective; questions cannot be scored`));
    if (!videos.has(question.video)) problems.push(at(question.at, "video", `"${question.video}" is not a video of the package`));
  }
  const metrics = unique(pkg.metrics, (m) => m.id, "id", problems);
  for (const score of pkg.metricScores) {
    if (!metrics.has(score.metric)) problems.push(at(score.at, "metric", `"${score.metric}" is not a metric of the package`));
    if (!videos.has(score.video)) problems.push(at(score.at, "video", `"${score.video}" is not a video of the package`));
  }
  return problems;
}

/** Raw ratings of one perspective: each video's human score by the protocol, with the raw mean, SD and count. */
function scoreRatings(content: StoreContent, benchmark: Benchmark, perspective: string, rows: readonly Located<PackageGroundTruth & { ratings: Record<string, number> }>[]): void {
  const raters = [...new Set(rows.flatMap((r) => Object.keys(r.ratings)))].sort();
  const raterIndex = new Map(raters.map((rater, i) => [rater, i]));
  // One matrix over every video of the perspective, reference videos included: a procedure that normalizes a
  // rater (z-scores) does so relative to everything that rater saw.
  const matrix: (number | null)[][] = raters.map(() => rows.map(() => null));
  rows.forEach((row, i) => {
    for (const [rater, score] of Object.entries(row.ratings)) {
      (matrix[raterIndex.get(rater) as number] as (number | null)[])[i] = score;
      content.ratings.push({ benchmarkId: benchmark.id, batch: "dataset", videoId: row.video, perspectiveId: perspective, rater, score });
    }
  });
  const result = humanScores(benchmark.protocol.humanScore, matrix);
  for (const { rater, reason } of result.setAside) {
    console.warn(escapeLines(`${benchmark.title} ${perspective}: rater ${raters[rater] ?? rater} left out of the human scores (${reason}).`));
  }
  rows.forEach((row, i) => {
    const score = result.scores[i] ?? null;
    if (score === null) return;
    content.groundTruth.push({
      benchmarkId: benchmark.id,
      videoId: row.video,
      perspectiveId: perspective,
      mos: score,
      rawMos: result.rawMeans[i] ?? null,
      sd: result.sd[i] ?? null,
      count: result.count[i] ?? null,
      answer: null,
    });
  });
}

/** Adds a package's records to the store content; throws an InputError listing every problem, adding nothing. */
export function importPackage(content: StoreContent, benchmark: Benchmark, pkg: BenchmarkPackage): void {
  throwIfProblems(checkReferences(pkg, benchmark));
  const id = benchmark.id;
  const defined = new Set(benchmark.dimensions.map((d) => d.id));
  pkg.dimensions.filter((d) => !defined.has(d.id)).forEach((d, i) => {
    content.dimensions.push({ benchmarkId: id, id: d.id, label: d.label, group: d.group ?? null, description: d.description ?? null, position: benchmark.dimensions.length + i });
  });
  for (const prompt of pkg.prompts) {
    content.prompts.push({ benchmarkId: id, id: prompt.id, text: prompt.text });
    for (const dimensionId of new Set(prompt.dimensions)) content.promptDimensions.push({ benchmarkId: id, promptId: prompt.id, dimensionId });
  }
  const references = new Set(pkg.models.filter((m) => m.reference).map((m) => m.id));
  for (const model of pkg.models) {
    content.t2vEntries.push({
      benchmarkId: id,
      id: model.id,
      name: model.name,
      organization: model.organization,
      access: model.reference ? null : model.access,
      url: model.url,
      isReference: model.reference,
      source: "ratings",
      evaluatorId: null,
      license: null,
      method: null,
      submissionId: null,
    });
    addProvenance(content, datasetModelProvenance(benchmark, model.id));
  }
  for (const video of pkg.videos) {
    content.videos.push({ benchmarkId: id, id: video.id, promptId: video.prompt, t2vEntryId: video.model, isReference: references.has(video.model), labelled: true, split: video.split });
  }
  for (const perspective of benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id)) {
    const rows = pkg.groundTruth.filter((g) => g.perspective === perspective);
    const rated = rows.filter((g): g is Located<PackageGroundTruth & { ratings: Record<string, number> }> => "ratings" in g);
    if (rated.length > 0 && rated.length < rows.length) {
      const first = rows.find((g) => !("ratings" in g)) as Located<PackageGroundTruth>;
      throwIfProblems([at(first.at, "mos", `${perspective} mixes raw ratings and finished scores; give one or the other for every video`)]);
    }
    if (rated.length > 0) {
      scoreRatings(content, benchmark, perspective, rated);
      continue;
    }
    // Only the source's own score is distributed: it was made by the procedure the protocol names.
    for (const g of rows) {
      if ("ratings" in g) continue;
      content.groundTruth.push({ benchmarkId: id, videoId: g.video, perspectiveId: perspective, mos: g.mos, rawMos: g.mos, sd: g.sd, count: g.count, answer: null });
    }
  }
  const qa = benchmark.perspectives.find((p) => p.kind === "qa")?.id;
  if (qa !== undefined) {
    for (const q of pkg.questions) {
      content.groundTruth.push({ benchmarkId: id, videoId: q.video, perspectiveId: qa, mos: null, rawMos: null, sd: null, count: null, answer: q.answer, question: q.question });
    }
  }
}
