import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildContent } from "../../scripts/lib/build-content.ts";
import { submitBundle, type SubmitOptions } from "../../scripts/lib/submissions/submit-bundle.ts";
import { writeStore } from "../../scripts/lib/write-store.ts";
import { BUNDLE_LIMITS } from "../../src/schemas/submission/limits.ts";
import {
  capture,
  fileBytes,
  formulaPredictions,
  snapshotTree,
  tempDataDir,
  tempDir,
  tvgeContent,
  v2tManifest,
  writeBundleDir,
  writeBundleZip,
  type BundleContents,
} from "../support/bundles.ts";
import { datasetDir, describeWithDatasets } from "../support/datasets.ts";

/*
 * Golden values: SciPy on the raw TVGE files and the same formula as tests/support/bundles.ts formulaScores
 * (python3, scipy 1.x):
 *   models = ["floor33","gen2","modelscope","pika","zeroscope"]
 *   f(m, p) = (((p*7 + models.index(m)*13) % 97) / 10, (p*3 + models.index(m)*29) % 41)
 *   rows = every (model, prompt) scored in t2vscore_alignment_score.json with both files' mean scores
 *   instance: spearmanr(pred, human) over the 2,543 videos; model: spearmanr of the 5 per-model means.
 */
const GOLDEN = {
  instance: { quality: 0.002287350616829898, alignment: 0.0037524649551847534 },
  model: { quality: 0.49999999999999994, alignment: -0.3 },
};

const RESAMPLES = 20;
const PROMPTS = 512;

