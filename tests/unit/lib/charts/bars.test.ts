import { describe, expect, it } from "vitest";
import { barWindow, type ChartBar } from "../../../../src/lib/charts/bars.ts";

const board = (n: number): ChartBar[] =>
  Array.from({ length: n }, (_, i) => ({ id: `e${i + 1}`, name: `Entry ${i + 1}`, value: 1 - i / 100, low: null, high: null, rank: i + 1 }));

describe("barWindow", () => {
  it("draws every bar of a board up to the limit, the entry highlighted", () => {
    const rows = barWindow(board(5), "e3");
    expect(rows.map((r) => r.key)).toEqual(["e1", "e2", "e3", "e4", "e5"]);
    expect(rows.filter((r) => r.highlight).map((r) => r.key)).toEqual(["e3"]);
  });

  it("on a large board draws the top ten, the entry with three neighbours each side and the last, counting the rest", () => {
    const rows = barWindow(board(48), "e25");
    const keys = rows.map((r) => r.key);
    expect(keys.slice(0, 10)).toEqual(["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10"]);
    expect(rows[10]).toMatchObject({ name: "⋯ 11 more", value: null });
    expect(keys.slice(11, 18)).toEqual(["e22", "e23", "e24", "e25", "e26", "e27", "e28"]);
    expect(rows[18]).toMatchObject({ name: "⋯ 19 more", value: null });
    expect(keys[19]).toBe("e48");
    expect(rows).toHaveLength(20);
    // Every entry is either drawn or counted in a gap.
    const counted = rows.reduce((sum, r) => sum + (r.value === null ? Number(r.name.match(/\d+/)?.[0]) : 1), 0);
    expect(counted).toBe(48);
  });

  it("merges the entry's neighbourhood into the top when it is near it", () => {
    const rows = barWindow(board(48), "e12");
    expect(rows.map((r) => r.key).slice(0, 15)).toEqual(Array.from({ length: 15 }, (_, i) => `e${i + 1}`));
    expect(rows[15]).toMatchObject({ name: "⋯ 32 more" });
    expect(rows[16]?.key).toBe("e48");
  });

  it("still draws the top and the last for an entry not on the column", () => {
    const rows = barWindow(board(40), "absent");
    expect(rows.filter((r) => r.value !== null)).toHaveLength(11);
    expect(rows.some((r) => r.highlight)).toBe(false);
  });

  it("draws the same window from the entry's index as from its id, for every place on the board", () => {
    const bars = board(61);
    for (let at = 0; at < bars.length; at += 1) {
      const id = `e${at + 1}`;
      expect(barWindow(bars, id, 30, at), id).toEqual(barWindow(bars, id));
      const counted = barWindow(bars, id, 30, at).reduce((sum, r) => sum + (r.value === null ? Number(r.name.match(/\d+/)?.[0]) : 1), 0);
      expect(counted, id).toBe(61);
    }
  });

  it("stops at the last bar when the limit is below the top ten", () => {
    expect(barWindow(board(8), "e2", 5).map((r) => r.key)).toEqual(["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"]);
  });
});
