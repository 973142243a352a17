/**
 * Checks a schema-valid bundle against the benchmark it names, as the store content defines it: direction,
 * perspectives, known and unique ids, coverage, and an entry id that no other entry holds.
 */
import type { StoreContent } from "../store-content.ts";
import type { Problem } from "../input-error.ts";
import type { Lined, ParsedBundle } from "./parse-bundle.ts";

/** How many missing ids a coverage problem lists. */
const SHOWN_MISSING = 10;

/** The benchmark facts a bundle is checked against. */
interface BenchmarkFacts {
  readonly mos: readonly string[];
  readonly qa: string | null;
  /** Video id → whether it is a reference (real) video. */
  readonly videos: ReadonlyMap<string, boolean>;
  readonly prompts: readonly string[];
}

function factsOf(content: StoreContent, benchmarkId: string): BenchmarkFacts {
  const perspectives = content.perspectives.filter((p) => p.benchmarkId === benchmarkId).sort((a, b) => a.position - b.position);
  const auto = new Set(content.t2vEntries.filter((e) => e.benchmarkId === benchmarkId && e.source === "auto").map((e) => e.id));
  return {
    mos: perspectives.filter((p) => p.kind === "mos").map((p) => p.id),
    qa: perspectives.find((p) => p.kind === "qa")?.id ?? null,
    // Only videos with human ground truth can be submitted on: earlier auto-scored T2V videos have none.
    videos: new Map(
      content.videos
        .filter((v) => v.benchmarkId === benchmarkId && !auto.has(v.t2vEntryId))
        .map((v) => [v.id, v.isReference]),
    ),
    prompts: content.prompts.filter((p) => p.benchmarkId === benchmarkId).map((p) => p.id),
  };
}

/** "12 of 2,543 … are missing: a, b, … (and 2 more)". */
function missingMessage(what: string, missing: readonly string[], total: number): string {
  const shown = missing.slice(0, SHOWN_MISSING).join(", ");
  const more = missing.length > SHOWN_MISSING ? `, … (${missing.length - SHOWN_MISSING} more)` : "";
  return `covers ${(total - missing.length).toLocaleString("en")} of ${total.toLocaleString("en")} ${what}; missing ${missing.length.toLocaleString("en")}: ${shown}${more}`;
}

