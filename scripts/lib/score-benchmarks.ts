/**
 * Recomputes every board figure that per-video data allows, through the engine: T2V means and QA
 * accuracy from ground truth (provenance `recomputed`) or from an evaluator's mapped predictions
 * (`auto`), V2T agreement from predictions, each with a bootstrap CI; and the joint-bootstrap rank
 * uncertainty of each board, applied to the rankings once they exist (`applyRankUncertainty`).
 */
import {
  aggregateT2V,
  aggregateV2T,
  applyLogistic,
  bootstrapBoard,
  fitLogistic,
  lookup,
  rankIntervals,
  scopes,
  t2vBoardStatistics,
  v2tInstanceStatistics,
  v2tModelStatistics,
  type BoardEntryUncertainty,
  type BootstrapSettings,
  type Estimate,
  type RawAnswer,
  type T2VColumnSource,
  type V2TColumnSource,
  type V2TMethodPredictions,
  type VideoRecord,
} from "../../src/engine/index.ts";
import { BOARD_SCOPE, type BoardId } from "../../src/schemas/board.ts";
import { cacheKey, readCache, writeCache } from "./score-cache.ts";
import type { ResultRow, StoreContent } from "./store-content.ts";

/** Scoring options: bootstrap settings and a progress callback for long work. */
export interface ScoringOptions {
  readonly resamples?: number;
  readonly seed?: number;
  readonly progress?: (message: string) => void;
  /** Where to keep scoring output between rebuilds (see score-cache.ts); no caching when absent. */
  readonly cacheDir?: string;
}

/** A board's joint-bootstrap rank uncertainty, to merge into its rankings. */
export interface BoardUncertainty {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly dimension: string;
  readonly entries: readonly BoardEntryUncertainty[];
}

type Content = StoreContent;
type Benchmark = Content["benchmarks"][number];

function describe(settings: BootstrapSettings, unit: string): string {
  return `engine bootstrap: ${settings.resamples} resamples of ${unit}, seed ${settings.seed}, ${Math.round(settings.confidence * 100)}% percentile interval`;
}

/** Everything per-video about one benchmark, indexed for the engine. */
function perVideoData(content: Content, benchmarkId: string) {
  const t2v = new Map(content.t2vEntries.filter((e) => e.benchmarkId === benchmarkId).map((e) => [e.id, e]));
  const dimensionsOf = new Map<string, string[]>();
  for (const link of content.promptDimensions) {
    if (link.benchmarkId !== benchmarkId) continue;
    dimensionsOf.set(link.promptId, [...(dimensionsOf.get(link.promptId) ?? []), link.dimensionId]);
  }
  const records = (filter: (video: Content["videos"][number]) => boolean): VideoRecord[] =>
    content.videos
      .filter((v) => v.benchmarkId === benchmarkId && filter(v))
      .map((v) => ({ videoId: v.id, modelId: v.t2vEntryId, promptId: v.promptId, dimensionIds: dimensionsOf.get(v.promptId) ?? [] }));
  const source = (v: Content["videos"][number]) => t2v.get(v.t2vEntryId)?.source;
  const perspectives = content.perspectives.filter((p) => p.benchmarkId === benchmarkId);
  const mosIds = perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  const qaId = perspectives.find((p) => p.kind === "qa")?.id ?? null;
  const mos: Record<string, Map<string, number>> = Object.fromEntries(mosIds.map((id) => [id, new Map<string, number>()]));
  const qa = new Map<string, RawAnswer>();
  for (const g of content.groundTruth) {
    if (g.benchmarkId !== benchmarkId) continue;
    if (g.perspectiveId === qaId && g.answer) qa.set(g.videoId, g.answer);
    else if (g.mos !== null && g.mos !== undefined) mos[g.perspectiveId]?.set(g.videoId, g.mos);
  }
  return {
    t2v,
    mosIds,
    qaId,
    mos,
    qa: qaId === null || qa.size === 0 ? undefined : qa,
    human: records((v) => source(v) === "ratings" && !v.isReference),
    reference: records((v) => v.isReference),
    auto: records((v) => source(v) === "auto"),
  };
}

