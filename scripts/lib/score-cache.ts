/**
 * A content-addressed cache of scoring output. Scoring is deterministic, so a benchmark whose inputs,
 * bootstrap settings and engine source are unchanged gets the same figures; the key covers all three.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ENGINE_DIR = path.resolve(import.meta.dirname, "../../src/engine");

/** Where rebuild and submit keep scoring output: .cache/scores/ in the repository (gitignored). */
export const DEFAULT_CACHE_DIR = path.resolve(import.meta.dirname, "../../.cache/scores");

/** A hash of the engine's source, so any change to the statistics invalidates every entry. */
function engineFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(ENGINE_DIR).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(ENGINE_DIR, file)));
  }
  return hash.digest("hex");
}

let engine: string | undefined;

/** The cache key of some JSON-serializable inputs. */
export function cacheKey(inputs: unknown): string {
  engine ??= engineFingerprint();
  return createHash("sha256").update(engine).update(JSON.stringify(inputs)).digest("hex");
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

/** Writes a cached value atomically (temporary file, then rename). */
export function writeCache(dir: string | undefined, key: string, value: unknown): void {
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${key}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(value));
  fs.renameSync(temporary, file);
}
