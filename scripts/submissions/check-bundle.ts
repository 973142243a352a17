/**
 * Checks a schema-valid bundle against the benchmark it names, as the store content defines it: direction,
 * perspectives, known and unique ids, coverage of the labelled pool or of the prompts, anchors for human
 * ratings, an evaluator's score range for automatic scores, and an entry id and display name that no other entry of the board holds or resembles.
 */
import { bootstrapSettings } from "../../src/engine/index.ts";
import { DatasetSourceSchema, datasetHowTo } from "../../src/schemas/benchmark.ts";
import { nameKeys } from "../../src/schemas/entry-name.ts";
import type { Problem } from "../io/input-error.ts";
import { correlationPool, scoringContext, type ScoringContext } from "../scoring/context.ts";
import { AUTO_SCORE_MARGIN } from "../../src/schemas/submission/limits.ts";
import { calibrationSet, predictionsOf, scoreRange } from "../scoring/evaluators.ts";
import { raterComponent } from "../scoring/rater-component.ts";
import type { StoreContent } from "../store/store-content.ts";
import type { Lined, ParsedBundle } from "./parse-bundle.ts";

/** How many missing ids a coverage problem lists. */
const SHOWN_MISSING = 10;

/** What a check found: problems refuse the bundle; notes are reported beside its figures. */
export interface CheckOutcome {
  readonly problems: Problem[];
  readonly notes: string[];
}

/** "covers 2,531 of the 2,543 tvge videos to predict; missing 12: a, b, … (2 more)"; `what` is plural, without an article. */
function missingMessage(what: string, missing: readonly string[], total: number): string {
  const shown = missing.slice(0, SHOWN_MISSING).join(", ");
  const more = missing.length > SHOWN_MISSING ? `, … (${missing.length - SHOWN_MISSING} more)` : "";
  return `covers ${(total - missing.length).toLocaleString("en")} of the ${total.toLocaleString("en")} ${what}; missing ${missing.length.toLocaleString("en")}: ${shown}${more}`;
}

/** Problems with one line's scores: unknown perspectives, `qa` given as a score, missing perspectives. */
function scoreProblems(file: string, line: number, scores: Readonly<Record<string, number>>, context: ScoringContext): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(scores)) {
    if (key === context.qa) problems.push({ file, line, field: `scores.${key}`, message: `"${key}" is answered with "answer", not with a score` });
    else if (!context.mos.includes(key)) problems.push({ file, line, field: `scores.${key}`, message: `unknown perspective; this benchmark's are ${context.mos.join(", ")}` });
  }
  for (const id of context.mos) {
    if (!(id in scores)) problems.push({ file, line, field: `scores.${id}`, message: "is missing; every line needs a score for every perspective" });
  }
  return problems;
}

/** Checks an id per line: known, and not repeated; returns the ids seen (first line of each). */
function checkIds<T extends { video: string }>(
  lines: readonly Lined<T>[],
  file: string,
  isKnown: (id: string) => boolean,
  unknown: string,
  problems: Problem[],
): Map<string, number> {
  const seen = new Map<string, number>();
  for (const { line, value } of lines) {
    const earlier = seen.get(value.video);
    if (!isKnown(value.video)) problems.push({ file, line, field: "video", message: `"${value.video}" is not ${unknown}` });
    else if (earlier !== undefined) problems.push({ file, line, field: "video", message: `"${value.video}" already appears on line ${earlier}` });
    else seen.set(value.video, line);
  }
  return seen;
}

