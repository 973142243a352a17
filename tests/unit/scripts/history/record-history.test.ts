/** The release and the history rows the writer keeps in the store (SHA-256 values from Python's hashlib, by hand). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordHistory, releaseOf } from "../../../../scripts/pipeline/history/record-history.ts";
import { emptyContent, type StoreContent } from "../../../../scripts/store/store-content.ts";
import { ChangelogSchema, ReleaseSchema, type Changelog } from "../../../../src/schemas/history.ts";

const A = "a".repeat(64);
const B = "b".repeat(64);

function contentWith(inputs: string | null, hashes: readonly string[]): StoreContent {
  const content = emptyContent();
  if (inputs !== null) content.meta.push({ key: "inputs", value: inputs });
  // Listed out of order: the release hashes them sorted.
  for (const id of [...hashes].reverse()) content.submissions.push({ id, benchmarkId: "demo", direction: "v2t", entryId: id.slice(0, 4), manifestJson: "{}", path: `data/submissions/demo/v2t/${id.slice(0, 4)}`, origin: "dataset" });
  return content;
}

const changelog = (dates: (string | null)[]): Changelog => ({
  source: "git",
  note: null,
  items: dates.map((date) => ({ kind: "benchmark", date, benchmarkId: "demo", changes: ["definition changed"], commit: null })),
});

describe("releaseOf", () => {
  it("names the newest dated change and the first 8 hex of SHA-256 over the inputs and the sorted submission hashes", () => {
    // hashlib.sha256(b"abc123\n" + b"\n".join([b"a"*64, b"b"*64]) + b"\n").hexdigest()
    const fingerprint = "cea24aafea9c4d0dcef1fb3161d662bf5dc1eb0d7c0c3e2adece940c351706e8";
    expect(releaseOf(contentWith("abc123", [A, B]), changelog([null, "2025-11-25", "2025-10-01"]))).toEqual({ id: `2025-11-25-${fingerprint.slice(0, 8)}`, date: "2025-11-25", fingerprint, submissions: 2 });
  });

  it("is undated when no change is dated, and says there was no inputs fingerprint", () => {
    // hashlib.sha256(b"no inputs fingerprint\n\n").hexdigest()
    expect(releaseOf(contentWith(null, []), changelog([null]))).toEqual({ id: "undated-6eea53b1", date: null, fingerprint: "6eea53b17dd6bc4b281b50841be2a09fbfb78fed9606c0e4fb782f7bf9602746", submissions: 0 });
  });
});

describe("recordHistory", () => {
  it("replaces the changelog and release rows a read store had, keeping every other meta row", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-history-"));
    try {
      const content = contentWith("abc123", [A]);
      content.meta.push({ key: "changelog", value: "stale" }, { key: "release", value: "stale" });
      recordHistory(content, path.join(root, "data"));
      expect(content.meta.map((m) => m.key)).toEqual(["inputs", "changelog", "release"]);
      // Outside any repository: no history, said so.
      const stored = ChangelogSchema.parse(JSON.parse(content.meta[1]?.value ?? ""));
      expect(stored.source).toBe("files");
      expect(ReleaseSchema.parse(JSON.parse(content.meta[2]?.value ?? "")).id).toMatch(/^undated-[0-9a-f]{8}$/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
