import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError, formatProblem } from "../../scripts/io/input-error.ts";
import { datasetsRoot, loadBenchmarks, locateDataset, readDataset } from "../../scripts/benchmarks/registry.ts";
import { metricBundles, writeMetricBundles } from "../../scripts/pipeline/metric-bundles.ts";
import type { BundleFiles } from "../../scripts/submissions/bundle-files.ts";
import { readBundleFiles } from "../../scripts/submissions/bundle-files.ts";
import { contentHash } from "../../scripts/submissions/content-hash.ts";
import { parseBundle } from "../../scripts/submissions/parse-bundle.ts";
import { BUNDLE_LIMITS } from "../../src/schemas/submission/limits.ts";
import { DATASETS_DIR, describeWithDatasets } from "../support/datasets.ts";
import { tempDir, v2tManifest, writeBundleDir, writeBundleZip } from "../support/bundles.ts";

const root = tempDir("bundles");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const manifest = JSON.stringify(v2tManifest("tvge", "Tiny"), null, 2);
const predictions = '{"video":"gen2/0","scores":{"quality":1,"alignment":2}}\n';
let n = 0;
const fresh = (name: string) => path.join(root, `${(n += 1)}-${name}`);

/** The rendered problems of reading (and parsing) a bundle; empty when it is read cleanly. */
function problemsOf(source: string, limits = BUNDLE_LIMITS): string[] {
  try {
    parseBundle(readBundleFiles(source, limits), limits);
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
}

describe("reading bundle folders and zips", () => {
  it("gives a folder and a zip of the same files the same content hash, with or without a wrapping folder", () => {
    const files = { "manifest.json": manifest, "predictions.jsonl": predictions };
    const dir = readBundleFiles(writeBundleDir(fresh("dir"), files));
    const zip = readBundleFiles(writeBundleZip(fresh("b.zip"), files));
    const wrapped = readBundleFiles(writeBundleZip(fresh("w.zip"), { "mine/manifest.json": manifest, "mine/predictions.jsonl": predictions, "__MACOSX/._x": "junk" }));
    expect(contentHash(zip.files)).toBe(contentHash(dir.files));
    expect(contentHash(wrapped.files)).toBe(contentHash(dir.files));
    expect([...wrapped.files.keys()]).toEqual(["manifest.json", "predictions.jsonl"]);
  });

  it("changes the content hash when one byte or one name changes", () => {
    const a = contentHash(new Map([["manifest.json", new TextEncoder().encode("{}")]]));
    expect(contentHash(new Map([["manifest.json", new TextEncoder().encode("{ }")]]))).not.toBe(a);
    expect(contentHash(new Map([["README.md", new TextEncoder().encode("{}")]]))).not.toBe(a);
  });

  it("refuses zip entries that would escape the bundle: `..`, absolute paths, backslashes", () => {
    const zip = writeBundleZip(fresh("evil.zip"), {
      "manifest.json": manifest,
      "../escape.jsonl": predictions,
      "/etc/passwd": "x",
      "a\\..\\b": "x",
    });
    const problems = problemsOf(zip);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/evil\.zip\/\.\.\/escape\.jsonl: contains a `\.\.` segment/),
        expect.stringMatching(/evil\.zip\/\/etc\/passwd: is an absolute path/),
        expect.stringMatching(/uses a backslash/),
      ]),
    );
    expect(fs.existsSync(path.join(root, "escape.jsonl"))).toBe(false);
  });

  it("refuses symlinks, in a zip (by the entry's Unix mode) and in a folder", () => {
    const zip = writeBundleZip(fresh("link.zip"), { "manifest.json": manifest, "predictions.jsonl": "/etc/passwd" }, {
      "predictions.jsonl": { os: 3, attrs: 0o120777 << 16 },
    });
    expect(problemsOf(zip)).toEqual([expect.stringMatching(/link\.zip\/predictions\.jsonl: is a symbolic link/)]);
    const dir = writeBundleDir(fresh("linkdir"), { "manifest.json": manifest });
    fs.symlinkSync("/etc/passwd", path.join(dir, "predictions.jsonl"));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/predictions\.jsonl: is a symbolic link/)]);
  });

  it("refuses nested archives, sub-folders and unknown files", () => {
    const zip = writeBundleZip(fresh("nested.zip"), { "manifest.json": manifest, "more.zip": "PK", "sub/predictions.jsonl": predictions, "notes.exe": "x" });
    expect(problemsOf(zip)).toEqual([
      expect.stringMatching(/more\.zip: is an archive; nested archives are not allowed/),
      expect.stringMatching(/sub\/predictions\.jsonl: is in a sub-folder/),
      expect.stringMatching(/notes\.exe: is not a bundle file; allowed: manifest\.json/),
    ]);
  });

  it("refuses a zip entry whose bytes do not match its CRC-32", () => {
    // A stored (uncompressed) entry keeps its bytes as written: change one digit of the data, not the headers.
    const zip = writeBundleZip(fresh("stored.zip"), { "manifest.json": manifest, "predictions.jsonl": predictions }, { "predictions.jsonl": { level: 0 } });
    expect(problemsOf(zip)).toEqual([]);
    const damaged = fs.readFileSync(zip);
    const at = damaged.indexOf(Buffer.from('"quality":1'));
    expect(at).toBeGreaterThan(0);
    damaged[at + 10] = "7".charCodeAt(0);
    const file = fresh("damaged.zip");
    fs.writeFileSync(file, damaged);
    expect(problemsOf(file)).toEqual([expect.stringMatching(/damaged\.zip\/predictions\.jsonl: is damaged: its bytes have CRC-32 [0-9a-f]{8}, the archive says [0-9a-f]{8}/)]);
  });

  it("refuses a zip whose declared sizes exceed the limit without inflating it", () => {
    // 60 MB of zeros compress to a few kB: the classic zip bomb shape.
    const zip = writeBundleZip(fresh("bomb.zip"), { "manifest.json": manifest, "predictions.jsonl": new Uint8Array(60 * 1024 * 1024) });
    expect(fs.statSync(zip).size).toBeLessThan(1024 * 1024);
    expect(problemsOf(zip)).toEqual([expect.stringMatching(/bomb\.zip: unpacks to 62,91\d,\d+ bytes; at most 52,428,800 are allowed \(largest: predictions\.jsonl/)]);
  });

  it("refuses too many files, an oversized folder, a too-long line and too many lines", () => {
    const many = Object.fromEntries(["README.md", "README.txt", "LICENSE", "LICENSE.txt", "LICENSE.md"].map((f) => [f, "x"]));
    const dir = writeBundleDir(fresh("many"), { "manifest.json": manifest, "predictions.jsonl": predictions, ...many });
    expect(problemsOf(dir, { ...BUNDLE_LIMITS, files: 5 })).toEqual([expect.stringMatching(/holds 7 files; at most 5 are allowed/)]);
    expect(problemsOf(dir, { ...BUNDLE_LIMITS, totalBytes: 100 })).toEqual([expect.stringMatching(/unpacks to \d+ bytes; at most 100 are allowed/)]);
    const long = writeBundleDir(fresh("long"), { "manifest.json": manifest, "predictions.jsonl": `${predictions}${JSON.stringify({ video: "x".repeat(17_000) })}\n` });
    expect(problemsOf(long)).toEqual([expect.stringMatching(/predictions\.jsonl:2: is 17,\d+ bytes long; lines may be at most 16,384/)]);
    const lines = writeBundleDir(fresh("lines"), { "manifest.json": manifest, "predictions.jsonl": predictions.repeat(4) });
    expect(problemsOf(lines, { ...BUNDLE_LIMITS, lines: 3 })).toEqual([expect.stringMatching(/predictions\.jsonl: has 4 lines; at most 3 are allowed/)]);
  });

  it("reports bad JSON, wrong types and text that is not UTF-8 with file, line and field, all at once", () => {
    const dir = writeBundleDir(fresh("bad"), {
      "manifest.json": manifest,
      "predictions.jsonl": [
        '{"video":"gen2/0","scores":{"quality":1,"alignment":2}}',
        '{"video":"gen2/1","scores":{"quality":NaN,"alignment":2}}',
        '{"video":"gen2/2","scores":{"quality":"high","alignment":2}}',
        '{"video":3,"scores":{"quality":1,"alignment":2}}',
      ].join("\n"),
      "README.md": new Uint8Array([0xff, 0xfe, 0x41]),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/predictions\.jsonl:2: is not valid JSON/),
      expect.stringMatching(/predictions\.jsonl:3: field "scores\.quality": expected a number/),
      expect.stringMatching(/predictions\.jsonl:4: field "video":/),
      expect.stringMatching(/README\.md: is not valid UTF-8 text/),
    ]);
  });

  it("names a missing manifest and a missing or misplaced data file", () => {
    expect(problemsOf(writeBundleDir(fresh("nomanifest"), { "predictions.jsonl": predictions }))).toEqual([
      expect.stringMatching(/manifest\.json: is missing; every bundle needs a manifest\.json/),
    ]);
    expect(problemsOf(writeBundleDir(fresh("nodata"), { "manifest.json": manifest, "ratings.csv": "video,perspective,rater,score\n" }))).toEqual([
      expect.stringMatching(/ratings\.csv: does not belong in a V2T bundle/),
      expect.stringMatching(/predictions\.jsonl: is missing/),
    ]);
  });
});

