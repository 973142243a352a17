/**
 * The whole of `npm run submit`, under the write lock (a dry run under the shared one): read and parse the bundle once, check it and score
 * only the new entry against what the store holds (its board re-ranked from the stored resamples), then
 * either print the would-be figures (--dry-run) or keep the bundle under data/submissions/ and write the
 * store once. Every step is safe to interrupt: a rerun of the same command finishes the job, whatever
 * step the last run died at, and stores the entry exactly once.
 */
import fs from "node:fs";
import { type BootstrapSettings } from "../../src/engine/index.ts";
import { BUNDLE_LIMITS, type BundleLimits } from "../../src/schemas/submission/limits.ts";
import { boardsOf, RANK_SUM_DRAWS_KEY } from "../../src/schemas/board.ts";
import { datasetsRoot } from "../benchmarks/registry.ts";
import { buildContent } from "../pipeline/build-content.ts";
import { checkpoint } from "../store/checkpoint.ts";
import { inputsFingerprint } from "../pipeline/fingerprint.ts";
import { recordHistory } from "../pipeline/history/record-history.ts";
import { formatProblems, InputError, type Problem } from "../io/input-error.ts";
import { displayPath } from "../io/read-data.ts";
import { ceilingProblems } from "../scoring/agreement-ceilings.ts";
import { scoringContext, storedSettings, type ScoringContext } from "../scoring/context.ts";
import { addScored, entryScores, placeEntry, rankAndAudit } from "../scoring/score-benchmark.ts";
import { unrankedReason } from "../scoring/rank-boards.ts";
import { workerPool, type WorkerPool } from "../scoring/worker-pool.ts";
import type { StoreContent } from "../store/store-content.ts";
import { removeStaleTemporaries } from "../store/temporaries.ts";
import { escapeTerminal, escapingWriter } from "../io/terminal-text.ts";
import { acquireReadLock, acquireWriteLock, BusyError, LockFileError } from "../store/write-lock.ts";
import { recoverStore } from "../../db/file.ts";
import { applyChanges, changeSet, snapshotOf, type StoreSnapshot } from "../store/apply-changes.ts";
import { readStore, type BenchmarkScope, type PartialStore, type StoreScope } from "../store/read-store.ts";
import { writeStore } from "../store/write-store.ts";
import { readBundleFiles } from "./bundle-files.ts";
import { addBundleRows } from "./bundle-rows.ts";
import { checkBundle } from "./check-bundle.ts";
import { contentHash } from "./content-hash.ts";
import { formatReport, reportNotes, reportRows } from "./entry-report.ts";
import { acceptedBundles, storedBundleDir, storedPath } from "./import-submissions.ts";
import { discard, keepBundle, type KeptBundle } from "./keep-bundle.ts";
import { parseBundle, type ParsedBundle } from "./parse-bundle.ts";
import { createProgress, type ProgressStream } from "./progress.ts";

/** What to submit, where, and how. */
export interface SubmitOptions {
  readonly bundle: string;
  readonly dataDir: string;
  readonly store: string;
  readonly datasetsDir?: string;
  readonly dryRun?: boolean;
  /** The scoring cache (see scoring/cache.ts). */
  readonly cacheDir?: string;
  readonly limits?: BundleLimits;
  readonly stdout?: ProgressStream;
  readonly stderr?: { write(text: string): unknown };
  /** Score with worker threads (see scoring/worker-pool.ts); by default in this thread. */
  readonly workers?: boolean;
  /** Test hook: fail (an ordinary error, not a crash) after the bundle was kept, before the store is written. */
  readonly failAfterKeep?: boolean;
}

/** How a submission ended; `exitCode` is what the command exits with. */
export interface SubmitOutcome {
  readonly status: "rejected" | "duplicate" | "dry-run" | "stored" | "failed" | "busy";
  /** 0 done (or nothing to do), 1 refused or failed, 75 busy: another writer held the lock too long. */
  readonly exitCode: 0 | 1 | 75;
  readonly hash?: string;
  readonly entryId?: string;
  readonly problems?: readonly Problem[];
}

