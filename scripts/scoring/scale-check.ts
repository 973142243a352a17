/**
 * A figure off its perspective's scale is never published: a human-rated entry whose figure lies outside the
 * range its benchmark declares for the perspective (benchmark.json `range`) is refused, naming all three.
 */
import type { Problem } from "../io/input-error.ts";
import type { ResultRow } from "../store/store-content.ts";
import type { ScoringContext } from "./context.ts";
import { fileOf, type EntryData } from "./entry-data.ts";

/** The problems of an anchored entry's figures outside their perspective's declared range (none for other entries). */
export function offScaleProblems(context: ScoringContext, data: EntryData, results: readonly ResultRow[]): Problem[] {
  if (data.direction !== "t2v" || data.anchors === null) return [];
  const entry = context.content.t2vEntries.find((e) => e.benchmarkId === context.benchmarkId && e.id === data.id);
  const ranges = new Map(
    context.content.perspectives
      .filter((p) => p.benchmarkId === context.benchmarkId && p.rangeMin != null && p.rangeMax != null)
      .map((p) => [p.id, { min: p.rangeMin as number, max: p.rangeMax as number }]),
  );
  const problems: Problem[] = [];
  for (const result of results) {
    const range = result.perspectiveId == null ? undefined : ranges.get(result.perspectiveId);
    if (range === undefined || (result.value >= range.min && result.value <= range.max)) continue;
    const where = result.dimension === "overall" ? "overall" : `on dimension ${result.dimension}`;
    problems.push({
      file: fileOf(context, entry?.submissionId, "ratings.csv"),
      field: result.perspectiveId as string,
      message:
        `the ${result.perspectiveId} figure ${where} would be ${result.value.toFixed(2)}, outside ${result.perspectiveId}'s range ${range.min}–${range.max} declared by ${context.benchmarkId}; ` +
        "a figure off the scale is never published: the panel did not rate the anchors and the new videos on one scale",
    });
  }
  return problems;
}
