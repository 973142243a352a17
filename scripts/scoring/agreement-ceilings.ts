/**
 * Each MOS perspective's human agreement ceiling, from the benchmark's own per-rater ratings over the videos that
 * instance-level V2T figures use (see src/engine/agreement-ceiling.ts for the estimand), with its seeded bootstrap
 * interval over videos; and the ceiling rule a V2T submission must pass.
 */
import { agreementCeiling, ceilingStatistic, estimateFrom, resampleStatistics } from "../../src/engine/index.ts";
import type { Problem } from "../io/input-error.ts";
import type { StoreContent } from "../store/store-content.ts";
import { byId, correlationPool, type ScoringContext } from "./context.ts";

type CeilingRow = StoreContent["agreementCeilings"][number];

/** The correlation metrics a ceiling bounds: Pearson's (raw and after the logistic mapping) and Spearman's (see the methodology page for why). */
export const CEILED_METRICS: ReadonlySet<string> = new Set(["srcc", "plcc", "plcc_logistic"]);

/**
 * The ceiling rows of one benchmark: one per MOS perspective whose dataset ratings give at least two videos rated
 * by one same set of two or more raters (videos rated by another set are left out); none without per-rater data.
 */
export function agreementCeilings(context: ScoringContext): CeilingRow[] {
  const pool = new Set(correlationPool(context).map((v) => v.id));
  const byPerspective = new Map<string, Map<string, Map<string, number>>>();
  for (const r of context.content.ratings) {
    if (r.benchmarkId !== context.benchmarkId || r.batch !== "dataset" || !pool.has(r.videoId)) continue;
    const videos = byPerspective.get(r.perspectiveId) ?? new Map<string, Map<string, number>>();
    byPerspective.set(r.perspectiveId, videos);
    const raters = videos.get(r.videoId) ?? new Map<string, number>();
    videos.set(r.videoId, raters);
    raters.set(r.rater, r.score);
  }
  const rows: CeilingRow[] = [];
  for (const perspective of context.mos) {
    const videos = byPerspective.get(perspective);
    if (videos === undefined) continue;
    // The rater set most videos share: a consistency ICC needs every video rated by the same raters.
    const sets = new Map<string, number>();
    for (const raters of videos.values()) {
      const key = [...raters.keys()].sort(byId).join("\u0000");
      sets.set(key, (sets.get(key) ?? 0) + 1);
    }
    const [common] = [...sets.entries()].sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))[0] ?? [""];
    const raters = common.split("\u0000");
    if (raters.length < 2) continue;
    const table = [...videos.keys()]
      .sort(byId)
      .filter((id) => [...(videos.get(id) as Map<string, number>).keys()].sort(byId).join("\u0000") === common)
      .map((id) => raters.map((rater) => (videos.get(id) as Map<string, number>).get(rater) as number));
    if (table.length < 2) continue;
    const point = agreementCeiling(table);
    if (point === null) continue;
    const { draws } = resampleStatistics([ceilingStatistic(table)], [table.length], context.settings);
    const estimate = estimateFrom(point.ceiling, draws[0] as Float64Array, context.settings.confidence);
    rows.push({
      benchmarkId: context.benchmarkId,
      perspectiveId: perspective,
      raters: point.raters,
      videos: table.length,
      singleRater: point.singleRater,
      reliability: point.reliability,
      ceiling: point.ceiling,
      ciLow: estimate.ciLow,
      ciHigh: estimate.ciHigh,
    });
  }
  return rows;
}

/**
 * The ceiling rule: a V2T entry's overall instance-level correlation whose interval lies wholly above its
 * perspective's ceiling interval (lower bound above the ceiling's upper bound; the point ceiling where the
 * ceiling has no interval) is a problem. Such agreement is more than the raters' own reliability allows; with
 * public labels, it says the method saw them.
 */
export function ceilingProblems(content: StoreContent, benchmarkId: string, entryId: string, file: string): Problem[] {
  const labelsPublic = content.benchmarks.find((b) => b.id === benchmarkId)?.labelsPublic ?? false;
  const problems: Problem[] = [];
  for (const ceiling of content.agreementCeilings) {
    if (ceiling.benchmarkId !== benchmarkId) continue;
    const bound = ceiling.ciHigh ?? ceiling.ceiling;
    for (const r of content.results) {
      if (r.benchmarkId !== benchmarkId || r.direction !== "v2t" || r.entryId !== entryId || r.level !== "instance" || r.dimension !== "overall") continue;
      if (r.perspectiveId !== ceiling.perspectiveId || !CEILED_METRICS.has(r.metric)) continue;
      const low = r.ciLow ?? r.value;
      if (!(low > bound)) continue;
      problems.push({
        file,
        field: `${ceiling.perspectiveId}_${r.metric}`,
        message:
          `agreement with the human ${ceiling.perspectiveId} scores of ${r.value.toFixed(3)} (95% interval from ${low.toFixed(3)}) lies above the human ` +
          `agreement ceiling ${ceiling.ceiling.toFixed(3)} (interval up to ${bound.toFixed(3)}): ${ceiling.raters} raters agree with each other only so ` +
          `well (single-rater reliability ${ceiling.singleRater.toFixed(3)}), and no method can agree with their mean better than the raters' own ` +
          `agreement allows. ${labelsPublic ? "This benchmark's per-video human scores are public; a method that beats the ceiling has seen them. " : ""}` +
          "Submit predictions made without the benchmark's labels",
      });
    }
  }
  return problems;
}
