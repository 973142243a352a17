/** The table submit prints for an entry: its figures with 95% intervals and its rank on each board, then how it was scaled. */
import { BOARD_SCOPE, type BoardId } from "../../src/schemas/board.ts";
import { EVALUATOR_MEAN, metricDefinition } from "../../src/schemas/metrics.ts";
import type { StoreContent } from "../store/store-content.ts";
import { anchorDiagnosticNotes } from "./anchor-diagnostic-notes.ts";

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
  /** Why the value or the interval is missing ("—" in the table), printed under it; null when both are there or the line is the overall rank. */
  readonly missing: string | null;
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
      const of = (metric: string) =>
        content.results.find(
          (r) =>
            r.benchmarkId === benchmarkId && r.direction === direction && r.entryId === entryId && r.level === scope.level &&
            r.dimension === "overall" && r.perspectiveId === column.perspectiveId && r.metric === metric,
        );
      // An auto entry kept apart has its evaluator's raw mean instead of the column's figure: printed as such, unranked.
      const raw = direction === "t2v" ? of(EVALUATOR_MEAN) : undefined;
      if (raw !== undefined) {
        rows.push({ board, column: `${column.perspectiveId}_${EVALUATOR_MEAN}`, metric: EVALUATOR_MEAN, value: raw.value, ciLow: raw.ciLow ?? null, ciHigh: raw.ciHigh ?? null, rank: "(unranked)", missing: noInterval(raw) });
        continue;
      }
      const refused = direction === "t2v" && refusalFor(content, benchmarkId, entryId, column.perspectiveId);
      if (refused) {
        rows.push({ board, column: column.key, metric: column.metric, value: null, ciLow: null, ciHigh: null, rank: "(refused)", missing: "refused, so no figure: the reason is in the notes below" });
        continue;
      }
      const result = of(column.metric);
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
        missing: result === undefined ? "no figure: the entry's data has none for this column" : noInterval(result),
      });
    }
    rows.push({ board, column: "overall", metric: null, value: null, ciLow: null, ciHigh: null, rank: overall?.unrankedReason ? "(unranked)" : rankText(overall?.rank, rankedCount, overall?.rankBest, overall?.rankWorst), missing: null });
  }
  return rows;
}

/** Why a stored figure has no interval, in the words the report prints under its table; null when it has one. */
function noInterval(result: { ciLow?: number | null; ciHigh?: number | null; ciNote?: string | null; provenance?: string | null }): string | null {
  if (result.ciLow != null && result.ciHigh != null) return null;
  // A stored note may already say so ("no interval: …"); it is not said twice.
  if (result.ciNote) return /^no interval\b/i.test(result.ciNote) ? result.ciNote : `no interval: ${result.ciNote}`;
  return result.provenance === "published" ? "no interval: a published figure, copied without one" : "no interval: none could be computed for this figure";
}

/**
 * The rows as an aligned plain-text table with the header board, perspective_metric, value, 95% interval, rank; the
 * overall line (a rank only) leaves value and interval blank, and every "—" is explained in a line under the table.
 */
export function formatReport(rows: readonly ReportRow[]): string {
  const header = ["board", "perspective_metric", "value", "95% interval", "rank"];
  const number = (row: ReportRow, value: number | null) => (value === null ? "—" : value.toFixed(metricDefinition(row.metric ?? "").digits));
  const overall = (r: ReportRow) => r.column === "overall" && r.metric === null;
  const cells = rows.map((r) =>
    overall(r)
      ? [r.board, r.column, "", "", r.rank]
      : [r.board, r.column, number(r, r.value), r.ciLow === null || r.ciHigh === null ? "—" : `[${number(r, r.ciLow)}, ${number(r, r.ciHigh)}]`, r.rank],
  );
  const why = rows.filter((r) => r.missing !== null).map((r) => `— ${r.board} ${r.column}: ${r.missing}`);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]) => c.map((cell, i) => (i === 2 || i === 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), ...cells.map(line), ...why].join("\n");
}

