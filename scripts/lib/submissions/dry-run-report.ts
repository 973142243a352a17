/** The table submit prints for an entry: its would-be figures with 95% CIs and its rank on each board. */
import { BOARD_SCOPE } from "../../../src/schemas/board.ts";
import type { StoreContent } from "../store-content.ts";
import type { BoardId } from "../../../src/schemas/board.ts";

/** One line of the report: a board column's value, CI and column rank for the entry (overall). */
export interface ReportRow {
  readonly board: BoardId;
  readonly column: string;
  readonly value: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly rank: string;
}

function rankText(rank: number | null | undefined, of: number, best?: number | null, worst?: number | null): string {
  if (rank === null || rank === undefined) return "—";
  const interval = best != null && worst != null && (best !== rank || worst !== rank) ? ` [${best}–${worst}]` : "";
  return `${rank} of ${of}${interval}`;
}

/** The entry's overall figures on every board of its direction, column by column, then the board's overall rank. */
export function reportRows(content: StoreContent, benchmarkId: string, direction: "t2v" | "v2t", entryId: string): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const board of Object.keys(BOARD_SCOPE) as BoardId[]) {
    const scope = BOARD_SCOPE[board];
    if (scope.direction !== direction) continue;
    const ranked = content.rankings.filter((r) => r.benchmarkId === benchmarkId && r.board === board && r.dimension === "overall");
    const rankedCount = ranked.filter((r) => r.rank !== null && r.rank !== undefined).length;
    const columns = content.boardColumns.filter((c) => c.benchmarkId === benchmarkId && c.board === board).sort((a, b) => a.position - b.position);
    for (const column of columns) {
      const result = content.results.find(
        (r) =>
          r.benchmarkId === benchmarkId && r.direction === direction && r.entryId === entryId && r.level === scope.level &&
          r.dimension === "overall" && r.perspectiveId === column.perspectiveId && r.metric === column.metric,
      );
      const columnRank = content.columnRanks.find(
        (r) => r.benchmarkId === benchmarkId && r.board === board && r.dimension === "overall" && r.entryId === entryId && r.columnKey === column.key,
      );
      rows.push({
        board,
        column: column.key,
        value: result?.value ?? null,
        ciLow: result?.ciLow ?? null,
        ciHigh: result?.ciHigh ?? null,
        rank: column.ranked ? rankText(columnRank?.rank, rankedCount, columnRank?.rankBest, columnRank?.rankWorst) : "(unranked)",
      });
    }
    const overall = ranked.find((r) => r.entryId === entryId);
    rows.push({ board, column: "overall", value: null, ciLow: null, ciHigh: null, rank: rankText(overall?.rank, rankedCount, overall?.rankBest, overall?.rankWorst) });
  }
  return rows;
}

const number = (value: number | null): string => (value === null ? "—" : value.toFixed(4));

/** The rows as an aligned plain-text table with the header board, perspective_metric, value, ci_low, ci_high, rank. */
export function formatReport(rows: readonly ReportRow[]): string {
  const header = ["board", "perspective_metric", "value", "ci_low", "ci_high", "rank"];
  const cells = rows.map((r) => [r.board, r.column, number(r.value), number(r.ciLow), number(r.ciHigh), r.rank]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]) =>
    c.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), ...cells.map(line)].join("\n");
}