/** Per-method predictions of a benchmark, keyed by V2T entry. */
function methodPredictions(content: Content, benchmarkId: string, qaId: string | null): V2TMethodPredictions[] {
  type Collected = { scores: Record<string, Map<string, number>>; answers: Map<string, RawAnswer> };
  const byMethod = new Map<string, Collected>();
  for (const p of content.predictions) {
    if (p.benchmarkId !== benchmarkId) continue;
    const method: Collected = byMethod.get(p.v2tEntryId) ?? { scores: {}, answers: new Map() };
    if (p.perspectiveId === qaId) method.answers.set(p.videoId, p.answer ?? null);
    else if (p.score !== null && p.score !== undefined) {
      (method.scores[p.perspectiveId] ??= new Map()).set(p.videoId, p.score);
    }
    byMethod.set(p.v2tEntryId, method);
  }
  return content.v2tEntries
    .filter((e) => e.benchmarkId === benchmarkId && byMethod.has(e.id))
    .map((e) => {
      const m = byMethod.get(e.id) as Collected;
      return { id: e.id, name: e.name, scores: m.scores, ...(m.answers.size > 0 ? { answers: m.answers } : {}) };
    });
}

function estimateRow(base: Omit<ResultRow, "value" | "ciLow" | "ciHigh" | "n">, estimate: Estimate, n: number): ResultRow[] {
  return estimate.value === null ? [] : [{ ...base, value: estimate.value, ciLow: estimate.ciLow, ciHigh: estimate.ciHigh, n }];
}

/** Adds T2V results of `videos` (human-rated, reference or auto-scored) to the content. */
function addT2vResults(
  rows: ResultRow[],
  benchmarkId: string,
  videos: VideoRecord[],
  mos: Record<string, Map<string, number>>,
  qa: Map<string, RawAnswer> | undefined,
  provenance: "recomputed" | "auto",
  options: ScoringOptions,
  source: (modelId: string, settings: BootstrapSettings) => string,
): void {
  if (videos.length === 0) return;
  const result = aggregateT2V({ videos, mos, ...(qa ? { qa } : {}) }, options);
  for (const model of result.models) {
    const scoped = [["overall", model] as const, ...Object.entries(model.dimensions)];
    for (const [dimension, scores] of scoped) {
      const base = { benchmarkId, direction: "t2v", entryId: model.modelId, level: "model", dimension, provenance, source: source(model.modelId, result.settings) } as const;
      for (const [perspectiveId, figure] of Object.entries(scores.perspectives)) {
        if (figure.mean === null) continue;
        rows.push({ ...base, perspectiveId, metric: "mos", value: figure.mean, ciLow: figure.ciLow, ciHigh: figure.ciHigh, n: figure.n });
      }
      const qaFigure = scores.qaAccuracyPct;
      if (qaFigure && qaFigure.mean !== null) {
        rows.push({ ...base, perspectiveId: "qa", metric: "accuracy", value: qaFigure.mean, ciLow: qaFigure.ciLow, ciHigh: qaFigure.ciHigh, n: qaFigure.n });
      }
    }
  }
}

/**
 * Maps an evaluator's predictions on auto-scored videos onto the MOS scale, per perspective, with the
 * 4-parameter logistic fitted on the human-rated videos (VQEG practice), so auto entries share the scale.
 */
function mappedAutoScores(
  data: ReturnType<typeof perVideoData>,
  evaluator: V2TMethodPredictions | undefined,
  autoVideos: VideoRecord[],
): Record<string, Map<string, number>> {
  const mapped: Record<string, Map<string, number>> = {};
  if (!evaluator) return mapped;
  for (const perspective of data.mosIds) {
    const predicted = evaluator.scores[perspective];
    const truth = data.mos[perspective];
    if (!predicted || !truth) continue;
    const pairs = data.human.filter((v) => lookup(predicted, v.videoId) !== undefined && truth.has(v.videoId));
    const fit = fitLogistic(
      Float64Array.from(pairs, (v) => lookup(predicted, v.videoId) as number),
      Float64Array.from(pairs, (v) => truth.get(v.videoId) as number),
    );
    if (!fit) continue;
    const own = autoVideos.filter((v) => lookup(predicted, v.videoId) !== undefined);
    const values = applyLogistic(fit.params, Float64Array.from(own, (v) => lookup(predicted, v.videoId) as number));
    mapped[perspective] = new Map(own.map((v, i) => [v.videoId, values[i] as number]));
  }
  return mapped;
}

