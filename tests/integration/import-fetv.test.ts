import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFetv, readFetvMetricScores } from "../support/packages.ts";
import { locateDataset, readBenchmarkDefinitions } from "../../scripts/benchmarks/registry.ts";
import { DATA_DIR } from "../support/datasets.ts";
import { InputError } from "../../scripts/io/input-error.ts";
import { readJsonFile } from "../../scripts/io/read-data.ts";
import { emptyContent, type StoreContent } from "../../scripts/store/store-content.ts";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";
import { datasetDir, describeWithDatasets } from "../support/datasets.ts";

const benchmark = readJsonFile(path.resolve(import.meta.dirname, "../../data/benchmarks/fetv/benchmark.json"), BenchmarkSchema);

describeWithDatasets("fetv", "importFetv on the real FETV-EVAL files", () => {
  let content: StoreContent;
  beforeAll(() => {
    content = emptyContent();
    importFetv(content, benchmark, datasetDir("fetv"));
  });

  it("adds every prompt, indexed by its 0-based line in fetv_data.json", () => {
    expect(content.prompts).toHaveLength(619);
    expect(content.prompts[0]).toEqual({ benchmarkId: "fetv", id: "0", text: "a person jumps from building" });
  });

  it("adds 4 generators with 619 videos each and 541 real reference videos, 3,017 in all", () => {
    expect(content.videos).toHaveLength(3017);
    expect(content.videos.filter((v) => v.isReference)).toHaveLength(541);
    const names = content.t2vEntries.filter((e) => !e.isReference).map((e) => [e.id, e.name]);
    expect(names).toEqual([
      ["cogvideo", "CogVideo"],
      ["modelscope-t2v", "ModelScopeT2V"],
      ["text2video-zero", "Text2Video-Zero"],
      ["zeroscope", "ZeroScope"],
    ]);
    for (const [id] of names) expect(content.videos.filter((v) => v.t2vEntryId === id)).toHaveLength(619);
    expect(content.t2vEntries.find((e) => e.isReference)).toMatchObject({ id: "reference", name: "Real videos (reference)" });
    expect(content.videos.every((v) => v.isReference === (v.t2vEntryId === "reference"))).toBe(true);
  });

  it("keeps every raw rating of the 3 raters: 3 perspectives × 3,017 videos each", () => {
    expect(new Set(content.ratings.map((r) => r.rater))).toEqual(new Set(["human0", "human1", "human2"]));
    expect(content.ratings).toHaveLength(3 * 3 * 3017);
    expect(content.ratings.every((r) => Number.isInteger(r.score) && r.score >= 1 && r.score <= 5)).toBe(true);
  });

  it("puts each prompt into its categories across the four families", () => {
    const members = (dimension: string) => content.promptDimensions.filter((d) => d.dimensionId === dimension).length;
    // Counted in fetv_data.json with a Python one-liner over the raw category lists.
    expect(members("spatial-people")).toBe(295);
    expect(members("spatial-buildings-infrastructure")).toBe(92);
    expect(members("temporal-actions")).toBe(380);
    expect(members("attribute-color")).toBe(138);
    expect(members("attribute-event-order")).toBe(74);
    expect(members("complexity-simple")).toBe(162);
    expect(members("complexity-medium")).toBe(301);
    expect(members("complexity-complex")).toBe(156);
    const used = new Set(content.promptDimensions.map((d) => d.dimensionId));
    expect([...used].sort()).toEqual(benchmark.dimensions.map((d) => d.id).sort());
  });

  it("puts every video in the labelled pool and stores one human score per video and perspective, each from all 3 ratings", () => {
    expect(content.videos.every((v) => v.labelled)).toBe(true);
    expect(content.groundTruth).toHaveLength(3 * 3017);
    expect(content.groundTruth.every((g) => g.count === 3 && g.mos !== null)).toBe(true);
  });

  it("scores a video by the protocol of the FETV paper: the plain mean of the three raters' ratings", () => {
    // human0/1/2 rate cogvideo prompt 0 with static quality 2, 2, 2 and modelscope prompt 2 with alignment 5, 5, 4 (raw files).
    const score = (videoId: string, perspective: string) => content.groundTruth.find((g) => g.videoId === videoId && g.perspectiveId === perspective);
    expect(score("cogvideo/0", "static_quality")).toMatchObject({ mos: 2, rawMos: 2, count: 3 });
    expect(score("modelscope-t2v/2", "alignment")?.mos).toBeCloseTo(14 / 3, 14);
    for (const g of content.groundTruth) expect(g.mos).toBe(g.rawMos);
  });

  // Expected values from scripts/dev/golden/fetv_mos.py, an independent NumPy/SciPy implementation of the BT.500
  // procedure run on the raw FETV-EVAL files (one matrix per perspective: 3 raters × 3,017 videos, reference
  // videos included), for a protocol that declares it: the importer follows whatever the protocol says.
  // No rater is rejected and no rating masked: with 3 raters no score can lie 2σ from its item mean.
  it.each([
    ["cogvideo/0", "static_quality", 18.308159219010495, 2, 1.1602523696802685],
    ["zeroscope/618", "static_quality", 42.01060551892964, 10 / 3, 26.17560802651707],
    ["text2video-zero/531", "temporal_quality", 28.91050846788802, 2, 9.983360164375574],
    ["reference/0", "temporal_quality", 69.91996288929631, 5, 1.033547328035465],
    ["modelscope-t2v/2", "alignment", 62.32492809967238, 14 / 3, 9.755358435910543],
    ["reference/100", "alignment", 63.25101317138672, 14 / 3, 6.8055996832559895],
  ])("under a BT.500 protocol, gives %s a %s MOS matching the independent Python computation", (videoId, perspective, mos, rawMos, sd) => {
    const bt500 = emptyContent();
    importFetv(bt500, { ...benchmark, protocol: { ...benchmark.protocol, humanScore: "bt500-zscore" } }, datasetDir("fetv"));
    const row = bt500.groundTruth.find((g) => g.videoId === videoId && g.perspectiveId === perspective);
    expect(row?.mos).toBeCloseTo(mos, 9);
    expect(row?.rawMos).toBeCloseTo(rawMos, 12);
    expect(row?.sd).toBeCloseTo(sd, 9);
    expect(row?.count).toBe(3);
  });

  it("reads the five automatic metrics for every video, real videos under the reference entry", () => {
    const metrics = readFetvMetricScores(datasetDir("fetv"));
    expect(metrics.map((m) => m.metric)).toEqual(["CLIPScore", "CLIPScore-ft", "BLIPScore", "Otter-VQA", "UMTScore"]);
    for (const { scores } of metrics) expect(scores.size).toBe(3017);
    const umt = metrics[4]?.scores;
    // First value of auto_eval_results/UMTScore/auto_eval_results_cogvideo.json.
    expect(umt?.get("cogvideo/0")).toBe(-2.4140625);
    expect(umt?.has("modelscope-t2v/0")).toBe(true);
    expect(umt?.has("reference/0")).toBe(true);
    expect(umt?.has("reference/531")).toBe(false);
  });
});

