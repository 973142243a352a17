/**
 * The release a build is: the day of the newest change to data/ and a short hash of everything its figures
 * were computed from (the store's inputs fingerprint: code, benchmark definitions, datasets; and the accepted
 * submissions). The same inputs give the same release id; downloads carry it and are kept under it.
 */
import { createHash } from "node:crypto";
import * as t from "../../db/schema.ts";
import { loadChangelog } from "./changelog.ts";
import { store } from "./store.ts";
import { storeMeta } from "./store-meta.ts";

/** A release of the site's data. */
export interface Release {
  /** `<YYYY-MM-DD>-<8 hex>`, e.g. 2025-11-25-3bf5e53b; `undated-<8 hex>` when no change is dated. */
  readonly id: string;
  /** The day of the newest dated change to data/, or null. */
  readonly date: string | null;
  /** SHA-256 of the inputs fingerprint and the content hashes of every submission. */
  readonly fingerprint: string;
  /** How many submission bundles (accepted, or made from a dataset's scores) the figures include. */
  readonly submissions: number;
}

let cached: Release | undefined;

/** The release of this build. */
export function currentRelease(): Release {
  if (cached) return cached;
  const submissions = store().select({ id: t.submissions.id }).from(t.submissions).all().map((s) => s.id).sort();
  const fingerprint = createHash("sha256").update(`${storeMeta().inputs ?? "no inputs fingerprint"}\n${submissions.join("\n")}\n`).digest("hex");
  // The id names folders and files of every download: only a day the changelog validated may enter it.
  const date = loadChangelog().items.find((item) => item.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(item.date))?.date ?? null;
  cached = { id: `${date ?? "undated"}-${fingerprint.slice(0, 8)}`, date, fingerprint, submissions: submissions.length };
  return cached;
}

/** What /downloads/release.json says: the release, what it was built from, and the files kept under it. */
export function releaseManifest(files: readonly string[]) {
  const release = currentRelease();
  return {
    release: release.id,
    date: release.date,
    fingerprint: release.fingerprint,
    inputs: storeMeta().inputs,
    bootstrap: storeMeta().bootstrap,
    submissions: release.submissions,
    files,
  };
}
