/**
 * Reads a bundle (a folder or a .zip) into memory as relative name → bytes, refusing anything that could
 * escape the bundle or exhaust memory: every name, type and size is checked before a byte is read or inflated.
 */
import fs from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { BUNDLE_LIMITS, type BundleLimits } from "../../src/schemas/submission/limits.ts";
import { InputError, type Problem } from "../io/input-error.ts";
import { displayPath } from "../io/read-data.ts";
import { readZipDirectory } from "./zip-directory.ts";

/** The files a bundle may hold; which of the data files are required depends on the direction. */
export const ALLOWED_FILES = [
  "manifest.json",
  "predictions.jsonl",
  "ratings.csv",
  "scores.jsonl",
  "README.md",
  "README.txt",
  "LICENSE",
  "LICENSE.txt",
  "LICENSE.md",
] as const;

const ARCHIVE = /\.(zip|tar|tgz|gz|bz2|xz|zst|7z|rar|jar|war)$/i;

/** A bundle's files in memory, with the name to show for it in messages. */
export interface BundleFiles {
  readonly source: string;
  readonly shown: string;
  readonly isZip: boolean;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** Whether a file name belongs to the clutter archivers add (skipped, never stored). */
function isClutter(name: string): boolean {
  return name.startsWith("__MACOSX/") || name === ".DS_Store" || name.endsWith("/.DS_Store");
}

/** Why a zip entry name is unsafe, or null: absolute, `..`, backslashes, empty segments, control characters. */
function unsafeName(name: string): string | null {
  if (name.includes("\\")) return "uses a backslash; zip entry names must use /";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "contains control characters";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "is an absolute path, which would escape the bundle";
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.includes("..")) return "contains a `..` segment, which would escape the bundle";
  if (segments.some((s) => s === "" || s === ".")) return "has an empty or `.` path segment";
  return null;
}

/** Problems with one file's place in the bundle: sub-folders, nested archives, unknown names. */
function nameProblem(name: string): string | null {
  if (ARCHIVE.test(name)) return "is an archive; nested archives are not allowed";
  if (name.includes("/")) return "is in a sub-folder; all files must be at the top level of the bundle";
  if (!(ALLOWED_FILES as readonly string[]).includes(name)) {
    return `is not a bundle file; allowed: ${ALLOWED_FILES.join(", ")}`;
  }
  return null;
}

/** Removes one folder wrapping every entry (zipping a folder produces "bundle/manifest.json"). */
function stripWrapper(names: readonly string[]): (name: string) => string {
  const firsts = new Set(names.map((n) => (n.includes("/") ? n.slice(0, n.indexOf("/") + 1) : "")));
  const [only] = firsts;
  if (firsts.size !== 1 || only === undefined || only === "") return (name) => name;
  return (name) => name.slice(only.length);
}

