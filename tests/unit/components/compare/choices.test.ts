import { describe, expect, it } from "vitest";
import { LISTED_CHOICES, listChoices } from "../../../../src/components/compare/choices.ts";

const entries = Array.from({ length: 250 }, (_, k) => ({ id: `e${k + 1}`, name: `Judge ${k + 1}` }));

describe("listChoices", () => {
  it("lists the board's first entries in board order and counts the rest", () => {
    const { listed, unlisted } = listChoices(entries, "");
    expect(listed.map((e) => e.id)).toEqual(entries.slice(0, LISTED_CHOICES).map((e) => e.id));
    expect(unlisted).toBe(250 - LISTED_CHOICES);
  });

  it("lists the entries whose name holds the text, case-insensitively, in board order", () => {
    // "judge 24" is held by Judge 24 and Judge 240 … 249: eleven names.
    const { listed, unlisted } = listChoices(entries, "  jUdGe 24 ");
    expect(listed.map((e) => e.name)).toEqual(["Judge 24", ...Array.from({ length: 10 }, (_, k) => `Judge ${240 + k}`)]);
    expect(unlisted).toBe(0);
  });

  it("finds the last entry of a long board by its name", () => {
    expect(listChoices(entries, "Judge 250").listed).toEqual([{ id: "e250", name: "Judge 250" }]);
  });

  it("lists at most the limit of matching entries and counts the others", () => {
    const { listed, unlisted } = listChoices(entries, "judge 1", 5);
    // Judge 1, 10–19, 100–199: 111 names hold "judge 1".
    expect(listed.map((e) => e.name)).toEqual(["Judge 1", "Judge 10", "Judge 11", "Judge 12", "Judge 13"]);
    expect(unlisted).toBe(111 - 5);
  });

  it("lists nothing when no name holds the text", () => {
    expect(listChoices(entries, "no such judge")).toEqual({ listed: [], unlisted: 0 });
  });
});
