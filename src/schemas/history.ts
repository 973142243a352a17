/**
 * What the writer reads of the repository's git history once and keeps in the store's meta table (keys
 * `changelog` and `release`), so that the site is a function of the store alone: the changelog of data/ and the
 * release a build is. The site parses them back with these schemas (the store is a file like any other).
 */
import { z } from "zod";

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, YYYY-MM-DD");
const ShortHashSchema = z.string().regex(/^[0-9a-f]{4,64}$/, "must be an abbreviated commit hash");

/** A submission accepted into (or withdrawn from, or changed in) data/submissions/. */
export const SubmissionItemSchema = z.strictObject({
  kind: z.literal("submission"),
  action: z.enum(["accepted", "withdrawn", "changed"]),
  /** YYYY-MM-DD, or null when not yet committed or the commit's date is not plausible. */
  date: DaySchema.nullable(),
  benchmarkId: z.string(),
  direction: z.string(),
  entryId: z.string(),
  /** The entry's name where the store still holds it. */
  entryName: z.string().nullable(),
  /** The bundle's content hash where the store still holds it. */
  contentHash: z.string().nullable(),
  /** Short hash of the commit, or null. */
  commit: ShortHashSchema.nullable(),
  /** The pull request that added it, when the merge commit names one (see pullRequestOf), or null. */
  pullRequest: z.number().int().positive().nullable(),
});

/** A change to a benchmark's definition, protocol or published data (data/benchmarks/<id>/). */
export const BenchmarkItemSchema = z.strictObject({
  kind: z.literal("benchmark"),
  date: DaySchema.nullable(),
  benchmarkId: z.string(),
  /** What changed, in words, e.g. "protocol changed", "anchor set added". */
  changes: z.array(z.string()),
  commit: ShortHashSchema.nullable(),
});

/** A maintainer's record about an entry (data/verifications/ or data/withdrawals/), dated by the record. */
export const RecordItemSchema = z.strictObject({
  kind: z.enum(["verification", "withdrawal"]),
  benchmarkId: z.string(),
  direction: z.enum(["t2v", "v2t"]),
  entryId: z.string(),
  entryName: z.string(),
  date: DaySchema,
  /** Who verified or withdrew the entry. */
  by: z.string(),
  /** What was checked (verification) or why the entry was withdrawn (withdrawal). */
  detail: z.string(),
  /** The record's file relative to the repository. */
  path: z.string(),
});

/** One line of the changelog. */
export const ChangelogItemSchema = z.union([SubmissionItemSchema, BenchmarkItemSchema, RecordItemSchema]);

/** The changelog of data/ and where it comes from. */
export const ChangelogSchema = z.strictObject({
  /** `git`: the full history; `shallow`: a shallow clone's; `files`: no history, submissions dated by their files. */
  source: z.enum(["git", "shallow", "files"]),
  /** Newest first; changes not yet committed come first, undated. */
  items: z.array(ChangelogItemSchema),
  /** What the list cannot show, when it cannot show everything. */
  note: z.string().nullable(),
});

/** The release a store is: the day of the newest change to data/ and a hash of everything its figures come from. */
export const ReleaseSchema = z.strictObject({
  /** `<YYYY-MM-DD>-<8 hex>`, e.g. 2025-11-25-3bf5e53b; `undated-<8 hex>` when no change is dated. */
  id: z.string().regex(/^(?:\d{4}-\d{2}-\d{2}|undated)-[0-9a-f]{8}$/, "must be <YYYY-MM-DD or undated>-<8 hex>"),
  /** The day of the newest dated change to data/, or null. */
  date: DaySchema.nullable(),
  /** SHA-256 of the inputs fingerprint and the content hashes of every submission. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex"),
  /** How many submission bundles (accepted, or made from a dataset's scores) the figures include. */
  submissions: z.number().int().nonnegative(),
});

/** A submission accepted into data/submissions/. */
export type SubmissionItem = z.infer<typeof SubmissionItemSchema>;
/** A change to a benchmark's folder. */
export type BenchmarkItem = z.infer<typeof BenchmarkItemSchema>;
/** A verification or withdrawal record in the changelog. */
export type RecordItem = z.infer<typeof RecordItemSchema>;
/** One line of the changelog. */
export type ChangelogItem = z.infer<typeof ChangelogItemSchema>;
/** The changelog and where it comes from. */
export type Changelog = z.infer<typeof ChangelogSchema>;
/** A release of the site's data. */
export type Release = z.infer<typeof ReleaseSchema>;

/** The meta keys the writer keeps the history under. */
export const HISTORY_KEYS = { changelog: "changelog", release: "release" } as const;
