import { describe, expect, it } from "vitest";
import { labelPriority, placeLabels, textWidth, type LabelPoint } from "../../../../src/lib/charts/labels.ts";

const grid = (n: number): LabelPoint[] => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}`, x: i, y: (i * 7) % n }));

describe("labelPriority", () => {
  it("names every point of a board of up to 30, the highlighted one first", () => {
    const points = grid(30).map((p) => (p.id === "p4" ? { ...p, highlight: true } : p));
    const order = labelPriority(points);
    expect(order).toHaveLength(30);
    expect(order[0]?.id).toBe("p4");
  });

  it("on a larger board names the top eight of each axis and the highlighted point", () => {
    const points = grid(48).map((p) => (p.id === "p0" ? { ...p, highlight: true } : p));
    const order = labelPriority(points);
    const topX = [...points].sort((a, b) => b.x - a.x).slice(0, 8).map((p) => p.id);
    const topY = [...points].sort((a, b) => b.y - a.y).slice(0, 8).map((p) => p.id);
    expect(new Set(order.map((p) => p.id))).toEqual(new Set(["p0", ...topX, ...topY]));
  });
});

describe("placeLabels", () => {
  const area = { left: 0, top: 0, right: 200, bottom: 100 };

  it("puts a lone label to the right of its point, clear of the marker", () => {
    const [label] = placeLabels([{ id: "a", px: 50, py: 50, r: 5, width: 30, height: 12 }], [{ px: 50, py: 50, r: 5 }], area);
    expect(label).toMatchObject({ anchor: "start", y: 50 });
    expect(label?.box.left).toBeGreaterThanOrEqual(55);
  });

  it("moves a label left when the right would leave the plot", () => {
    const [label] = placeLabels([{ id: "a", px: 190, py: 50, r: 4, width: 30, height: 12 }], [{ px: 190, py: 50, r: 4 }], area);
    expect(label?.anchor).toBe("end");
    expect(label?.box.right).toBeLessThanOrEqual(186);
  });

  it("never lets two labels overlap, nor a label cover another point; one that fits nowhere is left out", () => {
    const points = [
      { id: "a", px: 100, py: 50, r: 4, width: 40, height: 12 },
      { id: "b", px: 104, py: 50, r: 4, width: 40, height: 12 },
      { id: "c", px: 100, py: 54, r: 4, width: 40, height: 12 },
    ];
    const placed = placeLabels(points, points, area);
    for (const a of placed) {
      for (const b of placed) {
        if (a === b) continue;
        const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
      for (const m of points.filter((p) => p.id !== a.id)) {
        const clear = a.box.right <= m.px - m.r || m.px + m.r <= a.box.left || a.box.bottom <= m.py - m.r || m.py + m.r <= a.box.top;
        expect(clear, `${a.id} over ${m.id}`).toBe(true);
      }
    }
    expect(placed[0]?.id).toBe("a");
  });

  it("estimates a label's width from its length", () => {
    expect(textWidth("CLIPScore", 10)).toBe(Math.ceil(9 * 10 * 0.58));
  });
});