/** Problems with one line's scores: unknown perspectives, `qa` given as a score, missing perspectives. */
function scoreProblems(file: string, line: number, scores: Readonly<Record<string, number>>, facts: BenchmarkFacts): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(scores)) {
    if (key === facts.qa) problems.push({ file, line, field: `scores.${key}`, message: `"${key}" is answered with "answer", not with a score` });
    else if (!facts.mos.includes(key)) problems.push({ file, line, field: `scores.${key}`, message: `unknown perspective; this benchmark's are ${facts.mos.join(", ")}` });
  }
  for (const id of facts.mos) {
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

function checkPredictions(bundle: ParsedBundle, facts: BenchmarkFacts, benchmarkId: string, problems: Problem[]): void {
  if (bundle.data.kind !== "predictions") return;
  const { file, lines } = bundle.data;
  const seen = checkIds(lines, file, (id) => facts.videos.has(id), `a video of ${benchmarkId} (ids look like "${[...facts.videos.keys()][0] ?? "model/0"}")`, problems);
  let answered = 0;
  for (const { line, value } of lines) {
    problems.push(...scoreProblems(file, line, value.scores, facts));
    if (value.answer !== undefined) {
      answered += 1;
      if (facts.qa === null) problems.push({ file, line, field: "answer", message: `${benchmarkId} has no yes/no questions; leave "answer" out` });
    }
  }
  const required = [...facts.videos].filter(([, isReference]) => !isReference).map(([id]) => id);
  const missing = required.filter((id) => !seen.has(id));
  if (missing.length > 0) problems.push({ file, message: missingMessage(`the ${benchmarkId} videos to predict (reference videos are optional)`, missing, required.length) });
  if (facts.qa !== null && answered > 0 && answered < lines.length) {
    const unanswered = lines.filter((l) => l.value.answer === undefined).map((l) => String(l.line));
    problems.push({ file, field: "answer", message: `answers either every video or none; ${unanswered.length} line(s) lack one, e.g. lines ${unanswered.slice(0, SHOWN_MISSING).join(", ")}` });
  }
}

function checkScores(bundle: ParsedBundle, facts: BenchmarkFacts, benchmarkId: string, problems: Problem[]): void {
  if (bundle.data.kind !== "scores") return;
  const { file, lines } = bundle.data;
  const prompts = new Set(facts.prompts);
  const seen = checkIds(lines, file, (id) => prompts.has(id), `a prompt id of ${benchmarkId}`, problems);
  for (const { line, value } of lines) problems.push(...scoreProblems(file, line, value.scores, facts));
  const missing = facts.prompts.filter((id) => !seen.has(id));
  if (missing.length > 0) problems.push({ file, message: missingMessage(`the ${benchmarkId} prompts`, missing, facts.prompts.length) });
}

function checkRatings(bundle: ParsedBundle, facts: BenchmarkFacts, benchmarkId: string, problems: Problem[]): void {
  if (bundle.data.kind !== "ratings") return;
  const { file, lines } = bundle.data;
  const prompts = new Set(facts.prompts);
  const seen = new Map<string, number>();
  const rated = new Set<string>();
  for (const { line, value } of lines) {
    const key = `${value.video}\u0000${value.perspective}\u0000${value.rater}`;
    const earlier = seen.get(key);
    if (!prompts.has(value.video)) problems.push({ file, line, field: "video", message: `"${value.video}" is not a prompt id of ${benchmarkId}` });
    if (!facts.mos.includes(value.perspective)) {
      problems.push({ file, line, field: "perspective", message: `"${value.perspective}" is not rated on a 1–5 scale in ${benchmarkId}; its perspectives are ${facts.mos.join(", ")}` });
    }
    if (earlier !== undefined) problems.push({ file, line, message: `rater "${value.rater}" already rated prompt ${value.video} for ${value.perspective} on line ${earlier}` });
    else seen.set(key, line);
    rated.add(`${value.video}\u0000${value.perspective}`);
  }
  for (const perspective of facts.mos) {
    const missing = facts.prompts.filter((id) => !rated.has(`${id}\u0000${perspective}`));
    if (missing.length > 0) problems.push({ file, field: perspective, message: missingMessage(`the ${benchmarkId} prompts with a ${perspective} rating`, missing, facts.prompts.length) });
  }
}

/** Every problem of a bundle against the store content; empty when it can be added. */
export function checkBundle(bundle: ParsedBundle, content: StoreContent): Problem[] {
  const { manifest, manifestFile, entryId } = bundle;
  const problems: Problem[] = [];
  const benchmark = content.benchmarks.find((b) => b.id === manifest.benchmark);
  if (benchmark === undefined) {
    const known = content.benchmarks.map((b) => b.id).join(", ");
    return [{ file: manifestFile, field: "benchmark", message: `unknown benchmark "${manifest.benchmark}"; known: ${known}` }];
  }
  const facts = factsOf(content, benchmark.id);
  const needed = manifest.direction === "v2t" ? facts.videos.size : facts.prompts.length;
  if (needed === 0) {
    return [{
      file: manifestFile,
      field: "benchmark",
      message: `${benchmark.id} has no per-video data in this store (only published figures, or its dataset is absent), so ${manifest.direction.toUpperCase()} submissions cannot be scored on it`,
    }];
  }
  const taken =
    manifest.direction === "v2t"
      ? content.v2tEntries.find((e) => e.benchmarkId === benchmark.id && e.id === entryId)
      : content.t2vEntries.find((e) => e.benchmarkId === benchmark.id && e.id === entryId);
  if (taken !== undefined) {
    const owner = taken.submissionId ? `submission ${taken.submissionId}` : "the benchmark's own data";
    problems.push({ file: manifestFile, field: "entry.name", message: `gives the entry id "${entryId}", already taken on ${benchmark.id} ${manifest.direction.toUpperCase()} by "${taken.name}" (${owner}); choose another name` });
  }
  if (manifest.direction === "t2v" && manifest.evaluator !== undefined) {
    const evaluators = content.v2tEntries.filter((e) => e.benchmarkId === benchmark.id && e.submissionId);
    if (!evaluators.some((e) => e.id === manifest.evaluator)) {
      const some = evaluators.slice(0, SHOWN_MISSING).map((e) => e.id).join(", ");
      problems.push({ file: manifestFile, field: "evaluator", message: `"${manifest.evaluator}" is not a V2T entry of ${benchmark.id} with per-video predictions${some ? `; e.g. ${some}` : ""}` });
    }
  }
  checkPredictions(bundle, facts, benchmark.id, problems);
  checkScores(bundle, facts, benchmark.id, problems);
  checkRatings(bundle, facts, benchmark.id, problems);
  return problems;
}
