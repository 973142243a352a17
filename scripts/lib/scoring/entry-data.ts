/**
 * Each entry's per-video values as its board columns need them: a T2V model's values per prompt (human
 * scores of its labelled videos; a submitted panel's scores with the panel's anchor scores; or an
 * evaluator's calibrated scores with that evaluator's model-level error), a V2T method's predictions.
 */
import { applyLine, humanScores, leastSquaresLine, normalizeAnswer, pearson, type RawAnswer } from "../../../src/engine/index.ts";
import type { Problem } from "../input-error.ts";
import type { StoreContent } from "../store-content.ts";
import { byId, type ScoringContext } from "./context.ts";
import { predictionsOf } from "./evaluators.ts";

type Content = StoreContent;

/** A T2V entry's values, keyed by prompt id. */
export interface T2vEntryData {
  readonly direction: "t2v";
  readonly id: string;
  readonly provenance: "recomputed" | "auto";
  /** What the values are, for the results' `source`. */
  readonly note: string;
  /** Per MOS perspective: the value of the entry's video for each prompt. */
  readonly values: Readonly<Record<string, ReadonlyMap<string, number>>>;
  /** 1 where the human answer to the video's yes/no question is yes, else 0 (benchmarks with questions). */
  readonly yes: ReadonlyMap<string, number> | null;
  /** Anchored entries: per perspective, the panel's score of each anchor it rated (anchor video id → score). */
  readonly anchors: Readonly<Record<string, ReadonlyMap<string, number>>> | null;
  /** Auto entries: per perspective, the SD of the evaluator's model-level error (leave-one-model-out). */
  readonly predictionError: Readonly<Record<string, number>> | null;
}

/** A V2T method's predictions, keyed by video id. */
export interface V2tEntryData {
  readonly direction: "v2t";
  readonly id: string;
  readonly scores: Readonly<Record<string, ReadonlyMap<string, number>>>;
  readonly answers: ReadonlyMap<string, RawAnswer> | null;
}

/** An entry ready for its columns. */
export type EntryData = T2vEntryData | V2tEntryData;

/** A T2V entry's data, the anchor fits it rests on, and any reason it cannot be scored. */
export interface T2vEntryResult {
  readonly data: T2vEntryData;
  readonly anchorFits: Content["anchorFits"];
  readonly problems: Problem[];
}

function fileOf(context: ScoringContext, submissionId: string | null | undefined, name: string): string {
  const path = context.content.submissions.find((s) => s.id === submissionId)?.path ?? "submission";
  return `${path}/${name}`;
}

/** A labelled T2V model: the ground truth of its own videos. */
function labelledData(context: ScoringContext, entryId: string): T2vEntryData {
  const videos = context.pool.filter((v) => v.t2vEntryId === entryId);
  const values = Object.fromEntries(
    context.mos.map((p) => {
      const truth = context.truth[p];
      return [p, new Map(videos.filter((v) => truth?.has(v.id)).map((v) => [v.promptId, truth?.get(v.id) as number]))];
    }),
  );
  const yes =
    context.qa === null || context.answers.size === 0
      ? null
      : new Map(videos.filter((v) => context.answers.has(v.id)).map((v) => [v.promptId, normalizeAnswer(context.answers.get(v.id)) === "yes" ? 1 : 0]));
  return { direction: "t2v", id: entryId, provenance: "recomputed", note: "human scores of the benchmark's own ratings", values, yes, anchors: null, predictionError: null };
}

/** One rating of a panel: a rater's score of a video (an anchor's id, or a video of the rated model). */
export interface PanelRating {
  readonly videoId: string;
  readonly rater: string;
  readonly score: number;
}

/**
 * The benchmark's human-score procedure on one panel's ratings of one perspective, the anchors and the other
 * videos together (anchors first in their declared order, then the rest in id order): each rated video's score.
 */
export function panelScores(context: ScoringContext, rows: readonly PanelRating[]): Map<string, number> {
  const anchorSet = new Set(context.anchors);
  const raters = [...new Set(rows.map((r) => r.rater))].sort(byId);
  const rated = new Set(rows.map((r) => r.videoId));
  const items = [...context.anchors.filter((a) => rated.has(a)), ...[...rated].filter((v) => !anchorSet.has(v)).sort(byId)];
  const column = new Map(items.map((id, i) => [id, i]));
  const row = new Map(raters.map((rater, r) => [rater, r]));
  const matrix: (number | null)[][] = raters.map(() => items.map(() => null));
  for (const r of rows) (matrix[row.get(r.rater) as number] as (number | null)[])[column.get(r.videoId) as number] = r.score;
  const scores = humanScores(context.protocol.humanScore, matrix).scores;
  const out = new Map<string, number>();
  items.forEach((id, i) => {
    const score = scores[i];
    if (score !== null && score !== undefined) out.set(id, score);
  });
  return out;
}

/**
 * A human-rated submission: per perspective, the benchmark's human-score procedure on the panel's ratings of
 * the anchors and the new videos together; the panel must agree with the benchmark on the anchors.
 */
