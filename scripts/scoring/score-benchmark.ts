/**
 * Scores a benchmark's entries and ranks its boards: V2T methods first (their calibrations are what
 * auto-scored T2V entries are mapped with), then T2V models, then every board in one ranking step. Each
 * entry's scoring is cached on its own inputs, so a rebuild after a new submission costs only that entry.
 */
import { createHash } from "node:crypto";
import type { BootstrapSettings } from "../../src/engine/index.ts";
import { BOARD_SCOPE, boardsOf, RANK_SUM_DRAWS_KEY, type BoardId } from "../../src/schemas/board.ts";
import { InputError, type Problem } from "../io/input-error.ts";
import type { DrawRow, ResultRow, StoreContent } from "../store/store-content.ts";
import { cacheKey, readCache, writeCache } from "./cache.ts";
import { byId, scoringContext, type ScoringContext } from "./context.ts";
import { t2vEntryData, v2tEntryData, type EntryData } from "./entry-data.ts";
import { calibrateEvaluator } from "./evaluators.ts";
import { agreementCeilings } from "./agreement-ceilings.ts";
import { auditBenchmark } from "./audit.ts";
import { addAnchorDiagnostics } from "./anchor-diagnostics.ts";
import { offScaleProblems } from "./scale-check.ts";
import { rankBenchmark, unrankedReason } from "./rank-boards.ts";
import { scoreEntry } from "./score-entry.ts";
import { inThisThread, type JobRunner } from "./statistic-recipe.ts";
import { rankInThisThread, type RankRunner } from "./rank-job.ts";

type Content = StoreContent;

/** Scoring options: where to cache, and a progress callback for long work. */
export interface ScoringOptions {
  readonly cacheDir?: string;
  readonly progress?: (message: string) => void;
  /** Score these scopes only (a dry run's `overall`, all it reports); every scope by default. */
  readonly scopes?: readonly string[];
}

/** JSON of a value with its Maps as entry lists and bytes as base64, for hashing. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
    return v;
  });
}

const contextHashes = new WeakMap<ScoringContext, string>();

/** What every entry's figures on a benchmark depend on, besides the entry's own data (computed once per context). */
function contextHash(context: ScoringContext): string {
  const known = contextHashes.get(context);
  if (known !== undefined) return known;
  const hash = hashContext(context);
  contextHashes.set(context, hash);
  return hash;
}

/** Hashes what scoring reads of a benchmark, in the context's canonical orders (one pass, no sorting of rows). */
function hashContext(context: ScoringContext): string {
  const hash = createHash("sha256");
  const add = (text: string) => hash.update(text).update("\n");
  add(JSON.stringify(context.content.benchmarks.find((b) => b.id === context.benchmarkId) ?? null));
  add(JSON.stringify([context.mos, context.qa, context.scopes, context.columns, context.anchors]));
  for (const prompt of context.prompts) add(`${prompt}\t${[...(context.dimensionsOf.get(prompt) ?? [])].sort().join(",")}`);
  for (const v of context.pool) add(`${v.id}\t${v.promptId}\t${v.t2vEntryId}\t${v.isReference}\t${v.split ?? ""}`);
  for (const perspective of context.mos) {
    const truth = context.truth[perspective];
    for (const v of context.pool) add(`${perspective}\t${v.id}\t${truth?.get(v.id) ?? ""}`);
  }
  for (const v of context.pool) add(`answer\t${v.id}\t${context.answers.get(v.id) ?? ""}`);
  return hash.digest("hex");
}

/** An entry's result rows and ranked columns' resampled values. */
export interface Scored {
  readonly results: ResultRow[];
  readonly draws: DrawRow[];
}

/** A cache entry: draws travel as base64 in the cache's JSON. */
type CachedScored = { results: ResultRow[]; draws: (Omit<DrawRow, "values"> & { values: string })[] };

/** Scored rows from the cache, if there. */
function fromCache(options: ScoringOptions, key: string): Scored | undefined {
  const hit = readCache<CachedScored>(options.cacheDir, key);
  return hit === undefined ? undefined : { results: hit.results, draws: hit.draws.map((d) => ({ ...d, values: Buffer.from(d.values, "base64") })) };
}