describeWithDatasets("tvge", "npm run submit on TVGE", () => {
  let root: string;
  let dataDir: string;
  let store: string;
  let videoIds: string[];
  let n = 0;
  const bundleDir = (files: BundleContents) => writeBundleDir(path.join(root, "bundles", String((n += 1))), files);
  const submissions = () => path.join(dataDir, "submissions");

  const valid = (name = "Formula Metric", overrides: Record<string, unknown> = {}): BundleContents => ({
    "manifest.json": JSON.stringify(v2tManifest("tvge", name, overrides), null, 2),
    "predictions.jsonl": formulaPredictions(videoIds),
  });

  function submit(bundle: string, extra: Partial<SubmitOptions> = {}) {
    const stdout = capture();
    const stderr = capture();
    const outcome = submitBundle({ bundle, dataDir, store, resamples: RESAMPLES, stdout, stderr, ...extra });
    return { ...outcome, out: stdout.text(), err: stderr.text() };
  }

  /** Runs a submission and checks that data/submissions and the store are byte-identical afterwards. */
  function submitUnchanged(bundle: string, extra: Partial<SubmitOptions> = {}) {
    const before = { tree: snapshotTree(submissions()), store: fileBytes(store) };
    const result = submit(bundle, extra);
    expect(snapshotTree(submissions())).toEqual(before.tree);
    expect(fileBytes(store)).toBe(before.store);
    return result;
  }

  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(store, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    root = tempDir("submit");
    dataDir = tempDataDir(["tvge"]);
    store = path.join(root, "store.sqlite");
    writeStore(buildContent({ dataDir, resamples: RESAMPLES }), store);
    videoIds = tvgeContent(datasetDir("tvge")).videos.map((v) => v.id);
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  const lines = () => formulaPredictions(videoIds).trimEnd().split("\n");
  const malformed: [string, () => string, RegExp[]][] = [
    ["bad JSON in the manifest", () => bundleDir({ ...valid(), "manifest.json": "{ not json" }), [/manifest\.json: is not valid JSON/]],
    ["a wrong type in the manifest", () => bundleDir(valid("Typed", { schemaVersion: "1" })), [/manifest\.json: field "schemaVersion":/]],
    ["NaN as a score", () => bundleDir({ ...valid(), "predictions.jsonl": lines().map((l, i) => (i === 4 ? l.replace(/"quality":[^,]+/, '"quality":NaN') : l)).join("\n") }), [/predictions\.jsonl:5: is not valid JSON/]],
    ["a score given as a string", () => bundleDir({ ...valid(), "predictions.jsonl": lines().map((l, i) => (i === 0 ? l.replace(/"quality":([^,]+)/, '"quality":"$1"') : l)).join("\n") }), [/predictions\.jsonl:1: field "scores\.quality": expected a number/]],
    ["an unknown video id", () => bundleDir({ ...valid(), "predictions.jsonl": `${formulaPredictions(videoIds)}{"video":"gen2/60","scores":{"quality":1,"alignment":1}}\n` }), [/predictions\.jsonl:2544: field "video": "gen2\/60" is not a video of tvge/]],
    ["a duplicate video id", () => bundleDir({ ...valid(), "predictions.jsonl": `${formulaPredictions(videoIds)}${lines()[2]}\n` }), [/predictions\.jsonl:2544: field "video": "modelscope\/0" already appears on line 3/]],
    ["missing videos", () => bundleDir({ ...valid(), "predictions.jsonl": formulaPredictions(videoIds.slice(12)) }), [/predictions\.jsonl: covers 2,531 of 2,543 the tvge videos to predict .*; missing 12: floor33\/0, gen2\/0, .*, \… \(2 more\)/]],
    ["an unknown and a missing perspective", () => bundleDir({ ...valid(), "predictions.jsonl": lines().map((l, i) => (i === 0 ? l.replace('"quality"', '"static_quality"') : l)).join("\n") }), [/predictions\.jsonl:1: field "scores\.static_quality": unknown perspective; this benchmark's are quality, alignment/, /predictions\.jsonl:1: field "scores\.quality": is missing/]],
    ["a yes/no answer on a benchmark without questions", () => bundleDir({ ...valid(), "predictions.jsonl": lines().map((l, i) => (i === 0 ? l.replace(/}$/, ',"answer":"yes"}') : l)).join("\n") }), [/predictions\.jsonl:1: field "answer": tvge has no yes\/no questions/]],
    ["a missing data file", () => bundleDir({ "manifest.json": valid()["manifest.json"] as string }), [/predictions\.jsonl: is missing/]],
    ["a zip entry escaping the bundle", () => writeBundleZip(path.join(root, "bundles", "escape.zip"), { ...valid(), "../../evil.jsonl": "{}" }), [/escape\.zip\/\.\.\/\.\.\/evil\.jsonl: contains a `\.\.` segment/]],
    ["an oversized file", () => bundleDir(valid()), [/unpacks to [\d,]+ bytes; at most 100,000 are allowed \(largest: predictions\.jsonl/]],
    ["an unknown benchmark", () => bundleDir(valid("Elsewhere", { benchmark: "fetvv" })), [/manifest\.json: field "benchmark": unknown benchmark "fetvv"; known: tvge/]],
    ["the wrong direction", () => bundleDir(valid("Backwards", { direction: "t2v" })), [/manifest\.json: field "entry\.access":/, /predictions\.jsonl: does not belong in a T2V bundle/]],
    ["an entry name already taken", () => bundleDir(valid("CLIP Score")), [/manifest\.json: field "entry\.name": gives the entry id "clip-score", already taken on tvge V2T by "CLIP Score" \(submission [0-9a-f]{64}\)/]],
  ];

  for (const [what, make, messages] of malformed) {
    it(`rejects ${what} with a clear message, exit code 1, and stores nothing`, () => {
      const limits = what === "an oversized file" ? { ...BUNDLE_LIMITS, totalBytes: 100_000 } : BUNDLE_LIMITS;
      const result = submitUnchanged(make(), { limits });
      expect(result.status).toBe("rejected");
      expect(result.exitCode).toBe(1);
      expect(result.err).toMatch(/^Bundle rejected: \d+ problem\(s\)\. Nothing was stored\./);
      for (const message of messages) expect(result.err).toMatch(message);
    });
  }

  it("prints the would-be figures, CIs and ranks on a dry run, and stores nothing", () => {
    const result = submitUnchanged(bundleDir(valid()), { dryRun: true });
    expect(result.status).toBe("dry-run");
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/Dry run, nothing stored\. V2T entry "Formula Metric" \(id formula-metric\) on tvge: 2,543 line\(s\) of predictions/);
    expect(result.out).toMatch(/board\s+perspective_metric\s+value\s+ci_low\s+ci_high\s+rank/);
    expect(result.out).toMatch(/v2t-instance\s+quality_srcc\s+0\.0023\s+-?\d\.\d{4}\s+-?\d\.\d{4}\s+\d of 5/);
    expect(result.out).toMatch(/v2t-model\s+alignment_srcc\s+-0\.3000/);
  });

  it("stores a valid bundle under its content hash, keeps its files, and scores it as SciPy does", () => {
    const files = valid();
    const result = submit(bundleDir(files));
    expect(result).toMatchObject({ status: "stored", exitCode: 0, entryId: "formula-metric" });
    const kept = path.join(submissions(), "tvge", "v2t", "formula-metric");
    expect(fs.readdirSync(kept).sort()).toEqual(["manifest.json", "predictions.jsonl"]);
    expect(fs.readFileSync(path.join(kept, "predictions.jsonl"), "utf8")).toBe(files["predictions.jsonl"]);
    const [submission] = query<{ id: string; path: string; entry_id: string }>("select * from submissions where entry_id = 'formula-metric'");
    expect(submission?.id).toBe(result.hash);
    expect(submission?.path).toMatch(/data\/submissions\/tvge\/v2t\/formula-metric$/);
    expect(query("select * from v2t_entries where id = 'formula-metric'")).toEqual([
      expect.objectContaining({ benchmark_id: "tvge", name: "Formula Metric", kind: "quality-metric", organization: "Test Lab", submission_id: result.hash }),
    ]);
    const predictions = query<{ video_id: string; perspective_id: string; score: number }>("select * from predictions where v2t_entry_id = 'formula-metric'");
    expect(predictions).toHaveLength(2 * 2543);
    // pika/60: p = 60, model index 3 → quality (420 + 39) % 97 / 10 = 7.1, alignment (180 + 87) % 41 = 21.
    expect(predictions.filter((p) => p.video_id === "pika/60").map((p) => [p.perspective_id, p.score]).sort()).toEqual([["alignment", 21], ["quality", 7.1]]);
    const srcc = (level: string, perspective: string) =>
      query<{ value: number }>("select value from results where entry_id = 'formula-metric' and level = ? and dimension = 'overall' and perspective_id = ? and metric = 'srcc'", level, perspective)[0]?.value;
    expect(srcc("instance", "quality")).toBeCloseTo(GOLDEN.instance.quality, 12);
    expect(srcc("instance", "alignment")).toBeCloseTo(GOLDEN.instance.alignment, 12);
    expect(srcc("model", "quality")).toBeCloseTo(GOLDEN.model.quality, 12);
    expect(srcc("model", "alignment")).toBeCloseTo(GOLDEN.model.alignment, 12);
    expect(result.out).toMatch(/Stored\. V2T entry "Formula Metric"/);
  });

  it("reports the same bundle submitted again (here zipped) as a duplicate, exit code 0, one entry", () => {
    const result = submitUnchanged(writeBundleZip(path.join(root, "bundles", "again.zip"), valid()));
    expect(result).toMatchObject({ status: "duplicate", exitCode: 0 });
    expect(result.out).toMatch(/is a duplicate of submission [0-9a-f]{64} \(kept at .*data\/submissions\/tvge\/v2t\/formula-metric\)/);
    expect(query("select id from v2t_entries where id = 'formula-metric'")).toHaveLength(1);
    expect(query("select id from submissions where entry_id = 'formula-metric'")).toHaveLength(1);
  });

  it("leaves data/submissions and the store as they were when storing fails after the copy", () => {
    const injected = submitUnchanged(bundleDir(valid("Formula Metric Two")), { failAfterCopy: true });
    expect(injected).toMatchObject({ status: "failed", exitCode: 1 });
    expect(injected.err).toMatch(/Storing failed; the bundle was removed again and the store left as it was\./);
    // A real failure: the store's folder cannot be created because a file stands in its way.
    const blocker = path.join(root, "blocker");
    fs.writeFileSync(blocker, "");
    const real = submitUnchanged(bundleDir(valid("Formula Metric Two")), { store: path.join(blocker, "store.sqlite") });
    expect(real).toMatchObject({ status: "failed", exitCode: 1 });
    expect(fs.existsSync(path.join(submissions(), "tvge", "v2t", "formula-metric-two"))).toBe(false);
  });

  it("stores a T2V entry from raw human ratings, with one MOS per video from computeMos", () => {
    const rows = ["video,perspective,rater,score"];
    for (let p = 0; p < PROMPTS; p += 1) {
      for (const [r, rater] of ["ann", "bob", "cy"].entries()) {
        rows.push(`${p},quality,${rater},${1 + ((p + r) % 5)}`, `${p},alignment,${rater},${1 + ((p * 3 + r * 2) % 5)}`);
      }
    }
    const manifest = { ...v2tManifest("tvge", "Human Rated Model"), direction: "t2v", entry: { name: "Human Rated Model", organization: "Test Lab", access: "open", url: "https://example.org/model", license: "MIT", contact: "team@example.org" } };
    const result = submit(bundleDir({ "manifest.json": JSON.stringify(manifest), "ratings.csv": `${rows.join("\n")}\n` }));
    expect(result).toMatchObject({ status: "stored", exitCode: 0 });
    expect(query("select source, evaluator_id, access from t2v_entries where id = 'human-rated-model'")).toEqual([{ source: "ratings", evaluator_id: null, access: "open" }]);
    expect(query("select id from videos where t2v_entry_id = 'human-rated-model'")).toHaveLength(PROMPTS);
    expect(query("select * from ratings where video_id like 'human-rated-model/%'")).toHaveLength(PROMPTS * 6);
    // Prompt 7: quality ratings 3, 4, 5 → raw mean 4.
    expect(query("select raw_mos, count from ground_truth where video_id = 'human-rated-model/7' and perspective_id = 'quality'")).toEqual([{ raw_mos: 4, count: 3 }]);
  });

  it("stores an auto-evaluated T2V entry whose scores become its evaluator's predictions", () => {
    const scores = Array.from({ length: PROMPTS }, (_, p) => JSON.stringify({ video: String(p), scores: { quality: p % 7, alignment: p % 11 } })).join("\n");
    const manifest = {
      ...v2tManifest("tvge", "Auto Scored Model"),
      direction: "t2v",
      evaluator: "formula-metric",
      entry: { name: "Auto Scored Model", organization: "Test Lab", access: "closed", url: "https://example.org/auto", license: "MIT", contact: "team@example.org" },
    };
    const result = submit(bundleDir({ "manifest.json": JSON.stringify(manifest), "scores.jsonl": scores }));
    expect(result).toMatchObject({ status: "stored", exitCode: 0 });
    expect(query("select source, evaluator_id from t2v_entries where id = 'auto-scored-model'")).toEqual([{ source: "auto", evaluator_id: "formula-metric" }]);
    expect(query("select * from predictions where v2t_entry_id = 'formula-metric' and video_id like 'auto-scored-model/%'")).toHaveLength(PROMPTS * 2);
    expect(query("select * from ground_truth where video_id like 'auto-scored-model/%'")).toHaveLength(0);
  });

  it("exits with 1 from the command line on a bundle that does not exist, naming it", () => {
    const node = path.resolve(import.meta.dirname, "../../node_modules/.bin/node");
    const run = spawnSync(node, ["scripts/submit.ts", path.join(root, "nowhere"), "--data", dataDir, "--store", store], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nowhere: does not exist; give a bundle folder or a \.zip file/);
  });
});