/** What data/ and the store already hold of the bundle. */
interface LoadedState {
  /** The store on disk already holds the bundle: nothing to do. */
  readonly stored: boolean;
  /** data/submissions already holds the bundle (an interrupted run kept it): it is not copied again. */
  readonly kept: boolean;
}

/**
 * The content to add the bundle to: read in part from the store (written back in place, only what changed, against
 * the snapshot; a dry run takes none), or rebuilt from data/ in memory (written whole), with why it was rebuilt.
 */
type Loaded = LoadedState & ({ readonly content: PartialStore; readonly snapshot: StoreSnapshot | null; readonly rebuilt: null } | { readonly content: StoreContent; readonly rebuilt: string });

/** Whether two sets hold the same members. */
export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Content hashes of the bundles under data/submissions/ (unreadable ones count as changed data). */
export function keptHashes(dataDir: string): Set<string> {
  const problems: Problem[] = [];
  const hashes = new Set<string>();
  for (const accepted of acceptedBundles(dataDir, problems)) {
    try {
      hashes.add(contentHash(readBundleFiles(accepted.dir).files));
    } catch {
      hashes.add(`unreadable:${accepted.dir}`);
    }
  }
  return hashes;
}

/**
 * What a dry run reads of the store's bulk: the overall scope of the bundle's boards, all it ranks and reports
 * (see placeEntry), and the predictions of the evaluator an auto-scored T2V bundle names.
 */
function dryRunScope(bundle: ParsedBundle): StoreScope {
  const { manifest } = bundle;
  const { benchmark, direction } = manifest;
  const evaluator = manifest.direction === "t2v" ? manifest.evaluator : undefined;
  const boards = boardsOf(direction);
  // Resampled values are read once the context says which boards rank anybody (see placeStoredEntry).
  return { benchmarkId: benchmark, boards, dimension: "overall", predictionsOf: evaluator === undefined ? [] : [evaluator], drawsOf: [] };
}

/**
 * What a real submit reads of the store: the bundle's benchmark (every entry's figures and ranks, which its
 * re-ranking and audit read and rewrite), of its resampled values only the rank sums the ranking step replaces (the
 * entries' own are read scope by scope by the threads that rank them, from the store, see rankBenchmark), of its
 * predictions only those scoring reads (an auto-scored T2V bundle's evaluator) and those the audit's variants read;
 * other benchmarks' bulk is not read.
 */
function submitScope(bundle: ParsedBundle, store: string): BenchmarkScope {
  const { manifest } = bundle;
  const evaluator = manifest.direction === "t2v" ? manifest.evaluator : undefined;
  const small = readStore(store, { tables: ["publishedChecks", "v2tEntries"] });
  const audited = new Set(small.publishedChecks.filter((c) => c.benchmarkId === manifest.benchmark && c.variant !== null && c.board !== "t2v").map((c) => c.entryName));
  const ids = small.v2tEntries.filter((e) => e.benchmarkId === manifest.benchmark && audited.has(e.name)).map((e) => e.id);
  return { benchmarkId: manifest.benchmark, predictionsOf: [...new Set([...(evaluator === undefined ? [] : [evaluator]), ...ids])], drawsKeys: [RANK_SUM_DRAWS_KEY] };
}

/**
 * A dry run's placement: the other entries' resampled values on the overall scope of the boards that rank
 * anybody (read now, from the store the content came from), then the new entry's place among them.
 */
function placeStoredEntry(context: ScoringContext, bundle: ParsedBundle, store: string): Promise<void> {
  const scope = dryRunScope(bundle);
  const drawsOf = scope.boards.filter((board) => unrankedReason(context, board) === null);
  context.content.draws.push(...readStore(store, { scope: { ...scope, drawsOf }, tables: ["draws"] }).draws);
  return placeEntry(context, bundle.manifest.direction, bundle.entryId);
}

/**
 * The store's content when the store is current with data/ and the code, else the content rebuilt from
 * data/ in memory. A store that lacks only this bundle, which an interrupted run already kept, is current.
 */
