/**
 * The compare view's files in the built site against the board downloads and the store: the index
 * (/<benchmark>/compare/<direction>.json) and each entry's files (<direction>/<entry>.json and <entry>.<board>.bin).
 * The verdicts the island computes from those files equal the engine's `pairedDifference` on the store's own draws,
 * and the verdicts the old all-pairs file held for this store (tests/fixtures/compare/all-pairs-verdicts.json,
 * captured from the build-time builder before it was removed); the store's resampled rank sums equal a count by hand
 * from the stored column resamples; and no compare file's size depends on the number of pairs.
 * Board downloads are read with a CSV reader of this test's own.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleComparison, float32LittleEndian, withResamples, type FetchedEntry } from "../../src/components/compare/assemble.ts";
import { pairedDifference } from "../../src/engine/index.ts";
import type { CompareEntryFile, CompareIndex, ComparePair, Comparison, CompareVerdict } from "../../src/lib/shared/compare.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");
const STORE = process.env.AIGVE_STORE ? path.resolve(process.env.AIGVE_STORE) : path.join(ROOT, "db", "store.sqlite");

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

function compareIndex(benchmark: string, direction: "t2v" | "v2t"): CompareIndex {
  return JSON.parse(fs.readFileSync(path.join(DIST, benchmark, "compare", `${direction}.json`), "utf8")) as CompareIndex;
}

/** An entry's files read from dist/ as the island fetches them (its URLs are paths from the site's root). */
function readEntry(index: CompareIndex, id: string): FetchedEntry {
  const file = JSON.parse(fs.readFileSync(path.join(DIST, `${index.entryFolder}${id}.json`), "utf8")) as CompareEntryFile;
  return withResamples(file, (url) => {
    const bytes = fs.readFileSync(path.join(DIST, url));
    return float32LittleEndian(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });
}

/** The comparison of every entry of a direction, as the island would assemble it had all been chosen. */
function compareAll(benchmark: string, direction: "t2v" | "v2t"): Comparison {
  const index = compareIndex(benchmark, direction);
  return assembleComparison(index, index.entries.map((entry) => readEntry(index, entry.id)));
}

/** The store's draws of one board, keyed by dimension, entry and column key. */
function storeDraws(benchmark: string, board: string): Map<string, Float64Array> {
  const db = new Database(STORE, { readonly: true });
  try {
    const rows = db.prepare("SELECT dimension, entry_id, column_key, \"values\" FROM draws WHERE benchmark_id = ? AND board = ?").all(benchmark, board) as { dimension: string; entry_id: string; column_key: string; values: Buffer }[];
    return new Map(rows.map((r) => [`${r.dimension}|${r.entry_id}|${r.column_key}`, Float64Array.from({ length: r.values.byteLength / 4 }, (_, i) => r.values.readFloatLE(i * 4))]));
  } finally {
    db.close();
  }
}

/** The store's full-precision value of an entry's column (results) or rank sum (rankings) on a board in a scope. */
function storeValues(benchmark: string, board: string): { value(scope: string, entry: string, key: string): number | undefined; rankSum(entry: string): number | null | undefined } {
  const db = new Database(STORE, { readonly: true });
  try {
    const level = board === "v2t-model" || board === "t2v" ? "model" : "instance";
    const direction = board === "t2v" ? "t2v" : "v2t";
    const results = db.prepare("SELECT dimension, entry_id, perspective_id, metric, value FROM results WHERE benchmark_id = ? AND direction = ? AND level = ?").all(benchmark, direction, level) as { dimension: string; entry_id: string; perspective_id: string; metric: string; value: number }[];
    const sums = db.prepare("SELECT entry_id, rank_sum FROM rankings WHERE benchmark_id = ? AND board = ? AND dimension = 'overall'").all(benchmark, board) as { entry_id: string; rank_sum: number | null }[];
    const values = new Map(results.map((r) => [`${r.dimension}|${r.entry_id}|${r.perspective_id}_${r.metric}`, r.value]));
    const rankSums = new Map(sums.map((r) => [r.entry_id, r.rank_sum]));
    return { value: (scope, entry, key) => values.get(`${scope}|${entry}|${key}`), rankSum: (entry) => rankSums.get(entry) };
  } finally {
    db.close();
  }
}

/**
 * The verdict on a − b at display precision, straight from the engine (rounding and "ahead" as the page states them;
 * a difference that rounds to zero is 0, never -0, as JSON wrote it in the old file).
 */
function expectedVerdict(a: { value: number; draws: Float64Array }, b: { value: number; draws: Float64Array }, higherIsBetter: boolean, digits: number): CompareVerdict | null {
  const found = pairedDifference(a, b, 0.95);
  if (found === null) return null;
  const round = (x: number) => Number(x.toFixed(digits)) + 0;
  const ahead = found.separable ? ((higherIsBetter ? found.difference > 0 : found.difference < 0) ? "a" : "b") : null;
  return [round(found.difference), round(found.low), round(found.high), ahead];
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "fetv", "compare", "v2t.json"))) throw new Error(`${DIST} has no compare data: run npm run build first (npm test does).`);
  if (!fs.existsSync(STORE)) throw new Error(`no store at ${STORE}: run npm run build first (npm test does).`);
});

