/** What data/submissions/ holds, by content: what a writer compares with the submissions its store lists. */
import type { Problem } from "../io/input-error.ts";
import { readBundleFiles } from "./bundle-files.ts";
import { contentHash } from "./content-hash.ts";
import { acceptedBundles } from "./import-submissions.ts";

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
