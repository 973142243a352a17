/**
 * A content-addressed cache of scoring output. Scoring is deterministic, so work whose inputs, bootstrap
 * settings and code (engine and scoring scripts) are unchanged gives the same figures; the key covers all three.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../io/write-file.ts";

/** The code whose output is cached: the engine and the scoring scripts around it. */
const CODE_DIRS = [path.resolve(import.meta.dirname, "../../src/engine"), import.meta.dirname];

/** Single files of that code elsewhere: the codec of the cached resampled values (their width changes them). */
const CODE_FILES = [path.resolve(import.meta.dirname, "../../db/draws.ts")];

/** Where rebuild and submit keep scoring output: $AIGVE_CACHE, else .cache/scores/ in the repository (gitignored). */
export const DEFAULT_CACHE_DIR = process.env.AIGVE_CACHE ? path.resolve(process.env.AIGVE_CACHE) : path.resolve(import.meta.dirname, "../../.cache/scores");

/** A hash of that code, so any change to how figures are computed invalidates every entry. */
function codeFingerprint(): string {
  const hash = createHash("sha256");
  for (const dir of CODE_DIRS) {
    for (const file of fs.readdirSync(dir).sort()) {
      hash.update(file).update(fs.readFileSync(path.join(dir, file)));
    }
  }
  for (const file of CODE_FILES) hash.update(path.basename(file)).update(fs.readFileSync(file));
  return hash.digest("hex");
}

let code: string | undefined;

/** The cache key of some JSON-serializable inputs. */
export function cacheKey(inputs: unknown): string {
  code ??= codeFingerprint();
  return createHash("sha256").update(code).update(JSON.stringify(inputs)).digest("hex");
}

/** Reads a cached value, or undefined when absent or unreadable (the cache is only an accelerator). */
export function readCache<T>(dir: string | undefined, key: string): T | undefined {
  if (!dir) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Writes a cached value atomically (temporary file, then rename); where it cannot (a read-only checkout), it does without. */
export function writeCache(dir: string | undefined, key: string, value: unknown): void {
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, `${key}.json`), JSON.stringify(value));
  } catch {
    // The cache only saves time: a dry run on a read-only checkout scores without it.
  }
}