function checkPredictions(bundle: ParsedBundle, context: ScoringContext, { problems, notes }: CheckOutcome): void {
  if (bundle.data.kind !== "predictions") return;
  const { file, lines } = bundle.data;
  const labelled = new Set(context.pool.map((v) => v.id));
  const example = context.pool.find((v) => !v.isReference)?.id ?? "model/0";
  const seen = checkIds(lines, file, (id) => labelled.has(id), `a video of ${context.benchmarkId}'s labelled pool (ids look like "${example}")`, problems);
  let answered = 0;
  for (const { line, value } of lines) {
    problems.push(...scoreProblems(file, line, value.scores, context));
    if (value.answer !== undefined) {
      answered += 1;
      if (context.qa === null) problems.push({ file, line, field: "answer", message: `${context.benchmarkId} has no yes/no questions; leave "answer" out` });
    }
  }
  const required = correlationPool(context).map((v) => v.id);
  const missing = required.filter((id) => !seen.has(id));
  const split = context.protocol.v2tSplit;
  if (split !== null) {
    const scored = new Set(context.v2tPool.map((v) => v.id));
    const outside = [...seen.keys()].filter((id) => !scored.has(id)).length;
    if (outside > 0) notes.push(`${outside.toLocaleString("en")} prediction(s) are of videos outside the ${split} split; ${context.benchmarkId}'s protocol scores V2T methods on the ${split} split only, so they are kept but not scored.`);
  }
  const scope = split === null ? "" : ` of the ${split} split`;
  const what = context.protocol.referenceVideos === "included" ? `${context.benchmarkId} videos${scope} to predict (real reference videos included, as the protocol scores them)` : `${context.benchmarkId} videos${scope} to predict (reference videos are optional)`;
  if (missing.length > 0) problems.push({ file, message: missingMessage(what, missing, required.length) });
  if (context.qa !== null && answered > 0 && answered < lines.length) {
    const unanswered = lines.filter((l) => l.value.answer === undefined).map((l) => String(l.line));
    problems.push({ file, field: "answer", message: `answers either every video or none; ${unanswered.length} line(s) lack one, e.g. lines ${unanswered.slice(0, SHOWN_MISSING).join(", ")}` });
  }
}

/** Automatic scores: known prompts, full coverage, and scores within the range the evaluator was calibrated on. */
function checkScores(bundle: ParsedBundle, context: ScoringContext, evaluator: string, outcome: CheckOutcome): void {
  if (bundle.data.kind !== "scores") return;
  const { problems, notes } = outcome;
  const { file, lines } = bundle.data;
  const prompts = new Set(context.prompts);
  const seen = checkIds(lines, file, (id) => prompts.has(id), `a prompt id of ${context.benchmarkId}`, problems);
  for (const { line, value } of lines) problems.push(...scoreProblems(file, line, value.scores, context));
  const missing = context.prompts.filter((id) => !seen.has(id));
  if (missing.length > 0) problems.push({ file, message: missingMessage(`${context.benchmarkId} prompts`, missing, context.prompts.length) });
  for (const perspective of context.mos) {
    const range = scoreRange(calibrationSet(context, predictionsOf(context.content, context.benchmarkId, evaluator, perspective), perspective));
    if (range === null) {
      problems.push({ file: bundle.manifestFile, field: "evaluator", message: `"${evaluator}" has no scores of ${perspective} on the labelled videos to calibrate with` });
      continue;
    }
    const margin = AUTO_SCORE_MARGIN * (range.high - range.low);
    const low = range.low - margin;
    const high = range.high + margin;
    let outside = 0;
    for (const { line, value } of lines) {
      const score = value.scores[perspective];
      if (score === undefined) continue;
      if (score < low || score > high) {
        problems.push({
          file,
          line,
          field: `scores.${perspective}`,
          message: `${score} lies far outside the range ${evaluator} gave the labelled videos (${range.low} to ${range.high}; up to ${Math.round(AUTO_SCORE_MARGIN * 100)}% of that width beyond it is accepted); are these scores on ${evaluator}'s scale?`,
        });
      } else if (score < range.low || score > range.high) outside++;
    }
    if (outside > 0) {
      notes.push(`${outside} ${perspective} score(s) lie outside the range ${evaluator} gave the labelled videos (${range.low} to ${range.high}); their calibrated values extrapolate the line.`);
    }
  }
}

