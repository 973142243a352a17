/**
 * The compare view's data in the built site (/<benchmark>/compare/<direction>.json) against the board downloads:
 * the same entries, values and ranks, and pairwise verdicts on the rank sum that the boards' separable_from_next
 * never contradicts (the board's verdict is Holm-corrected over its neighbours, the compare view's is per pair). Read with a CSV reader of this test's own.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Comparison } from "../../src/lib/compare.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");

/**
 * Rows of a board CSV keyed by the header. Split on commas, which is exact for the columns read here: they
 * (name, id, ranks, values) all come before the first text cell that could hold a quoted comma (the source).
 */
function csvRows(file: string): Record<string, string>[] {
  const [head = "", ...lines] = fs.readFileSync(path.join(DIST, file), "utf8").trim().split("\r\n");
  const header = head.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}

function comparison(benchmark: string, direction: "t2v" | "v2t"): Comparison {
  return JSON.parse(fs.readFileSync(path.join(DIST, benchmark, "compare", `${direction}.json`), "utf8")) as Comparison;
}

describe("/fetv/compare/v2t.json", () => {
  let data: Comparison;
  let board: Record<string, string>[];

  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, "fetv", "compare", "v2t.json"))) throw new Error(`${DIST} has no compare data: run npm run build first (npm test does).`);
    data = comparison("fetv", "v2t");
    board = csvRows("downloads/fetv/v2t-instance.csv");
  });

  it("lists the board's entries in its order, with every board and scope", () => {
    expect(data.entries.map((e) => e.id)).toEqual(board.map((r) => r.id));
    expect(data.boards.map((b) => b.board)).toEqual(["v2t-instance", "v2t-model"]);
    expect(data.scopes[0]).toEqual({ id: "overall", label: "Overall", group: null });
    expect(data.scopes).toHaveLength(23);
    expect(data.confidence).toBe(0.95);
  });

  it("holds each overall value and rank as the board download does, at display precision", () => {
    const instance = data.boards[0];
    const overall = instance?.scopes.overall;
    for (const row of board) {
      const place = overall?.places[data.entries.findIndex((e) => e.id === row.id)];
      expect(place?.rank, row.id).toBe(Number(row.rank));
      expect(place?.rankSum, row.id).toBe(Number(row.rank_sum));
      instance?.columns.forEach((column, c) => {
        const cell = place?.cells[c];
        expect(cell?.[0], `${row.id} ${column.key}`).toBe(Number(Number(row[column.key]).toFixed(column.digits)));
        if (column.ranked) expect(cell?.[3], `${row.id} ${column.key} rank`).toBe(Number(row[`${column.key}_rank`]));
      });
    }
  });

  it("separates on the rank sum every pair of neighbours the board calls separable (Holm-corrected, so never more than the per-pair test)", () => {
    const pairs = data.boards[0]?.scopes.overall?.pairs ?? [];
    let checked = 0;
    board.forEach((row, i) => {
      const next = board[i + 1];
      if (!next || row.separable_from_next === "") return;
      const pair = pairs.find((p) => p.a === i && p.b === i + 1);
      expect(pair?.rankSum, `${row.id} vs ${next.id}`).not.toBeNull();
      if (row.separable_from_next === "true") expect(pair?.rankSum?.[3], `${row.id} vs ${next.id}`).not.toBeNull();
      checked += 1;
    });
    expect(checked).toBe(board.length - 1);
  });

  it("names the entry ahead consistently with the sign of the difference and its interval", () => {
    for (const board of data.boards) {
      for (const scope of Object.values(board.scopes)) {
        for (const pair of scope.pairs) {
          board.columns.forEach((column, c) => {
            const verdict = pair.columns[c];
            if (!verdict) return;
            const [difference, low, high, ahead] = verdict;
            expect(low).toBeLessThanOrEqual(high);
            if (ahead === null) expect(low <= 0 && high >= 0).toBe(true);
            else expect(ahead).toBe(difference > 0 === column.higherIsBetter ? "a" : "b");
          });
        }
      }
    }
  });

  it("gives no verdicts on the unranked model-level board, and says why", () => {
    const model = data.boards[1];
    expect(model?.unrankedReason).toMatch(/rest on 4 T2V models/);
    expect(model?.pairsNote).toBe(`No pairwise verdicts on this board: ${model?.unrankedReason}`);
    expect(Object.values(model?.scopes ?? {}).every((scope) => scope.pairs.length === 0)).toBe(true);
  });
});

describe("compare data of other boards", () => {
  it("FETV T2V: the reference videos are compared by column but have no rank sum", () => {
    const data = comparison("fetv", "t2v");
    const reference = data.entries.findIndex((e) => e.isReference);
    expect(reference).toBeGreaterThanOrEqual(0);
    const pairs = data.boards[0]?.scopes.overall?.pairs.filter((p) => p.a === reference || p.b === reference) ?? [];
    expect(pairs.length).toBe(data.entries.length - 1);
    for (const pair of pairs) {
      expect(pair.rankSum).toBeNull();
      expect(pair.columns.some((verdict) => verdict !== null)).toBe(true);
    }
  });

  it("AIGVE-60K: published figures give values and ranks, and no verdicts with the reason", () => {
    const data = comparison("aigve-60k", "t2v");
    expect(data.entries).toHaveLength(30);
    expect(data.boards[0]?.pairsNote).toMatch(/published by the benchmark's authors without per-video data/);
    expect(data.boards[0]?.scopes.overall?.pairs).toEqual([]);
    expect(data.boards[0]?.scopes.overall?.places.every((p) => p !== null && p.rank !== null)).toBe(true);
  });
});
