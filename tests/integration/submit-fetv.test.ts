/**
 * Submissions on FETV's real data, as a user would make them: FETV's own raters' ratings of a model resubmitted
 * as a new entry ("M again") land where the model stands; ratings without anchors or from a panel that does not
 * agree with the benchmark are refused; the labelled pool stays the benchmark's own; automatic evaluators are
 * calibrated, checked model by model, and honest about their error.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { submitBundle, type SubmitOptions } from "../../scripts/submissions/submit-bundle.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import golden from "../fixtures/paper-tables.json" with { type: "json" };
import { capture, tempDataDir, tempDir, v2tManifest, writeBundleDir, writeBundleZip, type BundleContents } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { againBundle, autoBundle, FETV_MODELS, FETV_PERSPECTIVES, fetvContent, metricScoresOf, randomRatingsBundle, t2vManifest } from "../support/fetv-bundles.ts";

const RESAMPLES = 200;

/** A store of FETV (and TVGE) built from a copy of data/, with the protocol edited when asked. */
async function makeStore(root: string, name: string, edit?: (benchmark: Record<string, any>) => void): Promise<{ dataDir: string; store: string }> {
  const dataDir = tempDataDir(["fetv", "tvge"]);
  if (edit) {
    const file = path.join(dataDir, "benchmarks", "fetv", "benchmark.json");
    const definition = JSON.parse(fs.readFileSync(file, "utf8"));
    edit(definition);
    fs.writeFileSync(file, JSON.stringify(definition));
  }
  const store = path.join(root, `${name}.sqlite`);
  writeStore(await buildContent({ dataDir, resamples: RESAMPLES }), store);
  return { dataDir, store };
}

