/**
 * The audit of one benchmark: each figure and rank its authors published beside this site's, the
 * difference, and whether the site's value rounds to the published one at the printed precision.
 */
import { BOARD_SCOPE } from "../../../src/schemas/board.ts";
import type { StoreContent } from "../store-content.ts";

type Content = StoreContent;

/** Whether `ours` is within half a unit of the last printed decimal of `published`: the two print alike. */
export function roundsTo(ours: number, published: number, decimals: number): boolean {
  return Math.abs(ours - published) <= 0.5 / 10 ** decimals;
}

/** The audit rows of a benchmark from its published checks, results and rankings. */
export function auditBenchmark(content: Content, benchmarkId: string): Content["audit"] {
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
      return {
        benchmarkId,
        position: check.position,
        entryId: entry?.id ?? null,
        ours,
        difference: ours === null ? null : ours - check.published,
        agrees: ours !== null && roundsTo(ours, check.published, check.decimals),
      };
    });
}
