import { describe, expect, it } from "vitest";
import { checkChanges, type ChangedPath } from "../../../../scripts/pr-gate/check-changes.ts";

const LIMITS = { totalBytes: 1000, files: 3 };
const B = "data/submissions/tvge/v2t/my-metric";
const add = (path: string, size = 10, mode = "100644"): ChangedPath => ({ status: "A", mode, path, size });

describe("the submission pull request gate", () => {
  it("accepts a change that adds one bundle folder and nothing else", () => {
    expect(checkChanges([add(`${B}/manifest.json`), add(`${B}/predictions.jsonl`)], LIMITS)).toEqual({ accepted: true, bundle: B, refusals: [] });
  });

  it("refuses code touched, naming the file", () => {
    const verdict = checkChanges([add(`${B}/manifest.json`), { status: "M", mode: "100644", path: ".github/workflows/check.yml", size: 5 }], LIMITS);
    expect(verdict.accepted).toBe(false);
    expect(verdict.refusals).toEqual([expect.stringMatching(/^"\.github\/workflows\/check\.yml" touches code/)]);
  });

  it("refuses two bundles, naming both folders", () => {
    const verdict = checkChanges([add(`${B}/manifest.json`), add("data/submissions/fetv/t2v/gen/manifest.json")], LIMITS);
    expect(verdict.refusals.join("\n")).toContain(`2 bundle folders ("${B}", "data/submissions/fetv/t2v/gen")`);
  });

  it("refuses paths that leave the folder or do not fit its layout", () => {
    for (const path of [`${B}/../../../../../scripts/x.ts`, `${B}/sub/manifest.json`, "data/submissions/tvge/v2t/My Metric/manifest.json", `data/submissions/tvge/both/x/manifest.json`, `${B}/run.sh`, "data/benchmarks/tvge/benchmark.json"]) {
      const verdict = checkChanges([add(`${B}/manifest.json`), add(path)], LIMITS);
      expect(verdict.accepted, path).toBe(false);
      expect(verdict.refusals[0], path).toContain(JSON.stringify(path));
    }
  });

  it("refuses a symbolic link, a submodule and an executable file", () => {
    for (const [mode, word] of [["120000", "symbolic link"], ["160000", "submodule"], ["100755", "executable"]] as const) {
      const verdict = checkChanges([add(`${B}/manifest.json`), add(`${B}/predictions.jsonl`, 10, mode)], LIMITS);
      expect(verdict.refusals).toEqual([`"${B}/predictions.jsonl" ${verdict.refusals[0]?.slice(`"${B}/predictions.jsonl" `.length)}`]);
      expect(verdict.refusals[0]).toContain(word);
    }
  });

  it("refuses an oversized file by name, and a bundle over the limits in total or in files", () => {
    expect(checkChanges([add(`${B}/manifest.json`), add(`${B}/predictions.jsonl`, 1001)], LIMITS).refusals).toEqual([
      `"${B}/predictions.jsonl" is 1001 bytes, more than a bundle's limit of 1000 bytes`,
    ]);
    expect(checkChanges([add(`${B}/manifest.json`, 600), add(`${B}/predictions.jsonl`, 600)], LIMITS).refusals).toEqual([`"${B}" holds 1200 bytes, more than a bundle's limit of 1000 bytes`]);
    const four = ["manifest.json", "predictions.jsonl", "README.md", "LICENSE"].map((name) => add(`${B}/${name}`));
    expect(checkChanges(four, LIMITS).refusals).toEqual([`"${B}" holds 4 files, more than a bundle's limit of 3`]);
  });

  it("refuses a change to or deletion of an accepted bundle's file", () => {
    const verdict = checkChanges([{ status: "M", mode: "100644", path: `${B}/manifest.json`, size: 5 }, { status: "D", mode: "000000", path: `${B}/predictions.jsonl`, size: 0 }], LIMITS);
    expect(verdict.refusals).toEqual([expect.stringContaining(`"${B}/manifest.json" changes a file already in the repository`), expect.stringContaining(`"${B}/predictions.jsonl" is deleted`)]);
  });

  it("refuses files added to a bundle the base branch already holds", () => {
    const verdict = checkChanges([add(`${B}/README.md`)], LIMITS, (folder) => folder === B);
    expect(verdict.refusals).toEqual([`"${B}" is an accepted bundle already; a submission adds a new folder — to replace an entry, ask the maintainers`]);
  });

  it("refuses an empty change and a bundle without a manifest", () => {
    expect(checkChanges([], LIMITS).accepted).toBe(false);
    expect(checkChanges([add(`${B}/predictions.jsonl`)], LIMITS).refusals).toEqual([`"${B}" has no manifest.json`]);
  });

  it("shows a hostile path quoted, control characters escaped", () => {
    const verdict = checkChanges([add("data/submissions/tvge/v2t/x/\u001b[31mmanifest.json\n")], LIMITS);
    expect(verdict.refusals[0]).toContain("\\u001b[31mmanifest.json\\n");
  });
});
