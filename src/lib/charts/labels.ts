/**
 * Direct labels for scatter plots: which points to name (all of a small board, the top of a large one and the page's
 * own entry) and where each name goes so that no two overlap and none covers another point or leaves the plot.
 * Pure and free of imports: the chart islands bundle it.
 */

/** Boards up to this size get every point named. */
export const LABEL_ALL_UP_TO = 30;
/** On larger boards, how many of the best points on each axis are named. */
const TOP_PER_AXIS = 8;

/** A point to name, in data units; `highlight` marks the page's own entry. */
export interface LabelPoint {
  readonly id: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly highlight?: boolean;
}

/**
 * The points to name, most important first: the highlighted entry, then by the better of its ranks on the two axes
 * (higher is better on both). Every point when there are at most `allUpTo`, otherwise the top of each axis.
 */
export function labelPriority(points: readonly LabelPoint[], allUpTo = LABEL_ALL_UP_TO): LabelPoint[] {
  const rankOn = (key: "x" | "y") => {
    const order = [...points].sort((a, b) => b[key] - a[key]);
    return new Map(order.map((p, i) => [p.id, i]));
  };
  const rx = rankOn("x");
  const ry = rankOn("y");
  const best = (p: LabelPoint) => Math.min(rx.get(p.id) ?? 0, ry.get(p.id) ?? 0);
  const ordered = [...points].sort(
    (a, b) => Number(b.highlight ?? false) - Number(a.highlight ?? false) || best(a) - best(b) || (a.name < b.name ? -1 : 1),
  );
  if (points.length <= allUpTo) return ordered;
  return ordered.filter((p) => p.highlight || best(p) < TOP_PER_AXIS);
}

/** A rectangle in pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A point in pixels with its marker's radius and its label's size. */
export interface PlacedPoint {
  readonly id: string;
  readonly px: number;
  readonly py: number;
  readonly r: number;
  readonly width: number;
  readonly height: number;
}

/** Where a label is drawn: its text anchor point and alignment. */
export interface LabelPlacement {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "end" | "middle";
  readonly box: Box;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, area: Box) => a.left >= area.left && a.right <= area.right && a.top >= area.top && a.bottom <= area.bottom;

/**
 * Places labels greedily in the given order, each at the first free spot around its point: right, left, above,
 * below, then the four diagonals. A label that fits nowhere is left out (its point keeps its tooltip, and the table
 * beside the chart names it). `markers` are every point drawn, labelled or not, with the radius they cover.
 */
export function placeLabels(
  labels: readonly PlacedPoint[],
  markers: readonly { px: number; py: number; r: number }[],
  area: Box,
  gapPx = 3,
): LabelPlacement[] {
  const placed: LabelPlacement[] = [];
  for (const label of labels) {
    const { id, px, py, width: w, height: h } = label;
    const d = label.r + gapPx;
    const at = (x: number, y: number, anchor: LabelPlacement["anchor"]): LabelPlacement => {
      const left = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
      return { id, x, y, anchor, box: { left, top: y - h / 2, right: left + w, bottom: y + h / 2 } };
    };
    const diagonal = d * Math.SQRT1_2;
    const candidates = [
      at(px + d, py, "start"),
      at(px - d, py, "end"),
      at(px, py - d - h / 2, "middle"),
      at(px, py + d + h / 2, "middle"),
      at(px + diagonal, py - diagonal - h / 2, "start"),
      at(px + diagonal, py + diagonal + h / 2, "start"),
      at(px - diagonal, py - diagonal - h / 2, "end"),
      at(px - diagonal, py + diagonal + h / 2, "end"),
    ];
    const free = candidates.find(
      (c) =>
        inside(c.box, area) &&
        placed.every((p) => !overlaps(c.box, p.box)) &&
        markers.every((m) => (m.px === px && m.py === py) || !overlaps(c.box, { left: m.px - m.r, top: m.py - m.r, right: m.px + m.r, bottom: m.py + m.r })),
    );
    if (free) placed.push(free);
  }
  return placed;
}

/** A label's width in pixels, estimated from its length (the average glyph is about 0.58 em wide). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.58);
}
