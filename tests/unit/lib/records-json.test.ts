import { describe, expect, it } from "vitest";
import type { CsvCell } from "../../../src/lib/csv.ts";
import { recordsJson } from "../../../src/lib/records-json.ts";

/** What the downloads wrote before records were kept as cells: an object per record, through JSON.stringify. */
function asObjects(head: Record<string, unknown>, columns: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  const rows = records.map((record) => Object.fromEntries(columns.map((column, i) => [column, record[i] ?? null])));
  return `${JSON.stringify({ ...head, rows })}\n`;
}

describe("recordsJson", () => {
  const columns = ["method", "id", "value", "ranked", "note", "release"];

  it("writes the text JSON.stringify gives for one object per record, whatever the cells hold", () => {
    const records: CsvCell[][] = [
      ["Sora \"2\"", "sora-2", 0.1234567890123, true, null, "2026-01-01-abcdef12"],
      ["Ünïcode — 視頻\u2028line", "x", -0, false, undefined, "r"],
      ["tab\tand\nnewline\\", "y", 1e-7, null, "a,b", "r"],
      ["short", "z"],
      ["nan", "n", Number.NaN, null, "", "r"],
    ];
    const head = { benchmark: "fetv", dimension: "overall", release: "r", unranked_reason: null, columns, part: 2, parts: 3 };
    expect(recordsJson(head, columns, records)).toBe(asObjects(head, columns, records));
    expect(JSON.parse(recordsJson(head, columns, records)).rows[3]).toEqual({ method: "short", id: "z", value: null, ranked: null, note: null, release: null });
  });

  it("writes an empty list of rows, and a head without fields", () => {
    expect(recordsJson({ columns }, columns, [])).toBe(asObjects({ columns }, columns, []));
    expect(recordsJson({}, ["a"], [[1]])).toBe(asObjects({}, ["a"], [[1]]));
  });

  it("refuses columns named twice, which one object per record could not hold", () => {
    expect(() => recordsJson({}, ["a", "a"], [[1, 2]])).toThrow(/names a column twice/);
  });
});
