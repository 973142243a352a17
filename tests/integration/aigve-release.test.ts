/**
 * AIGVE-60K recomputed from a release in the real release's format: a small synthetic one (planted model
 * order, a planted method), whose figures scripts/dev/golden/aigve_synthetic.py computed independently.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateDataset, readBenchmarkDefinitions } from "../../scripts/benchmarks/registry.ts";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { writeSyntheticRelease, type Planted } from "../../scripts/dev/synthetic-aigve-release.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { slugify } from "../../src/schemas/ids.ts";
import golden from "../fixtures/aigve-synthetic.json" with { type: "json" };
import { capture, fileBytes, tempDataDir, tempDir } from "../support/bundles.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
const RESAMPLES = 200;

let root: string;
let datasets: string;
let release: string;
let bundle: string;
let dataDir: string;
let store: string;
let content: StoreContent;
let planted: Planted;

const published = fs.readFileSync(path.join(REPO, "data/benchmarks/aigve-60k/published/t2v-models.csv"), "utf8");
/** The published name a release folder maps to (folders drop the spaces of the published names). */
const nameOf = (folder: string) =>
  published.split("\n").slice(1).map((line) => line.split(",")[0] ?? "").find((name) => name.replace(/\s+/g, "") === folder) ?? folder;
const result = (c: StoreContent, direction: string, entry: string, level: string, perspective: string, metric: string, dimension = "overall") =>
  c.results.find((r) => r.benchmarkId === "aigve-60k" && r.direction === direction && r.entryId === entry && r.level === level && r.dimension === dimension && r.perspectiveId === perspective && r.metric === metric);

beforeAll(async () => {
  root = tempDir("aigve-release");
  datasets = path.join(root, "datasets");
  release = path.join(datasets, "aigve-60k");
  bundle = path.join(root, "planted-bundle");
  planted = writeSyntheticRelease(release, golden.params, bundle);
  dataDir = tempDataDir(["aigve-60k"]);
  store = path.join(root, "store.sqlite");
  content = await buildContent({ dataDir, datasetsDir: datasets, resamples: RESAMPLES });
  writeStore(content, store);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the T2V board recomputed from the release", () => {
  it("gives each model the mean of its videos' MOS and its share of yes answers, as NumPy does on the raw lines", () => {
    for (const [folder, expected] of Object.entries(golden.t2v)) {
      const id = slugify(nameOf(folder));
      for (const [perspective, metric, value] of [["perception", "mos", expected.perception], ["correspondence", "mos", expected.correspondence], ["qa", "accuracy", expected.qa]] as const) {
        const row = result(content, "t2v", id, "model", perspective, metric);
        expect(row?.value, `${folder} ${perspective}`).toBeCloseTo(value, 10);
        expect(row?.provenance).toBe("recomputed");
        expect(row?.n).toBe(expected.videos);
        // A real interval around the figure, never zero-wide.
        expect(row?.ciLow as number).toBeLessThan(row?.value as number);
        expect(row?.ciHigh as number).toBeGreaterThan(row?.value as number);
      }
    }
  });

  it("names models by the published names their release folders stand for, and ranks them in the planted order", () => {
    const order = content.rankings.filter((r) => r.benchmarkId === "aigve-60k" && r.board === "t2v" && r.dimension === "overall").sort((a, b) => a.position - b.position).map((r) => r.entryId);
    expect(order).toEqual(planted.modelOrder.map((folder) => slugify(nameOf(folder))));
    expect(content.t2vEntries.find((e) => e.benchmarkId === "aigve-60k" && e.id === "cogvideo-x1-5")?.name).toBe("CogVideo X1.5");
  });

  it("keeps the published T2V figures as audit rows beside the recomputed ones, not as a second set of entries", () => {
    expect(content.t2vEntries.filter((e) => e.benchmarkId === "aigve-60k" && e.source === "published")).toEqual([]);
    const check = content.publishedChecks.find((c) => c.benchmarkId === "aigve-60k" && c.board === "t2v" && c.entryName === "Allegro" && c.perspectiveId === "perception");
    expect(check?.published).toBe(56.08);
    const audit = content.audit.find((a) => a.benchmarkId === "aigve-60k" && a.position === check?.position);
    expect(audit?.ours).toBeCloseTo(golden.t2v.Allegro.perception, 10);
  });

  it("keeps the 48 published V2T methods as published entries", () => {
    const methods = content.v2tEntries.filter((e) => e.benchmarkId === "aigve-60k");
    expect(methods).toHaveLength(48);
    expect(result(content, "v2t", "aestheticscore", "instance", "perception", "srcc")).toMatchObject({ value: 0.5524, provenance: "published", ciLow: null });
  });

  it("breaks every board down by the task dimensions of the prompts file beside the release", () => {
    const dimensions = content.dimensions.filter((d) => d.benchmarkId === "aigve-60k").map((d) => d.id);
    expect(dimensions).toEqual(["task-01", "task-02", "task-03", "task-04"]);
    for (const dimension of dimensions) {
      expect(content.rankings.filter((r) => r.benchmarkId === "aigve-60k" && r.board === "t2v" && r.dimension === dimension)).toHaveLength(12);
    }
  });

  it("takes the train/test split from the file each line came from", () => {
    const videos = content.videos.filter((v) => v.benchmarkId === "aigve-60k");
    expect(videos).toHaveLength(1200);
    expect(videos.filter((v) => v.split === "test")).toHaveLength(golden.method.testVideos);
    expect(videos.filter((v) => v.split === "train")).toHaveLength(1200 - golden.method.testVideos);
  });

  it("chooses the T2V anchor set from the release by the fixed rule: 60 videos, 5 per model", () => {
    const anchors = content.anchors.filter((a) => a.benchmarkId === "aigve-60k");
    expect(anchors).toHaveLength(60);
    const models = anchors.map((a) => content.videos.find((v) => v.benchmarkId === "aigve-60k" && v.id === a.videoId)?.t2vEntryId);
    for (const model of new Set(models)) expect(models.filter((m) => m === model)).toHaveLength(5);
  });
});