describeWithDatasets("tvge", "metric bundles derived from the datasets", () => {
  // Each derivation reads the datasets afresh.
  async function deriveBundles(): Promise<BundleFiles[]> {
    const out: BundleFiles[] = [];
    for (const folder of await loadBenchmarks(path.resolve(import.meta.dirname, "../../data"))) {
      const location = locateDataset(folder, datasetsRoot(DATASETS_DIR));
      if (location.dir !== null) out.push(...metricBundles(folder.benchmark, readDataset(folder, location.dir)));
    }
    return out;
  }
  let bundles: BundleFiles[] = [];
  beforeAll(async () => {
    bundles = await deriveBundles();
  });

  it("makes them in memory, with paths named from the datasets root", () => {
    expect(bundles.map((b) => b.shown)).toEqual([
      "fetv-eval/auto_eval_results/CLIPScore",
      "fetv-eval/auto_eval_results/CLIPScore-ft",
      "fetv-eval/auto_eval_results/BLIPScore",
      "fetv-eval/auto_eval_results/Otter-VQA",
      "fetv-eval/auto_eval_results/UMTScore",
      'tvge/t2vscore_results.csv (column "CLIP Score")',
      'tvge/t2vscore_results.csv (column "X-CLIP Score")',
      'tvge/t2vscore_results.csv (column "BLIP-BLEU")',
      'tvge/t2vscore_results.csv (column "T2VScore-A (GPT-4V)")',
    ]);
  });

  it("writes one bundle per metric (5 FETV, 4 TVGE), byte-identical on every run, each read cleanly", async () => {
    const out1 = path.join(root, "metrics-1");
    const out2 = path.join(root, "metrics-2");
    const first = writeMetricBundles(bundles, out1);
    const second = writeMetricBundles(await deriveBundles(), out2);
    expect(first.map((d) => path.relative(out1, d))).toEqual(second.map((d) => path.relative(out2, d)));
    const tvge = first.filter((d) => d.includes(`${path.sep}tvge${path.sep}`)).map((d) => path.basename(d));
    expect(tvge).toEqual(["clip-score", "x-clip-score", "blip-bleu", "t2vscore-a-gpt-4v"]);
    for (const [i, dir] of first.entries()) {
      const a = parseBundle(readBundleFiles(dir));
      const b = parseBundle(readBundleFiles(second[i] ?? ""));
      expect(a.hash).toBe(b.hash);
      const lmmBased = ["otter-vqa", "t2vscore-a-gpt-4v"].includes(path.basename(dir));
      expect(a.manifest).toMatchObject({
        direction: "v2t",
        entry: { kind: lmmBased ? "lmm-metric" : "alignment-metric", contact: "maintainers of this leaderboard" },
      });
    }
    const clip = parseBundle(readBundleFiles(path.join(out1, "tvge", "v2t", "clip-score")));
    expect(clip.data.lines).toHaveLength(2543);
    // First row of t2vscore_results.csv: floor33, prompt 0, CLIP Score 24.60725784, for both perspectives.
    expect(clip.data.lines[0]?.value).toEqual({ video: "floor33/0", scores: { quality: 24.60725784, alignment: 24.60725784 } });
  });
});
