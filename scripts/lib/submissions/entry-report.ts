/** The table submit prints for an entry: its figures with 95% intervals and its rank on each board, then how it was scaled. */
import { BOARD_SCOPE, type BoardId } from "../../../src/schemas/board.ts";
import { metricDefinition } from "../../../src/schemas/metrics.ts";
import type { StoreContent } from "../store-content.ts";

/** One line of the report: a board column's value, interval and column rank for the entry (overall). */
export interface ReportRow {
  readonly board: BoardId;
  readonly column: string;
  /** The column's metric (null on the overall line), for its display precision. */
  readonly metric: string | null;
  readonly value: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly rank: string;
}

function rankText(rank: number | null | undefined, of: number, best?: number | null, worst?: number | null): string {
  if (rank === null || rank === undefined) return "—";
  const interval = best != null && worst != null ? ` [${best}, ${worst}]` : "";
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
    const overall = ranked.find((r) => r.entryId === entryId);
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
        metric: column.metric,
        value: result?.value ?? null,
        ciLow: result?.ciLow ?? null,
        ciHigh: result?.ciHigh ?? null,
        rank: !column.ranked || overall?.unrankedReason ? "(unranked)" : rankText(columnRank?.rank, rankedCount, columnRank?.rankBest, columnRank?.rankWorst),
      });
    }
    rows.push({ board, column: "overall", metric: null, value: null, ciLow: null, ciHigh: null, rank: overall?.unrankedReason ? "(unranked)" : rankText(overall?.rank, rankedCount, overall?.rankBest, overall?.rankWorst) });
  }
  return rows;
}

/** The rows as an aligned plain-text table with the header board, perspective_metric, value, 95% interval, rank. */
export function formatReport(rows: readonly ReportRow[]): string {
  const header = ["board", "perspective_metric", "value", "95% interval", "rank"];
  const number = (row: ReportRow, value: number | null) => (value === null ? "—" : value.toFixed(metricDefinition(row.metric ?? "").digits));
  const cells = rows.map((r) => [r.board, r.column, number(r, r.value), r.ciLow === null || r.ciHigh === null ? "—" : `[${number(r, r.ciLow)}, ${number(r, r.ciHigh)}]`, r.rank]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]) => c.map((cell, i) => (i === 2 || i === 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), ...cells.map(line)].join("\n");
}

/** How the entry was put on the benchmark's scale, and why boards leave it unranked: lines under the table. */
export function reportNotes(content: StoreContent, benchmarkId: string, entryId: string): string[] {
  const notes: string[] = [];
  for (const fit of content.anchorFits.filter((f) => f.benchmarkId === benchmarkId && f.entryId === entryId)) {
    notes.push(
      `${fit.perspectiveId}: ${fit.raters} rater(s) scored ${fit.anchors} anchors; they agree with the benchmark at Pearson r = ${fit.agreement.toFixed(3)}, ` +
        `and the line benchmark = ${fit.intercept.toFixed(3)} + ${fit.slope.toFixed(3)} × panel puts the new videos on its scale.`,
    );
  }
  const entry = content.t2vEntries.find((e) => e.benchmarkId === benchmarkId && e.id === entryId && e.source === "auto");
  if (entry?.evaluatorId) {
    for (const c of content.calibrations.filter((c) => c.benchmarkId === benchmarkId && c.evaluatorId === entry.evaluatorId)) {
      notes.push(`${c.perspectiveId}: scored by ${entry.evaluatorId}; for a model it never saw, its calibrated mean lands a typical ${c.heldOutRmse?.toFixed(3) ?? "—"} from the humans' (leave-one-model-out RMSE), which the interval includes.`);
    }
  }
  // A V2T entry's agreement beside what the raters' own reliability allows (the ceiling rule has let it through).
  if (content.v2tEntries.some((e) => e.benchmarkId === benchmarkId && e.id === entryId)) {
    for (const c of content.agreementCeilings.filter((c) => c.benchmarkId === benchmarkId)) {
      notes.push(`${c.perspectiveId}: the human agreement ceiling is ${c.ceiling.toFixed(3)}${typeof c.ciLow === "number" && typeof c.ciHigh === "number" ? ` [${c.ciLow.toFixed(3)}, ${c.ciHigh.toFixed(3)}]` : ""} (${c.raters} raters, single-rater reliability ${c.singleRater.toFixed(3)}): no method can agree with the human scores better.`);
    }
  }
  const reasons = new Set(content.rankings.filter((r) => r.benchmarkId === benchmarkId && r.entryId === entryId && r.dimension === "overall" && r.unrankedReason).map((r) => `${r.board}: ${r.unrankedReason}`));
  notes.push(...reasons);
  // An entry lacking some ranked column's figure (e.g. a published-only column) has column ranks but no overall rank.
  for (const r of content.rankings.filter((r) => r.benchmarkId === benchmarkId && r.entryId === entryId && r.dimension === "overall" && r.rank === null && !r.unrankedReason)) {
    const columns = content.boardColumns.filter((c) => c.benchmarkId === benchmarkId && c.board === r.board && c.ranked);
    const { direction, level } = BOARD_SCOPE[r.board];
    const missing = columns.filter((c) => !content.results.some((x) => x.benchmarkId === benchmarkId && x.direction === direction && x.entryId === entryId && x.level === level && x.dimension === "overall" && x.perspectiveId === c.perspectiveId && x.metric === c.metric));
    if (missing.length > 0) notes.push(`${r.board}: no overall rank, which sums every ranked column's rank: there is no figure for ${missing.map((c) => c.label).join(", ")}.`);
  }
  return notes;
}