describe("the prompt list download", () => {
  it("gives each prompt the yes/no questions the release asks of its videos, as written in the raw lines", async () => {
    const expected = new Map<string, Set<string>>();
    for (const file of ["video_train_qa_train.jsonl", "video_train_qa_test.jsonl"]) {
      for (const line of fs.readFileSync(path.join(release, file), "utf8").split("\n").filter((l) => l.trim() !== "")) {
        const parsed = JSON.parse(line) as { video: string; conversations: { from: string; value: string }[] };
        const prompt = path.basename(parsed.video).replace(/\.[^.]+$/, "");
        const asked = parsed.conversations.find((c) => c.from === "human")?.value.replace("<video>", "").trim() ?? "";
        expected.set(prompt, (expected.get(prompt) ?? new Set()).add(asked));
      }
    }
    process.env.AIGVE_STORE = store;
    try {
      const { loadPromptList, QUESTIONS_NOTE } = await import("../../src/lib/prompt-list.ts");
      const list = loadPromptList("aigve-60k", "test-release");
      expect(list.questionsNote).toBe(QUESTIONS_NOTE);
      expect(list.prompts.length).toBe(expected.size);
      for (const prompt of list.prompts) expect(prompt.questions).toEqual([...(expected.get(prompt.id) ?? [])].sort());
      expect(list.prompts.some((p) => p.questions.length > 0)).toBe(true);
    } finally {
      delete process.env.AIGVE_STORE;
    }
  });
});

describe("a V2T submission on AIGVE-60K", () => {
  it("is scored on the test split only: the planted method's figures as SciPy computes them", async () => {
    const data = tempDataDir(["aigve-60k"]);
    const target = path.join(root, "submitted.sqlite");
    fs.copyFileSync(store, target);
    const stdout = capture();
    const stderr = capture();
    const outcome = await submitBundle({ bundle, dataDir: data, store: target, datasetsDir: datasets, stdout, stderr });
    expect(outcome.status, stderr.text()).toBe("stored");
    const after = readStore(target);
    const instance = (p: string, m: string) => result(after, "v2t", "planted-method", "instance", p, m);
    const model = (p: string, m: string) => result(after, "v2t", "planted-method", "model", p, m);
    expect(instance("perception", "srcc")?.value).toBe(1);
    expect(instance("correspondence", "srcc")?.value).toBeCloseTo(golden.method.instanceCorrespondenceSrcc, 12);
    expect(instance("correspondence", "srcc")?.n).toBe(golden.method.testVideos);
    expect(model("correspondence", "srcc")?.value).toBeCloseTo(golden.method.modelCorrespondenceSrcc, 12);
    expect(instance("qa", "accuracy")?.value).toBeCloseTo(golden.method.qaAccuracy, 12);
    expect(after.rankings.find((r) => r.benchmarkId === "aigve-60k" && r.board === "v2t-instance" && r.dimension === "overall" && r.entryId === "planted-method")?.rank).toBe(1);
  });

  it("in a dry run prints the would-be figures and ranks, and notes predictions outside the test split", async () => {
    const trained = path.join(root, "with-train");
    fs.mkdirSync(trained, { recursive: true });
    fs.copyFileSync(path.join(bundle, "manifest.json"), path.join(trained, "manifest.json"));
    const extra = content.videos.filter((v) => v.benchmarkId === "aigve-60k" && v.split === "train").slice(0, 3);
    const lines = fs.readFileSync(path.join(bundle, "predictions.jsonl"), "utf8") + extra.map((v) => `${JSON.stringify({ video: v.id, scores: { perception: 50, correspondence: 50 }, answer: "yes" })}\n`).join("");
    fs.writeFileSync(path.join(trained, "predictions.jsonl"), lines);
    const stdout = capture();
    const outcome = await submitBundle({ bundle: trained, dataDir: tempDataDir(["aigve-60k"]), store, datasetsDir: datasets, dryRun: true, stdout, stderr: capture() });
    expect(outcome.status).toBe("dry-run");
    expect(stdout.text()).toMatch(/v2t-instance\s+correspondence_srcc\s+0\.7938\s+\[[\d.]+, [\d.]+\]\s+1 of 49/);
    expect(stdout.text()).toContain("3 prediction(s) are of videos outside the test split");
  });

  it("must cover every video of the test split, and says so by split", async () => {
    const short = path.join(root, "short");
    fs.mkdirSync(short, { recursive: true });
    fs.copyFileSync(path.join(bundle, "manifest.json"), path.join(short, "manifest.json"));
    fs.writeFileSync(path.join(short, "predictions.jsonl"), fs.readFileSync(path.join(bundle, "predictions.jsonl"), "utf8").split("\n").slice(1).join("\n"));
    const stderr = capture();
    const outcome = await submitBundle({ bundle: short, dataDir: tempDataDir(["aigve-60k"]), store, datasetsDir: datasets, dryRun: true, stdout: capture(), stderr });
    expect(outcome.status).toBe("rejected");
    expect(stderr.text()).toMatch(/covers 239 of the 240 aigve-60k videos of the test split to predict/);
  });
});