/** Each perspective's new videos are rated by at least the benchmark's fewest raters, or the bundle is refused saying why. */
function checkPanelSize(context: ScoringContext, ratersOf: ReadonlyMap<string, ReadonlySet<string>>, file: string, problems: Problem[]): void {
  const minimum = context.anchoring?.minRaters ?? 1;
  for (const perspective of context.mos) {
    const count = ratersOf.get(perspective)?.size ?? 0;
    if (count === 0 || count >= minimum) continue;
    const why =
      raterComponent(context, perspective) === null
        ? `${context.benchmarkId} publishes no per-rater ratings, so how far one rater's leniency toward one model strays cannot be estimated and put in the interval; only averaging over raters shrinks it`
        : "a rater's leniency toward one particular model is not removed by the anchors; only averaging over raters shrinks it";
    problems.push({ file, field: perspective, message: `your model's videos were rated by ${count} rater(s) for ${perspective}; ${context.benchmarkId} needs at least ${minimum}: ${why}` });
  }
}

/** Human ratings: known prompts and anchors, full coverage, enough raters, and enough anchors from every rater. */
function checkRatings(bundle: ParsedBundle, context: ScoringContext, problems: Problem[]): void {
  if (bundle.data.kind !== "ratings") return;
  const { file, lines } = bundle.data;
  if (context.anchoring === null || context.anchors.length === 0) {
    problems.push({ file: bundle.manifestFile, field: "benchmark", message: `${context.benchmarkId} takes no human-rated T2V submissions: it has no anchor set to put new ratings on its scale` });
    return;
  }
  const prompts = new Set(context.prompts);
  const anchors = new Set(context.anchors);
  const seen = new Map<string, number>();
  const rated = new Set<string>();
  const anchorsOf = new Map<string, Set<string>>();
  const ratersOf = new Map<string, Set<string>>();
  for (const { line, value } of lines) {
    const key = `${value.video}\u0000${value.perspective}\u0000${value.rater}`;
    const earlier = seen.get(key);
    const isAnchor = anchors.has(value.video);
    if (!prompts.has(value.video) && !isAnchor) {
      problems.push({ file, line, field: "video", message: `"${value.video}" is neither a prompt id of ${context.benchmarkId} nor one of its anchor videos (see /downloads/${context.benchmarkId}/anchors.csv)` });
    }
    if (!context.mos.includes(value.perspective)) {
      problems.push({ file, line, field: "perspective", message: `"${value.perspective}" is not rated on a 1–5 scale in ${context.benchmarkId}; its perspectives are ${context.mos.join(", ")}` });
    }
    if (earlier !== undefined) problems.push({ file, line, message: `rater "${value.rater}" already rated ${value.video} for ${value.perspective} on line ${earlier}` });
    else seen.set(key, line);
    if (isAnchor) {
      const mine = anchorsOf.get(`${value.rater}\u0000${value.perspective}`) ?? new Set<string>();
      mine.add(value.video);
      anchorsOf.set(`${value.rater}\u0000${value.perspective}`, mine);
    } else {
      rated.add(`${value.video}\u0000${value.perspective}`);
      ratersOf.set(value.perspective, (ratersOf.get(value.perspective) ?? new Set<string>()).add(value.rater));
    }
  }
  checkPanelSize(context, ratersOf, file, problems);
  for (const perspective of context.mos) {
    const missing = context.prompts.filter((id) => !rated.has(`${id}\u0000${perspective}`));
    if (missing.length > 0) problems.push({ file, field: perspective, message: missingMessage(`${context.benchmarkId} prompts with a ${perspective} rating`, missing, context.prompts.length) });
  }
  const minimum = context.anchoring.minPerRater;
  const raters = [...new Set(lines.map((l) => l.value.rater))].sort();
  const short: Problem[] = [];
  for (const rater of raters) {
    for (const perspective of context.mos) {
      const count = anchorsOf.get(`${rater}\u0000${perspective}`)?.size ?? 0;
      if (count < minimum) short.push({ file, field: perspective, message: `rater "${rater}" rated ${count} of the ${context.anchors.length} anchor videos for ${perspective}; at least ${minimum} are needed` });
    }
  }
  if (short.length > 0) {
    problems.push({
      file,
      message:
        `every rater must also rate at least ${minimum} of ${context.benchmarkId}'s ${context.anchors.length} anchor videos, mixed in with your model's videos. ` +
        "Anchors are the benchmark's own videos with known scores: they tie your raters' scale to the benchmark's, so that a lenient or a strict panel " +
        `moves nobody up or down. Add rows for them with their video ids from /downloads/${context.benchmarkId}/anchors.csv`,
    });
    problems.push(...short);
  }
}

