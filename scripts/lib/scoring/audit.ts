/**
 * The audit of one benchmark: each figure and rank its authors published beside this site's, the
 * difference, and whether the site's value rounds to the published one at the printed precision; where a
 * check names a variant (another implementation of the metric), that variant on the same items beside it.
 */
import { spearmanWithoutTieCorrection } from "../../../src/engine/index.ts";
import { BOARD_SCOPE } from "../../../src/schemas/board.ts";
import type { StoreContent } from "../store-content.ts";
import { boardUnits, columnStatistic } from "./column-statistic.ts";
import type { ScoringContext } from "./context.ts";
import { v2tEntryData } from "./entry-data.ts";

type Content = StoreContent;
type Check = Content["publishedChecks"][number];

/** Whether `ours` is within half a unit of the last printed decimal of `published`: the two print alike. */
export function roundsTo(ours: number, published: number, decimals: number): boolean {
  return Math.abs(ours - published) <= 0.5 / 10 ** decimals;
}

/**
 * A check's variant on the very items its board column correlates (the one builder decides which): null when the
 * check has no variant or the entry no figure there.
 */
function variantValue(context: ScoringContext, check: Check, entryId: string): number | null {
  if (check.variant !== "srcc-untied" || check.board === "t2v") return null;
  const column = context.columns[check.board].find((c) => c.perspectiveId === check.perspectiveId && c.metric === check.metric);
  const data = v2tEntryData(context, entryId);
  if (column === undefined || data === null) return null;
  const found = columnStatistic(context, check.board, check.dimension, boardUnits(context, check.board, check.dimension), data, column);
  return found?.recipe.kind === "correlation" ? spearmanWithoutTieCorrection(found.recipe.x, found.recipe.y) : null;
}

/** The audit rows of a benchmark from its published checks, results and rankings. */
export function auditBenchmark(context: ScoringContext): Content["audit"] {
  const { content, benchmarkId } = context;
  return content.publishedChecks
    .filter((c) => c.benchmarkId === benchmarkId)
    .map((check) => {
      const { direction, level } = BOARD_SCOPE[check.board];
      const entries = direction === "t2v" ? content.t2vEntries : content.v2tEntries;
      const entry = entries.find((e) => e.benchmarkId === benchmarkId && e.name === check.entryName);
      let ours: number | null = null;
      if (entry !== undefined && check.kind === "figure") {
        ours = content.results.find((r) => r.benchmarkId === benchmarkId && r.direction === direction && r.entryId === entry.id && r.level === level && r.dimension === check.dimension && r.perspectiveId === check.perspectiveId && r.metric === check.metric)?.value ?? null;
      } else if (entry !== undefined) {
        ours = content.rankings.find((r) => r.benchmarkId === benchmarkId && r.board === check.board && r.dimension === check.dimension && r.entryId === entry.id)?.rank ?? null;
      }
      const variant = entry === undefined ? null : variantValue(context, check, entry.id);
      return {
        benchmarkId,
        position: check.position,
        entryId: entry?.id ?? null,
        ours,
        difference: ours === null ? null : ours - check.published,
        agrees: ours !== null && roundsTo(ours, check.published, check.decimals),
        variantValue: variant,
        variantAgrees: variant === null ? null : roundsTo(variant, check.published, check.decimals),
      };
    });
}
