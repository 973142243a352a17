/**
 * A benchmark's headline counts as the store holds them, so that they stay true as submissions arrive: its own
 * prompts, dimensions, videos, ratings and entries, plus submitted entries counted apart. Where the store holds none
 * of something (AIGVE-60K's per-video data is not public), the count its authors declare is shown and marked so.
 */
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import type { BenchmarkInfo } from "./benchmarks.ts";
import { store } from "./store.ts";

/** One headline count: the benchmark's own, how many were submitted on top, and whether it is only declared. */
export interface BenchmarkCount {
  readonly label: string;
  readonly value: number;
  /** Entries (or their videos) added by accepted submissions, not part of the benchmark as published. */
  readonly submitted: number;
  /** True when the store holds no such data and the figure is the authors' declared count. */
  readonly declared: boolean;
}

/** The counts, and whether the benchmark has results overall only (no task dimensions in the store). */
export interface BenchmarkCounts {
  readonly counts: readonly BenchmarkCount[];
  readonly overallOnly: boolean;
}

/** Counts a benchmark's prompts, dimensions, videos, ratings and entries in the store. */
export function loadBenchmarkCounts(benchmark: BenchmarkInfo): BenchmarkCounts {
  const db = store();
  const id = benchmark.id;
  const one = (query: { get(): { n: number } | undefined }) => query.get()?.n ?? 0;
  const prompts = one(db.select({ n: count() }).from(t.prompts).where(eq(t.prompts.benchmarkId, id)));
  const dimensions = one(db.select({ n: count() }).from(t.dimensions).where(eq(t.dimensions.benchmarkId, id)));
  const videos = db
    .select({ labelled: t.videos.labelled, n: count() })
    .from(t.videos)
    .where(eq(t.videos.benchmarkId, id))
    .groupBy(t.videos.labelled)
    .all();
  const ownVideos = videos.find((v) => v.labelled)?.n ?? 0;
  const submittedVideos = videos.find((v) => !v.labelled)?.n ?? 0;
  // An entry is submitted when its bundle was accepted into data/submissions/ (not made from a dataset's own scores).
  const submittedFlag = sql<number>`coalesce(${t.submissions.origin} = 'submitted', 0)`;
  const t2vRows = db
    .select({ submitted: submittedFlag, n: count() })
    .from(t.t2vEntries)
    .leftJoin(t.submissions, eq(t.submissions.id, t.t2vEntries.submissionId))
    .where(and(eq(t.t2vEntries.benchmarkId, id), eq(t.t2vEntries.isReference, false)))
    .groupBy(submittedFlag)
    .all();
  const v2tRows = db
    .select({ submitted: submittedFlag, n: count() })
    .from(t.v2tEntries)
    .leftJoin(t.submissions, eq(t.submissions.id, t.v2tEntries.submissionId))
    .where(eq(t.v2tEntries.benchmarkId, id))
    .groupBy(submittedFlag)
    .all();
  const split = (rows: { submitted: number; n: number }[]) => ({
    own: rows.filter((r) => !r.submitted).reduce((sum, r) => sum + r.n, 0),
    submitted: rows.filter((r) => r.submitted).reduce((sum, r) => sum + r.n, 0),
  });
  const t2v = split(t2vRows);
  const v2t = split(v2tRows);
  const mos = one(
    db.select({ n: count() }).from(t.groundTruth).where(and(eq(t.groundTruth.benchmarkId, id), isNotNull(t.groundTruth.mos))),
  );
  const qa = one(
    db.select({ n: count() }).from(t.groundTruth).where(and(eq(t.groundTruth.benchmarkId, id), isNotNull(t.groundTruth.answer))),
  );

  const counts: BenchmarkCount[] = [];
  /** The store's count when it has one, else the declared one (when declared and not zero). */
  const add = (label: string, stored: number, declared: number | null, submitted = 0) => {
    if (stored > 0 || submitted > 0) counts.push({ label, value: stored, submitted, declared: false });
    else if (declared !== null && declared > 0) counts.push({ label, value: declared, submitted: 0, declared: true });
  };
  add("prompts", prompts, benchmark.promptCount);
  add(dimensions === 0 ? "task dimensions (results overall only)" : "task dimensions", dimensions, benchmark.dimensionCount);
  add("videos", ownVideos, benchmark.videoCount, submittedVideos);
  add("T2V models", t2v.own, benchmark.t2vModelCount, t2v.submitted);
  add("V2T methods", v2t.own, null, v2t.submitted);
  add("MOS", mos, benchmark.mosCount);
  add("QA pairs", qa, benchmark.qaCount);
  return { counts, overallOnly: dimensions === 0 };
}