describe("importFetv without the raw files", () => {
  it("says where to get FETV-EVAL", () => {
    const root = path.join(os.tmpdir(), "no-such-datasets-folder");
    const location = locateDataset(readBenchmarkDefinitions(DATA_DIR).find((d) => d.benchmark.id === "fetv")!, root);
    expect(location.dir).toBeNull();
    expect(location.message).toBe(
      `FETV raw annotations not found at ${path.join(root, "fetv-eval")}; get the FETV raw annotations from https://github.com/llyx97/FETV-EVAL ` +
        "(set AIGVE_DATASETS to the folder holding fetv-eval/). Building FETV without them.",
    );
  });
});

describe("importFetv on malformed files", () => {
  // A tiny synthetic dataset (one made-up prompt), written fresh for each case.
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "fetv-"));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  function writeDataset(dir: string, cogvideoLine: string): void {
    const prompt = {
      video_id: null,
      prompt: "a cat juggles three red balls",
      "major content": { spatial: ["animals"], temporal: ["actions"] },
      "attribute control": { spatial: ["color"], temporal: null },
      "prompt complexity": ["medium"],
      source: "ours",
      "unusual type": "object-action",
    };
    fs.mkdirSync(path.join(dir, "datas"), { recursive: true });
    fs.writeFileSync(path.join(dir, "datas", "fetv_data.json"), `${JSON.stringify(prompt)}\n`);
    // Scores vary by model so that no rater is constant (a constant rater is warned about).
    const good = (score: number) =>
      `{"0": {"video_id": "None", "static_quality": ${score}, "temporal_quality": ${score}, "alignment": ${score}}}\n`;
    for (const rater of ["human0", "human1", "human2"]) {
      const raterDir = path.join(dir, "manual_eval_results", rater);
      fs.mkdirSync(raterDir, { recursive: true });
      for (const [index, model] of ["cogvideo", "damo-text2video", "text2video-zero", "zeroscope"].entries()) {
        const line = rater === "human0" && model === "cogvideo" ? cogvideoLine : good(index + 1);
        fs.writeFileSync(path.join(raterDir, `manual_eval_results_${model}.json`), line);
      }
      fs.writeFileSync(path.join(raterDir, "manual_eval_results_ground-truth.json"), "");
    }
  }

  function problemsOf(dir: string): unknown[] {
    try {
      importFetv(emptyContent(), benchmark, dir);
    } catch (error) {
      if (error instanceof InputError) return [...error.problems];
      throw error;
    }
    return [];
  }

  it("imports a well-formed synthetic dataset without problems", () => {
    const dir = path.join(root, "good");
    writeDataset(dir, '{"0": {"video_id": "None", "static_quality": 1, "temporal_quality": 2, "alignment": 5}}\n');
    expect(problemsOf(dir)).toEqual([]);
  });

  it("reports a rating outside 1–5 with its file, line and field", () => {
    const dir = path.join(root, "out-of-range");
    writeDataset(dir, '{"0": {"video_id": "None", "static_quality": 3, "temporal_quality": 3, "alignment": 7}}\n');
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: expect.stringContaining(path.join("human0", "manual_eval_results_cogvideo.json")),
        line: 1,
        field: "0.alignment",
      }),
    ]);
  });

  it("reports a rating of a prompt index that does not exist", () => {
    const dir = path.join(root, "unknown-index");
    writeDataset(dir, '{"5": {"video_id": "None", "static_quality": 3, "temporal_quality": 3, "alignment": 3}}\n');
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ line: 1, field: "5", message: "no CogVideo video for prompt index 5" }),
    ]);
  });
});
