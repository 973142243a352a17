/** Ranks every board of every benchmark, overall and per dimension, with the engine's ranking rules. */
import { rankBoard, type Direction } from "../../src/engine/index.ts";
import { BOARD_SCOPE, type BoardId } from "../../src/schemas/board.ts";
import type { StoreContent } from "./store-content.ts";

function resultKey(parts: readonly string[]): string {
  return parts.join("\u0000");
}

/** Fills `rankings` and `columnRanks` from the content's results; reference entries are not ranked. */
export function rankAllBoards(content: StoreContent): void {
  const valueOf = new Map<string, number>();
  for (const r of content.results) {
    valueOf.set(resultKey([r.benchmarkId, r.direction, r.entryId, r.level, r.dimension, r.perspectiveId, r.metric]), r.value);
  }
  for (const benchmark of content.benchmarks) {
    const dimensionIds = [
      "overall",
      ...content.dimensions.filter((d) => d.benchmarkId === benchmark.id).map((d) => d.id),
    ];
    for (const board of Object.keys(BOARD_SCOPE) as BoardId[]) {
      const { direction, level } = BOARD_SCOPE[board];
      const columns = content.boardColumns
        .filter((c) => c.benchmarkId === benchmark.id && c.board === board && c.ranked)
        .sort((a, b) => a.position - b.position);
      const entries =
        direction === "t2v"
          ? content.t2vEntries.filter((e) => e.benchmarkId === benchmark.id && !e.isReference)
          : content.v2tEntries.filter((e) => e.benchmarkId === benchmark.id);
      const directions: Direction[] = columns.map((c) => (c.higherIsBetter === false ? "lower" : "higher"));
      for (const dimension of dimensionIds) {
        const rows = entries.map((entry) => ({
          id: entry.id,
          name: entry.name,
          values: columns.map(
            (c) =>
              valueOf.get(
                resultKey([benchmark.id, direction, entry.id, level, dimension, c.perspectiveId, c.metric]),
              ) ?? null,
          ),
        }));
        if (!rows.some((row) => row.values.some((value) => value !== null))) continue;
        for (const ranked of rankBoard(rows, directions)) {
          content.rankings.push({
            benchmarkId: benchmark.id,
            board,
            dimension,
            entryId: ranked.id,
            rank: ranked.rank,
            rankSum: ranked.rankSum,
            position: ranked.position,
            rankBest: null,
            rankWorst: null,
            separableFromNext: null,
          });
          columns.forEach((column, i) => {
            content.columnRanks.push({
              benchmarkId: benchmark.id,
              board,
              dimension,
              entryId: ranked.id,
              columnKey: column.key,
              rank: ranked.columnRanks[i] ?? null,
              rankBest: null,
              rankWorst: null,
            });
          });
        }
      }
    }
  }
}