/** Checks size and count limits over the files' declared sizes. */
function limitProblems(shown: string, sizes: ReadonlyMap<string, number>, limits: BundleLimits): Problem[] {
  const problems: Problem[] = [];
  if (sizes.size > limits.files) {
    problems.push({ file: shown, message: `holds ${sizes.size} files; at most ${limits.files} are allowed` });
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  if (total > limits.totalBytes) {
    const largest = [...sizes].sort((a, b) => b[1] - a[1])[0];
    problems.push({
      file: shown,
      message:
        `unpacks to ${total.toLocaleString("en")} bytes; at most ${limits.totalBytes.toLocaleString("en")} are allowed` +
        (largest ? ` (largest: ${largest[0]}, ${largest[1].toLocaleString("en")} bytes)` : ""),
    });
  }
  return problems;
}

/** Reads a folder bundle: regular files at the top level only, no symlinks, sizes checked before reading. */
function readFolder(source: string, shown: string, limits: BundleLimits): BundleFiles {
  const problems: Problem[] = [];
  const sizes = new Map<string, number>();
  for (const dirent of fs.readdirSync(source, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = dirent.name;
    const file = `${shown}/${name}`;
    if (isClutter(name)) continue;
    if (dirent.isSymbolicLink()) problems.push({ file, message: "is a symbolic link; bundles may hold regular files only" });
    else if (dirent.isDirectory()) problems.push({ file, message: "is a folder; all files must be at the top level of the bundle" });
    else if (!dirent.isFile()) problems.push({ file, message: "is not a regular file" });
    else {
      const problem = nameProblem(name);
      if (problem !== null) problems.push({ file, message: problem });
      else sizes.set(name, fs.lstatSync(path.join(source, name)).size);
    }
  }
  problems.push(...limitProblems(shown, sizes, limits));
  if (problems.length > 0) throw new InputError(problems);
  const files = new Map([...sizes.keys()].map((name) => [name, new Uint8Array(fs.readFileSync(path.join(source, name)))]));
  return { source, shown, isZip: false, files };
}

/** Reads a zip bundle: the central directory is checked in full before anything is inflated. */
function readZip(source: string, shown: string, limits: BundleLimits): BundleFiles {
  // A compressed bundle is never larger than its files plus headers; refuse a huge upload before reading it.
  const size = fs.statSync(source).size;
  if (size > limits.totalBytes + 1024 * 1024) {
    throw new InputError([{ file: shown, message: `is ${size.toLocaleString("en")} bytes; a bundle may unpack to at most ${limits.totalBytes.toLocaleString("en")}` }]);
  }
  const data = new Uint8Array(fs.readFileSync(source));
  const directory = readZipDirectory(data);
  if ("error" in directory) throw new InputError([{ file: shown, message: directory.error }]);
  const problems: Problem[] = [];
  const candidates = directory.entries.filter((e) => !isClutter(e.name));
  for (const entry of candidates) {
    const why = unsafeName(entry.name);
    if (why !== null) problems.push({ file: `${shown}/${entry.name}`, message: why });
    else if (entry.isSymlink) problems.push({ file: `${shown}/${entry.name}`, message: "is a symbolic link; bundles may hold regular files only" });
    else if (entry.isEncrypted) problems.push({ file: `${shown}/${entry.name}`, message: "is encrypted" });
    else if (!entry.isDirectory && entry.compression !== 0 && entry.compression !== 8) {
      problems.push({ file: `${shown}/${entry.name}`, message: `uses compression method ${entry.compression}; use deflate or none` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const fileEntries = candidates.filter((e) => !e.isDirectory);
  const strip = stripWrapper(fileEntries.map((e) => e.name));
  const sizes = new Map<string, number>();
  const wanted = new Map<string, string>();
  const checksums = new Map<string, number>();
  for (const entry of fileEntries) {
    const name = strip(entry.name);
    const problem = nameProblem(name);
    if (problem !== null) problems.push({ file: `${shown}/${entry.name}`, message: problem });
    else if (sizes.has(name)) problems.push({ file: `${shown}/${entry.name}`, message: "appears twice in the archive" });
    else {
      sizes.set(name, entry.originalSize);
      wanted.set(entry.name, name);
      checksums.set(entry.name, entry.crc32);
    }
  }
  problems.push(...limitProblems(shown, sizes, limits));
  if (problems.length > 0) throw new InputError(problems);
  let inflated: Record<string, Uint8Array>;
  try {
    // The filter sees the declared sizes again: nothing unchecked is inflated, and fflate inflates into a
    // buffer of exactly the declared size, so a lying header cannot make it allocate more.
    inflated = unzipSync(data, { filter: (info) => wanted.has(info.name) && info.originalSize === sizes.get(wanted.get(info.name) ?? "") });
  } catch (error) {
    throw new InputError([{ file: shown, message: `cannot be unpacked (${(error as Error).message})` }]);
  }
  const files = new Map<string, Uint8Array>();
  for (const [entryName, name] of [...wanted].sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
    const bytes = inflated[entryName];
    const declared = checksums.get(entryName);
    if (bytes === undefined) problems.push({ file: `${shown}/${entryName}`, message: "could not be unpacked" });
    // fflate does not verify checksums: a damaged entry would otherwise be scored as if it were what was sent.
    else if (crc32(bytes) !== declared) {
      problems.push({ file: `${shown}/${entryName}`, message: `is damaged: its bytes have CRC-32 ${crc32(bytes).toString(16).padStart(8, "0")}, the archive says ${(declared ?? 0).toString(16).padStart(8, "0")}` });
    } else files.set(name, bytes);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { source, shown, isZip: true, files };
}

/** Reads a bundle folder or .zip into memory; throws an InputError listing every problem found. */
export function readBundleFiles(source: string, limits: BundleLimits = BUNDLE_LIMITS): BundleFiles {
  const absolute = path.resolve(source);
  const shown = displayPath(absolute);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new InputError([{ file: shown, message: "does not exist; give a bundle folder or a .zip file" }]);
  }
  if (stat.isDirectory()) return readFolder(absolute, shown, limits);
  if (stat.isFile()) return readZip(absolute, shown, limits);
  throw new InputError([{ file: shown, message: "is neither a folder nor a file" }]);
}