/** How the entry was put on the benchmark's scale, and why boards leave it unranked: lines under the table. */
export function reportNotes(content: StoreContent, benchmarkId: string, entryId: string): string[] {
  const notes: string[] = [];
  // What the boards will say of the entry: a submission is self-reported until verified, and marked when trained on the benchmark.
  for (const p of content.entryProvenance.filter((p) => p.benchmarkId === benchmarkId && p.entryId === entryId && p.kind === "self-reported")) {
    notes.push(`Shown as self-reported by ${p.producedBy} (sampled by ${p.sampledBy}; evaluated by ${p.evaluatedBy}) until the maintainers verify it.`);
  }
  if (content.trainingData.some((t) => t.benchmarkId === benchmarkId && t.entryId === entryId && t.trainedOnBenchmark === "yes")) {
    notes.push(`Marked "trained on this benchmark": its trainingData names ${benchmarkId}. Boards explain the mark and can hide such methods.`);
  }
  for (const fit of content.anchorFits.filter((f) => f.benchmarkId === benchmarkId && f.entryId === entryId)) {
    notes.push(
      `${fit.perspectiveId}: ${fit.raters} rater(s) scored ${fit.anchors} anchors; they agree with the benchmark at Pearson r = ${fit.agreement.toFixed(3)}, ` +
        `and the line benchmark = ${fit.intercept.toFixed(3)} + ${fit.slope.toFixed(3)} × panel puts the new videos on its scale.`,
    );
  }
  notes.push(...anchorDiagnosticNotes(content, benchmarkId, entryId));
  const entry = content.t2vEntries.find((e) => e.benchmarkId === benchmarkId && e.id === entryId && e.source === "auto");
  if (entry?.evaluatorId) notes.push(...autoNotes(content, benchmarkId, entryId, entry.evaluatorId));
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

/** Whether an auto entry's evaluator was refused on a perspective. */
function refusalFor(content: StoreContent, benchmarkId: string, entryId: string, perspective: string): boolean {
  const evaluator = content.t2vEntries.find((e) => e.benchmarkId === benchmarkId && e.id === entryId && e.source === "auto")?.evaluatorId;
  if (!evaluator) return false;
  return Boolean(content.calibrations.find((c) => c.benchmarkId === benchmarkId && c.evaluatorId === evaluator && c.perspectiveId === perspective)?.refusal);
}

/** How an auto entry's evaluator served each perspective: refused (and why), kept apart beside the pool models' raw means, or calibrated. */
function autoNotes(content: StoreContent, benchmarkId: string, entryId: string, evaluatorId: string): string[] {
  const notes: string[] = [];
  const table = `/${benchmarkId}/v2t/${evaluatorId}/`;
  const names = new Map(content.t2vEntries.filter((e) => e.benchmarkId === benchmarkId).map((e) => [e.id, e.name]));
  for (const c of content.calibrations.filter((c) => c.benchmarkId === benchmarkId && c.evaluatorId === evaluatorId)) {
    if (c.refusal) {
      notes.push(`${c.perspectiveId}: refused: ${c.refusal}; see the skill check in its calibration table, ${table}`);
      continue;
    }
    const raw = content.results.find((r) => r.benchmarkId === benchmarkId && r.entryId === entryId && r.direction === "t2v" && r.dimension === "overall" && r.perspectiveId === c.perspectiveId && r.metric === EVALUATOR_MEAN);
    if (raw !== undefined) {
      const pool = content.calibrationChecks
        .filter((k) => k.benchmarkId === benchmarkId && k.evaluatorId === evaluatorId && k.perspectiveId === c.perspectiveId)
        .sort((a, b) => b.evaluatorMean - a.evaluatorMean)
        .map((k) => `${names.get(k.t2vEntryId) ?? k.t2vEntryId} ${k.evaluatorMean.toFixed(4)}`);
      notes.push(`${c.perspectiveId}: ${evaluatorId}'s raw mean ${raw.value.toFixed(4)}, beside its means of the benchmark's models: ${pool.join(", ")}.`);
      continue;
    }
    const half = c.conformalHalfWidth === null || c.conformalHalfWidth === undefined ? "unbounded (too few models), so the interval is the whole scale" : `the figure less and plus ${c.conformalHalfWidth.toFixed(3)}`;
    notes.push(
      `${c.perspectiveId}: scored by ${evaluatorId}, calibrated through ${c.models} models' means (human = ${c.modelIntercept?.toFixed(3)} + ${c.modelSlope?.toFixed(3)} × evaluator); ` +
        `left out model by model it misses by ${c.modelRmse?.toFixed(3)} (RMS) against ${c.baselineRmse?.toFixed(3)} for the other models' mean; conformal interval ${half}, kept inside the scale.`,
    );
  }
  return notes;
}
