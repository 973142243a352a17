/** V2T figures of one method: SRCC/PLCC/KRCC (and logistic PLCC) per perspective, level and scope, and QA accuracy. */
import { aggregateV2T, type Estimate, type V2TMethodPredictions } from "../../../src/engine/index.ts";
import type { ResultRow } from "../store-content.ts";
import { bootstrapNote, type ScoringOptions } from "./options.ts";
import type { PerVideoData } from "./per-video-data.ts";

function estimateRow(base: Omit<ResultRow, "value" | "ciLow" | "ciHigh" | "n">, estimate: Estimate, n: number): ResultRow[] {
  return estimate.value === null ? [] : [{ ...base, value: estimate.value, ciLow: estimate.ciLow, ciHigh: estimate.ciHigh, n }];
}

/** Appends to `rows` the V2T results of one method (instance and model level, every scope). */
export function addV2tResults(rows: ResultRow[], benchmarkId: string, data: PerVideoData, method: V2TMethodPredictions, options: ScoringOptions): void {
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
        const source = bootstrapNote(result.settings, unit);
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
        ...estimateRow({ ...base, level: "instance", dimension, perspectiveId: data.qaId ?? "qa", metric: "accuracy", source: bootstrapNote(result.settings, "videos") }, figure, figure.n),
      );
    }
  }
}
