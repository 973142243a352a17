import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { submitBundle, type SubmitOptions } from "../../scripts/submissions/submit-bundle.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
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
  TEST_GENERATION_CARD,
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

/** TVGE's anchor set, as committed. */
const ANCHORS = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../data/benchmarks/tvge/anchors.json"), "utf8")) as { videos: string[] }).videos;

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

  async function submit(bundle: string, extra: Partial<SubmitOptions> = {}) {
    const stdout = capture();
    const stderr = capture();
    const outcome = await submitBundle({ bundle, dataDir, store, stdout, stderr, ...extra });
    return { ...outcome, out: stdout.text(), err: stderr.text() };
  }

  /** Runs a submission and checks that data/submissions and the store are byte-identical afterwards. */
  async function submitUnchanged(bundle: string, extra: Partial<SubmitOptions> = {}) {
    const before = { tree: snapshotTree(submissions()), store: fileBytes(store) };
    const result = await submit(bundle, extra);
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

  /** Ratings of every prompt by three raters, and of every anchor close to TVGE's own score (so the panel agrees with it). */
  const ratingsCsv = (extraRows: string[] = []) => {
    const truth = tvgeContent(datasetDir("tvge")).groundTruth;
    const rows = ["video,perspective,rater,score", ...extraRows];
    for (const [r, rater] of ["ann", "bob", "cy"].entries()) {
      for (let p = 0; p < PROMPTS; p += 1) rows.push(`${p},quality,${rater},${1 + ((p + r) % 5)}`, `${p},alignment,${rater},${1 + ((p * 3 + r * 2) % 5)}`);
      for (const anchor of ANCHORS) {
        for (const perspective of ["quality", "alignment"]) {
          const score = truth.find((g) => g.videoId === anchor && g.perspectiveId === perspective)?.mos as number;
          rows.push(`${anchor},${perspective},${rater},${Math.min(5, Math.max(1, Math.round(score + (r - 1) * 0.4)))}`);
        }
      }
    }
    return `${rows.join("\n")}\n`;
  };
  const withoutKey = (record: Readonly<Record<string, unknown>>, key: string) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
  const t2vManifest = (name: string, extra: Record<string, unknown> = {}) => ({
    ...Object.fromEntries(Object.entries(v2tManifest("tvge", name)).filter(([key]) => key !== "trainingData")),
    direction: "t2v",
    generationCard: TEST_GENERATION_CARD,
    entry: { name, organization: "Test Lab", access: "open", url: "https://example.org/model", license: "MIT", contact: "team@example.org" },
    method: `How "${name}" was made, in the submitters' words.`,
    ...extra,
  });

  beforeAll(async () => {
    root = tempDir("submit");
    dataDir = tempDataDir(["tvge"]);
    store = path.join(root, "store.sqlite");
    writeStore(await buildContent({ dataDir, resamples: RESAMPLES }), store);
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
    ["an unknown video id", () => bundleDir({ ...valid(), "predictions.jsonl": `${formulaPredictions(videoIds)}{"video":"gen2/60","scores":{"quality":1,"alignment":1}}\n` }), [/predictions\.jsonl:2544: field "video": "gen2\/60" is not a video of tvge's labelled pool/]],
    ["a duplicate video id", () => bundleDir({ ...valid(), "predictions.jsonl": `${formulaPredictions(videoIds)}${lines()[2]}\n` }), [/predictions\.jsonl:2544: field "video": "modelscope\/0" already appears on line 3/]],
    ["missing videos", () => bundleDir({ ...valid(), "predictions.jsonl": formulaPredictions(videoIds.slice(12)) }), [/predictions\.jsonl: covers 2,531 of the 2,543 tvge videos to predict .*; missing 12: floor33\/0, floor33\/1, .*, … \(2 more\)/]],
    ["an unknown and a missing perspective", () => bundleDir({ ...valid(), "predictions.jsonl": lines().map((l, i) => (i === 0 ? l.replace('"quality"', '"static_quality"') : l)).join("\n") }), [/predictions\.jsonl:1: field "scores\.static_quality": unknown perspective; this benchmark's are quality, alignment/, /predictions\.jsonl:1: field "scores\.quality": is missing/]],
    ["a yes/no answer on a benchmark without questions", () => bundleDir({ ...valid(), "predictions.jsonl": lines().map((l, i) => (i === 0 ? l.replace(/}$/, ',"answer":"yes"}') : l)).join("\n") }), [/predictions\.jsonl:1: field "answer": tvge has no yes\/no questions/]],
    ["a missing data file", () => bundleDir({ "manifest.json": valid()["manifest.json"] as string }), [/predictions\.jsonl: is missing/]],
    ["a zip entry escaping the bundle", () => writeBundleZip(path.join(root, "bundles", "escape.zip"), { ...valid(), "../../evil.jsonl": "{}" }), [/escape\.zip\/\.\.\/\.\.\/evil\.jsonl: contains a `\.\.` segment/]],
    ["an oversized file", () => bundleDir(valid()), [/unpacks to [\d,]+ bytes; at most 100,000 are allowed \(largest: predictions\.jsonl/]],
    ["an unknown benchmark", () => bundleDir(valid("Elsewhere", { benchmark: "fetvv" })), [/manifest\.json: field "benchmark": unknown benchmark "fetvv"; known: tvge/]],
    ["the wrong direction", () => bundleDir(valid("Backwards", { direction: "t2v" })), [/manifest\.json: field "entry\.access":/, /predictions\.jsonl: does not belong in a T2V bundle/]],
    ["an entry name already taken", () => bundleDir(valid("CLIP Score")), [/manifest\.json: field "entry\.name": gives the entry id "clip-score", already taken on tvge V2T by "CLIP Score" \(submission [0-9a-f]{64}\)/]],
    ["a rater id that a spreadsheet would run as a formula", () => bundleDir({ "manifest.json": JSON.stringify(t2vManifest("Formula Rater")), "ratings.csv": ratingsCsv(['0,quality,"=HYPERLINK(""http://x"",""y"")",4']) }), [/ratings\.csv:2: field "rater": must be a pseudonym/]],
    ["a T2V bundle without a generation card", () => bundleDir({ "manifest.json": JSON.stringify(withoutKey(t2vManifest("No Card"), "generationCard")), "ratings.csv": ratingsCsv() }), [/manifest\.json: field "generationCard":/]],
    ["a generation card missing its seeds", () => bundleDir({ "manifest.json": JSON.stringify(t2vManifest("No Seeds", { generationCard: withoutKey(TEST_GENERATION_CARD, "seeds") })), "ratings.csv": ratingsCsv() }), [/manifest\.json: field "generationCard\.seeds":/]],
    ["a V2T manifest without its training data", () => bundleDir({ ...valid(), "manifest.json": JSON.stringify(withoutKey(v2tManifest("tvge", "Untold"), "trainingData")) }), [/manifest\.json: field "trainingData":/]],
    ["a manifest that does not say who sampled", () => bundleDir({ ...valid(), "manifest.json": JSON.stringify(withoutKey(v2tManifest("tvge", "Anonymous"), "sampledBy")) }), [/manifest\.json: field "sampledBy":/]],
    ["ratings without enough anchors", () => bundleDir({ "manifest.json": JSON.stringify(t2vManifest("No Anchors")), "ratings.csv": ["video,perspective,rater,score", ...Array.from({ length: PROMPTS }, (_, p) => [`${p},quality,r1,3`, `${p},alignment,r1,4`]).flat()].join("\n") }), [/every rater must also rate at least 40 of tvge's 60 anchor videos/, /rater "r1" rated 0 of the 60 anchor videos for quality; at least 40 are needed/, /ratings\.csv: field "quality": your model's videos were rated by 1 rater\(s\) for quality; tvge needs at least 3: tvge publishes no per-rater ratings/]],
  ];

  for (const [what, make, messages] of malformed) {
    it(`rejects ${what} with a clear message, exit code 1, and stores nothing`, async () => {
      const limits = what === "an oversized file" ? { ...BUNDLE_LIMITS, totalBytes: 100_000 } : BUNDLE_LIMITS;
      const result = await submitUnchanged(make(), { limits });
      expect(result.status).toBe("rejected");
      expect(result.exitCode).toBe(1);
      expect(result.err).toMatch(/^Bundle rejected: \d+ problem\(s\)\. Nothing was stored\./);
      for (const message of messages) expect(result.err).toMatch(message);
    });
  }

  it("prints the would-be figures, CIs and ranks on a dry run, and stores nothing", async () => {
    const result = await submitUnchanged(bundleDir(valid()), { dryRun: true });
    expect(result.status).toBe("dry-run");
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/Dry run, nothing stored\. V2T entry "Formula Metric" \(id formula-metric\) on tvge: 2,543 line\(s\) of predictions/);
    expect(result.out).toMatch(/board\s+perspective_metric\s+value\s+95% interval\s+rank/);
    expect(result.out).toMatch(/v2t-instance\s+quality_srcc\s+0\.0023\s+\[-?\d\.\d{4}, -?\d\.\d{4}\]\s+\d of 5 \[\d, \d\]/);
    expect(result.out).toMatch(/v2t-model\s+alignment_srcc\s+-0\.3000\s+\[-?\d\.\d{4}, -?\d\.\d{4}\]\s+\(unranked\)/);
    expect(result.out).toMatch(/v2t-model: Model-level correlations here rest on 5 T2V models; the protocol ranks them only from 10/);
    expect(result.out).not.toMatch(/±/);
  });

  it("stores a valid bundle under its content hash, keeps its files, and scores it as SciPy does", async () => {
    const files = valid();
    const result = await submit(bundleDir(files));
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
    expect(result.out).toMatch(/- Shown as self-reported by Test Lab \(sampled by Test Lab; evaluated by Test Lab\) until the maintainers verify it\./);
    expect(result.out).toMatch(/To see it on the site: npm start, then open http:\/\/127\.0\.0\.1:4321\/tvge\/v2t\/formula-metric\//);
    expect(query("select method, license from v2t_entries where id = 'formula-metric'")).toEqual([{ method: "A deterministic formula of the video id, for tests.", license: "CC BY 4.0" }]);
    // A submission is self-reported by its organization, never computed or verified, with what its manifest says.
    expect(query("select kind, produced_by, sampled_by, code_url, weights_url, date from entry_provenance where entry_id = 'formula-metric'")).toEqual([
      { kind: "self-reported", produced_by: "Test Lab", sampled_by: "Test Lab", code_url: "https://example.org/code", weights_url: null, date: "2025-01-31" },
    ]);
    expect(query("select trained_on_benchmark, datasets_json from training_data where entry_id = 'formula-metric'")).toEqual([{ trained_on_benchmark: "no", datasets_json: "[]" }]);
  });

  it("lists the first 50 problems of a bundle and counts the rest", async () => {
    const lines = formulaPredictions(videoIds).trimEnd().split("\n").map((l) => l.replace('"quality"', '"static"'));
    const result = await submitUnchanged(bundleDir({ ...valid("Many Problems"), "predictions.jsonl": lines.join("\n") }));
    expect(result.status).toBe("rejected");
    const listed = result.err.split("\n").filter((l) => l.startsWith("  ") && !l.includes("… and"));
    expect(listed).toHaveLength(50);
    expect(result.err).toMatch(/… and 5,036 more problem\(s\)/);
  });

  it("reports the same bundle submitted again (here zipped) as a duplicate, exit code 0, one entry", async () => {
    const result = await submitUnchanged(writeBundleZip(path.join(root, "bundles", "again.zip"), valid()));
    expect(result).toMatchObject({ status: "duplicate", exitCode: 0 });
    expect(result.out).toMatch(/is a duplicate of submission [0-9a-f]{64} \(kept at .*data\/submissions\/tvge\/v2t\/formula-metric\)/);
    expect(query("select id from v2t_entries where id = 'formula-metric'")).toHaveLength(1);
    expect(query("select id from submissions where entry_id = 'formula-metric'")).toHaveLength(1);
  });

  it("leaves data/submissions and the store as they were when storing fails after the copy", async () => {
    const injected = await submitUnchanged(bundleDir(valid("Formula Metric Two")), { failAfterKeep: true });
    expect(injected).toMatchObject({ status: "failed", exitCode: 1 });
    expect(injected.err).toMatch(/Storing failed; the bundle was removed again and the store was left as it was\./);
    // A real failure: the store's folder cannot be created because a file stands in its way.
    const blocker = path.join(root, "blocker");
    fs.writeFileSync(blocker, "");
    const real = await submitUnchanged(bundleDir(valid("Formula Metric Two")), { store: path.join(blocker, "store.sqlite") });
    expect(real).toMatchObject({ status: "failed", exitCode: 1 });
    expect(fs.existsSync(path.join(submissions(), "tvge", "v2t", "formula-metric-two"))).toBe(false);
  });

  it("stores a T2V entry from raw human ratings and anchors, keeping its videos out of the labelled pool", async () => {
    const result = await submit(bundleDir({ "manifest.json": JSON.stringify(t2vManifest("Human Rated Model")), "ratings.csv": ratingsCsv() }));
    expect(result, result.err).toMatchObject({ status: "stored", exitCode: 0 });
    expect(query("select source, evaluator_id, access, license, method from t2v_entries where id = 'human-rated-model'")).toEqual([
      { source: "ratings", evaluator_id: null, access: "open", license: "MIT", method: 'How "Human Rated Model" was made, in the submitters\' words.' },
    ]);
    expect(query("select id from videos where t2v_entry_id = 'human-rated-model' and not labelled")).toHaveLength(PROMPTS);
    expect(query<{ card_json: string }>("select card_json from generation_cards where entry_id = 'human-rated-model'").map((c) => JSON.parse(c.card_json))).toEqual([TEST_GENERATION_CARD]);
    expect(query("select kind from entry_provenance where entry_id = 'human-rated-model'")).toEqual([{ kind: "self-reported" }]);
    // Its panel's ratings: 512 prompts × 2 perspectives × 3 raters, plus 60 anchors × 2 × 3, in its own batch.
    expect(query("select * from ratings where batch = ?", result.hash)).toHaveLength(PROMPTS * 6 + ANCHORS.length * 6);
    expect(query("select * from ground_truth where video_id like 'human-rated-model/%'")).toHaveLength(0);
    const fits = query<{ perspective_id: string; anchors: number; raters: number; agreement: number }>("select * from anchor_fits where entry_id = 'human-rated-model' order by perspective_id");
    expect(fits.map((f) => [f.perspective_id, f.anchors, f.raters])).toEqual([["alignment", 60, 3], ["quality", 60, 3]]);
    for (const fit of fits) expect(fit.agreement).toBeGreaterThan(0.9);
    // The V2T pool is still TVGE's 2,543 videos: the same predictions bundle still covers it.
    const again = await submitUnchanged(bundleDir(valid("Formula Metric Three")), { dryRun: true });
    expect(again.status, again.err).toBe("dry-run");
  });

  it("stores an auto-evaluated T2V entry whose scores become its evaluator's predictions", async () => {
    // CLIP Score passes the skill check on both of TVGE's perspectives (the formula metric, a function of ids, has none
    // and would be refused); scores spread over the range it gave the labelled videos.
    const ranges = new Map(
      query<{ perspective_id: string; range_low: number; range_high: number }>("select perspective_id, range_low, range_high from calibrations where benchmark_id = 'tvge' and evaluator_id = 'clip-score'").map((r) => [r.perspective_id, r]),
    );
    const within = (perspective: string, p: number) => {
      const r = ranges.get(perspective) as { range_low: number; range_high: number };
      return r.range_low + ((p % 11) / 10) * (r.range_high - r.range_low);
    };
    const scores = Array.from({ length: PROMPTS }, (_, p) => JSON.stringify({ video: String(p), scores: { quality: within("quality", p), alignment: within("alignment", p) } })).join("\n");
    const manifest = t2vManifest("Auto Scored Model", { evaluator: "clip-score" });
    const result = await submit(bundleDir({ "manifest.json": JSON.stringify(manifest), "scores.jsonl": scores }));
    expect(result, result.err).toMatchObject({ status: "stored", exitCode: 0 });
    expect(query("select source, evaluator_id from t2v_entries where id = 'auto-scored-model'")).toEqual([{ source: "auto", evaluator_id: "clip-score" }]);
    expect(query("select * from predictions where v2t_entry_id = 'clip-score' and video_id like 'auto-scored-model/%'")).toHaveLength(PROMPTS * 2);
    expect(query("select * from ground_truth where video_id like 'auto-scored-model/%'")).toHaveLength(0);
  });

  it("exits with 1 from the command line on a bundle that does not exist, naming it", () => {
    const node = path.resolve(import.meta.dirname, "../../node_modules/.bin/node");
    const run = spawnSync(node, ["scripts/submit.ts", path.join(root, "nowhere"), "--data", dataDir, "--store", store], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nowhere: does not exist; give a bundle folder or a \.zip file/);
  });
});
