import { describe, expect, it } from "vitest";
import { coincidences, ownExactRate } from "../../../../scripts/scoring/rater-coincidence.ts";
import type { ScoringContext } from "../../../../scripts/scoring/context.ts";

/** A benchmark of 40 anchors (model a, prompts 100–139) and model b's videos of prompts 0–39, rated by two raters who agree on every other video. */
function fixture() {
  const anchors = Array.from({ length: 40 }, (_, i) => `a/${100 + i}`);
  const videos = Array.from({ length: 40 }, (_, i) => `b/${i}`);
  const own = new Map<string, Map<string, number>>();
  [...anchors, ...videos].forEach((video, i) => own.set(video, new Map([["h0", (i % 5) + 1], ["h1", i % 2 === 0 ? (i % 5) + 1 : ((i + 1) % 5) + 1]])));
  const pool = [...anchors, ...videos].map((id) => ({ id, promptId: id.split("/")[1] as string, t2vEntryId: id.split("/")[0] as string }));
  const context = { anchors, videos: new Map(pool.map((v) => [v.id, v])), pool } as unknown as ScoringContext;
  const videosOfPrompt = new Map<string, { id: string; model: string }[]>();
  for (const v of pool) videosOfPrompt.set(v.promptId, [...(videosOfPrompt.get(v.promptId) ?? []), { id: v.id, model: v.t2vEntryId }]);
  return { anchors, videos, own, context, videosOfPrompt };
}

describe("rater coincidence", () => {
  it("takes the benchmark's highest rate of identical ratings between two of its raters (by hand: every other video)", () => {
    expect(ownExactRate(fixture().own)).toBe(0.5);
    expect(ownExactRate(new Map([["v", new Map([["only", 3]])]]))).toBeNull();
  });

  it("finds a rater who pasted one benchmark rater's ratings, on the anchors and on a model's videos of the same prompts", () => {
    const { anchors, videos, own, context, videosOfPrompt } = fixture();
    const pasted = new Map<string, number>();
    for (const a of anchors) pasted.set(a, own.get(a)?.get("h0") as number);
    // New videos are named by prompt, as a submission names them; their ratings are h0's of model b.
    for (const v of videos) pasted.set(v.split("/")[1] as string, own.get(v)?.get("h0") as number);
    const found = coincidences(context, pasted, own, videosOfPrompt, 0.5);
    expect(found.anchors).toMatchObject({ benchmarkRater: "h0", equal: 40, both: 40, what: "anchors" });
    // 40 of 40 at a rate of at least one half: at most 0.5^40.
    expect(found.anchors?.tail).toBeLessThanOrEqual(0.5 ** 40);
    expect(found.videos).toMatchObject({ benchmarkRater: "h0", equal: 40, both: 40, what: "b's videos of the same prompts" });
  });

  it("sees nothing telling in ratings that agree as often as the benchmark's own raters do", () => {
    const { anchors, own, context, videosOfPrompt } = fixture();
    // Equal to h0 on every other anchor, and two steps away (so never equal to h1 either) on the rest.
    const independent = new Map(anchors.map((a, i) => [a, i % 2 === 0 ? (own.get(a)?.get("h0") as number) : (((own.get(a)?.get("h0") as number) + 1) % 5) + 1]));
    const found = coincidences(context, independent, own, videosOfPrompt, 0.5);
    expect(found.anchors?.tail).toBeGreaterThan(1e-4);
  });
});
