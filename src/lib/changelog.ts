/**
 * The changelog of this build: every accepted submission, every change to a benchmark's data or protocol and every
 * maintainer's verification or withdrawal of an entry, newest first, as the writer read it from git and its records
 * and kept in the store (scripts/pipeline/history/). No git here.
 */
import type { Changelog } from "../schemas/history.ts";
import { storeMeta } from "./store-meta.ts";

export type { BenchmarkItem, Changelog, ChangelogItem, RecordItem, SubmissionItem } from "../schemas/history.ts";

/** What a store written without a changelog shows: nothing listed, and why. */
const MISSING: Changelog = { source: "files", items: [], note: "This store was written without its changelog: rebuild it (npm run rebuild) to list the changes." };

let cached: Changelog | undefined;

/** The changelog the store holds (read once: several pages need it). */
export function loadChangelog(): Changelog {
  cached ??= storeMeta().changelog ?? MISSING;
  return cached;
}