/** Keeps scored rows in the cache. */
function toCache(options: ScoringOptions, key: string, scored: Scored): void {
  writeCache(options.cacheDir, key, { results: scored.results, draws: scored.draws.map((d) => ({ ...d, values: Buffer.from(d.values).toString("base64") })) });
}

/** Cached scoring. */
async function cachedScore(options: ScoringOptions, inputs: unknown, compute: () => Promise<Scored>): Promise<Scored> {
  if (!options.cacheDir) return compute();
  const key = cacheKey(inputs);
  const hit = fromCache(options, key);
  if (hit !== undefined) return hit;
  const scored = await compute();
  toCache(options, key, scored);
  return scored;
}

/** The inputs of one entry's figures beyond the context: the entry's own values, exactly as scoring takes them. */
function entryInputs(data: EntryData): string {
  return createHash("sha256").update(stableJson(data)).digest("hex");
}

/**
 * What scoring an entry takes: its data, once its calibrations (V2T) or anchor fits (T2V) are added to the
 * content; null when it has nothing to score. A T2V entry that cannot be scored is a problem.
 */
function prepareEntry(context: ScoringContext, direction: "t2v" | "v2t", entryId: string, problems: Problem[]): EntryData | null {
  const { content } = context;
  if (direction === "t2v") {
    const found = t2vEntryData(context, entryId);
    if (found !== null) addAnchorDiagnostics(context, entryId, found.data, problems);
    if (found !== null && found.problems.length > 0) {
      problems.push(...found.problems);
      return null;
    }
    content.anchorFits.push(...(found?.anchorFits ?? []));
    return found?.data ?? null;
  }
  const data = v2tEntryData(context, entryId);
  if (data !== null) {
    const calibration = calibrateEvaluator(context, entryId);
    content.calibrations.push(...calibration.calibrations);
    content.calibrationChecks.push(...calibration.calibrationChecks);
  }
  return data;
}

/** The cache inputs of an entry's figures (a scoring of some scopes is never taken for one of all). */
function scoreInputs(context: ScoringContext, data: EntryData, options: ScoringOptions): unknown {
  const inputs = [context.benchmarkId, context.settings, contextHash(context), entryInputs(data)];
  return options.scopes === undefined ? inputs : [...inputs, { scopes: options.scopes }];
}

/**
 * Scores one entry (cached), its resampling run by `run` (this thread by default, or worker threads); null
 * when it has nothing to score. Its calibrations or anchor fits are added to the content at once, in call
 * order; its figures are returned, for the caller to add in its order. A T2V entry that cannot be scored is a problem.
 */
export function entryScores(context: ScoringContext, direction: "t2v" | "v2t", entryId: string, options: ScoringOptions, problems: Problem[], run: JobRunner = inThisThread): Promise<Scored> | null {
  const data = prepareEntry(context, direction, entryId, problems);
  if (data === null) return null;
  return cachedScore(options, scoreInputs(context, data, options), () => scoreEntry(context, data, run, options.scopes)).then((scored) => {
    problems.push(...offScaleProblems(context, data, scored.results));
    return scored;
  });
}

/**
 * Adds an entry's figures to the content, and its resampled values on the boards that rank: on a board that ranks
 * nobody (unrankedReason: too few T2V models, which only the benchmark's own labelled pool sets, so no submission
 * changes it) neither the ranking nor the compare view reads them, so they are not stored.
 */
export function addScored(context: ScoringContext, scored: Scored): void {
  context.content.results.push(...scored.results);
  const ranks = new Map<BoardId, boolean>();
  const read = (board: BoardId) => ranks.get(board) ?? (ranks.set(board, unrankedReason(context, board) === null).get(board) as boolean);
  context.content.draws.push(...scored.draws.filter((d) => read(d.board)));
}

