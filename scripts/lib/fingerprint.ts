/**
 * What a store was built from, as one hash: the code that computes it, the benchmark definitions and the
 * external datasets (the accepted submissions are listed in the store itself). A submission compares it
 * with the store's, so that it never extends a store that data/ and the code no longer describe.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { locateDataset, readBenchmarkDefinitions } from "../benchmarks/registry.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** The code whose output the store is: the rebuild and submission code, engine, schemas and the store's own schema. */
const CODE = ["scripts/lib", "scripts/benchmarks", "src/engine", "src/schemas", "db/schema.ts", "db/draws.ts", "db/file.ts", "db/migrations"].map((p) => path.join(REPO_ROOT, p));

function addTree(hash: ReturnType<typeof createHash>, root: string, label: string): void {
  if (!fs.existsSync(root)) return;
  if (fs.statSync(root).isFile()) {
    hash.update(`${label}\n`).update(fs.readFileSync(root));
    return;
  }
  for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) addTree(hash, full, `${label}/${entry.name}`);
    else if (entry.isFile()) hash.update(`${label}/${entry.name}\n`).update(fs.readFileSync(full));
  }
}

/** The fingerprint of the store's inputs other than data/submissions (maintainers' records included). */
export function inputsFingerprint(dataDir: string, datasetsRoot: string): string {
  const hash = createHash("sha256");
  for (const dir of CODE) addTree(hash, dir, path.relative(REPO_ROOT, dir));
  addTree(hash, path.join(dataDir, "benchmarks"), "data/benchmarks");
  // Maintainers' records change the store (verified marks, withdrawn entries off the boards).
  addTree(hash, path.join(dataDir, "verifications"), "data/verifications");
  addTree(hash, path.join(dataDir, "withdrawals"), "data/withdrawals");
  for (const definition of readBenchmarkDefinitions(dataDir)) {
    if (definition.benchmark.dataset === null) continue;
    const { id } = definition.benchmark;
    const location = locateDataset(definition, datasetsRoot);
    hash.update(`dataset ${id}: ${location.dir === null ? "absent" : "present"}\n`);
    if (location.dir !== null) addTree(hash, location.dir, `datasets/${id}`);
  }
  return hash.digest("hex");
}