/** Adds V2T results of one method (instance and model level, every scope) to the content. */
function addV2tResults(rows: ResultRow[], benchmarkId: string, data: ReturnType<typeof perVideoData>, method: V2TMethodPredictions, options: ScoringOptions): void {
  const predictions = Object.fromEntries(Object.entries(method.scores).filter(([p]) => data.mosIds.includes(p)));
  const result = aggregateV2T(
    {
      videos: data.human,
      groundTruth: data.mos,
      predictions,
      ...(data.qa && method.answers ? { qaTruth: data.qa, qaPredictions: method.answers } : {}),
    },
    options,
  );
  const base = { benchmarkId, direction: "v2t", entryId: method.id, provenance: "recomputed" } as const;
  for (const [perspectiveId, figures] of Object.entries(result.perspectives)) {
    const scoped = [["overall", figures] as const, ...Object.entries(figures.dimensions)];
    for (const [dimension, levels] of scoped) {
      for (const level of ["instance", "model"] as const) {
        const f = levels[level];
        const unit = level === "instance" ? "videos" : "T2V models";
        const source = describe(result.settings, unit);
        for (const metric of ["srcc", "plcc", "krcc"] as const) {
          rows.push(...estimateRow({ ...base, level, dimension, perspectiveId, metric, source }, f[metric], f.n));
        }
        rows.push(
          ...estimateRow({ ...base, level, dimension, perspectiveId, metric: "plcc_logistic", source: "4-parameter logistic (VQEG) fitted on all items; no interval" }, f.plccLogistic, f.n),
        );
      }
    }
  }
  if (result.qaAccuracyPct) {
    const qa = result.qaAccuracyPct;
    const scoped = [["overall", qa] as const, ...Object.entries(qa.dimensions)];
    for (const [dimension, figure] of scoped) {
      rows.push(
        ...estimateRow({ ...base, level: "instance", dimension, perspectiveId: data.qaId ?? "qa", metric: "accuracy", source: describe(result.settings, "videos") }, figure, figure.n),
      );
    }
  }
}

