/**
 * The model-specific rater component of a benchmark, per perspective: σ²_rm of its own per-rater ratings (see
 * `raterModelVariance`), on the scale of its human scores, from the labelled videos of its non-reference T2V models.
 * Null where the benchmark publishes no per-rater ratings (one averaged score per video, like TVGE).
 */
import { humanScores, raterModelVariance, type RaterModelVariance } from "../../src/engine/index.ts";
import { byId, type ScoringContext } from "./context.ts";

const memo = new WeakMap<ScoringContext, Map<string, RaterModelVariance | null>>();

/** σ²_rm of one perspective of the context's benchmark, computed once per context. */
export function raterComponent(context: ScoringContext, perspective: string): RaterModelVariance | null {
  const known = memo.get(context) ?? new Map<string, RaterModelVariance | null>();
  memo.set(context, known);
  if (known.has(perspective)) return known.get(perspective) ?? null;
  const rows = context.content.ratings.filter((r) => r.benchmarkId === context.benchmarkId && r.batch === "dataset" && r.perspectiveId === perspective);
  const raters = [...new Set(rows.map((r) => r.rater))].sort(byId);
  const videos = [...new Set(rows.map((r) => r.videoId))].sort(byId);
  const row = new Map(raters.map((rater, r) => [rater, r]));
  const column = new Map(videos.map((id, i) => [id, i]));
  const matrix: (number | null)[][] = raters.map(() => videos.map(() => null));
  for (const r of rows) (matrix[row.get(r.rater) as number] as (number | null)[])[column.get(r.videoId) as number] = r.score;
  // On the human scores' own scale: the protocol's per-rater contributions (raw ratings, or rescaled z-scores).
  const contributions = raters.length < 2 ? [] : humanScores(context.protocol.humanScore, matrix).contributions;
  const models = new Set(context.poolModels);
  const kept = videos.map((id, i) => [i, context.videos.get(id)] as const).filter(([, v]) => v !== undefined && v.labelled && models.has(v.t2vEntryId));
  const result = raterModelVariance(
    contributions.map((scores) => kept.map(([i]) => scores[i] ?? null)),
    kept.map(([, v]) => v?.t2vEntryId as string),
  );
  known.set(perspective, result);
  return result;
}

/**
 * How many raters a panel's mean over its new videos averages over, for the model-specific component: 1 / Σ_r s_r²,
 * where s_r is rater r's share of the mean (each video's score is the mean of its counted ratings, so a rater's share
 * is Σ over the videos it counts on of 1 / that video's count, over the number of videos). That is k for k raters
 * who each rate every video, and less when a few raters did most of the work. `counted[r][i]`: rater r counts on item i.
 */
export function effectiveRaters(counted: readonly (readonly boolean[])[]): number {
  const items = counted[0]?.length ?? 0;
  const shares = new Float64Array(counted.length);
  let videos = 0;
  for (let i = 0; i < items; i++) {
    let k = 0;
    for (const row of counted) if (row[i]) k++;
    if (k === 0) continue;
    videos++;
    counted.forEach((row, r) => {
      if (row[i]) shares[r]! += 1 / k;
    });
  }
  let squares = 0;
  for (const share of shares) squares += (share / videos) ** 2;
  return squares > 0 ? 1 / squares : 0;
}
