import { describe, expect, it } from "vitest";
import { decodeDraws, encodeDraws } from "../../../../db/draws.ts";
import type { ScoringContext } from "../../../../scripts/scoring/context.ts";
import { rankBenchmark } from "../../../../scripts/scoring/rank-boards.ts";
import { emptyContent, type StoreContent } from "../../../../scripts/store/store-content.ts";

const COLUMNS = ["a_srcc", "b_srcc"];

/**
 * A benchmark "x" with three V2T methods on the instance board, in the overall scope and one dimension "d", each with
 * two ranked columns on three resamples. By hand, overall: column a ranks p, q, r on every resample; column b ranks
 * r, p, q on resamples 0 and 1 and p, r, q on resample 2; so the rank sums are p 3, 3, 2; q 5, 5, 5; r 4, 4, 5.
 */
function context(): ScoringContext {
  const content: StoreContent = emptyContent();
  const figures: Record<string, Record<string, [number, number[]]>> = {
    p: { a_srcc: [0.9, [0.9, 0.9, 0.9]], b_srcc: [0.5, [0.5, 0.5, 0.8]] },
    q: { a_srcc: [0.5, [0.5, 0.5, 0.5]], b_srcc: [0.1, [0.1, 0.1, 0.1]] },
    r: { a_srcc: [0.1, [0.1, 0.1, 0.1]], b_srcc: [0.9, [0.9, 0.9, 0.7]] },
  };
  for (const [entry, columns] of Object.entries(figures)) {
    content.v2tEntries.push({ benchmarkId: "x", id: entry, name: entry.toUpperCase() } as StoreContent["v2tEntries"][number]);
    for (const dimension of ["overall", "d"]) {
      for (const [key, [value, draws]] of Object.entries(columns)) {
        const [perspectiveId, metric] = key.split("_") as [string, string];
        content.results.push({ benchmarkId: "x", direction: "v2t", entryId: entry, level: "instance", dimension, perspectiveId, metric, value, ciLow: null, ciHigh: null, provenance: "recomputed" });
        content.draws.push({ benchmarkId: "x", board: "v2t-instance", dimension, entryId: entry, columnKey: key, values: encodeDraws(Float64Array.from(draws)) });
      }
    }
  }
  const columns = COLUMNS.map((key, position) => {
    const [perspectiveId, metric] = key.split("_") as [string, string];
    return { benchmarkId: "x", board: "v2t-instance" as const, key, perspectiveId, metric, label: key, higherIsBetter: true, ranked: true, note: null, position };
  });
  // The ranking step reads these fields of the context only.
  return { content, benchmarkId: "x", scopes: ["overall", "d"], columns: { t2v: [], "v2t-instance": columns, "v2t-model": [] }, settings: { confidence: 0.95 } } as unknown as ScoringContext;
}

describe("rankBenchmark", () => {
  it("writes each ranked entry's rank sum on every resample of the overall scope, under the reserved key, and none for a dimension", async () => {
    const ranked = await rankBenchmark(context(), ["v2t-instance"]);
    expect(ranked.draws.map((d) => [d.board, d.dimension, d.entryId, d.columnKey])).toEqual([
      ["v2t-instance", "overall", "p", "rank-sum"],
      ["v2t-instance", "overall", "r", "rank-sum"],
      ["v2t-instance", "overall", "q", "rank-sum"],
    ]);
    expect(Object.fromEntries(ranked.draws.map((d) => [d.entryId, [...decodeDraws(d.values)]]))).toEqual({ p: [3, 3, 2], q: [5, 5, 5], r: [4, 4, 5] });
    expect(ranked.rankings.filter((r) => r.dimension === "d")).toHaveLength(3);
  });

  it("writes no rank sums for a dry run's single entry (one entry's would not be the board's)", async () => {
    const placed = await rankBenchmark(context(), ["v2t-instance"], { entryId: "q", dimension: "overall" });
    expect(placed.rankings.map((r) => r.entryId)).toEqual(["q"]);
    expect(placed.draws).toEqual([]);
  });
});