/** Joint-bootstrap rank uncertainty of every board of a benchmark, per scope. */
function boardUncertainty(
  content: Content,
  benchmark: Benchmark,
  data: ReturnType<typeof perVideoData>,
  methods: V2TMethodPredictions[],
  autoMapped: Record<string, Map<string, number>>,
  options: ScoringOptions,
): BoardUncertainty[] {
  const out: BoardUncertainty[] = [];
  const columnsOf = (board: BoardId) =>
    content.boardColumns.filter((c) => c.benchmarkId === benchmark.id && c.board === board && c.ranked).sort((a, b) => a.position - b.position);
  const t2vModels = [...data.t2v.values()].filter((e) => !e.isReference && (e.source === "ratings" || e.source === "auto"));
  const t2vVideos = [...data.human, ...data.auto];
  const merged = (perspective: string) => new Map([...(data.mos[perspective] ?? []), ...(autoMapped[perspective] ?? [])]);
  const t2vColumns: T2VColumnSource[] = columnsOf("t2v").map((c) =>
    c.perspectiveId === data.qaId && data.qa ? { kind: "yes-percent", answers: data.qa } : { kind: "mean", values: merged(c.perspectiveId) },
  );
  const v2tColumns = (board: BoardId): V2TColumnSource[] =>
    columnsOf(board).map((c) =>
      c.perspectiveId === data.qaId && data.qa
        ? { kind: "qa", truth: data.qa }
        : { kind: "correlation", metric: c.metric as "srcc" | "plcc" | "krcc", perspective: c.perspectiveId, truth: data.mos[c.perspectiveId] ?? new Map() },
    );
  const directions = (board: BoardId) => columnsOf(board).map((c) => (c.higherIsBetter ? "higher" : "lower") as "higher" | "lower");
  const push = (board: BoardId, dimension: string, built: ReturnType<typeof t2vBoardStatistics>) => {
    if (built.entries.length === 0) return;
    out.push({ benchmarkId: benchmark.id, board, dimension, entries: bootstrapBoard(built.entries, directions(board), built.units, options).entries });
  };
  for (const [scope, videos] of scopes(t2vVideos)) {
    if (t2vModels.length > 0 && videos.length > 0) push("t2v", scope ?? "overall", t2vBoardStatistics(videos, t2vModels, t2vColumns));
  }
  if (methods.length > 0) {
    for (const [scope, videos] of scopes(data.human)) {
      push("v2t-instance", scope ?? "overall", v2tInstanceStatistics(videos, methods, v2tColumns("v2t-instance")));
      push("v2t-model", scope ?? "overall", v2tModelStatistics(videos, methods, v2tColumns("v2t-model")));
    }
  }
  return out;
}

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
    const mappedByEntry = autoEntries.map((entry) => ({
      entry,
      videos: data.auto.filter((v) => v.modelId === entry.id),
      mapped: mappedAutoScores(data, methods.find((m) => m.id === entry.evaluatorId), data.auto.filter((v) => v.modelId === entry.id)),
    }));
    const autoMapped: Record<string, Map<string, number>> = {};
    for (const { mapped } of mappedByEntry) {
      for (const [perspective, values] of Object.entries(mapped)) autoMapped[perspective] = new Map([...(autoMapped[perspective] ?? []), ...values]);
    }
    options.progress?.(`Scoring ${benchmark.title}: ${data.t2v.size} T2V entries, ${methods.length} V2T methods`);
    const evaluators = new Set(autoEntries.map((e) => e.evaluatorId ?? ""));
    content.results.push(
      ...cached(options, ["t2v", truth, predictionsOf(evaluators)], () => {
        const rows: ResultRow[] = [];
        const humanSource = (_: string, s: BootstrapSettings) => describe(s, "prompts");
        addT2vResults(rows, benchmark.id, data.human, data.mos, data.qa, "recomputed", options, humanSource);
        addT2vResults(rows, benchmark.id, data.reference, data.mos, data.qa, "recomputed", options, humanSource);
        for (const { entry, videos, mapped } of mappedByEntry) {
          addT2vResults(rows, benchmark.id, videos, mapped, undefined, "auto", options, (_, s) =>
            `scored by V2T entry "${entry.evaluatorId}"; predictions mapped to the MOS scale by a 4-parameter logistic fitted on the human-rated videos; ${describe(s, "prompts")}`,
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

/**
 * Merges rank uncertainty into the rankings made by `rankAllBoards`: overall rank intervals and
 * separability from the joint bootstrap, column rank intervals from the stored confidence intervals.
 */
export function applyRankUncertainty(content: Content, uncertainty: readonly BoardUncertainty[]): void {
  const key = (...parts: string[]) => parts.join("\u0000");
  const byEntry = new Map<string, BoardEntryUncertainty>();
  for (const board of uncertainty) {
    for (const entry of board.entries) byEntry.set(key(board.benchmarkId, board.board, board.dimension, entry.id), entry);
  }
  for (const ranking of content.rankings) {
    const found = byEntry.get(key(ranking.benchmarkId, ranking.board, ranking.dimension, ranking.entryId));
    if (!found) continue;
    ranking.rankBest = found.rankBest;
    ranking.rankWorst = found.rankWorst;
    ranking.separableFromNext = found.separableFromNext;
  }
  const resultOf = new Map(content.results.map((r) => [key(r.benchmarkId, r.direction, r.level, r.dimension, r.entryId, `${r.perspectiveId}_${r.metric}`), r]));
  const groups = new Map<string, (typeof content.columnRanks)[number][]>();
  for (const row of content.columnRanks) {
    const k = key(row.benchmarkId, row.board, row.dimension, row.columnKey);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  for (const rows of groups.values()) {
    const cis = rows.map((row) => {
      const { direction, level } = BOARD_SCOPE[row.board];
      const r = resultOf.get(key(row.benchmarkId, direction, level, row.dimension, row.entryId, row.columnKey));
      return r && r.ciLow !== null && r.ciLow !== undefined && r.ciHigh !== null && r.ciHigh !== undefined ? { low: r.ciLow, high: r.ciHigh } : null;
    });
    rankIntervals(cis).forEach((interval, i) => {
      const row = rows[i];
      if (!row || !interval) return;
      row.rankBest = interval.best;
      row.rankWorst = interval.worst;
    });
  }
}