async function loadContent(options: SubmitOptions, bundle: ParsedBundle, note: (message: string) => void, pool: WorkerPool | null): Promise<Loaded> {
  const keptDir = storedBundleDir(options.dataDir, bundle);
  let kept = false;
  try {
    kept = fs.existsSync(keptDir) && contentHash(readBundleFiles(keptDir).files) === bundle.hash;
  } catch {
    kept = false;
  }
  const inData = keptHashes(options.dataDir);
  let settings: BootstrapSettings | undefined;
  let why = `there is no store at ${displayPath(options.store)} yet`;
  if (fs.existsSync(options.store)) {
    try {
      const content = readStore(options.store, options.dryRun ? { scope: dryRunScope(bundle) } : { benchmark: submitScope(bundle, options.store) });
      const snapshot = options.dryRun ? null : snapshotOf(content);
      settings = storedSettings(content);
      const inStore = new Set(content.submissions.filter((s) => s.origin === "submitted").map((s) => s.id));
      const fingerprint = content.meta.find((m) => m.key === "inputs")?.value;
      if (fingerprint !== (await inputsFingerprint(options.dataDir, datasetsRoot(options.datasetsDir)))) {
        why = "the code, the benchmark definitions or the datasets changed since the store was built";
      } else if (sameSet(inStore, inData)) {
        return { content, snapshot, stored: inStore.has(bundle.hash), kept, rebuilt: null };
      } else if (kept && !inStore.has(bundle.hash) && sameSet(new Set([...inStore, bundle.hash]), inData)) {
        note(`${displayPath(keptDir)} was kept by an interrupted run but is not in the store yet; storing it now.`);
        return { content, snapshot, stored: false, kept, rebuilt: null };
      } else {
        why = "data/submissions/ and the store list different submissions";
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      why = `the store could not be read (${(error as Error).message})`;
    }
  }
  note(`Rebuilding the store from data/ first: ${why}.`);
  const content = await buildContent({
    dataDir: options.dataDir,
    ...(options.datasetsDir ? { datasetsDir: options.datasetsDir } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(settings ? { resamples: settings.resamples, seed: settings.seed } : {}),
    ...(pool ? { run: pool.run, rank: pool.rank } : {}),
    progress: note,
  });
  return { content, stored: false, kept, rebuilt: why };
}

function rejected(err: { write(text: string): unknown }, problems: readonly Problem[]): SubmitOutcome {
  err.write(`Bundle rejected: ${problems.length} problem(s). Nothing was stored.\n${formatProblems(problems)}\n`);
  return { status: "rejected", exitCode: 1, problems };
}

function summary(bundle: ParsedBundle): string {
  const { manifest, entryId, data } = bundle;
  return `${manifest.direction.toUpperCase()} entry "${escapeTerminal(manifest.entry.name)}" (id ${entryId}) on ${manifest.benchmark}: ${data.lines.length.toLocaleString("en")} line(s) of ${data.kind}; content hash ${bundle.hash}`;
}

function entryReport(content: StoreContent, bundle: ParsedBundle, notes: readonly string[]): string {
  const { benchmark, direction } = bundle.manifest;
  const rows = reportRows(content, benchmark, direction, bundle.entryId);
  const table = rows.every((r) => r.value === null) ? "No figures were computed for this entry." : formatReport(rows);
  const all = [...notes, ...reportNotes(content, benchmark, bundle.entryId)];
  return all.length === 0 ? table : `${table}\n\n${all.map((n) => `- ${n}`).join("\n")}`;
}

/** Adds the bundle to the content and scores it; returns the problems that refuse it and the notes for the report. */
async function addAndScore(content: StoreContent, bundle: ParsedBundle, options: SubmitOptions, pool: WorkerPool | null, fromStore: boolean): Promise<{ problems: Problem[]; notes: string[] }> {
  const { problems, notes } = checkBundle(bundle, content);
  if (problems.length > 0) return { problems, notes };
  const kept = storedPath(storedBundleDir(options.dataDir, bundle), options.dataDir);
  addBundleRows(content, bundle, kept, "submitted");
  // A fresh context: a T2V bundle's own videos are part of what its scoring reads.
  const context = scoringContext(content, bundle.manifest.benchmark, storedSettings(content));
  const found: Problem[] = [];
  // A dry run reports the overall figures only, so it scores the overall scope only (and caches it apart).
  const scoring = { ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), ...(options.dryRun ? { scopes: ["overall"] } : {}) };
  const scored = await entryScores(context, bundle.manifest.direction, bundle.entryId, scoring, found, pool?.run);
  if (scored !== null) addScored(context, scored);
  // The ceiling rule: agreement beyond what the raters' own reliability allows refuses the bundle.
  if (found.length === 0 && bundle.manifest.direction === "v2t") found.push(...ceilingProblems(content, bundle.manifest.benchmark, bundle.entryId, `${kept}/predictions.jsonl`));
  // Entries of one direction are ranked apart from the other's: only the new entry's boards change. A dry run
  // reports the new entry's overall place only, so it places that entry and re-ranks nothing else.
  if (found.length === 0 && options.dryRun && fromStore) await placeStoredEntry(context, bundle, options.store);
  else if (found.length === 0 && options.dryRun) await placeEntry(context, bundle.manifest.direction, bundle.entryId);
  // Content read from the store holds its new entry's resampled values only: the others are read from the store.
  else if (found.length === 0) await rankAndAudit(context, bundle.manifest.direction, pool?.rank, fromStore ? options.store : undefined);
  // Scoring names the files where the bundle will be kept; the submitter knows them where they are.
  problems.push(...found.map((p) => (p.file.startsWith(`${kept}/`) ? { ...p, file: `${bundle.files.shown}/${p.file.slice(kept.length + 1)}` } : p)));
  return { problems, notes };
}

/** Where a submission prints: the progress bar on the stream itself, every other line through escapingWriter. */
interface Output {
  readonly progress: ProgressStream;
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

async function submitLocked(options: SubmitOptions, { progress: stream, out, err }: Output, pool: WorkerPool | null): Promise<SubmitOutcome> {
  const limits = options.limits ?? BUNDLE_LIMITS;
  checkpoint("locked");
  // Only a writer removes what an interrupted writer left; a dry run changes nothing (and may have no write access).
  if (!options.dryRun) {
    for (const file of removeStaleTemporaries(options.dataDir, options.store)) out.write(`Removed ${displayPath(file)}, left by an interrupted run.\n`);
    // A write killed mid-transaction left a hot journal: rolled back now, so the store read next is the old one.
    recoverStore(options.store);
  }
  const progress = createProgress(options.dryRun ? 3 : 5, stream);
  const note = (message: string) => progress.note(message);

  let bundle: ParsedBundle;
  try {
    progress.step(`reading ${displayPath(options.bundle)}`);
    bundle = parseBundle(readBundleFiles(options.bundle, limits), limits);
  } catch (error) {
    progress.done();
    if (error instanceof InputError) return rejected(err, error.problems);
    throw error;
  }
  checkpoint("read");

  let loaded: Loaded;
  let notes: string[] = [];
  try {
    progress.step("loading the store");
    loaded = await loadContent(options, bundle, note, pool);
    if (loaded.stored) {
      progress.done();
      const existing = loaded.content.submissions.find((s) => s.id === bundle.hash);
      out.write(`${displayPath(options.bundle)} is a duplicate of submission ${bundle.hash} (kept at ${existing?.path ?? "?"}). Nothing to do.\n`);
      return { status: "duplicate", exitCode: 0, hash: bundle.hash, entryId: bundle.entryId };
    }
    progress.step(options.dryRun ? "checking and scoring (dry run)" : "checking and scoring");
    if (!loaded.content.submissions.some((s) => s.id === bundle.hash)) {
      // Content read from the store holds no resampled values on a dry run (read once it is scored); rebuilt content has them all.
      const added = await addAndScore(loaded.content, bundle, options, pool, loaded.rebuilt === null);
      notes = added.notes;
      if (added.problems.length > 0) {
        progress.done();
        return rejected(err, added.problems);
      }
    }
  } catch (error) {
    progress.done();
    if (error instanceof InputError) return rejected(err, error.problems);
    throw error;
  }
  checkpoint("scored");
  const report = entryReport(loaded.content, bundle, notes);

  if (options.dryRun) {
    progress.done();
    out.write(`Dry run, nothing stored. ${summary(bundle)}\n\n${report}\n`);
    return { status: "dry-run", exitCode: 0, hash: bundle.hash, entryId: bundle.entryId };
  }

  const target = storedBundleDir(options.dataDir, bundle);
  let kept: KeptBundle | null = null;
  try {
    progress.step(`keeping the bundle in ${displayPath(target)}`);
    if (!loaded.kept) kept = keepBundle(bundle.files.files, target);
    checkpoint("kept");
    if (options.failAfterKeep) throw new Error("failure injected after keeping the bundle (test hook)");
    progress.step(`writing the store ${displayPath(options.store)}`);
    // Read now that the bundle is kept: the changelog lists it (uncommitted, or dated by its files) as a rebuild would.
    recordHistory(loaded.content, options.dataDir);
    // Read from the store: only what the entry changed is written, in place; rebuilt: the whole store, replaced.
    if (loaded.rebuilt === null) {
      if (loaded.snapshot === null) throw new Error("a store read without a snapshot cannot be written back");
      applyChanges(changeSet(loaded.snapshot, loaded.content), options.store);
    } else writeStore(loaded.content, options.store);
  } catch (error) {
    // An orderly failure undoes what this run wrote; only a crash leaves the kept bundle for the rerun to store.
    progress.done();
    if (kept !== null) discard(kept);
    err.write(`Storing failed; ${kept !== null ? "the bundle was removed again and " : ""}the store was left as it was.\n${error instanceof Error ? error.message : String(error)}\n`);
    return { status: "failed", exitCode: 1, hash: bundle.hash, entryId: bundle.entryId };
  }
  checkpoint("stored");
  progress.done();
  const { benchmark, direction } = bundle.manifest;
  out.write(
    `Stored. ${summary(bundle)}\nStore ${displayPath(options.store)} updated.\n\n${report}\n\n` +
      `To see it on the site: npm start, then open http://127.0.0.1:4321/${benchmark}/${direction}/${bundle.entryId}/\n` +
      `To publish it: open a pull request with ${displayPath(target)}.\n`,
  );
  return { status: "stored", exitCode: 0, hash: bundle.hash, entryId: bundle.entryId };
}

/** Runs one submission under the write lock; never throws on bad input (it reports and returns a non-zero exit code). */
export async function submitBundle(options: SubmitOptions): Promise<SubmitOutcome> {
  const stream = options.stdout ?? process.stdout;
  // What is printed names files and entries and quotes input: it reaches the terminal escaped (terminal-text.ts).
  const out = escapingWriter(stream);
  const err = escapingWriter(options.stderr ?? process.stderr);
  let lock;
  try {
    // A dry run writes nothing: it shares the lock with other readers and needs no write access (write-lock.ts).
    lock = (options.dryRun ? acquireReadLock : acquireWriteLock)(options.dataDir, (message) => out.write(`${message}\n`));
  } catch (error) {
    if (error instanceof LockFileError) {
      err.write(`${error.message}\nNothing was stored.\n`);
      return { status: "failed", exitCode: 1 };
    }
    if (!(error instanceof BusyError)) throw error;
    err.write(`${error.message}\n`);
    return { status: "busy", exitCode: 75 };
  }
  // Started before the bundle and the store are read, the workers load their modules meanwhile.
  // A dry run resamples the overall scope alone, one job per board: too little to pay for starting a worker.
  const pool = options.workers && !options.dryRun ? workerPool() : null;
  try {
    return await submitLocked(options, { progress: stream, out, err }, pool);
  } finally {
    await pool?.close();
    lock.release();
  }
}