describeWithDatasets("fetv", "submitting on FETV's real data", () => {
  let root: string;
  let plain: { dataDir: string; store: string };
  let bt500: { dataDir: string; store: string };
  let fetv: StoreContent;
  let n = 0;
  const bundle = (files: BundleContents) => writeBundleDir(path.join(root, "bundles", String((n += 1))), files);

  async function submit(where: { dataDir: string; store: string }, files: BundleContents, extra: Partial<SubmitOptions> = {}) {
    const stdout = capture();
    const stderr = capture();
    const outcome = await submitBundle({ bundle: bundle(files), ...where, stdout, stderr, dryRun: true, ...extra });
    return { ...outcome, out: stdout.text(), err: stderr.text() };
  }

  /** The T2V board figure of an entry, as the dry run prints it ("value  [low, high]") or as stored. */
  function figure(content: StoreContent, entry: string, perspective: string) {
    return content.results.find((r) => r.benchmarkId === "fetv" && r.entryId === entry && r.direction === "t2v" && r.dimension === "overall" && r.perspectiveId === perspective);
  }

  /** A dry run's figures, read back from its report table. */
  function printed(out: string, perspective: string): { value: number; low: number | null; high: number | null } {
    const match = new RegExp(`^t2v\\s+${perspective}_mos\\s+(\\S+)\\s+(?:\\[(\\S+), (\\S+)\\]|—)`, "m").exec(out);
    if (!match) throw new Error(`no ${perspective} line in:\n${out}`);
    return { value: Number(match[1]), low: match[2] ? Number(match[2]) : null, high: match[3] ? Number(match[3]) : null };
  }

  beforeAll(async () => {
    root = tempDir("submit-fetv");
    plain = await makeStore(root, "plain");
    // BT.500 z-scores are rescaled to 0–100, so the perspectives' declared range follows (a figure outside it is refused).
    bt500 = await makeStore(root, "bt500", (b) => {
      b.protocol.humanScore = "bt500-zscore";
      for (const p of b.perspectives) if (p.range) p.range = { min: 0, max: 100 };
    });
    fetv = fetvContent();
  }, 300_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('"M again": a model\'s own ratings resubmitted land where the model stands', () => {
    it.each(FETV_MODELS)("%s again, under FETV's protocol (plain means): the same figure on every perspective", async (model) => {
      const result = await submit(plain, againBundle(fetv, model, `${model} again`));
      expect(result.status, result.err).toBe("dry-run");
      const stored = readStore(plain.store);
      for (const perspective of FETV_PERSPECTIVES) {
        const own = figure(stored, model, perspective);
        const again = printed(result.out, perspective);
        // Same raters, same ratings: the anchors' line is the identity, the figure the model's own (printed to 2 decimals).
        expect(again.value, perspective).toBeCloseTo(own?.value as number, 2);
        expect(again.value).toBeGreaterThanOrEqual(own?.ciLow as number);
        expect(again.value).toBeLessThanOrEqual(own?.ciHigh as number);
      }
      expect(result.out).toMatch(/agree with the benchmark at Pearson r = 1\.000, and the line benchmark = 0\.000 \+ 1\.000 × panel/);
    });

    it.each(FETV_MODELS)("%s again, under a BT.500 z-score protocol: within the model's 95% interval on every perspective", async (model) => {
      const result = await submit(bt500, againBundle(fetv, model, `${model} again`));
      expect(result.status, result.err).toBe("dry-run");
      const stored = readStore(bt500.store);
      for (const perspective of FETV_PERSPECTIVES) {
        const own = figure(stored, model, perspective);
        const again = printed(result.out, perspective).value;
        expect(again, `${model} ${perspective}: ${again} against [${own?.ciLow}, ${own?.ciHigh}]`).toBeGreaterThanOrEqual(own?.ciLow as number);
        expect(again).toBeLessThanOrEqual(own?.ciHigh as number);
      }
    });

    it("puts a panel that rates every new video 5 above every ranked entry, and one that rates them 1 below, on every perspective", async () => {
      for (const where of [plain, bt500]) {
        const stored = readStore(where.store);
        const ranked = (perspective: string) => stored.results.filter((r) => r.benchmarkId === "fetv" && r.direction === "t2v" && r.dimension === "overall" && r.perspectiveId === perspective && r.entryId !== "reference").map((r) => r.value);
        const top = await submit(where, againBundle(fetv, "cogvideo", "all fives", 5));
        const bottom = await submit(where, againBundle(fetv, "cogvideo", "all ones", 1));
        for (const perspective of FETV_PERSPECTIVES) {
          expect(printed(top.out, perspective).value).toBeGreaterThan(Math.max(...ranked(perspective)));
          expect(printed(bottom.out, perspective).value).toBeLessThan(Math.min(...ranked(perspective)));
        }
        expect(top.out).toMatch(/^t2v\s+overall\s+1 of 5/m);
      }
    }, 180_000);

    it("shows no zero-width interval: ratings that do not vary still carry the model-specific rater component", async () => {
      // Every resample of the prompts gives 5, but another panel of three raters would not: FETV's raters' leniency toward
      // one model strays by an SD of about 0.1 on alignment, which the interval adds.
      const top = await submit(plain, againBundle(fetv, "cogvideo", "all fives", 5));
      const alignment = printed(top.out, "alignment");
      expect(alignment.value).toBe(5);
      expect(alignment.low as number).toBeLessThan(5);
      expect(alignment.high as number).toBeGreaterThan(alignment.low as number);
    });
  });

  describe("ratings that cannot be put on the benchmark's scale are refused", () => {
    it.each([
      [4, 5],
      [1, 2],
      [1, 5],
    ])("refuses random ratings %i–%i without anchors, saying what to add and why", async (low, high) => {
      const result = await submit(plain, randomRatingsBundle(low, high, false, low * 10 + high));
      expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(result.err).toMatch(/every rater must also rate at least 40 of fetv's 60 anchor videos, mixed in with your model's videos/);
      expect(result.err).toMatch(/they tie your raters' scale to the benchmark's/);
      expect(result.err).toMatch(/\/downloads\/fetv\/anchors\.csv/);
      expect(result.err).toMatch(/rater "r1" rated 0 of the 60 anchor videos for static_quality; at least 40 are needed/);
    });

    it("refuses a random panel that rated the anchors too: its anchor scores do not agree with the benchmark's", async () => {
      const result = await submit(plain, randomRatingsBundle(1, 5, true, 15));
      expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(result.err).toMatch(/ratings\.csv: field "alignment": your raters' alignment scores of the 60 anchors do not agree with the benchmark's \(Pearson r = -?0\.\d{3}; at least 0\.5 is needed\)/);
    });
  });

  describe("the labelled pool is the benchmark's own", () => {
    it("keeps a stored T2V entry's videos out of the pool, so the site's example V2T bundle still passes unchanged", async () => {
      const accepted = await submit(plain, againBundle(fetv, "zeroscope", "zeroscope again"), { dryRun: false });
      expect(accepted.status, accepted.err).toBe("stored");
      const stored = readStore(plain.store);
      const videos = stored.videos.filter((v) => v.benchmarkId === "fetv");
      expect(videos.filter((v) => v.labelled)).toHaveLength(3017);
      expect(videos.filter((v) => v.t2vEntryId === "zeroscope-again").every((v) => !v.labelled)).toBe(true);
      // The guide's example bundle, built from this store exactly as the site builds it.
      process.env.AIGVE_STORE = plain.store;
      const { exampleBundle, exampleBundleZip } = await import("../../src/lib/example-bundle.ts");
      expect(exampleBundle().benchmarkId).toBe("fetv");
      const zip = path.join(root, "example-v2t-bundle.zip");
      fs.writeFileSync(zip, exampleBundleZip());
      const stdout = capture();
      const stderr = capture();
      const outcome = await submitBundle({ bundle: zip, ...plain, dryRun: true, stdout, stderr });
      expect(outcome.status, stderr.text()).toBe("dry-run");
      expect(stdout.text()).toMatch(/3,017 line\(s\) of predictions/);
    });
  });

  describe("automatic evaluators", () => {
    const evaluators = golden.fetv.evaluators as Record<string, Record<string, { intercept: number; slope: number; low: number; high: number; rmse: number; heldOut: Record<string, { observed: number; predicted: number }> }>>;
    const ids: Record<string, string> = { CLIPScore: "clipscore", "CLIPScore-ft": "clipscore-ft", BLIPScore: "blipscore", "Otter-VQA": "otter-vqa", UMTScore: "umtscore" };

    it("calibrate each metric on the labelled generated videos and check it model by model, as NumPy does", () => {
      const stored = readStore(plain.store);
      for (const [metric, perspectives] of Object.entries(evaluators)) {
        for (const [perspective, expected] of Object.entries(perspectives)) {
          const calibration = stored.calibrations.find((c) => c.benchmarkId === "fetv" && c.evaluatorId === ids[metric] && c.perspectiveId === perspective);
          expect(calibration?.slope, `${metric} ${perspective}`).toBeCloseTo(expected.slope, 9);
          expect(calibration?.intercept).toBeCloseTo(expected.intercept, 9);
          expect([calibration?.rangeLow, calibration?.rangeHigh]).toEqual([expected.low, expected.high]);
          expect(calibration?.heldOutRmse).toBeCloseTo(expected.rmse, 9);
          for (const [model, held] of Object.entries(expected.heldOut)) {
            const check = stored.calibrationChecks.find((c) => c.benchmarkId === "fetv" && c.evaluatorId === ids[metric] && c.perspectiveId === perspective && c.t2vEntryId === model);
            expect(check?.observed).toBeCloseTo(held.observed, 12);
            expect(check?.predicted, `${metric} ${perspective} without ${model}`).toBeCloseTo(held.predicted, 9);
          }
        }
      }
    });

    it("keep a model scored by an evaluator apart from the human-rated ones: its raw mean, unranked, beside the evaluator's means of FETV's models", { timeout: 300_000 }, async () => {
      const scores = metricScoresOf("UMTScore", "zeroscope");
      const files = autoBundle("zeroscope by umtscore", "umtscore", (p) => scores.get(p) as number);
      const result = await submit(plain, files);
      expect(result.status, result.err).toBe("dry-run");
      const mean = [...scores.values()].reduce((a, b) => a + b, 0) / scores.size;
      // The raw mean on UMTScore's own scale (the same as ZeroScope's, whose videos these scores are), never a calibrated figure.
      const raw = new RegExp(`^t2v\\s+alignment_evaluator_mean\\s+(\\S+)\\s+\\[(\\S+), (\\S+)\\]\\s+\\(unranked\\)$`, "m").exec(result.out);
      expect(raw, result.out).not.toBeNull();
      expect(Number(raw?.[1])).toBeCloseTo(mean, 4);
      expect(Number(raw?.[2])).toBeLessThan(mean);
      expect(Number(raw?.[3])).toBeGreaterThan(mean);
      expect(result.out).not.toMatch(/^t2v\s+alignment_mos\s+\d/m);
      expect(result.out).toMatch(/alignment: umtscore's raw mean \d\.\d{4}, beside its means of the benchmark's models: .*ZeroScope \d\.\d{4}/);
      expect(result.out).toMatch(/t2v: Scored automatically by umtscore, whose calibration to the human scale can be checked on only 4 T2V models \(the protocol validates model-level figures from 10\)/);

      // Stored, it is listed after the ranked models with its reason and no rank, and leaves their ranks as they were.
      const twin = await makeStore(root, "auto-apart");
      const before = readStore(twin.store);
      const stored = await submit(twin, files, { dryRun: false });
      expect(stored.status, stored.err).toBe("stored");
      const after = readStore(twin.store);
      const ranking = after.rankings.find((r) => r.benchmarkId === "fetv" && r.board === "t2v" && r.dimension === "overall" && r.entryId === "zeroscope-by-umtscore");
      expect(ranking).toMatchObject({ rank: null, rankBest: null });
      expect(ranking?.unrankedReason).toMatch(/^Scored automatically by umtscore/);
      const own = after.results.filter((r) => r.benchmarkId === "fetv" && r.entryId === "zeroscope-by-umtscore");
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((r) => r.metric === "evaluator_mean" && r.provenance === "auto")).toBe(true);
      expect(after.draws.filter((d) => d.entryId === "zeroscope-by-umtscore")).toEqual([]);
      const ranks = (c: StoreContent) => c.rankings.filter((r) => r.benchmarkId === "fetv" && r.board === "t2v" && FETV_MODELS.includes(r.entryId as (typeof FETV_MODELS)[number])).map((r) => [r.dimension, r.entryId, r.rank, r.rankBest, r.rankWorst]);
      expect(ranks(after)).toEqual(ranks(before));
      // The pool models' raw means by the evaluator are stored beside their checks, for the unranked table.
      const zeroscope = after.calibrationChecks.find((c) => c.benchmarkId === "fetv" && c.evaluatorId === "umtscore" && c.perspectiveId === "alignment" && c.t2vEntryId === "zeroscope");
      expect(zeroscope?.evaluatorMean).toBeCloseTo(mean, 12);
    });

    it("refuse a perspective whose calibration has the wrong sign or no skill, naming the evaluator and its calibration table", async () => {
      const scores = metricScoresOf("CLIPScore-ft", "zeroscope");
      const result = await submit(plain, autoBundle("zeroscope by clipscore-ft", "clipscore-ft", (p) => scores.get(p) as number));
      expect(result.status, result.err).toBe("dry-run");
      expect(result.out).toMatch(/^t2v\s+temporal_quality_mos\s+—\s+—\s+\(refused\)$/m);
      expect(result.out).toMatch(
        /temporal_quality: refused: clipscore-ft cannot score temporal_quality: its per-video line falls as the humans' scores rise \(slope -\d\.\d{3}\); and fitted without each model in turn, .* no better than the other models' human mean does .*see the skill check in its calibration table, \/fetv\/v2t\/clipscore-ft\//,
      );
      const stored = readStore(plain.store);
      const refused = stored.calibrations.filter((c) => c.benchmarkId === "fetv" && c.refusal !== null).map((c) => `${c.evaluatorId} ${c.perspectiveId}`);
      // The issue's count: 6 of FETV's 15 pairs predict a left-out model no better than the other models' mean.
      expect(refused.sort()).toEqual(["blipscore temporal_quality", "clipscore static_quality", "clipscore temporal_quality", "clipscore-ft temporal_quality", "otter-vqa temporal_quality", "umtscore temporal_quality"]);
    });

    it("refuse a bundle whose evaluator may score no perspective, naming it", async () => {
      const stored = readStore(plain.store);
      const prompts = stored.prompts.filter((p) => p.benchmarkId === "tvge").map((p) => p.id);
      // Scores inside the range the evaluator gave TVGE's videos, so that only its calibration can refuse them.
      const middle = (perspective: string) => {
        const c = stored.calibrations.find((k) => k.benchmarkId === "tvge" && k.evaluatorId === "x-clip-score" && k.perspectiveId === perspective);
        return ((c?.rangeLow as number) + (c?.rangeHigh as number)) / 2;
      };
      const manifest = JSON.parse(t2vManifest("tvge by x-clip", { evaluator: "x-clip-score" }));
      const line = JSON.stringify({ alignment: middle("alignment"), quality: middle("quality") });
      const files = { "manifest.json": JSON.stringify({ ...manifest, benchmark: "tvge" }), "scores.jsonl": prompts.map((p) => `{"video":${JSON.stringify(p)},"scores":${line}}\n`).join("") };
      const result = await submit(plain, files);
      expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(result.err).toMatch(/manifest\.json: field "evaluator": x-clip-score cannot score .*see the skill check in x-clip-score's calibration table, \/tvge\/v2t\/x-clip-score\//);
      expect(result.err).toMatch(/x-clip-score cannot score alignment: /);
      expect(result.err).toMatch(/x-clip-score cannot score quality: /);
    });

    it("flag scores just outside the evaluator's range and refuse scores far outside it, by line", async () => {
      const umt = evaluators.UMTScore?.alignment as { low: number; high: number };
      const width = umt.high - umt.low;
      const slightly = await submit(plain, autoBundle("slightly out", "umtscore", (p) => (p === 3 ? umt.high + 0.05 * width : 1)));
      expect(slightly.status, slightly.err).toBe("dry-run");
      expect(slightly.out).toMatch(/1 alignment score\(s\) lie outside the range umtscore gave the labelled videos/);
      const far = await submit(plain, autoBundle("far out", "umtscore", (p) => (p === 7 ? umt.high + width : 1)));
      expect(far).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(far.err).toMatch(/scores\.jsonl:8: field "scores\.alignment": \S+ lies far outside the range umtscore gave the labelled videos/);
    });
  });

  it("prints on a dry run the very table (figures, intervals, ranks) the submission then stores, in both directions", { timeout: 300_000 }, async () => {
    const twin = await makeStore(root, "twin");
    const labelled = fetv.videos.filter((v) => v.benchmarkId === "fetv" && v.labelled).map((v) => v.id).sort();
    const v2t: BundleContents = {
      "manifest.json": JSON.stringify(v2tManifest("fetv", "Twin Judge")),
      "predictions.jsonl": labelled.map((video, i) => `${JSON.stringify({ video, scores: { static_quality: (i * 37) % 101, temporal_quality: (i * 53) % 103, alignment: (i * 71) % 107 } })}\n`).join(""),
    };
    const table = (out: string) => /^board\s+perspective_metric[\s\S]*?(?=\n\n|\n?$)/m.exec(out)?.[0];
    for (const files of [v2t, againBundle(fetv, "zeroscope", "twin again")]) {
      const dry = await submit(twin, files);
      expect(dry.status, dry.err).toBe("dry-run");
      const stored = await submit(twin, files, { dryRun: false });
      expect(stored.status, stored.err).toBe("stored");
      expect(table(dry.out)).toBeDefined();
      expect(table(dry.out)).toEqual(table(stored.out));
    }
    expect(readStore(twin.store).rankings.filter((r) => r.benchmarkId === "fetv" && r.entryId === "twin-judge" && r.board === "v2t-instance" && r.dimension === "overall")[0]?.rankBest).not.toBeNull();
  });

  it("checks the CRC-32 of a zipped bundle's entries before scoring it", async () => {
    const files = againBundle(fetv, "cogvideo", "zipped again");
    const zip = writeBundleZip(path.join(root, "again.zip"), files, { "ratings.csv": { level: 0 } });
    const bytes = fs.readFileSync(zip);
    const at = bytes.indexOf(Buffer.from("0,static_quality,human0,"));
    bytes[at + 24] = bytes[at + 24] === 0x35 ? 0x34 : 0x35;
    fs.writeFileSync(zip, bytes);
    const stdout = capture();
    const stderr = capture();
    const outcome = await submitBundle({ bundle: zip, ...plain, dryRun: true, stdout, stderr });
    expect(outcome.status).toBe("rejected");
    expect(stderr.text()).toMatch(/again\.zip\/ratings\.csv: is damaged: its bytes have CRC-32/);
  });
});
