import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateDataset, readBenchmarkDefinitions } from "../../scripts/benchmarks/registry.ts";
import { DATA_DIR } from "../support/datasets.ts";
import { importTvge, readTvgeMetricScores } from "../support/packages.ts";
import { InputError } from "../../scripts/io/input-error.ts";
import { readJsonFile } from "../../scripts/io/read-data.ts";
import { emptyContent, type StoreContent } from "../../scripts/store/store-content.ts";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";
import { datasetDir, describeWithDatasets } from "../support/datasets.ts";

const benchmark = readJsonFile(path.resolve(import.meta.dirname, "../../data/benchmarks/tvge/benchmark.json"), BenchmarkSchema);

describeWithDatasets("tvge", "importTvge on the real TVGE files", () => {
  let content: StoreContent;
  beforeAll(() => {
    content = emptyContent();
    importTvge(content, benchmark, datasetDir("tvge"));
  });

  it("adds 512 prompts and 2,543 videos of 5 generators, gen2 lacking 17 prompts", () => {
    expect(content.prompts).toHaveLength(512);
    expect(content.prompts.map((p) => p.id)).toEqual(Array.from({ length: 512 }, (_, i) => String(i)));
    expect(content.videos).toHaveLength(2543);
    expect(content.t2vEntries.map((e) => [e.id, e.name])).toEqual([
      ["floor33", "Floor33"],
      ["gen2", "Gen-2"],
      ["modelscope", "ModelScope"],
      ["pika", "Pika"],
      ["zeroscope", "ZeroScope"],
    ]);
    expect(content.videos.filter((v) => v.t2vEntryId === "gen2")).toHaveLength(495);
    expect(content.videos.some((v) => v.id === "gen2/60")).toBe(false);
    expect(content.videos.some((v) => v.id === "pika/60")).toBe(true);
  });

  it("stores the distributed mean human scores as they are, without SD or rating count", () => {
    expect(content.groundTruth).toHaveLength(2 * 2543);
    expect(content.ratings).toHaveLength(0);
    const score = (videoId: string, perspective: string) =>
      content.groundTruth.find((g) => g.videoId === videoId && g.perspectiveId === perspective);
    // Values read off t2vscore_quality_score.json and t2vscore_alignment_score.json.
    expect(score("floor33/0", "quality")).toMatchObject({ mos: 1.8, rawMos: 1.8, sd: null, count: null });
    expect(score("floor33/0", "alignment")).toMatchObject({ mos: 1.3, rawMos: 1.3 });
    expect(score("pika/60", "quality")?.mos).toBe(2.4);
    expect(score("modelscope/255", "alignment")?.mos).toBe(3.8);
    expect(score("zeroscope/511", "quality")?.mos).toBe(3.8);
    expect(score("zeroscope/511", "alignment")?.mos).toBe(2.3);
  });

  it("maps every row of t2vscore_results.csv to exactly one video, for all four metrics", () => {
    const metrics = readTvgeMetricScores(datasetDir("tvge"));
    expect(metrics.map((m) => m.metric)).toEqual(["CLIP Score", "X-CLIP Score", "BLIP-BLEU", "T2VScore-A (GPT-4V)"]);
    const videoIds = new Set(content.videos.map((v) => v.id));
    for (const { scores } of metrics) {
      expect(scores.size).toBe(2543);
      expect([...scores.keys()].every((id) => videoIds.has(id))).toBe(true);
    }
    // Last row of the CSV; BLIP-BLEU is written there as 1.40E-16.
    expect(metrics[0]?.scores.get("zeroscope/511")).toBe(27.98406982);
    expect(metrics[2]?.scores.get("zeroscope/511")).toBe(1.4e-16);
    expect(metrics[3]?.scores.get("pika/60")).toBe(0.8);
  });
});

describe("importTvge without the raw files", () => {
  it("names the t2v_metrics repository as the place to get the human scores", () => {
    const root = path.join(os.tmpdir(), "no-such-datasets-folder");
    expect(locateDataset(readBenchmarkDefinitions(DATA_DIR).find((d) => d.benchmark.id === "tvge")!, root)).toEqual({
      dir: null,
      message:
        `TVGE human scores not found at ${path.join(root, "tvge")}; get the TVGE human scores from the datasets/ folder of ` +
        "https://github.com/linzhiqiu/t2v_metrics (set AIGVE_DATASETS to the folder holding tvge/). Building TVGE without them.",
    });
  });
});

describe("importTvge on malformed files", () => {
  // A tiny synthetic dataset (two made-up prompts), written fresh for each case.
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tvge-"));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  function writeDataset(name: string, csvRows: string[], pikaScore = 2.5): string {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    const scores = {
      "0": { prompt: "a cat, juggling", models: { pika: [pikaScore], gen2: [3.1] } },
      "1": { prompt: "a dog surfing", models: { pika: [1.9] } },
    };
    fs.writeFileSync(path.join(dir, "t2vscore_quality_score.json"), JSON.stringify(scores));
    fs.writeFileSync(path.join(dir, "t2vscore_alignment_score.json"), JSON.stringify(scores));
    const header = "model_name,video_id,prompt,CLIP Score,X-CLIP Score,BLIP-BLEU,T2VScore-A (GPT-4V)";
    fs.writeFileSync(path.join(dir, "t2vscore_results.csv"), [header, ...csvRows].join("\r\n"));
    return dir;
  }

  function problemsOf(run: () => void): unknown[] {
    try {
      run();
    } catch (error) {
      if (error instanceof InputError) return [...error.problems];
      throw error;
    }
    return [];
  }

  it("reports a human score outside 1–5 with its file and field", () => {
    const dir = writeDataset("bad-score", [], 6);
    expect(problemsOf(() => importTvge(emptyContent(), benchmark, dir))).toEqual([
      expect.objectContaining({
        file: expect.stringContaining("t2vscore_quality_score.json"),
        field: "0.models.pika.0",
      }),
    ]);
  });

  it("reads a metric row whose quoted prompt holds a comma", () => {
    const dir = writeDataset("quoted", ['pika,0,"a cat, juggling",20,10,0.5,0.75']);
    expect(readTvgeMetricScores(dir)[0]?.scores.get("pika/0")).toBe(20);
  });

  it("reports, by line, a metric row that names no known video or repeats one", () => {
    const dir = writeDataset("unmapped", [
      "gen2,1,a dog surfing,20,10,0.5,0.75",
      "pika,1,a dog surfing,20,10,0.5,0.75",
      "pika,1,a dog surfing,21,11,0.5,0.75",
      "pika,0,a cat juggling,20,10,0.5,0.75",
    ]);
    expect(problemsOf(() => readTvgeMetricScores(dir))).toEqual([
      expect.objectContaining({ line: 2, field: "video_id", message: "no gen2 video for prompt index 1" }),
      expect.objectContaining({ line: 4, message: "video pika/1 already scored on line 3" }),
      expect.objectContaining({ line: 5, field: "prompt" }),
    ]);
  });
});