/**
 * Replaces a benchmark's rankings (with the resampled rank sums the ranking step keeps) with a fresh ranking of its
 * boards (of one direction only, when a new entry can change no other), and its audit with one against those. The
 * scopes are ranked by `rank`; with `store`, the resampled values the content lacks are read from there (see rankBenchmark).
 */
export async function rankAndAudit(context: ScoringContext, direction?: "t2v" | "v2t", rank: RankRunner = rankInThisThread, store?: string): Promise<void> {
  const { content, benchmarkId } = context;
  const boards = (Object.keys(BOARD_SCOPE) as BoardId[]).filter((b) => direction === undefined || BOARD_SCOPE[b].direction === direction);
  const ranked = await rankBenchmark(context, boards, undefined, rank, store);
  const replaced = (r: { benchmarkId: string; board: BoardId }) => r.benchmarkId === benchmarkId && boards.includes(r.board);
  content.rankings = [...content.rankings.filter((r) => !replaced(r)), ...ranked.rankings];
  content.columnRanks = [...content.columnRanks.filter((r) => !replaced(r)), ...ranked.columnRanks];
  // Every entry's rank sums move when one joins, so the board's are replaced whole.
  content.draws = [...content.draws.filter((d) => !(replaced(d) && d.columnKey === RANK_SUM_DRAWS_KEY)), ...ranked.draws];
  content.audit = [...content.audit.filter((r) => r.benchmarkId !== benchmarkId), ...auditBenchmark(context)];
}

/**
 * A dry run's ranking: the new entry's place on the overall scope of its direction's boards, exactly as the
 * whole ranking would give it, while the other entries keep their stored rows (a real submission re-ranks
 * every board). It reads only the overall scope's resampled values, which is all a dry run loads.
 */
export async function placeEntry(context: ScoringContext, direction: "t2v" | "v2t", entryId: string): Promise<void> {
  const { content, benchmarkId } = context;
  const boards = boardsOf(direction);
  const placed = await rankBenchmark(context, boards, { entryId, dimension: "overall" });
  const replaced = (r: { benchmarkId: string; board: BoardId; dimension: string; entryId: string }) => r.benchmarkId === benchmarkId && boards.includes(r.board) && r.dimension === "overall" && r.entryId === entryId;
  content.rankings = [...content.rankings.filter((r) => !replaced(r)), ...placed.rankings];
  content.columnRanks = [...content.columnRanks.filter((r) => !replaced(r)), ...placed.columnRanks];
}

/**
 * Scores every entry of every benchmark and ranks every board; throws an InputError when an entry cannot be
 * scored. A benchmark's entries are prepared in id order, resampled together by `run` (this thread by default,
 * or worker threads), and their figures added in that order.
 */
export async function scoreAll(
  content: Content,
  settings: BootstrapSettings,
  options: ScoringOptions = {},
  run: JobRunner = inThisThread,
  rank: RankRunner = rankInThisThread,
): Promise<void> {
  const problems: Problem[] = [];
  for (const benchmark of content.benchmarks) {
    const context = scoringContext(content, benchmark.id, settings);
    const v2t = content.v2tEntries.filter((e) => e.benchmarkId === benchmark.id).map((e) => e.id).sort(byId);
    const t2v = content.t2vEntries.filter((e) => e.benchmarkId === benchmark.id).map((e) => e.id).sort(byId);
    if (context.pool.length > 0) options.progress?.(`Scoring ${benchmark.title}: ${t2v.length} T2V entries, ${v2t.length} V2T methods`);
    // Before the entries: a submitted panel's checks read the benchmark's reliability from these rows, as a later
    // submit reads them from the store, so that a rebuild and a submit give the same checks.
    content.agreementCeilings.push(...agreementCeilings(context));
    const pending = [...v2t.map((id) => entryScores(context, "v2t", id, options, problems, run)), ...t2v.map((id) => entryScores(context, "t2v", id, options, problems, run))];
    for (const scored of await Promise.all(pending)) if (scored !== null) addScored(context, scored);
    await rankAndAudit(context, undefined, rank);
  }
  if (problems.length > 0) throw new InputError(problems);
}
