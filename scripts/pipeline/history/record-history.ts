/**
 * The writer's one read of the repository's history: the changelog of data/ and the release id, computed from
 * git (or the files) and the content about to be written, and kept in the content's meta rows. The site reads
 * them back from the store and runs no git, so two builds of one store give the same downloads, with or without
 * a `.git` folder.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { ChangelogSchema, HISTORY_KEYS, ReleaseSchema, type Changelog, type RecordItem, type Release } from "../../../src/schemas/history.ts";
import type { StoreContent } from "../../store/store-content.ts";
import { buildChangelog, type StoredSubmission } from "./changelog.ts";

/** The accepted submissions of some content, with their entries' names (the changelog names them). */
export function storedSubmissions(content: StoreContent): StoredSubmission[] {
  const names = new Map<string, string>();
  for (const e of [...content.t2vEntries, ...content.v2tEntries]) if (e.submissionId) names.set(e.submissionId, e.name);
  return content.submissions
    .filter((s) => s.origin === "submitted")
    .map((s) => ({ id: s.id, benchmarkId: s.benchmarkId, direction: s.direction, entryId: s.entryId, entryName: names.get(s.id) ?? s.entryId, path: s.path }));
}

/** The maintainers' verifications and withdrawals of some content, with their entries' names, as changelog lines. */
export function storedRecords(content: StoreContent): RecordItem[] {
  const names = new Map<string, string>();
  for (const e of content.t2vEntries) names.set(`${e.benchmarkId}/t2v/${e.id}`, e.name);
  for (const e of content.v2tEntries) names.set(`${e.benchmarkId}/v2t/${e.id}`, e.name);
  const nameOf = (r: { benchmarkId: string; direction: string; entryId: string }) => names.get(`${r.benchmarkId}/${r.direction}/${r.entryId}`) ?? r.entryId;
  return [
    ...content.verifications.map((v): RecordItem => ({ kind: "verification", benchmarkId: v.benchmarkId, direction: v.direction, entryId: v.entryId, entryName: nameOf(v), date: v.date, by: v.verifiedBy, detail: v.checked, path: v.path })),
    ...content.withdrawals.map((w): RecordItem => ({ kind: "withdrawal", benchmarkId: w.benchmarkId, direction: w.direction, entryId: w.entryId, entryName: nameOf(w), date: w.date, by: w.withdrawnBy, detail: w.reason, path: w.path })),
  ];
}

/**
 * The release of some content: the day of the changelog's newest dated change and a hash of the inputs fingerprint
 * and every submission's content hash (the same inputs give the same hash).
 */
export function releaseOf(content: StoreContent, changelog: Changelog): Release {
  const submissions = content.submissions.map((s) => s.id).sort();
  const inputs = content.meta.find((m) => m.key === "inputs")?.value ?? "no inputs fingerprint";
  const fingerprint = createHash("sha256").update(`${inputs}\n${submissions.join("\n")}\n`).digest("hex");
  // The id names folders and files of every download: only a day the changelog validated may enter it.
  const date = changelog.items.find((item) => item.date !== null)?.date ?? null;
  return ReleaseSchema.parse({ id: `${date ?? "undated"}-${fingerprint.slice(0, 8)}`, date, fingerprint, submissions: submissions.length });
}

/**
 * Reads the history of the repository data/ sits in (its parent folder: stored bundle paths are relative to it)
 * and puts the changelog and the release into the content's meta rows, replacing any a read store had.
 */
export function recordHistory(content: StoreContent, dataDir: string): void {
  const changelog = ChangelogSchema.parse(buildChangelog(path.dirname(path.resolve(dataDir)), storedSubmissions(content), storedRecords(content)));
  const release = releaseOf(content, changelog);
  const keys = new Set<string>(Object.values(HISTORY_KEYS));
  content.meta = [
    ...content.meta.filter((m) => !keys.has(m.key)),
    { key: HISTORY_KEYS.changelog, value: JSON.stringify(changelog) },
    { key: HISTORY_KEYS.release, value: JSON.stringify(release) },
  ];
}
