import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ManifestSchema } from "../../../src/schemas/submission/manifest.ts";
import { PredictionLineSchema } from "../../../src/schemas/submission/predictions.ts";
import { PUBLISHED_SCHEMAS } from "../../../src/schemas/published-schemas.ts";
import { RatingRowSchema } from "../../../src/schemas/submission/ratings.ts";
import { ScoreLineSchema } from "../../../src/schemas/submission/scores.ts";

const v2t = {
  schemaVersion: 1,
  benchmark: "tvge",
  direction: "v2t",
  entry: { name: "My Metric", organization: "Lab", kind: "quality-metric", url: "https://example.org", license: "MIT", contact: "a@example.org" },
  method: "Ran it.",
  sampledBy: "Lab",
  evaluatedBy: "Lab",
  codeUrl: "https://example.org/code",
  weightsUrl: null,
  date: "2025-02-01",
  trainingData: [],
};
const card = {
  model: "My Model 1.0 (checkpoint my-model-1.0)",
  resolution: "1280x720",
  frames: 49,
  frameRate: 8,
  duration: 6,
  sampler: "DPM-Solver++",
  steps: 50,
  guidance: 6,
  seeds: "42 for every prompt",
  promptRewriting: "none",
  negativePrompt: "none",
  samples: "submitter",
};
const { trainingData: _trainingData, ...common } = v2t;
const t2v = {
  ...common,
  direction: "t2v",
  entry: { name: "My Model", organization: "Lab", access: "open", url: "https://example.org", license: "MIT", contact: "a@example.org" },
  generationCard: card,
};

function paths(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((i) => i.path.join(".")) ?? [];
}

describe("ManifestSchema", () => {
  it("accepts a V2T manifest with a kind and a T2V manifest with access and an optional evaluator", () => {
    expect(ManifestSchema.safeParse(v2t).success).toBe(true);
    expect(ManifestSchema.safeParse(t2v).success).toBe(true);
    expect(ManifestSchema.safeParse({ ...t2v, evaluator: "clip-score" }).success).toBe(true);
  });

  it("requires the fields of the manifest's direction and refuses the other direction's", () => {
    expect(paths(ManifestSchema.safeParse({ ...v2t, entry: { ...v2t.entry, kind: undefined } }))).toEqual(["entry.kind"]);
    expect(paths(ManifestSchema.safeParse({ ...v2t, entry: { ...v2t.entry, access: "open" } }))).toEqual(["entry"]);
    expect(paths(ManifestSchema.safeParse({ ...v2t, evaluator: "x" }))).toEqual([""]);
    expect(ManifestSchema.safeParse({ ...v2t, direction: "both" }).success).toBe(false);
  });

  it("accepts only web links, so a javascript: URL never becomes a link on the site", () => {
    expect(paths(ManifestSchema.safeParse({ ...v2t, entry: { ...v2t.entry, url: "javascript:alert(1)" } }))).toEqual(["entry.url"]);
    expect(paths(ManifestSchema.safeParse({ ...v2t, entry: { ...v2t.entry, contact: "not an address" } }))).toEqual(["entry.contact"]);
  });

  it("bounds every text: names at 100 characters, the method at 4,000", () => {
    expect(paths(ManifestSchema.safeParse({ ...v2t, entry: { ...v2t.entry, name: "n".repeat(101) } }))).toEqual(["entry.name"]);
    expect(ManifestSchema.safeParse({ ...v2t, method: "m".repeat(4000) }).success).toBe(true);
    expect(paths(ManifestSchema.safeParse({ ...v2t, method: "m".repeat(4001) }))).toEqual(["method"]);
    expect(paths(ManifestSchema.safeParse({ ...v2t, entry: { ...v2t.entry, name: "!!!" } }))).toEqual(["entry.name"]);
  });

  it("refuses a manifest missing a provenance field, naming the field", () => {
    for (const field of ["sampledBy", "evaluatedBy", "codeUrl", "weightsUrl", "date"] as const) {
      const { [field]: _dropped, ...rest } = v2t;
      expect(paths(ManifestSchema.safeParse(rest))).toEqual([field]);
    }
    expect(paths(ManifestSchema.safeParse({ ...v2t, date: "31/01/2025" }))).toEqual(["date"]);
    expect(paths(ManifestSchema.safeParse({ ...v2t, codeUrl: "javascript:alert(1)" }))).toEqual(["codeUrl"]);
    expect(ManifestSchema.safeParse({ ...v2t, codeUrl: null, weightsUrl: "https://example.org/weights" }).success).toBe(true);
  });

  it("requires a V2T method's training data, an empty list included, and refuses it on a T2V manifest", () => {
    const { trainingData: _dropped, ...without } = v2t;
    expect(paths(ManifestSchema.safeParse(without))).toEqual(["trainingData"]);
    expect(ManifestSchema.safeParse({ ...v2t, trainingData: [{ dataset: "AIGVE-60K", split: "train" }] }).success).toBe(true);
    expect(paths(ManifestSchema.safeParse({ ...v2t, trainingData: [{ split: "train" }] }))).toEqual(["trainingData.0.dataset"]);
    expect(paths(ManifestSchema.safeParse({ ...t2v, trainingData: [] }))).toEqual([""]);
  });

  it("requires a T2V entry's generation card, and every field of it, naming the missing one", () => {
    const { generationCard: _dropped, ...without } = t2v;
    expect(paths(ManifestSchema.safeParse(without))).toEqual(["generationCard"]);
    for (const field of Object.keys(card) as (keyof typeof card)[]) {
      const { [field]: _gone, ...partial } = card;
      expect(paths(ManifestSchema.safeParse({ ...t2v, generationCard: partial }))).toEqual([`generationCard.${field}`]);
    }
    expect(paths(ManifestSchema.safeParse({ ...t2v, generationCard: { ...card, samples: "someone" } }))).toEqual(["generationCard.samples"]);
  });

  it("accepts only schema version 1", () => {
    expect(paths(ManifestSchema.safeParse({ ...v2t, schemaVersion: 2 }))).toEqual(["schemaVersion"]);
  });
});

