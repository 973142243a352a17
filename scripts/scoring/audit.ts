/**
 * The audit of one benchmark: each figure and rank its authors published beside this site's, the
 * difference, and whether the site's value rounds to the published one at the printed precision; where a
 * check names a variant (another implementation of the metric), that variant on the same items beside it.
 */
import { spearmanWithoutTieCorrection } from "../../src/engine/index.ts";
import { BOARD_SCOPE } from "../../src/schemas/board.ts";
import type { StoreContent } from "../store/store-content.ts";
import { boardUnits, columnStatistic, type BoardUnits } from "./column-statistic.ts";
import type { ScoringContext } from "./context.ts";
import { v2tEntryData, type V2tEntryData } from "./entry-data.ts";

type Content = StoreContent;
type Check = Content["publishedChecks"][number];

/** Whether `ours` is within half a unit of the last printed decimal of `published`: the two print alike. */
export function roundsTo(ours: number, published: number, decimals: number): boolean {
  return Math.abs(ours - published) <= 0.5 / 10 ** decimals;
}

/** What the variants of one audit share: each entry's data and each board scope's units, made once. */
interface Memo {
  readonly data: Map<string, V2tEntryData | null>;
  readonly units: Map<string, BoardUnits>;
}

/**
 * A check's variant on the very items its board column correlates (the one builder decides which): null when the
 * check has no variant or the entry no figure there.
 */
function variantValue(context: ScoringContext, check: Check, entryId: string, memo: Memo): number | null {
  if (check.variant !== "srcc-untied" || check.board === "t2v") return null;
  const column = context.columns[check.board].find((c) => c.perspectiveId === check.perspectiveId && c.metric === check.metric);
  if (!memo.data.has(entryId)) memo.data.set(entryId, v2tEntryData(context, entryId));
  const data = memo.data.get(entryId) ?? null;
  if (column === undefined || data === null) return null;
  const scope = `${check.board}\u0000${check.dimension}`;
  if (!memo.units.has(scope)) memo.units.set(scope, boardUnits(context, check.board, check.dimension));
  const found = columnStatistic(context, check.board, check.dimension, memo.units.get(scope) as BoardUnits, data, column);
  return found?.recipe.kind === "correlation" ? spearmanWithoutTieCorrection(found.recipe.x, found.recipe.y) : null;
}

/** The audit rows of a benchmark from its published checks, results and rankings. */
export function auditBenchmark(context: ScoringContext): Content["audit"] {
  const { content, benchmarkId } = context;
  const memo: Memo = { data: new Map(), units: new Map() };
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
      const variant = entry === undefined ? null : variantValue(context, check, entry.id, memo);
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
