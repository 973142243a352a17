/**
 * The gate of a submission pull request: it passes only when the change adds exactly one bundle folder under
 * data/submissions/<benchmark>/<direction>/<entry>/, as plain files of the names a bundle may hold, within the size
 * limits, and nothing else. Every refusal names the offending path. Pure: paths and sizes in, verdict out.
 */
import { z } from "zod";
import { ALLOWED_FILES } from "../submissions/bundle-files.ts";
import type { BundleLimits } from "../../src/schemas/submission/limits.ts";

/** What the gate needs of a changed path. */
export interface ChangedPath {
  readonly status: string;
  readonly mode: string;
  readonly path: string;
  readonly size: number;
}

/** The gate's verdict (gate.json): the one bundle folder it accepted (`data/submissions/<benchmark>/<direction>/<entry>`), or the reasons it refused. */
export const GateVerdictSchema = z.strictObject({
  accepted: z.boolean(),
  bundle: z.string().nullable(),
  refusals: z.array(z.string()),
});

/** The gate's verdict. */
export type GateVerdict = z.infer<typeof GateVerdictSchema>;

const ROOT = "data/submissions/";
// One plain name per level: lower-case id segments for the folders (as the store's ids), no dot-names, no `..`.
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DIRECTIONS = new Set(["t2v", "v2t"]);
const FILES = new Set<string>(ALLOWED_FILES);
const CODE = /(^|\/)(\.github|scripts|src|db|tests|public)\/|\.(ts|tsx|js|mjs|cjs|astro|ya?ml|sh|py)$|^package(-lock)?\.json$/;

/** A path as shown in a message: JSON-quoted, so control characters and spaces in a hostile name stay visible. */
export function shownPath(file: string): string {
  return JSON.stringify(file);
}

function typeProblem(mode: string): string | null {
  if (mode === "100644") return null;
  if (mode === "120000") return "is a symbolic link; a bundle holds plain files only";
  if (mode === "160000") return "is a submodule; a bundle holds plain files only";
  if (mode === "100755") return "is executable; a bundle holds plain, non-executable files only";
  return `has git mode ${mode}; a bundle holds plain files only`;
}

/** The bundle folder a path belongs to, or the reason it is not a bundle file. */
function placement(file: string): { folder: string } | { problem: string } {
  if (!file.startsWith(ROOT)) {
    const what = CODE.test(file) ? "touches code or project files" : "is outside data/submissions/";
    return { problem: `${what}; a submission pull request adds one bundle folder under data/submissions/ and changes nothing else` };
  }
  const parts = file.slice(ROOT.length).split("/");
  if (parts.length !== 4) return { problem: "is not at data/submissions/<benchmark>/<t2v|v2t>/<entry id>/<file> (a bundle is one flat folder)" };
  const [benchmark = "", direction = "", entry = "", name = ""] = parts;
  if (!ID.test(benchmark)) return { problem: "names no benchmark id (lower-case letters, digits and single dashes)" };
  if (!DIRECTIONS.has(direction)) return { problem: "has a direction other than t2v or v2t" };
  if (!ID.test(entry)) return { problem: "has an entry folder that is not an entry id (lower-case letters, digits and single dashes)" };
  if (!FILES.has(name)) return { problem: `is not a bundle file (allowed: ${ALLOWED_FILES.join(", ")})` };
  return { folder: `${ROOT}${benchmark}/${direction}/${entry}` };
}

/**
 * Checks a pull request's changed paths against the one-bundle rule and the bundle limits. `inBase` says whether a
 * folder already exists in the base branch: files added to an accepted bundle would change it, so they are refused.
 */
export function checkChanges(changes: readonly ChangedPath[], limits: Pick<BundleLimits, "totalBytes" | "files">, inBase: (folder: string) => boolean = () => false): GateVerdict {
  const refusals: string[] = [];
  if (changes.length === 0) return { accepted: false, bundle: null, refusals: ["the pull request changes no file; it should add one bundle folder under data/submissions/"] };
  // Per folder: files, bytes, and whether one file alone was already refused for its size (then not again in total).
  const folders = new Map<string, { files: number; bytes: number; oversized: boolean }>();
  for (const change of changes) {
    const shown = shownPath(change.path);
    const place = placement(change.path);
    if ("problem" in place) {
      refusals.push(`${shown} ${place.problem}`);
      continue;
    }
    if (change.status !== "A") {
      refusals.push(`${shown} ${change.status === "D" ? "is deleted" : "changes a file already in the repository"} (git status ${change.status}); a submission only adds a new bundle folder — to replace or withdraw an accepted entry, ask the maintainers`);
      continue;
    }
    const type = typeProblem(change.mode);
    if (type) {
      refusals.push(`${shown} ${type}`);
      continue;
    }
    const oversized = change.size > limits.totalBytes;
    if (oversized) refusals.push(`${shown} is ${change.size} bytes, more than a bundle's limit of ${limits.totalBytes} bytes`);
    const folder = folders.get(place.folder) ?? { files: 0, bytes: 0, oversized: false };
    folders.set(place.folder, { files: folder.files + 1, bytes: folder.bytes + change.size, oversized: folder.oversized || oversized });
  }
  if (folders.size > 1) refusals.push(`the pull request adds ${folders.size} bundle folders (${[...folders.keys()].map(shownPath).join(", ")}); open one pull request per bundle`);
  for (const [folder, { files, bytes, oversized }] of folders) {
    if (inBase(folder)) refusals.push(`${shownPath(folder)} is an accepted bundle already; a submission adds a new folder — to replace an entry, ask the maintainers`);
    if (files > limits.files) refusals.push(`${shownPath(folder)} holds ${files} files, more than a bundle's limit of ${limits.files}`);
    if (bytes > limits.totalBytes && !oversized) refusals.push(`${shownPath(folder)} holds ${bytes} bytes, more than a bundle's limit of ${limits.totalBytes} bytes`);
    if (refusals.length === 0 && !changes.some((c) => c.path === `${folder}/manifest.json`)) refusals.push(`${shownPath(folder)} has no manifest.json`);
  }
  const [bundle] = folders.keys();
  return refusals.length === 0 && bundle ? { accepted: true, bundle, refusals } : { accepted: false, bundle: null, refusals };
}
