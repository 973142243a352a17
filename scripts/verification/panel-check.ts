/**
 * A trusted panel's re-rating of a human-rated T2V entry: the panel rates a seeded sample of the entry's videos
 * together with the benchmark's anchors; both panels are put on the benchmark's scale through the anchors (the
 * same procedure and least-squares line as a submission's), and per perspective the mean of the sampled videos'
 * differences, trusted minus submitted, must be consistent with zero (its 95% interval covers 0).
 */
import { applyLine, leastSquaresLine, meanDifference, pearson, type MeanDifference } from "../../src/engine/index.ts";
import { RatingRowSchema } from "../../src/schemas/submission/ratings.ts";
import { InputError, type Problem } from "../io/input-error.ts";
import { readCsvFile } from "../io/read-data.ts";
import { scoringContext, storedSettings } from "../scoring/context.ts";
import { panelScores, t2vEntryData, type PanelRating } from "../scoring/entry-data.ts";
import type { StoreContent } from "../store/store-content.ts";
import type { EntryKey } from "./record-files.ts";

/** The fewest sampled videos a panel check draws: its interval is the large-sample one. */
export const MIN_PANEL_SAMPLE = 30;

/** Per perspective, the anchored mean difference of the trusted panel from the entry over the sample, or the problems. */
export function panelDifferences(content: StoreContent, key: EntryKey, sample: readonly string[], evidence: string, shown: string): { differences: Record<string, MeanDifference>; problems: Problem[] } {
  let rows;
  try {
    rows = readCsvFile(evidence, RatingRowSchema);
  } catch (error) {
    if (error instanceof InputError) return { differences: {}, problems: [...error.problems] };
    throw error;
  }
  const problems: Problem[] = [];
  const context = scoringContext(content, key.benchmark, storedSettings(content));
  const found = t2vEntryData(context, key.entry);
  if (found === null || found.data.anchors === null) return { differences: {}, problems: [{ file: shown, message: `"${key.entry}" is not a human-rated entry; a panel check applies to entries rated by a panel through the anchors` }] };
  const anchors = new Set(context.anchors);
  const sampled = new Set(sample);
  const byPerspective = new Map<string, PanelRating[]>();
  for (const { line, row } of rows) {
    if (!context.mos.includes(row.perspective)) problems.push({ file: shown, line, field: "perspective", message: `"${row.perspective}" is not a rated perspective of ${key.benchmark}` });
    else if (!anchors.has(row.video) && !sampled.has(row.video)) problems.push({ file: shown, line, field: "video", message: `"${row.video}" is neither an anchor nor a prompt of the record's sample` });
    else byPerspective.set(row.perspective, [...(byPerspective.get(row.perspective) ?? []), { videoId: row.video, rater: row.rater, score: row.score }]);
  }
  if (problems.length > 0) return { differences: {}, problems };
  const differences: Record<string, MeanDifference> = {};
  for (const perspective of context.mos) {
    const scores = panelScores(context, byPerspective.get(perspective) ?? []);
    const truth = context.truth[perspective];
    const rated = context.anchors.filter((a) => scores.has(a) && truth?.has(a));
    const x = rated.map((a) => scores.get(a) as number);
    const y = rated.map((a) => truth?.get(a) as number);
    const line = leastSquaresLine(x, y);
    const agreement = pearson(x, y);
    const minimum = context.anchoring?.minAgreement ?? 0;
    if (line === null || agreement === null || agreement < minimum) {
      problems.push({ file: shown, field: perspective, message: `the trusted panel's scores of ${rated.length} anchors do not agree with the benchmark's (Pearson r ${agreement === null ? "undefined" : agreement.toFixed(3)}; at least ${minimum} is needed)` });
      continue;
    }
    const fit = found.anchorFits.find((f) => f.perspectiveId === perspective);
    const own = found.data.values[perspective];
    if (fit === undefined || own === undefined) {
      problems.push({ file: shown, field: perspective, message: "the entry has no anchored scores for this perspective to compare with" });
      continue;
    }
    const missing = sample.filter((p) => !scores.has(p) || !own.has(p));
    if (missing.length > 0) {
      problems.push({ file: shown, field: perspective, message: `no trusted ${perspective} score of the entry's video for ${missing.length} sampled prompt(s), e.g. "${missing[0]}"; every sampled video must be re-rated` });
      continue;
    }
    const d = sample.map((p) => applyLine(line, scores.get(p) as number) - applyLine(fit, own.get(p) as number));
    const difference = meanDifference(d);
    if (difference !== null) differences[perspective] = difference;
  }
  return { differences, problems };
}
