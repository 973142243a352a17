import { describe, expect, it } from "vitest";
import { shortDimensionLabels } from "../../../src/lib/labels.ts";

describe("shortDimensionLabels", () => {
  it("keeps a label's first word, cut to seven letters and a full stop beyond nine", () => {
    const short = shortDimensionLabels([
      { id: "a", label: "People" },
      { id: "b", label: "Buildings & infrastructure" },
      { id: "c", label: "Illustrations" },
      { id: "d", label: "Food & beverage" },
      { id: "e", label: "Camera view" },
    ]);
    expect([...short.values()]).toEqual(["People", "Buildings", "Illustr.", "Food", "Camera"]);
  });

  it("keeps the full label where two short forms would be the same", () => {
    const short = shortDimensionLabels([
      { id: "a", label: "Motion direction" },
      { id: "b", label: "Motion speed" },
      { id: "c", label: "Color" },
    ]);
    expect([...short.values()]).toEqual(["Motion direction", "Motion speed", "Color"]);
  });
});
