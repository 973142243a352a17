/**
 * Entry pages whose size does not grow with their board: each board's chart data is written once, as
 * /<benchmark>/charts/<board>.json, and the entry pages' chart islands carry only which column and entry to draw.
 * The chart files are checked against the board downloads, and a board is read from the store once for the board pages that show it;
 * the loaders' per-build maps (rankings, calibrations) give each entry what a query of its own would.
 */
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openStoreReadonly } from "../../db/client.ts";
import * as t from "../../db/schema.ts";
import { loadBoard } from "../../src/lib/boards.ts";
import { loadCalibration } from "../../src/lib/calibrations.ts";
import { loadEntryBreakdown } from "../../src/lib/entry-breakdown.ts";
import type { BoardChart } from "../../src/lib/charts/bars.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");

const read = (...parts: string[]) => fs.readFileSync(path.join(DIST, ...parts), "utf8");
const entryPages = (benchmark: string, direction: string) =>
  fs
    .readdirSync(path.join(DIST, benchmark, direction), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

/** The props of every island on a page, decoded from Astro's serialization ({"key": [0, value]}). */
function islandProps(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<astro-island[^>]*\sprops="([^"]*)"/g)].map((match) => {
    const raw = JSON.parse((match[1] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")) as Record<string, [number, unknown]>;
    return Object.fromEntries(Object.entries(raw).map(([key, [, value]]) => [key, value]));
  });
}

describe("entry pages and chart files", () => {
  it("gives each chart island of an entry page its column and entry, never the board's rows", () => {
    const ids = entryPages("aigve-60k", "v2t");
    expect(ids).toHaveLength(48);
    for (const id of ids) {
      const islands = islandProps(read("aigve-60k", "v2t", id, "index.html"));
      expect(islands.length, id).toBe(6);
      for (const props of islands) {
        expect(Object.keys(props).sort(), id).toEqual(["columnKey", "entryId", "rows", "src"]);
        expect(props.entryId).toBe(id);
        expect(props.src).toMatch(/^\/aigve-60k\/charts\/v2t-(instance|model)\.json$/);
      }
    }
  });

  it("keeps entry pages of one board about the same size whatever their rank", () => {
    const sizes = entryPages("aigve-60k", "v2t").map((id) => fs.statSync(path.join(DIST, "aigve-60k", "v2t", id, "index.html")).size);
    // Names and captions differ; the board (48 entries × 6 charts) is not in any of them.
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(2_000);
    expect(Math.max(...sizes)).toBeLessThan(30_000);
  });

  it("writes each board's chart file with every ranked entry of every ranked column, best first, as the download has them", () => {
    for (const board of ["t2v", "v2t-instance", "v2t-model"]) {
      const chart = JSON.parse(read("aigve-60k", "charts", `${board}.json`)) as BoardChart;
      const download = JSON.parse(read("downloads", "aigve-60k", `${board}.json`)) as { rows: Record<string, unknown>[] };
      expect(chart.columns.length, board).toBeGreaterThan(0);
      for (const column of chart.columns) {
        const ranked = download.rows.filter((row) => row[`${column.key}_rank`] !== null);
        expect(column.bars, `${board} ${column.key}`).toHaveLength(ranked.length);
        for (const [i, bar] of column.bars.entries()) {
          if (i > 0) expect(bar.rank).toBeGreaterThanOrEqual(column.bars[i - 1]?.rank ?? 0);
          const row = ranked.find((r) => r.id === bar.id);
          expect(row?.[column.key], `${board} ${column.key} ${bar.id}`).toBe(bar.value);
          expect(row?.[`${column.key}_rank`]).toBe(bar.rank);
        }
      }
    }
  });

  it("reads a board from the store once for the board pages that show it, however many they are", () => {
    const first = loadBoard("aigve-60k", "v2t-instance");
    expect(loadBoard("aigve-60k", "v2t-instance")).toBe(first);
    expect(loadBoard("aigve-60k", "v2t-model")).not.toBe(first);
  });
});

describe("per-build maps of the entry loaders", () => {
  const db = () => openStoreReadonly();

  it("gives each entry's breakdown its own rankings in board and dimension order, as a query per entry would", () => {
    const store = db();
    for (const { benchmarkId, id } of store.select({ benchmarkId: t.v2tEntries.benchmarkId, id: t.v2tEntries.id }).from(t.v2tEntries).all()) {
      const expected = store
        .select()
        .from(t.rankings)
        .where(and(eq(t.rankings.benchmarkId, benchmarkId), eq(t.rankings.entryId, id)))
        .orderBy(asc(t.rankings.board), asc(t.rankings.dimension))
        .all()
        .filter((r) => r.board !== "t2v");
      const got = loadEntryBreakdown(benchmarkId, "v2t", id).rankings;
      expect(got.map((r) => [r.board, r.dimension, r.rank, r.position]), `${benchmarkId} ${id}`).toEqual(expected.map((r) => [r.board, r.dimension, r.rank, r.position]));
    }
  });

  it("gives each evaluator its own calibrations, checks in model order and named", () => {
    const store = db();
    const calibrated = store.select().from(t.calibrations).all();
    expect(calibrated.length).toBeGreaterThan(0);
    for (const { benchmarkId, evaluatorId, perspectiveId } of calibrated) {
      const found = loadCalibration(benchmarkId, evaluatorId).find((c) => c.perspectiveId === perspectiveId);
      const checks = store
        .select()
        .from(t.calibrationChecks)
        .where(and(eq(t.calibrationChecks.benchmarkId, benchmarkId), eq(t.calibrationChecks.evaluatorId, evaluatorId), eq(t.calibrationChecks.perspectiveId, perspectiveId)))
        .orderBy(asc(t.calibrationChecks.t2vEntryId))
        .all();
      const names = new Map(store.select().from(t.t2vEntries).where(eq(t.t2vEntries.benchmarkId, benchmarkId)).all().map((e) => [e.id, e.name]));
      expect(found?.checks.map((c) => c.model), `${benchmarkId} ${evaluatorId} ${perspectiveId}`).toEqual(checks.map((c) => names.get(c.t2vEntryId) ?? c.t2vEntryId));
    }
    expect(loadCalibration("fetv", "no-such-evaluator")).toEqual([]);
  });
});
