import { describe, expect, it } from "vitest";
import { chooseAnchors, type AnchorCandidate } from "../../../../scripts/pipeline/choose-anchors.ts";

/** Two models with 10 videos each; model b's prompts overlap model a's. */
const candidates: AnchorCandidate[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `a/${i}`, model: "a", prompt: String(i), score: i })),
  ...Array.from({ length: 10 }, (_, i) => ({ id: `b/${i}`, model: "b", prompt: String(i), score: 10 - i })),
];

describe("chooseAnchors", () => {
  it("takes the same number from each model, one from each equal share of its videos ranked by score (by hand)", () => {
    // Model a, scores 0..9 in 2 shares: [0..4] median index 2, [5..9] median index 7.
    expect(chooseAnchors(candidates.filter((c) => c.model === "a"), 2)).toEqual(["a/2", "a/7"]);
  });

  it("uses no prompt twice, taking the nearest video of the share instead", () => {
    const chosen = chooseAnchors(candidates, 4);
    expect(chosen).toHaveLength(4);
    expect(chosen.filter((id) => id.startsWith("a/"))).toHaveLength(2);
    const prompts = chosen.map((id) => id.split("/")[1]);
    expect(new Set(prompts).size).toBe(4);
  });

  it("is deterministic whatever the order of the candidates", () => {
    expect(chooseAnchors([...candidates].reverse(), 6)).toEqual(chooseAnchors(candidates, 6));
  });
});