/**
 * The entry's id or display name clashing with another entry's of the same board (submitted or the benchmark's
 * own models, whose ids are not always slugs of their names: TVGE's "Gen-2" is `gen2`): the same id, or names
 * that look alike (nameKeys: case, spacing, punctuation, accents and confusable letters aside).
 */
function nameClashes(bundle: ParsedBundle, content: StoreContent): Problem[] {
  const { manifest, manifestFile, entryId } = bundle;
  const entries: readonly { benchmarkId: string; id: string; name: string; submissionId?: string | null }[] = manifest.direction === "v2t" ? content.v2tEntries : content.t2vEntries;
  const keys = nameKeys(manifest.entry.name);
  const board = `${manifest.benchmark} ${manifest.direction.toUpperCase()}`;
  const problems: Problem[] = [];
  for (const other of entries) {
    if (other.benchmarkId !== manifest.benchmark) continue;
    const owner = other.submissionId ? `submission ${other.submissionId}` : "the benchmark's own data";
    if (other.id === entryId) {
      problems.push({ file: manifestFile, field: "entry.name", message: `gives the entry id "${entryId}", already taken on ${board} by "${other.name}" (${owner}); choose another name` });
    } else if ([...nameKeys(other.name)].some((key) => keys.has(key))) {
      problems.push({ file: manifestFile, field: "entry.name", message: `reads like "${other.name}" (id ${other.id}, ${owner}) on ${board}: names must differ in more than case, spacing, punctuation, accents or look-alike letters; choose another name` });
    }
  }
  return problems;
}

/**
 * Every problem of a bundle against the store content (empty when it can be added), and notes for the report.
 * `contexts` keeps each benchmark's context between checks of many bundles: what checks read of it (the
 * labelled pool, prompts, anchors, protocol) does not change as bundles are added.
 */
export function checkBundle(bundle: ParsedBundle, content: StoreContent, contexts: Map<string, ScoringContext> = new Map()): CheckOutcome {
  const { manifest, manifestFile } = bundle;
  const outcome: CheckOutcome = { problems: [], notes: [] };
  const { problems } = outcome;
  const benchmark = content.benchmarks.find((b) => b.id === manifest.benchmark);
  if (benchmark === undefined) {
    const known = content.benchmarks.map((b) => b.id).join(", ");
    return { problems: [{ file: manifestFile, field: "benchmark", message: `unknown benchmark "${manifest.benchmark}"; known: ${known}` }], notes: [] };
  }
  // Checks use no bootstrap settings; the defaults stand in for the store's.
  const context = contexts.get(benchmark.id) ?? scoringContext(content, benchmark.id, bootstrapSettings());
  contexts.set(benchmark.id, context);
  if (context.pool.length === 0) {
    const source = benchmark.datasetJson ? DatasetSourceSchema.parse(JSON.parse(benchmark.datasetJson)) : null;
    return {
      problems: [{
        file: manifestFile,
        field: "benchmark",
        message: `${benchmark.id} has no per-video data in this store (only published figures, or its dataset is absent), so ${manifest.direction.toUpperCase()} submissions cannot be scored on it` +
          (source === null ? "" : `; to make it possible, ${datasetHowTo(source)}`),
      }],
      notes: [],
    };
  }
  problems.push(...nameClashes(bundle, content));
  if (manifest.direction === "t2v" && manifest.evaluator !== undefined) {
    const evaluators = content.v2tEntries.filter((e) => e.benchmarkId === benchmark.id && e.submissionId);
    if (!evaluators.some((e) => e.id === manifest.evaluator)) {
      const some = evaluators.slice(0, SHOWN_MISSING).map((e) => e.id).join(", ");
      problems.push({ file: manifestFile, field: "evaluator", message: `"${manifest.evaluator}" is not a V2T entry of ${benchmark.id} with per-video predictions${some ? `; e.g. ${some}` : ""}` });
    } else checkScores(bundle, context, manifest.evaluator, outcome);
  }
  checkPredictions(bundle, context, outcome);
  checkRatings(bundle, context, problems);
  return outcome;
}
