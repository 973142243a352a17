import { describe, expect, it } from "vitest";
import type { CsvCell } from "../../../src/lib/csv.ts";
import { recordJsonTexts, recordsJson, recordsJsonBytes } from "../../../src/lib/records-json.ts";

/** What the downloads wrote before records were kept as cells: an object per record, through JSON.stringify. */
function asObjects(head: Record<string, unknown>, columns: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  const rows = records.map((record) => Object.fromEntries(columns.map((column, i) => [column, record[i] ?? null])));
  return `${JSON.stringify({ ...head, rows })}\n`;
}

/** The records written the new way: each record's text, then the whole. */
const written = (head: Record<string, unknown>, columns: readonly string[], records: readonly (readonly CsvCell[])[]) => recordsJson(head, recordJsonTexts(columns, records));

describe("recordJsonTexts and recordsJson", () => {
  const columns = ["method", "id", "value", "ranked", "note", "release"];

  it("writes the text JSON.stringify gives for one object per record, whatever the cells hold", () => {
    const records: CsvCell[][] = [
      ["Sora \"2\"", "sora-2", 0.1234567890123, true, null, "2026-01-01-abcdef12"],
      ["Ünïcode — 視頻\u2028line", "x", -0, false, undefined, "r"],
      ["tab\tand\nnewline\\", "y", 1e-7, null, "a,b", "r"],
      ["short", "z"],
      ["nan", "n", Number.NaN, null, "", "r"],
      ["big", "b", Number.POSITIVE_INFINITY, null, "\u0000\ud800", "r"],
      ["numbers", "m", 123456789012345680000, null, "e", "r"],
      ["small", "s", -1.5e-300, null, "", "r"],
    ];
    const head = { benchmark: "fetv", dimension: "overall", release: "r", unranked_reason: null, columns, part: 2, parts: 3 };
    expect(written(head, columns, records)).toBe(asObjects(head, columns, records));
    expect(JSON.parse(written(head, columns, records)).rows[3]).toEqual({ method: "short", id: "z", value: null, ranked: null, note: null, release: null });
  });

  it("writes an empty list of rows, and a head without fields", () => {
    expect(written({ columns }, columns, [])).toBe(asObjects({ columns }, columns, []));
    expect(written({}, ["a"], [[1]])).toBe(asObjects({}, ["a"], [[1]]));
  });

  it("refuses columns named twice, which one object per record could not hold", () => {
    expect(() => recordJsonTexts(["a", "a"], [[1, 2]])).toThrow(/names a column twice/);
  });

  it("counts the UTF-8 bytes of the whole JSON from its records given a run at a time, whatever the runs", () => {
    const head = { benchmark: "fetv", dimension: "视频", columns };
    const texts = recordJsonTexts(columns, [["Ünïcode — 視頻", "x", 1, true, null, "r"], ["a", "b", 2, false, "😀", "r"], ["c", "d", 3, null, "", "r"]]);
    const bytes = Buffer.byteLength(recordsJson(head, texts));
    expect(recordsJsonBytes(head, [texts])).toBe(bytes);
    expect(recordsJsonBytes(head, [[], texts.slice(0, 1), [], texts.slice(1, 3)])).toBe(bytes);
    expect(recordsJsonBytes(head, texts.map((t) => [t]))).toBe(bytes);
    expect(recordsJsonBytes(head, [])).toBe(Buffer.byteLength(recordsJson(head, [])));
    expect(recordsJsonBytes({}, [])).toBe(Buffer.byteLength(recordsJson({}, [])));
  });
});
