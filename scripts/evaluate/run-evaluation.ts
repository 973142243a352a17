/**
 * One evaluation run: card, targets and their files are checked first (every problem listed, nothing requested);
 * then each video's frames are extracted once and its perspectives (and, in a V2T run of a benchmark with yes/no
 * questions, its question) requested across the endpoints, every answer journaled; a run with any unreadable video
 * or answer writes no bundle; a complete one writes the bundle and runs the submission dry run on it.
 */
import path from "node:path";
import type { z } from "zod";
import { T2vSubmitterSchema, V2tSubmitterSchema } from "../../src/schemas/submission/manifest.ts";
import { formatProblems, InputError, type Problem } from "../io/input-error.ts";
import { displayPath, readJsonFile } from "../io/read-data.ts";
import { scoringContext, storedSettings, type ScoringContext } from "../scoring/context.ts";
import { submitBundle } from "../submissions/submit-bundle.ts";
import { readStore } from "../store/read-store.ts";
import { evaluationManifest, writeEvaluationBundle, type BundleLine, type ManifestInput } from "./bundle.ts";
import { CARD_HASH_PATTERN, readCard, type HashedCard } from "./card.ts";
import type { EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import { chatRequest, promptText, questionText } from "./chat-request.ts";
import { complete, RequestFailedError, type RetryPolicy } from "./chat-client.ts";
import { extractFrames, UnreadableVideoError } from "./frames.ts";
import { journalKey, openJournal, type JournalRecord } from "./journal.ts";
import { startProgress, type ProgressSink } from "./progress-bar.ts";
import { readScore, readYesNo, type Answer } from "./read-score.ts";
import { fileHash, findTargets, questionsAsked, type Target } from "./targets.ts";

/** One distinct request: the first target with this content and question, and its journal key; `question` is set for a yes/no question. */
interface Request {
  readonly key: string;
  readonly target: Target;
  readonly video: string;
  readonly perspective: string;
  readonly text: string;
  readonly question: string | null;
}

/** Everything a run needs. */
export interface EvaluateOptions {
  readonly benchmark: string;
  readonly direction: "v2t" | "t2v";
  readonly card: string;
  readonly endpoints: readonly string[];
  readonly videos: string;
  readonly out: string;
  /** The entry's JSON file: name, organization, url, license, contact, and kind (v2t) or access (t2v). */
  readonly entry: string;
  /** Direction t2v: the V2T entry id of this benchmark that used the same card. */
  readonly evaluator?: string;
  readonly dataDir: string;
  readonly store: string;
  readonly datasetsDir?: string;
  /** The journal file; default `<out>.journal.jsonl`. */
  readonly journal?: string;
  /** Requests in flight per endpoint. */
  readonly concurrency: number;
  readonly policy: RetryPolicy;
  /** Run the submission dry run on the bundle (default true). */
  readonly dryRun?: boolean;
  readonly stdout?: { write(text: string): unknown };
  readonly stderr?: ProgressSink;
  /** How often a non-terminal progress line is printed, in ms. */
  readonly progressEveryMs?: number;
}

/** How a run ended. */
export interface EvaluateOutcome {
  readonly exitCode: 0 | 1;
  readonly problems: readonly Problem[];
  /** Requests sent in this run (finished ones from the journal are not sent again). */
  readonly requested: number;
}

/** The tables a run reads: the benchmark's definition, videos, prompts and entries (no results or draws). */
const TABLES = ["meta", "benchmarks", "perspectives", "dimensions", "boardColumns", "prompts", "promptDimensions", "submissions", "t2vEntries", "v2tEntries", "videos", "groundTruth", "anchors"] as const;

/** Problems of the card against the benchmark: the same benchmark, a prompt for every MOS perspective and no other. */
function cardProblems(hashed: HashedCard, context: ScoringContext, file: string): Problem[] {
  const problems: Problem[] = [];
  if (hashed.card.benchmark !== context.benchmarkId) problems.push({ file, field: "benchmark", message: `is "${hashed.card.benchmark}"; this run scores ${context.benchmarkId}` });
  for (const p of context.mos) if (!(p in hashed.card.perspectives)) problems.push({ file, field: `perspectives.${p}`, message: `is missing: ${context.benchmarkId} scores ${context.mos.join(", ")}` });
  for (const p of Object.keys(hashed.card.perspectives)) if (!context.mos.includes(p)) problems.push({ file, field: `perspectives.${p}`, message: `is not a MOS perspective of ${context.benchmarkId} (${context.mos.join(", ")})` });
  if (hashed.card.questions !== undefined && context.qa === null) problems.push({ file, field: "questions", message: `${context.benchmarkId} has no yes/no questions; leave "questions" out` });
  return problems;
}

/** Direction t2v: the evaluator must be a stored V2T entry of this benchmark whose method records the same card hash. */
function evaluatorProblems(context: ScoringContext, evaluator: string | undefined, hash: string): Problem[] {
  const flag = "--evaluator";
  if (evaluator === undefined) return [{ file: flag, message: "is required with --direction t2v: the V2T entry of this benchmark that was scored with the same card" }];
  const entry = context.content.v2tEntries.find((e) => e.benchmarkId === context.benchmarkId && e.id === evaluator && e.submissionId);
  if (entry === undefined) return [{ file: flag, message: `"${evaluator}" is not a submitted V2T entry of ${context.benchmarkId}; run --direction v2t with this card and submit it first` }];
  const recorded = CARD_HASH_PATTERN.exec(entry.method ?? "")?.[1];
  if (recorded !== hash) {
    return [{ file: flag, message: `"${evaluator}" was scored with ${recorded ? `evaluator card sha256:${recorded}` : "no evaluator card"}, not this card (sha256:${hash}); its calibration would not transfer to these scores` }];
  }
  return [];
}

/** The submitter's part of the manifest of either direction (the entry and its provenance), read from the entry file. */
type DirectedEntry = { readonly direction: "v2t"; readonly submitter: z.infer<typeof V2tSubmitterSchema> } | { readonly direction: "t2v"; readonly submitter: z.infer<typeof T2vSubmitterSchema> };

/** Reads the entry file against the direction's submitter schema. */
function readEntry(direction: "v2t" | "t2v", file: string): DirectedEntry {
  return direction === "v2t" ? { direction, submitter: readJsonFile(file, V2tSubmitterSchema) } : { direction, submitter: readJsonFile(file, T2vSubmitterSchema) };
}

/** Runs an evaluation; bad input is reported (file, reason) with exit code 1, never half a bundle. */
export async function runEvaluation(options: EvaluateOptions): Promise<EvaluateOutcome> {
  const out = options.stdout ?? process.stdout;
  const err = options.stderr ?? process.stderr;
  const fail = (problems: readonly Problem[], requested = 0): EvaluateOutcome => {
    err.write(`Nothing written: ${problems.length} problem(s):\n${formatProblems(problems)}\n`);
    return { exitCode: 1, problems, requested };
  };
  let hashed: HashedCard;
  let entry: DirectedEntry;
  try {
    hashed = readCard(options.card);
    entry = readEntry(options.direction, options.entry);
  } catch (error) {
    if (error instanceof InputError) return fail(error.problems);
    throw error;
  }
  const content = readStore(options.store, { tables: [...TABLES] });
  if (!content.benchmarks.some((b) => b.id === options.benchmark)) {
    return fail([{ file: "--benchmark", message: `"${options.benchmark}" is not in the store ${displayPath(options.store)}; known: ${content.benchmarks.map((b) => b.id).join(", ")}` }]);
  }
  const context = scoringContext(content, options.benchmark, storedSettings(content));
  if (context.pool.length === 0) return fail([{ file: "--benchmark", message: `${options.benchmark} has no per-video data in this store (its dataset is absent), so nothing can be scored on it` }]);
  const shownFolder = displayPath(path.resolve(options.videos));
  const problems = cardProblems(hashed, context, displayPath(options.card));
  if (options.direction === "t2v") problems.push(...evaluatorProblems(context, options.evaluator, hashed.hash));
  const { targets: found, problems: missing } = findTargets(context, options.direction, path.resolve(options.videos), shownFolder);
  problems.push(...missing);
  if (problems.length > 0) return fail(problems);
  const { targets, note } = questionsAsked(options.direction, hashed.card, context, found);
  if (note !== null) err.write(`${note}\n`);

  const journalFile = options.journal ?? `${path.resolve(options.out)}.journal.jsonl`;
  let journal;
  try {
    journal = openJournal(journalFile, displayPath(journalFile));
  } catch (error) {
    if (error instanceof InputError) return fail(error.problems);
    throw error;
  }
  try {
    return await score(options, hashed, entry, context, targets, journal, out, err, fail);
  } finally {
    journal.close();
  }
}

/** What a card's rule reads from an answer: a perspective's score, or a question's yes/no, or why neither could be read. */
function readAnswer(card: EvaluatorCard, request: Request, answer: Answer): { score: number } | { yesNo: "yes" | "no" } | { unreadable: string } {
  if (request.question !== null) {
    const r = readYesNo(answer, (card.questions as NonNullable<EvaluatorCard["questions"]>).read);
    return "answer" in r ? { yesNo: r.answer } : r;
  }
  return readScore(answer, (card.perspectives[request.perspective] as EvaluatorCard["perspectives"][string]).read);
}

/** Scores every target (skipping journaled requests), then writes the bundle and runs the dry run. */
async function score(
  options: EvaluateOptions,
  hashed: HashedCard,
  entry: DirectedEntry,
  context: ScoringContext,
  targets: readonly Target[],
  journal: ReturnType<typeof openJournal>,
  out: { write(text: string): unknown },
  err: ProgressSink,
  fail: (problems: readonly Problem[], requested?: number) => EvaluateOutcome,
): Promise<EvaluateOutcome> {
  const shownFolder = displayPath(path.resolve(options.videos));
  const perspectives = context.mos;
  const problems: Problem[] = [];
  // One request per distinct (video hash, perspective, prompt text): identical files asked the same question once.
  const keysOf = new Map<string, string[]>();
  const questionKeyOf = new Map<string, string>();
  const requests = new Map<string, Request>();
  for (const target of targets) {
    const video = await fileHash(target.file);
    const keys = perspectives.map((perspective) => {
      const text = promptText(hashed.card, perspective, target.prompt);
      const key = journalKey(hashed.hash, video, perspective, text);
      if (!requests.has(key)) requests.set(key, { key, target, video, perspective, text, question: null });
      return key;
    });
    keysOf.set(target.id, keys);
    if (target.question !== null && context.qa !== null) {
      const text = questionText(hashed.card, target.question, target.prompt);
      const key = journalKey(hashed.hash, video, context.qa, text);
      if (!requests.has(key)) requests.set(key, { key, target, video, perspective: context.qa, text, question: target.question });
      questionKeyOf.set(target.id, key);
    }
  }
  const pending = [...requests.values()].filter((r) => !journal.done.has(r.key));
  const resumed = requests.size - pending.length;
  const asked = questionKeyOf.size > 0 ? ` and their yes/no questions` : "";
  err.write(
    `Scoring ${targets.length.toLocaleString("en")} videos × ${perspectives.length} perspectives${asked} of ${context.benchmarkId} (${options.direction}) with ${hashed.card.model.name}: ` +
      `${requests.size.toLocaleString("en")} distinct requests on ${options.endpoints.length} endpoint(s)${resumed > 0 ? `, ${resumed.toLocaleString("en")} of them answered in the journal already` : ""}.\n`,
  );
  const bar = startProgress(err, "requests", pending.length, options.progressEveryMs);
  // Frames are extracted once per file content and dropped when its last pending request is done.
  const users = new Map<string, number>();
  for (const r of pending) users.set(r.video, (users.get(r.video) ?? 0) + 1);
  const frames = new Map<string, Promise<Buffer[]>>();
  const failedVideos = new Set<string>();
  let requested = 0;
  let next = 0;
  const worker = async (endpoint: string) => {
    while (next < pending.length) {
      const request = pending[next++] as Request;
      const shown = `${shownFolder}/${request.target.relative}`;
      try {
        let images = frames.get(request.video);
        if (images === undefined) {
          images = extractFrames(request.target.file, hashed.card.frames).then((f) => f.images);
          frames.set(request.video, images);
        }
        const sent = chatRequest(hashed.card, request.text, await images);
        requested += 1;
        const outcome = await complete(endpoint, sent, options.policy, (answer) => {
          const r = readAnswer(hashed.card, request, answer);
          return "unreadable" in r ? `unreadable answer: ${r.unreadable}` : null;
        });
        const r = readAnswer(hashed.card, request, outcome.answer);
        if (!("unreadable" in r)) {
          const answer = { text: outcome.answer.text, top: outcome.answer.top ? outcome.answer.top.map((t) => ({ token: t.token, logprob: t.logprob })) : null };
          journal.append({ card: hashed.hash, video: request.video, perspective: request.perspective, text: request.text, file: request.target.relative, endpoint: outcome.endpoint, answer, ...r });
        }
      } catch (error) {
        if (error instanceof UnreadableVideoError) {
          // One problem per unreadable file, not one per perspective.
          if (!failedVideos.has(request.video)) problems.push({ file: shown, message: error.reason });
          failedVideos.add(request.video);
        } else if (error instanceof RequestFailedError) {
          // A question is named by its text: one video has one question, but the reader needs to see which.
          problems.push({ file: shown, field: request.perspective, message: request.question === null ? error.reason : `question ${JSON.stringify(request.question)}: ${error.reason}` });
        } else throw error;
      } finally {
        bar.tick();
        const left = (users.get(request.video) ?? 1) - 1;
        users.set(request.video, left);
        if (left === 0) frames.delete(request.video);
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let c = 0; c < options.concurrency; c += 1) for (const endpoint of options.endpoints) workers.push(worker(endpoint));
  await Promise.all(workers);
  bar.done();
  if (problems.length > 0) {
    err.write(`The answers read so far are kept in ${displayPath(journalFileOf(options))}; fix the problems and run the same command again to request only the rest.\n`);
    return fail(problems, requested);
  }

  const lines: BundleLine[] = targets.map((t) => {
    const question = questionKeyOf.get(t.id);
    return {
      video: t.id,
      scores: Object.fromEntries(perspectives.map((p, i) => [p, (journal.done.get((keysOf.get(t.id) as string[])[i] as string) as JournalRecord).score as number])),
      ...(question === undefined ? {} : { answer: (journal.done.get(question) as JournalRecord).yesNo as "yes" | "no" }),
    };
  });
  const base = { benchmark: context.benchmarkId, card: hashed.card, cardHash: hashed.hash };
  const input: ManifestInput = entry.direction === "v2t" ? { ...base, ...entry } : { ...base, ...entry, evaluator: options.evaluator as string };
  try {
    writeEvaluationBundle(path.resolve(options.out), evaluationManifest(input), lines);
  } catch (error) {
    return fail([{ file: displayPath(path.resolve(options.out)), message: (error as Error).message }], requested);
  }
  out.write(`Wrote ${displayPath(path.resolve(options.out))} (${lines.length.toLocaleString("en")} ${options.direction === "v2t" ? "videos" : "prompts"}; evaluator card sha256:${hashed.hash}).\n`);
  if (options.dryRun === false) return { exitCode: 0, problems: [], requested };
  out.write(`Dry run of the bundle:\n`);
  const outcome = await submitBundle({
    bundle: path.resolve(options.out),
    dataDir: options.dataDir,
    store: options.store,
    dryRun: true,
    ...(options.datasetsDir ? { datasetsDir: options.datasetsDir } : {}),
    stdout: out,
    stderr: err,
  });
  return { exitCode: outcome.exitCode === 0 ? 0 : 1, problems: outcome.problems ?? [], requested };
}

/** The journal file of a run. */
function journalFileOf(options: EvaluateOptions): string {
  return options.journal ?? `${path.resolve(options.out)}.journal.jsonl`;
}
