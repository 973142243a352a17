/**
 * The release a build is, as the writer computed it and kept in the store: the day of the newest change to data/
 * and a short hash of everything its figures were computed from. The same store gives the same release id,
 * whatever clone (or tarball) the site is built in; downloads carry it and are kept under it.
 */
import type { Release } from "../schemas/history.ts";
import { storeMeta } from "./store-meta.ts";

export type { Release } from "../schemas/history.ts";

let cached: Release | undefined;

/** The release of this build; a store written without one is refused, since every download names it. */
export function currentRelease(): Release {
  if (cached) return cached;
  const release = storeMeta().release;
  if (release === null) throw new Error("The store holds no release (written before releases were kept): rebuild it with npm run rebuild.");
  cached = release;
  return cached;
}

/** What /downloads/release.json says: the release, what it was built from, and the files kept under it. */
export function releaseManifest(files: readonly string[]) {
  const release = currentRelease();
  const meta = storeMeta();
  return {
    release: release.id,
    date: release.date,
    fingerprint: release.fingerprint,
    inputs: meta.inputs,
    bootstrap: meta.bootstrap,
    submissions: release.submissions,
    files,
  };
}
