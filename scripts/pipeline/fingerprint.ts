/**
 * What a store was built from, as one hash: the code that computes it, the benchmark definitions and the
 * external datasets (the accepted submissions are listed in the store itself). A submission compares it
 * with the store's, so that it never extends a store that data/ and the code no longer describe.
 *
 * It covers what is read, however it is reached: symbolic links are followed (a link's target is what the
 * importer reads), files are hashed by streaming (never read whole), a loop of links or an unreadable file is
 * hashed as such rather than stopping the run, and a dataset whose adapter lists its input files is hashed
 * by those files only, so that a stray file beside them (a video archive, say) neither costs nor changes anything.
 */
import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadBenchmarks, locateDataset } from "../benchmarks/registry.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** Folders of scripts/ that hold dev tools (the bench, golden fixtures, synthetic releases), not the writer's stages. */
const DEV_FOLDERS = new Set(["dev"]);

/**
 * The writer's stages: every folder below scripts/ but the dev tools (the commands at its top only call them). Listed
 * from the folder rather than by name, so that a stage added or moved is covered without an edit here.
 */
export function stageFolders(): string[] {
  const scripts = path.join(REPO_ROOT, "scripts");
  return fs.readdirSync(scripts, { withFileTypes: true }).filter((d) => d.isDirectory() && !DEV_FOLDERS.has(d.name)).map((d) => `scripts/${d.name}`).sort();
}

/** The code whose output the store is: the writer's stages, engine, schemas and the store's own schema. */
const CODE = [...stageFolders(), "src/engine", "src/schemas", "db/schema.ts", "db/draws.ts", "db/file.ts", "db/migrations"].map((p) => path.join(REPO_ROOT, p));

/** How much of a file is hashed at a time, through one buffer (the hashing is synchronous). */
const CHUNK = 1024 * 1024;
const buffer = Buffer.alloc(CHUNK);

/**
 * Adds one file's bytes to the hash by streaming; a path that is not a regular file (missing, a folder, a pipe
 * that would block, a loop of links) adds what it is instead, and the reader refuses it.
 */
function addFile(hash: Hash, file: string, label: string): void {
  const kind = kindOf(file);
  hash.update(`${label}: ${kind}\n`);
  if (kind !== "file") return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    for (let read = fs.readSync(fd, buffer, 0, CHUNK, null); read > 0; read = fs.readSync(fd, buffer, 0, CHUNK, null)) hash.update(buffer.subarray(0, read));
  } catch (error) {
    hash.update(`unreadable: ${(error as NodeJS.ErrnoException).code ?? "error"}\n`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** What a path is once links are followed: a file, a folder, or nothing readable (missing, dangling, a loop). */
function kindOf(file: string): "file" | "dir" | "other" | "absent" {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? "file" : stat.isDirectory() ? "dir" : "other";
  } catch {
    return "absent";
  }
}

/** Adds a file or a folder tree, links followed; a folder already on the way down (a link loop) is not entered again. */
function addTree(hash: Hash, root: string, label: string, ancestors: ReadonlySet<string> = new Set()): void {
  const kind = kindOf(root);
  if (kind !== "dir") return addFile(hash, root, label);
  const real = fs.realpathSync(root);
  if (ancestors.has(real)) {
    hash.update(`${label}: loop\n`);
    return;
  }
  const below = new Set([...ancestors, real]);
  let names: string[];
  try {
    names = fs.readdirSync(root).sort();
  } catch (error) {
    hash.update(`${label}: unreadable ${(error as NodeJS.ErrnoException).code ?? "error"}\n`);
    return;
  }
  for (const name of names) addTree(hash, path.join(root, name), `${label}/${name}`, below);
}

/** The fingerprint of the store's inputs other than data/submissions (maintainers' records included). */
export async function inputsFingerprint(dataDir: string, datasetsRoot: string): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of CODE) addTree(hash, dir, path.relative(REPO_ROOT, dir));
  addTree(hash, path.join(dataDir, "benchmarks"), "data/benchmarks");
  // Maintainers' records change the store (verified marks, withdrawn entries off the boards).
  addTree(hash, path.join(dataDir, "verifications"), "data/verifications");
  addTree(hash, path.join(dataDir, "withdrawals"), "data/withdrawals");
  for (const folder of await loadBenchmarks(dataDir)) {
    if (folder.benchmark.dataset === null) continue;
    const { id } = folder.benchmark;
    const location = locateDataset(folder, datasetsRoot);
    hash.update(`dataset ${id}: ${location.dir === null ? "absent" : "present"}\n`);
    if (location.dir === null) continue;
    const files = folder.adapter?.inputFiles?.(location.dir);
    if (files === undefined) addTree(hash, location.dir, `datasets/${id}`);
    else for (const file of files) addFile(hash, file, `datasets/${id}/${path.relative(location.dir, file)}`);
  }
  return hash.digest("hex");
}
