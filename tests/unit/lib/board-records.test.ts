import { describe, expect, it } from "vitest";
import { boardRecords, longRecords } from "../../../src/lib/board-records.ts";
import type { BoardView } from "../../../src/lib/boards.ts";
import type { CsvCell } from "../../../src/lib/csv.ts";
import { VIEWS } from "../../support/dimension-views.ts";

/** Each record's entry and column, to read a list of long records at a glance. */
const keys = (records: readonly (readonly CsvCell[])[], header: readonly string[]) => records.map((r) => `${r[header.indexOf("entry_id")]}:${r[header.indexOf("column")]}`);

describe("longRecords", () => {
  const long = longRecords(VIEWS);

  it("gives one record per entry and column it has a value in, each view's rows before its rows kept apart", () => {
    // Hand count: r1 3, r2 1, r3 0, r4 2, t1 1, x1 2, x2 1.
    expect(long.count).toBe(10);
    expect(keys(long.records(0, long.count), long.header)).toEqual([
      "r1:a_srcc", "r1:b_srcc", "r1:c_srcc", "r2:b_srcc", "r4:a_srcc", "r4:c_srcc", "t1:a_srcc", "x1:a_evaluator_mean", "x1:b_evaluator_mean", "x2:c_evaluator_mean",
    ]);
  });

  it("makes any range alone as the same slice of every record, across rows with missing cells, rows with none and rows kept apart", () => {
    const all = long.records(0, long.count);
    for (let from = 0; from <= long.count; from++) {
      for (let to = from; to <= long.count + 2; to++) expect(long.records(from, to), `${from}..${to}`).toEqual(all.slice(from, to));
    }
  });

  it("gives every record a cell for every header column (null where it has none)", () => {
    for (const record of long.records(0, long.count)) expect(record).toHaveLength(long.header.length);
    const apart = long.records(7, 8)[0] as unknown[];
    expect(apart[long.header.indexOf("provenance_kind")]).toBeNull();
    expect(apart[long.header.indexOf("trained_on_benchmark")]).toBeNull();
  });
});

describe("boardRecords", () => {
  const board = boardRecords(VIEWS[1] as BoardView);

  it("gives one record per entry, ranked rows then rows kept apart, each with every header column", () => {
    expect(board.count).toBe(3);
    const all = board.records(0, 3);
    expect(all.map((r) => r[board.header.indexOf("id")])).toEqual(["t1", "x1", "x2"]);
    for (const record of all) expect(record).toHaveLength(board.header.length);
    // A row kept apart has no value in a ranked column, and its evaluator's means in columns of their own.
    expect(all[1]?.[board.header.indexOf("a_srcc")]).toBeNull();
    expect(all[1]?.[board.header.indexOf("a_evaluator_mean")]).toBe(3);
    expect(all[0]?.[board.header.indexOf("b_srcc")]).toBeNull();
  });

  it("makes any range alone as the same slice of every record", () => {
    const all = board.records(0, board.count);
    for (let from = 0; from <= board.count; from++) for (let to = from; to <= board.count + 1; to++) expect(board.records(from, to)).toEqual(all.slice(from, to));
  });
});
