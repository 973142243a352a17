/**
 * Recomputes every board figure that per-video data allows, through the engine: T2V means and QA
 * accuracy from ground truth (provenance `recomputed`) or from an evaluator's mapped predictions
 * (`auto`), V2T agreement from predictions, each with a bootstrap CI; and the joint-bootstrap rank
 * uncertainty of each board, applied to the rankings once they exist (`applyRankUncertainty`).
 */
import type { BootstrapSettings } from "../../../src/engine/index.ts";
import type { ResultRow, StoreContent } from "../store-content.ts";
import { boardUncertainty } from "./board-uncertainty.ts";
import { cacheKey, readCache, writeCache } from "./cache.ts";
import { bootstrapNote, type BoardUncertainty, type ScoringOptions } from "./options.ts";
import { methodPredictions, perVideoData } from "./per-video-data.ts";
import { addT2vResults, mappedAutoScores } from "./t2v-results.ts";
import { addV2tResults } from "./v2t-results.ts";

export { applyRankUncertainty } from "./board-uncertainty.ts";
export type { BoardUncertainty, ScoringOptions } from "./options.ts";

type Content = StoreContent;

/** Returns a cached value for these inputs, or computes and caches it (no cache without `cacheDir`). */
function cached<T>(options: ScoringOptions, inputs: unknown, compute: () => T, label: string): T {
  if (!options.cacheDir) return compute();
  const key = cacheKey({ settings: { resamples: options.resamples ?? null, seed: options.seed ?? null }, inputs });
  const hit = readCache<T>(options.cacheDir, key);
  if (hit !== undefined) {
    options.progress?.(`${label} (unchanged, from the scoring cache)`);
    return hit;
  }
  options.progress?.(label);
  const value = compute();
  writeCache(options.cacheDir, key, value);
  return value;
}

/** The rows of a benchmark's tables that its human ground truth and video structure consist of. */
function truthInputs(content: Content, benchmarkId: string): unknown[] {
  const of = <T extends { benchmarkId: string }>(rows: readonly T[]): T[] => rows.filter((row) => row.benchmarkId === benchmarkId);
  return [of(content.perspectives), of(content.boardColumns), of(content.promptDimensions), of(content.t2vEntries), of(content.videos), of(content.groundTruth)];
}

/**
 * Scores every benchmark with per-video data; returns the boards' rank uncertainty for later. Each
 * piece of work (T2V figures, each V2T method, the boards' joint bootstrap) is cached on its own inputs,
 * so a new submission only costs its own scoring and the boards' bootstrap.
 */
export function scoreBenchmarks(content: Content, options: ScoringOptions = {}): BoardUncertainty[] {
  const uncertainty: BoardUncertainty[] = [];
  for (const benchmark of content.benchmarks) {
    const data = perVideoData(content, benchmark.id);
    const methods = methodPredictions(content, benchmark.id, data.qaId);
    if (data.human.length === 0 && methods.length === 0) continue;
    const truth = truthInputs(content, benchmark.id);
    const predictionsOf = (ids: ReadonlySet<string>) => content.predictions.filter((p) => p.benchmarkId === benchmark.id && ids.has(p.v2tEntryId));
    const autoEntries = [...data.t2v.values()].filter((e) => e.source === "auto");
    const mappedByEntry = autoEntries.map((entry) => {
      const videos = data.auto.filter((v) => v.modelId === entry.id);
      return { entry, videos, mapped: mappedAutoScores(data, methods.find((m) => m.id === entry.evaluatorId), videos) };
    });
    const autoMapped: Record<string, Map<string, number>> = {};
    for (const { mapped } of mappedByEntry) {
      for (const [perspective, values] of Object.entries(mapped)) autoMapped[perspective] = new Map([...(autoMapped[perspective] ?? []), ...values]);
    }
    options.progress?.(`Scoring ${benchmark.title}: ${data.t2v.size} T2V entries, ${methods.length} V2T methods`);
    const evaluators = new Set(autoEntries.map((e) => e.evaluatorId ?? ""));
    content.results.push(
      ...cached(options, ["t2v", truth, predictionsOf(evaluators)], () => {
        const rows: ResultRow[] = [];
        const humanSource = (_: string, s: BootstrapSettings) => bootstrapNote(s, "prompts");
        addT2vResults(rows, benchmark.id, data.human, data.mos, data.qa, "recomputed", options, humanSource);
        addT2vResults(rows, benchmark.id, data.reference, data.mos, data.qa, "recomputed", options, humanSource);
        for (const { entry, videos, mapped } of mappedByEntry) {
          addT2vResults(rows, benchmark.id, videos, mapped, undefined, "auto", options, (_, s) =>
            `scored by V2T entry "${entry.evaluatorId}"; predictions mapped to the MOS scale by a 4-parameter logistic fitted on the human-rated videos; ${bootstrapNote(s, "prompts")}`,
          );
        }
        return rows;
      }, `  ${benchmark.title} T2V figures`),
    );
    methods.forEach((method, i) => {
      content.results.push(
        ...cached(options, ["v2t", truth, method.id, predictionsOf(new Set([method.id]))], () => {
          const rows: ResultRow[] = [];
          addV2tResults(rows, benchmark.id, data, method, options);
          return rows;
        }, `  ${benchmark.title} V2T ${i + 1}/${methods.length}: ${method.name}`),
      );
    });
    uncertainty.push(
      ...cached(options, ["boards", truth, content.v2tEntries.filter((e) => e.benchmarkId === benchmark.id), predictionsOf(new Set(methods.map((m) => m.id)))],
        () => boardUncertainty(content, benchmark, data, methods, autoMapped, options),
        `  ${benchmark.title}: rank intervals by joint bootstrap of every board`),
    );
  }
  return uncertainty;
}