describe("line and row schemas", () => {
  it("takes a prediction line with scores and an optional answer, and rejects strings, huge values and extra keys", () => {
    expect(PredictionLineSchema.safeParse({ video: "gen2/1", scores: { quality: 0.5 }, answer: "yes" }).success).toBe(true);
    expect(paths(PredictionLineSchema.safeParse({ video: "gen2/1", scores: { quality: "0.5" } }))).toEqual(["scores.quality"]);
    expect(paths(PredictionLineSchema.safeParse({ video: "gen2/1", scores: { quality: 1e300 } }))).toEqual(["scores.quality"]);
    expect(paths(PredictionLineSchema.safeParse({ video: "gen2/1", scores: {}, extra: 1 }))).toEqual([""]);
    expect(paths(PredictionLineSchema.safeParse({ video: "gen2/1", scores: { Quality: 1 } }))).toEqual(["scores.Quality"]);
  });

  it("takes a rating row only with an integer score from 1 to 5", () => {
    const row = { video: "12", perspective: "quality", rater: "r1", score: "4" };
    expect(RatingRowSchema.parse(row).score).toBe(4);
    for (const score of ["0", "6", "2.5", "", "four"]) expect(paths(RatingRowSchema.safeParse({ ...row, score }))).toEqual(["score"]);
  });

  it("takes a prompt id or an anchor video id as a rating row's video", () => {
    const row = { video: "12", perspective: "quality", rater: "r1", score: "4" };
    expect(RatingRowSchema.safeParse({ ...row, video: "cogvideo/17" }).success).toBe(true);
    expect(paths(RatingRowSchema.safeParse({ ...row, video: "../x" }))).toEqual(["video"]);
  });

  it("takes only pseudonymous rater ids: no formulas, spaces or long names", () => {
    const row = { video: "12", perspective: "quality", rater: "r1", score: "4" };
    for (const rater of ["r1", "ann.b", "A_1-x", "9"]) expect(RatingRowSchema.safeParse({ ...row, rater }).success).toBe(true);
    for (const rater of ['=HYPERLINK("http://x","y")', "+1", "-r", "@x", "ann b", "", "x".repeat(65)]) {
      expect(paths(RatingRowSchema.safeParse({ ...row, rater })), rater).toEqual(["rater"]);
    }
  });

  it("takes a scores line keyed by prompt id", () => {
    expect(ScoreLineSchema.safeParse({ video: "0", scores: { quality: 3 } }).success).toBe(true);
    expect(ScoreLineSchema.safeParse({ video: "0", scores: { quality: null } }).success).toBe(false);
  });
});

describe("published JSON Schemas", () => {
  it("exports every submission schema as a JSON Schema with its bounds", () => {
    const byName = Object.fromEntries(PUBLISHED_SCHEMAS.map((s) => [s.name, z.toJSONSchema(s.schema, { io: "input" }) as Record<string, unknown>]));
    expect(Object.keys(byName).filter((name) => !name.startsWith("package-"))).toEqual(["submission-manifest", "prediction-line", "rating-row", "score-line"]);
    expect((byName["submission-manifest"]?.oneOf as unknown[]).length).toBe(2);
    expect(JSON.stringify(byName["submission-manifest"])).toContain('"maxLength":4000');
    expect(byName["prediction-line"]).toMatchObject({ type: "object", required: ["video", "scores"], additionalProperties: false });
    expect(byName["rating-row"]).toMatchObject({ properties: { score: { pattern: "^[1-5]$" } } });
  });

  it("exports every benchmark package file's schema, ground truth as raw ratings or a finished MOS", () => {
    const byName = Object.fromEntries(PUBLISHED_SCHEMAS.filter((s) => s.group === "package").map((s) => [s.name, z.toJSONSchema(s.schema, { io: "input" }) as Record<string, unknown>]));
    expect(Object.keys(byName)).toEqual(["package-format", "package-model", "package-prompt", "package-dimension", "package-video", "package-ground-truth", "package-question", "package-metric", "package-metric-score"]);
    expect(byName["package-format"]).toMatchObject({ properties: { format: { const: "aigve-leaderboard-package" }, version: { const: 1 } } });
    const truth = byName["package-ground-truth"]?.anyOf as { required: string[] }[];
    expect(truth.map((t) => t.required)).toEqual([["video", "perspective", "ratings"], ["video", "perspective", "mos"]]);
    expect(byName["package-question"]).toMatchObject({ properties: { answer: { enum: ["yes", "no"] } } });
  });
});
