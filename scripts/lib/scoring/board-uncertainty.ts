/** Rank uncertainty of whole boards: the engine's joint bootstrap per scope, and merging it into the rankings. */
import {
  bootstrapBoard,
  rankIntervals,
  scopes,
  t2vBoardStatistics,
  v2tInstanceStatistics,
  v2tModelStatistics,
  type BoardEntryUncertainty,
  type T2VColumnSource,
  type V2TColumnSource,
  type V2TMethodPredictions,
} from "../../../src/engine/index.ts";
import { BOARD_SCOPE, type BoardId } from "../../../src/schemas/board.ts";
import type { StoreContent } from "../store-content.ts";
import type { BoardUncertainty, ScoringOptions } from "./options.ts";
import type { PerVideoData } from "./per-video-data.ts";

type Content = StoreContent;
type Benchmark = Content["benchmarks"][number];

/** Joint-bootstrap rank uncertainty of every board of a benchmark, per scope. */
export function boardUncertainty(
  content: Content,
  benchmark: Benchmark,
  data: PerVideoData,
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
    const first = rows[0];
    const column = first && content.boardColumns.find((c) => c.benchmarkId === first.benchmarkId && c.board === first.board && c.key === first.columnKey);
    rankIntervals(cis, column?.higherIsBetter === false ? "lower" : "higher").forEach((interval, i) => {
      const row = rows[i];
      if (!row || !interval) return;
      row.rankBest = interval.best;
      row.rankWorst = interval.worst;
    });
  }
}
