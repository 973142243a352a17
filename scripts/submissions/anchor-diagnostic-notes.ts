/** The dry run's and submit's lines on a human-rated entry's diagnostics: agreements with their intervals, the line's checks, and flags. */
import type { StoreContent } from "../store/store-content.ts";

const number = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? "—" : x.toFixed(digits));

/** One line per perspective (the panel's and each new-video rater's agreement, lack of fit, ceiling), then every flag. */
export function anchorDiagnosticNotes(content: StoreContent, benchmarkId: string, entryId: string): string[] {
  const notes: string[] = [];
  const of = <T extends { benchmarkId: string; entryId: string }>(rows: readonly T[]) => rows.filter((r) => r.benchmarkId === benchmarkId && r.entryId === entryId);
  for (const check of of(content.anchorChecks)) {
    const agreements = of(content.anchorAgreements).filter((a) => a.perspectiveId === check.perspectiveId);
    const shown = agreements.map((a) => `${a.rater === "" ? "panel" : `rater "${a.rater}"`} r = ${number(a.agreement)} [${number(a.ciLow)}, ${number(a.ciHigh)}] on ${a.anchors}`);
    const lack = check.lackOfFitP == null ? "no lack-of-fit test (too few distinct anchor scores)" : `quadratic lack of fit F = ${number(check.lackOfFitF, 2)} (1, ${check.lackOfFitDf} df), p = ${check.lackOfFitP < 0.001 ? check.lackOfFitP.toExponential(1) : check.lackOfFitP.toFixed(3)}`;
    const ceiling = check.ceiling == null ? "no agreement ceiling (the benchmark publishes no per-rater ratings)" : `an independent panel of this size reaches about r = ${number(check.ceiling)}`;
    notes.push(`${check.perspectiveId} diagnostics: anchor agreement (Pearson r, Fisher-z 95% interval, anchors) ${shown.join("; ")}; ${lack}; ${ceiling}.`);
  }
  for (const flag of of(content.anchorFlags)) notes.push(`FLAG ${flag.perspectiveId}${flag.subject ? ` (rater "${flag.subject}")` : ""}: ${flag.message}.`);
  return notes;
}
