import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addRecordedCards, addSubmittedCard } from "../../../../scripts/pipeline/generation-card-rows.ts";
import { emptyContent } from "../../../../scripts/store/store-content.ts";
import { TEST_GENERATION_CARD, tempDir } from "../../../support/bundles.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A benchmark folder holding only a generation-cards.json of these models. */
function folder(models: unknown[]): string {
  const dir = tempDir("cards");
  made.push(dir);
  fs.writeFileSync(path.join(dir, "generation-cards.json"), JSON.stringify({ models }));
  return dir;
}

const entry = (id: string, name: string) => ({ benchmarkId: "fetv", id, name, isReference: false, source: "ratings" as const });

describe("addRecordedCards", () => {
  it("gives a benchmark's model the card recorded under its name, with the source, and none to an unrecorded model", () => {
    const content = emptyContent();
    content.t2vEntries.push(entry("zeroscope", "ZeroScope"), entry("cogvideo", "CogVideo"));
    addRecordedCards(content, "fetv", folder([{ model: "ZeroScope", card: TEST_GENERATION_CARD, source: "https://github.com/llyx97/FETV-EVAL" }]));
    expect(content.generationCards).toEqual([
      { benchmarkId: "fetv", entryId: "zeroscope", cardJson: JSON.stringify(TEST_GENERATION_CARD), source: "https://github.com/llyx97/FETV-EVAL", note: null },
    ]);
  });

  it("keeps a submitted entry's own card", () => {
    const content = emptyContent();
    content.t2vEntries.push(entry("zeroscope", "ZeroScope"));
    addSubmittedCard(content, "fetv", "zeroscope", TEST_GENERATION_CARD, "manifest");
    addRecordedCards(content, "fetv", folder([{ model: "ZeroScope", card: { ...TEST_GENERATION_CARD, seeds: 7 }, source: "https://example.org" }]));
    expect(content.generationCards.map((c) => c.source)).toEqual(["manifest"]);
  });

  it("refuses a recorded card missing a field, naming it", () => {
    const { seeds: _seeds, ...partial } = TEST_GENERATION_CARD;
    expect(() => addRecordedCards(emptyContent(), "fetv", folder([{ model: "ZeroScope", card: partial, source: "https://example.org" }]))).toThrow(/generation-cards\.json.*models\.0\.card\.seeds/s);
  });
});
