import { describe, expect, it } from "vitest";
import { entryPredictions, predictionsOf } from "../../../../scripts/scoring/evaluators.ts";
import { emptyContent } from "../../../../scripts/store/store-content.ts";

const row = (benchmarkId: string, v2tEntryId: string, videoId: string, perspectiveId: string, score: number | null) => ({ benchmarkId, v2tEntryId, videoId, perspectiveId, score, answer: null });

describe("entryPredictions", () => {
  it("gives one entry's rows of one benchmark in the content's order, and none for an entry without any", () => {
    const content = emptyContent();
    content.predictions.push(row("fetv", "a", "v1", "q", 1), row("fetv", "b", "v1", "q", 2), row("tvge", "a", "v1", "q", 3), row("fetv", "a", "v2", "q", 4));
    expect(entryPredictions(content, "fetv", "a").map((p) => p.score)).toEqual([1, 4]);
    expect(entryPredictions(content, "tvge", "a").map((p) => p.score)).toEqual([3]);
    expect(entryPredictions(content, "fetv", "c")).toEqual([]);
  });

  it("sees rows added after it was first asked (a submitted bundle's), and a replaced predictions array", () => {
    const content = emptyContent();
    content.predictions.push(row("fetv", "a", "v1", "q", 1));
    expect(entryPredictions(content, "fetv", "a")).toHaveLength(1);
    content.predictions.push(row("fetv", "a", "v2", "q", 2), row("fetv", "new", "v1", "q", 5));
    expect(entryPredictions(content, "fetv", "a").map((p) => p.score)).toEqual([1, 2]);
    expect(predictionsOf(content, "fetv", "new", "q")).toEqual(new Map([["v1", 5]]));
    content.predictions = [row("fetv", "a", "v3", "q", 9)];
    expect(entryPredictions(content, "fetv", "a").map((p) => p.score)).toEqual([9]);
  });
});
