/**
 * The one builder of board statistics and the ranking step, on a tiny benchmark made by hand: two T2V models, two
 * prompts (one in a dimension), one yes/no perspective, one V2T method. Every expected value is worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { spearman } from "../../../src/engine/index.ts";
import { BenchmarkSchema } from "../../../src/schemas/benchmark.ts";
import { addBenchmarkDefinition } from "../../../scripts/pipeline/benchmark-rows.ts";
import { boardUnits, columnStatistic } from "../../../scripts/scoring/column-statistic.ts";
import { statisticFrom } from "../../../scripts/scoring/statistic-recipe.ts";
import { correlationPoolInScope, scoringContext, v2tPoolInScope } from "../../../scripts/scoring/context.ts";
import { t2vEntryData, v2tEntryData } from "../../../scripts/scoring/entry-data.ts";
import { scoreAll } from "../../../scripts/scoring/score-benchmark.ts";
import { emptyContent, type StoreContent } from "../../../scripts/store/store-content.ts";

const SETTINGS = { resamples: 50, seed: 1, confidence: 0.95 };

function tiny(): StoreContent {
  const content = emptyContent();
  const benchmark = BenchmarkSchema.parse({
    id: "tiny",
    title: "Tiny",
    version: "1",
    summary: "A benchmark made by hand for tests.",
    paper: { title: "Tiny", authors: "Test", year: 2025, url: "https://example.org/tiny" },
    citation: "Tiny",
    license: null,
    homepage: null,
    dataUrl: null,
    labelsPublic: true,
    counts: { prompts: 2, dimensions: 1, videos: 4, t2vModels: 2, mos: 4, qaPairs: 4 },
    protocol: { name: "the tiny paper", source: "by hand", humanScore: "rater-mean", referenceVideos: "excluded", correlations: ["srcc", "krcc_c"], minModelsForModelLevel: 3 },
    anchoring: null,
    perspectives: [
      { id: "quality", label: "Quality", kind: "mos", description: "q", scale: null },
      { id: "qa", label: "QA", kind: "qa", description: "yes/no", scale: null },
    ],
    dimensions: [{ id: "hard", label: "Hard" }],
    boards: {
      t2v: [
        { perspective: "quality", metric: "mos", label: "Quality" },
        { perspective: "qa", metric: "accuracy", label: "QA" },
      ],
      "v2t-instance": [
        { perspective: "quality", metric: "srcc", label: "Quality SRCC" },
        { perspective: "qa", metric: "accuracy", label: "QA" },
      ],
      "v2t-model": [{ perspective: "quality", metric: "srcc", label: "Quality SRCC" }],
    },
  });
  addBenchmarkDefinition(content, benchmark, 0);
  content.prompts.push({ benchmarkId: "tiny", id: "p0", text: "easy" }, { benchmarkId: "tiny", id: "p1", text: "hard" });
  content.promptDimensions.push({ benchmarkId: "tiny", promptId: "p1", dimensionId: "hard" });
  // Quality: a/p0 2, a/p1 4, b/p0 3, b/p1 5. Humans answer yes for a/p0, b/p0 and b/p1.
  const videos = [
    ["a/p0", "a", "p0", 2, "yes"],
    ["a/p1", "a", "p1", 4, "no"],
    ["b/p0", "b", "p0", 3, "yes"],
    ["b/p1", "b", "p1", 5, "yes"],
  ] as const;
  for (const id of ["a", "b"]) {
    content.t2vEntries.push({ benchmarkId: "tiny", id, name: id.toUpperCase(), organization: null, access: "open", url: null, isReference: false, source: "ratings", evaluatorId: null, license: null, method: null, submissionId: null });
  }
  for (const [id, model, prompt, quality, answer] of videos) {
    content.videos.push({ benchmarkId: "tiny", id, promptId: prompt, t2vEntryId: model, isReference: false, labelled: true });
    content.groundTruth.push({ benchmarkId: "tiny", videoId: id, perspectiveId: "quality", mos: quality, rawMos: quality, sd: null, count: 1, answer: null });
    content.groundTruth.push({ benchmarkId: "tiny", videoId: id, perspectiveId: "qa", mos: null, rawMos: null, sd: null, count: null, answer });
  }
  // Method m: quality predictions in the humans' order except for a swap of the middle two; answers right but for b/p1.
  content.v2tEntries.push({ benchmarkId: "tiny", id: "m", name: "M", kind: "quality-metric", organization: null, url: null, size: null, license: null, method: null, submissionId: null });
  const predicted = { "a/p0": [1, "yes"], "a/p1": [3, "no"], "b/p0": [4, "yes"], "b/p1": [9, "no"] } as const;
  for (const [video, [score, answer]] of Object.entries(predicted)) {
    content.predictions.push({ benchmarkId: "tiny", v2tEntryId: "m", videoId: video, perspectiveId: "quality", score, answer: null });
    content.predictions.push({ benchmarkId: "tiny", v2tEntryId: "m", videoId: video, perspectiveId: "qa", score: null, answer });
  }
  return content;
}

describe("the board statistics builder", () => {
  const content = tiny();
  const context = scoringContext(content, "tiny", SETTINGS);
  const all = new Float64Array(8).fill(1);
  const value = (board: "t2v" | "v2t-instance" | "v2t-model", scope: string, entry: "a" | "b" | "m", column: number) => {
    const data = entry === "m" ? v2tEntryData(context, entry) : t2vEntryData(context, entry)?.data;
    const units = boardUnits(context, board, scope);
    const found = columnStatistic(context, board, scope, units, data as never, context.columns[board][column] as never);
    return found ? statisticFrom(found.recipe)?.(all, -1) : undefined;
  };

  it("resamples prompts for T2V figures (with the anchors' stratum after them) and at instance level, models at model level", () => {
    expect(boardUnits(context, "t2v", "overall").strata).toEqual([2, 0]);
    expect(boardUnits(context, "t2v", "hard").strata).toEqual([1, 0]);
    expect(boardUnits(context, "v2t-instance", "overall").strata).toEqual([2]);
    expect(boardUnits(context, "v2t-instance", "hard").strata).toEqual([1]);
    expect(boardUnits(context, "v2t-model", "overall").strata).toEqual([2]);
  });

  it("lists each scope's videos of the V2T pool once, in pool order, as filtering the pool by scope would", () => {
    const ids = (scope: string) => v2tPoolInScope(context, scope).map((v) => v.id);
    expect(ids("overall")).toEqual(["a/p0", "a/p1", "b/p0", "b/p1"]);
    expect(ids("hard")).toEqual(["a/p1", "b/p1"]);
    expect(ids("no-such-dimension")).toEqual([]);
    expect(correlationPoolInScope(context, "hard").map((v) => v.id)).toEqual(["a/p1", "b/p1"]);
    // Asked again, the same lists (made once per context).
    expect(v2tPoolInScope(context, "hard")).toBe(v2tPoolInScope(context, "hard"));
  });

  it("maps every video of a prompt to its prompt's unit at instance level, so a drawn prompt brings all its videos, equally weighted", () => {
    const units = boardUnits(context, "v2t-instance", "overall");
    expect([...units.unit]).toEqual([["a/p0", 0], ["a/p1", 1], ["b/p0", 0], ["b/p1", 1]]);
    const found = columnStatistic(context, "v2t-instance", "overall", units, v2tEntryData(context, "m") as never, context.columns["v2t-instance"][0] as never);
    const recipe = found?.recipe as { units: Uint32Array };
    // Videos in recipe order a/p0, a/p1, b/p0, b/p1: the two of p0 share unit 0, the two of p1 unit 1.
    expect([...recipe.units]).toEqual([0, 1, 0, 1]);
    // p0 drawn once, p1 twice: the correlation of the videos written out (humans 2, 3, 4, 4, 5, 5 against 1, 4, 3, 3, 9, 9).
    const statistic = statisticFrom(found?.recipe as never);
    expect(statistic?.(Float64Array.from([1, 2]), 0)).toBeCloseTo(spearman([2, 3, 4, 4, 5, 5], [1, 4, 3, 3, 9, 9]) as number, 14);
    // Only p1 drawn: only its videos (humans 4, 5 against 3, 9).
    expect(statistic?.(Float64Array.from([0, 3]), 1)).toBeCloseTo(1, 14);
  });

  it("makes a T2V model's mean and its share of yes answers in percent, overall and per dimension (by hand)", () => {
    expect(value("t2v", "overall", "a", 0)).toBe(3);
    expect(value("t2v", "hard", "b", 0)).toBe(5);
    expect(value("t2v", "overall", "a", 1)).toBe(50);
    expect(value("t2v", "overall", "b", 1)).toBe(100);
  });

  it("makes a V2T method's correlation over videos, its QA accuracy, and its correlation of per-model means (by hand)", () => {
    // Humans 2, 4, 3, 5 against 1, 3, 4, 9: ranks 1 3 2 4 against 1 2 3 4 → ρ = 1 − 6·2 / (4·15) = 0.8.
    expect(value("v2t-instance", "overall", "m", 0)).toBeCloseTo(0.8, 14);
    expect(value("v2t-instance", "overall", "m", 1)).toBe(75);
    // Model means: humans a 3, b 4; method a 2, b 6.5 → two points in one order: ρ = 1.
    expect(value("v2t-model", "overall", "m", 0)).toBeCloseTo(1, 14);
  });

  it("scores and ranks the whole board in one pass, writing complete rows", async () => {
    const scored = tiny();
    await scoreAll(scored, SETTINGS);
    const t2v = scored.rankings.filter((r) => r.board === "t2v" && r.dimension === "overall");
    // B leads both columns: rank 1 with rank sum 2; A rank 2 with rank sum 4.
    expect(t2v.map((r) => [r.entryId, r.rank, r.rankSum, r.position])).toEqual([["b", 1, 2, 1], ["a", 2, 4, 2]]);
    for (const row of t2v) {
      expect(row.rankBest).not.toBeNull();
      expect(row.rankWorst).not.toBeNull();
    }
    // Two T2V models are fewer than the protocol's 3: the model level is shown, unranked, with the reason.
    const model = scored.rankings.filter((r) => r.board === "v2t-model");
    expect(model.every((r) => r.rank === null && r.unrankedReason?.startsWith("Model-level correlations here rest on 2 T2V models"))).toBe(true);
    expect(scored.results.find((r) => r.entryId === "m" && r.level === "model" && r.metric === "srcc")?.value).toBeCloseTo(1, 14);
    // Every ranked column's resampled values are stored for the next submission's ranking; the unranked model-level
    // board's are not (nothing reads them), though its figures keep their intervals. The ranking step keeps the
    // entry's rank sum on every resample of the overall scope, which the compare view pairs.
    expect(scored.draws.filter((d) => d.entryId === "m").map((d) => `${d.board}/${d.dimension}/${d.columnKey}`).sort()).toEqual([
      "v2t-instance/hard/qa_accuracy",
      "v2t-instance/hard/quality_srcc",
      "v2t-instance/overall/qa_accuracy",
      "v2t-instance/overall/quality_srcc",
      "v2t-instance/overall/rank-sum",
    ]);
  });
});