describe("/fetv/compare/v2t.json and its entries' files", () => {
  let data: Comparison;
  let index: CompareIndex;
  let board: Record<string, string>[];

  beforeAll(() => {
    index = compareIndex("fetv", "v2t");
    data = compareAll("fetv", "v2t");
    board = csvRows("downloads/fetv/v2t-instance.csv");
  });

  it("lists the board's entries in its order, with every board and scope", () => {
    expect(index.entries.map((e) => e.id)).toEqual(board.map((r) => r.id));
    expect(index.boards.map((b) => b.board)).toEqual(["v2t-instance", "v2t-model"]);
    expect(index.scopes[0]).toEqual({ id: "overall", label: "Overall", group: null });
    expect(index.scopes).toHaveLength(23);
    expect(index.confidence).toBe(0.95);
    expect(index.boards[0]?.rankedCount.overall).toBe(board.filter((r) => r.rank !== "").length);
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

  it("computes from the fetched files exactly the engine's paired difference on the store's draws, in every scope", () => {
    const instance = data.boards[0];
    const draws = storeDraws("fetv", "v2t-instance");
    const stored = storeValues("fetv", "v2t-instance");
    let checked = 0;
    for (const scope of index.scopes) {
      const pairs = instance?.scopes[scope.id]?.pairs ?? [];
      for (const pair of pairs) {
        const [a, b] = [data.entries[pair.a]?.id as string, data.entries[pair.b]?.id as string];
        instance?.columns.forEach((column, c) => {
          // Unranked columns (Kendall's variants here) are shown, never resampled nor compared.
          if (!column.ranked) return void expect(pair.columns[c]).toBeNull();
          const figure = (entry: string) => ({ value: stored.value(scope.id, entry, column.key) as number, draws: draws.get(`${scope.id}|${entry}|${column.key}`) as Float64Array });
          expect(pair.columns[c], `${scope.id} ${a} vs ${b} ${column.key}`).toEqual(expectedVerdict(figure(a), figure(b), column.higherIsBetter, column.digits));
          checked += 1;
        });
        const sum = (entry: string) => ({ value: stored.rankSum(entry) as number, draws: draws.get(`overall|${entry}|rank-sum`) as Float64Array });
        expect(pair.rankSum, `${scope.id} ${a} vs ${b} rank sum`).toEqual(scope.id === "overall" ? expectedVerdict(sum(a), sum(b), false, 0) : null);
      }
    }
    expect(checked).toBe(23 * 10 * 3);
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

  it("gives no verdicts on the unranked model-level board, ships none of its resamples, and says why", () => {
    const model = data.boards[1];
    expect(model?.unrankedReason).toMatch(/rest on 4 T2V models/);
    expect(model?.pairsNote).toBe(`No pairwise verdicts on this board: ${model?.unrankedReason}`);
    expect(Object.values(model?.scopes ?? {}).every((scope) => scope.pairs.length === 0)).toBe(true);
    for (const entry of index.entries) expect(readEntry(index, entry.id).file.boards["v2t-model"]?.resamples, entry.id).toBeNull();
  });
});

/**
 * The same verdict as the old file's: the same entry ahead (or neither), and the difference and interval ends within
 * one unit of display precision. The old file paired Float64 resamples; the store now keeps them as Float32, which
 * moves a percentile by less than a millionth — enough to tip a rounding that sat on a half unit, or an interval end
 * that sat on 0 (FETV's MOS differences can be exactly 0 on a resample), never more.
 */
function expectSameVerdict(now: CompareVerdict | null, old: CompareVerdict | null, digits: number, where: string): void {
  if (old === null || now === null) {
    expect(now, where).toEqual(old);
    return;
  }
  // An interval end on 0 itself (as shown) is where the two precisions may disagree on excluding 0.
  const onZero = old[1] === 0 || old[2] === 0;
  if (!onZero) expect(now[3], `${where}: entry ahead, ${now} vs ${old}`).toBe(old[3]);
  for (let i = 0; i < 3; i++) expect(Math.abs((now[i] as number) - (old[i] as number)), `${where}: ${now} vs ${old}`).toBeLessThanOrEqual(10 ** -digits + 1e-12);
}

describe("the verdicts the old all-pairs file held for this store (golden)", () => {
  const golden = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "fixtures", "compare", "all-pairs-verdicts.json"), "utf8")) as Record<string, { entries: string[]; boards: { board: string; columns: string[]; scopes: Record<string, ComparePair[]> }[] }>;
  const cases = Object.entries(golden);

  it.each(cases)("%s: every column verdict in every scope, and the rank sum's overall, are the same", (key, expected) => {
    const [benchmark, direction] = key.split("/") as [string, "t2v" | "v2t"];
    const data = compareAll(benchmark, direction);
    expect(data.entries.map((e) => e.id)).toEqual(expected.entries);
    let checked = 0;
    for (const old of expected.boards) {
      const board = data.boards.find((b) => b.board === old.board);
      expect(board?.columns.map((c) => c.key)).toEqual(old.columns);
      for (const [scope, pairs] of Object.entries(old.scopes)) {
        const now = board?.scopes[scope]?.pairs ?? [];
        for (const pair of pairs) {
          const found = now.find((p) => p.a === pair.a && p.b === pair.b);
          const where = `${old.board} ${scope} ${pair.a} vs ${pair.b}`;
          pair.columns.forEach((verdict, c) => expectSameVerdict(found?.columns[c] ?? null, verdict, board?.columns[c]?.digits ?? 0, `${where} column ${c}`));
          // The old file re-ranked every dimension for its rank sums; the ranking step keeps the overall scope's only.
          if (scope === "overall") expectSameVerdict(found?.rankSum ?? null, pair.rankSum, 0, `${where} rank sum`);
          else expect(found?.rankSum, `${where} rank sum`).toBeNull();
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("the store's resampled rank sums", () => {
  it("are, on every resample, each ranked entry's sum of 1 + the entries strictly better in each ranked column (counted here)", () => {
    for (const [benchmark, board, columns] of [["fetv", "v2t-instance", 3], ["fetv", "t2v", 3], ["tvge", "v2t-instance", 2]] as const) {
      const draws = storeDraws(benchmark, board);
      const sums = [...draws.keys()].filter((k) => k.endsWith("|rank-sum"));
      expect(sums.every((k) => k.startsWith("overall|")), `${board}: rank sums of the overall scope only`).toBe(true);
      const ranked = sums.map((k) => k.split("|")[1] as string);
      const keys = [...new Set([...draws.keys()].filter((k) => k.startsWith("overall|") && !k.endsWith("|rank-sum")).map((k) => k.split("|")[2] as string))];
      expect(keys).toHaveLength(columns);
      for (const entry of ranked) {
        const got = draws.get(`overall|${entry}|rank-sum`) as Float64Array;
        for (let r = 0; r < got.length; r++) {
          let sum = 0;
          for (const key of keys) {
            const mine = (draws.get(`overall|${entry}|${key}`) as Float64Array)[r] as number;
            sum += 1 + ranked.filter((other) => ((draws.get(`overall|${other}|${key}`) as Float64Array)[r] as number) > mine).length;
          }
          expect(got[r], `${benchmark} ${board} ${entry} resample ${r}`).toBe(sum);
        }
      }
    }
  });
});

describe("compare files in dist/", () => {
  it("hold no file whose size depends on the number of pairs: an index, and per entry one JSON and one resamples file per compared board", () => {
    for (const benchmark of ["fetv", "tvge", "aigve-60k"]) {
      const folder = path.join(DIST, benchmark, "compare");
      for (const name of fs.readdirSync(folder)) expect(["index.html", "t2v.json", "v2t.json", "t2v", "v2t"], `${benchmark}/compare/${name}`).toContain(name);
      for (const direction of ["t2v", "v2t"] as const) {
        if (!fs.existsSync(path.join(folder, `${direction}.json`))) continue;
        const index = compareIndex(benchmark, direction);
        const ids = new Set(index.entries.map((e) => e.id));
        // The index names each entry once (id and name): nothing in it is per pair.
        expect(Object.keys(index)).toEqual(["benchmarkId", "benchmarkTitle", "direction", "confidence", "scopes", "boards", "entries", "entryFolder"]);
        const expected = new Set<string>();
        for (const id of ids) {
          const { file } = readEntry(index, id);
          expected.add(`${id}.json`);
          // An entry's file is about that entry alone: no other entry's id appears in it.
          const text = fs.readFileSync(path.join(DIST, `${index.entryFolder}${id}.json`), "utf8");
          for (const other of ids) if (other !== id && !id.includes(other)) expect(text.includes(`"${other}"`), `${id}.json names ${other}`).toBe(false);
          for (const [board, found] of Object.entries(file.boards)) {
            if (!found?.resamples) continue;
            // The overall scope apart from the task dimensions (the view shows the overall scope first).
            expect(found.resamples.parts.map((p) => p.part)).toEqual(index.scopes.length > 1 ? ["overall", "dimensions"] : ["overall"]);
            for (const part of found.resamples.parts) {
              expected.add(`${id}.${board}.${part.part}.bin`);
              expect(part.figures.every((f) => (f.scope === "overall") === (part.part === "overall")), `${id}.${board}.${part.part}.bin`).toBe(true);
              const size = fs.statSync(path.join(DIST, part.url)).size;
              expect(size, `${id}.${board}.${part.part}.bin`).toBe(part.figures.length * found.resamples.count * 4);
            }
          }
        }
        expect(new Set(fs.readdirSync(path.join(folder, direction))), `${benchmark}/compare/${direction}/`).toEqual(expected);
      }
    }
  });
});

describe("the compare page", () => {
  it("names no entry in its HTML: the picker fetches the direction's index", () => {
    const html = fs.readFileSync(path.join(DIST, "fetv", "compare", "index.html"), "utf8");
    for (const entry of compareIndex("fetv", "v2t").entries) expect(html.includes(entry.id), entry.id).toBe(false);
  });
});

describe("compare data of other boards", () => {
  it("FETV T2V: the reference videos are compared by column but have no rank sum", () => {
    const data = compareAll("fetv", "t2v");
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
    const index = compareIndex("aigve-60k", "t2v");
    const data = compareAll("aigve-60k", "t2v");
    expect(index.entries).toHaveLength(30);
    expect(data.boards[0]?.pairsNote).toMatch(/published by the benchmark's authors without per-video data/);
    expect(data.boards[0]?.scopes.overall?.pairs).toEqual([]);
    expect(data.boards[0]?.scopes.overall?.places.every((p) => p !== null && p.rank !== null)).toBe(true);
    expect(fs.readdirSync(path.join(DIST, "aigve-60k", "compare", "t2v")).every((name) => name.endsWith(".json"))).toBe(true);
  });
});