describe("a release with unknown or inconsistent lines", () => {
  /** A copy of the release with one file edited, rebuilt by the CLI over an existing store. */
  function rebuildWith(name: string, edit: (dir: string) => void): { code: number | null; stderr: string; storeUnchanged: boolean } {
    const copy = path.join(root, name, "aigve-60k");
    fs.cpSync(release, copy, { recursive: true });
    edit(copy);
    const target = path.join(root, `${name}.sqlite`);
    fs.copyFileSync(store, target);
    const before = fileBytes(target);
    const run = spawnSync(process.execPath, ["scripts/rebuild.ts", "--data", dataDir, "--store", target, "--datasets", path.dirname(copy), "--resamples", "20"], { cwd: REPO, encoding: "utf8" });
    return { code: run.status, stderr: run.stderr, storeUnchanged: fileBytes(target) === before };
  }
  const editLine = (file: string, line: number, change: (value: Record<string, any>) => void) => {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const value = JSON.parse(lines[line - 1] as string);
    change(value);
    lines[line - 1] = JSON.stringify(value);
    fs.writeFileSync(file, lines.join("\n"));
  };

  it("stops on a video in one perspective file and not the other, a MOS outside 0–100 and an answer neither Yes nor No, naming file, line and field, without touching the store", () => {
    const run = rebuildWith("broken", (dir) => {
      const mos2 = path.join(dir, "video_train_mos2_test.jsonl");
      fs.writeFileSync(mos2, fs.readFileSync(mos2, "utf8").split("\n").slice(1).join("\n"));
      editLine(path.join(dir, "video_train_mos1_train.jsonl"), 3, (v) => (v.mos = 120));
      editLine(path.join(dir, "video_train_qa_test.jsonl"), 2, (v) => (v.conversations[1].value = "Maybe"));
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/video_train_mos1_test\.jsonl:1: field "video": Allegro\/10001 has no line in the annotation files of video_train_mos2\.json/);
    expect(run.stderr).toMatch(/video_train_mos1_train\.jsonl:3: field "mos": 120 is outside 0–100/);
    expect(run.stderr).toMatch(/video_train_qa_test\.jsonl:2: field "conversations\.1\.value": "Maybe" is neither Yes nor No/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.storeUnchanged).toBe(true);
  });

  it("reports a meta file that names an annotation file the release lacks", () => {
    const run = rebuildWith("missing", (dir) => fs.rmSync(path.join(dir, "video_train_qa_train.jsonl")));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/video_train_qa\.json: field "aigve60k\.annotation_train": names "data\/video_train_qa_train\.jsonl", which is not in the release/);
    expect(run.storeUnchanged).toBe(true);
  });
});

describe("without the release", () => {
  it("says where to get it", () => {
    const definition = readBenchmarkDefinitions(path.join(REPO, "data")).find((d) => d.benchmark.id === "aigve-60k");
    const location = locateDataset(definition!, path.join(root, "nowhere"));
    expect(location.dir).toBeNull();
    expect(location.message).toContain("https://huggingface.co/datasets/IntMeGroup/AIGVE-60K");
    expect(location.message).toContain("Building AIGVE-60K without them.");
  });
});