function anchoredData(context: ScoringContext, entry: Content["t2vEntries"][number]): T2vEntryResult {
  const batch = entry.submissionId ?? "";
  const file = fileOf(context, entry.submissionId, "ratings.csv");
  const ratings = context.content.ratings.filter((r) => r.benchmarkId === context.benchmarkId && r.batch === batch);
  const anchorSet = new Set(context.anchors);
  const values: Record<string, Map<string, number>> = {};
  const anchors: Record<string, Map<string, number>> = {};
  const anchorFits: Content["anchorFits"] = [];
  const problems: Problem[] = [];
  for (const perspective of context.mos) {
    const panel = new Map<string, number>();
    const own = new Map<string, number>();
    const rows = ratings.filter((r) => r.perspectiveId === perspective);
    const raters = new Set(rows.map((r) => r.rater));
    for (const [id, score] of panelScores(context, rows)) {
      if (anchorSet.has(id)) panel.set(id, score);
      else own.set(context.videos.get(id)?.promptId ?? id, score);
    }
    values[perspective] = own;
    anchors[perspective] = panel;
    const truth = context.truth[perspective];
    const x = Float64Array.from(panel.keys(), (id) => panel.get(id) as number);
    const y = Float64Array.from(panel.keys(), (id) => truth?.get(id) as number);
    const line = leastSquaresLine(x, y);
    const agreement = pearson(x, y);
    const minimum = context.anchoring?.minAgreement ?? 0;
    if (line === null || agreement === null || agreement < minimum) {
      problems.push({
        file,
        field: perspective,
        message:
          `your raters' ${perspective} scores of the ${panel.size} anchors do not agree with the benchmark's ` +
          `(Pearson r = ${agreement === null ? "undefined" : agreement.toFixed(3)}; at least ${minimum} is needed), ` +
          "so their ratings cannot be put on the benchmark's scale; check that the anchors were rated like the new videos, by the same people",
      });
      continue;
    }
    anchorFits.push({ benchmarkId: context.benchmarkId, entryId: entry.id, perspectiveId: perspective, anchors: panel.size, raters: raters.size, intercept: line.intercept, slope: line.slope, agreement });
  }
  const note = `human ratings of the submitter's panel, put on the benchmark's scale through ${context.anchors.length} anchor videos (least-squares line per perspective)`;
  return { data: { direction: "t2v", id: entry.id, provenance: "recomputed", note, values, yes: null, anchors, predictionError: null }, anchorFits, problems };
}

/** An auto-scored T2V entry: its evaluator's scores of its videos, mapped by the evaluator's calibration. */
function autoData(context: ScoringContext, entry: Content["t2vEntries"][number]): T2vEntryData {
  const evaluator = entry.evaluatorId ?? "";
  const videos = [...context.videos.values()].filter((v) => v.t2vEntryId === entry.id);
  const values: Record<string, Map<string, number>> = {};
  const predictionError: Record<string, number> = {};
  for (const perspective of context.mos) {
    const calibration = context.content.calibrations.find((c) => c.benchmarkId === context.benchmarkId && c.evaluatorId === evaluator && c.perspectiveId === perspective);
    if (calibration === undefined) continue;
    const predicted = predictionsOf(context.content, context.benchmarkId, evaluator, perspective);
    values[perspective] = new Map(
      videos.filter((v) => predicted.has(v.id)).map((v) => [v.promptId, applyLine(calibration, predicted.get(v.id) as number)]),
    );
    predictionError[perspective] = calibration.heldOutRmse ?? 0;
  }
  const note = `scored by V2T entry "${evaluator}", its scores mapped onto the human scale by a least-squares line fitted on the labelled videos; the interval adds the evaluator's leave-one-model-out error`;
  return { direction: "t2v", id: entry.id, provenance: "auto", note, values, yes: null, anchors: null, predictionError };
}

/** A T2V entry's data (null for entries with published figures only). */
export function t2vEntryData(context: ScoringContext, entryId: string): T2vEntryResult | null {
  const entry = context.content.t2vEntries.find((e) => e.benchmarkId === context.benchmarkId && e.id === entryId);
  if (entry === undefined || entry.source === "published") return null;
  if (entry.source === "auto") return { data: autoData(context, entry), anchorFits: [], problems: [] };
  if (entry.submissionId) return anchoredData(context, entry);
  return { data: labelledData(context, entryId), anchorFits: [], problems: [] };
}

/** A V2T method's predictions on the labelled pool (null for methods with published figures only). */
export function v2tEntryData(context: ScoringContext, entryId: string): V2tEntryData | null {
  const scores: Record<string, Map<string, number>> = {};
  const answers = new Map<string, RawAnswer>();
  for (const p of context.content.predictions) {
    if (p.benchmarkId !== context.benchmarkId || p.v2tEntryId !== entryId || !context.videos.get(p.videoId)?.labelled) continue;
    if (p.perspectiveId === context.qa) answers.set(p.videoId, p.answer ?? null);
    else if (p.score !== null && p.score !== undefined) (scores[p.perspectiveId] ??= new Map()).set(p.videoId, p.score);
  }
  if (Object.keys(scores).length === 0 && answers.size === 0) return null;
  return { direction: "v2t", id: entryId, scores, answers: answers.size > 0 ? answers : null };
}
