import { describe, expect, it } from "vitest";
import { longRecords, type RecordRange } from "../../../src/lib/board-records.ts";
import type { CsvCell } from "../../../src/lib/csv.ts";
import { downloadSize, downloadText, type DownloadSize, type DownloadSource } from "../../../src/lib/download-body.ts";
import { PART_BYTES } from "../../../src/lib/download-parts.ts";
import { VIEWS } from "../../support/dimension-views.ts";

/** Records held in an array, given a range at a time as fresh arrays (as the board records make them). */
function heldRecords(header: readonly string[], all: readonly (readonly CsvCell[])[]): RecordRange {
  return { header, count: all.length, records: (from, to) => all.slice(from, to).map((record) => [...record]) };
}

/** 3,001 records of about 3 KB of JSON each, mostly two-byte characters: about 9.2 MB, so three parts of 1,001, 1,001 and 999. */
const LARGE: readonly CsvCell[][] = Array.from({ length: 3001 }, (_, i) => [`entry-${i}`, i / 7, `${"é".repeat(1500)}, "quoted" ${i}`, i % 3 === 0 ? null : i % 2 === 0]);
const large = (): DownloadSource => ({ meta: { benchmark: "b", dimension: "d", release: "r" }, records: heldRecords(["entry", "value", "note", "flag"], LARGE) });
const dimension = (): DownloadSource => ({ meta: { benchmark: "b", dimension: "overall", release: "r" }, records: longRecords(VIEWS) });

/** The data lines of a CSV (its cells hold no line breaks here). */
const csvLines = (text: string) => text.split("\r\n").slice(1, -1);
const jsonOf = (text: string) => JSON.parse(text) as { part?: number; parts?: number; columns: string[]; rows: Record<string, unknown>[] };

/** Each part's text, every part made from a fresh source, as a build makes each file. */
function partsOf(source: () => DownloadSource, size: DownloadSize, format: "csv" | "json"): string[] {
  return Array.from({ length: size.parts }, (_, i) => downloadText(source(), size, format, i + 1));
}

describe("downloadSize", () => {
  it("cuts a download into as many parts as keep each part's JSON under PART_BYTES, counted from the whole JSON's UTF-8 bytes", () => {
    const size = downloadSize(large());
    const whole = downloadText(large(), { records: LARGE.length, parts: 1 }, "json", null);
    // Each record's note is 1,500 two-byte characters: counting characters instead of bytes would give two parts.
    expect(whole.length).toBeLessThan(2 * PART_BYTES);
    expect(Buffer.byteLength(whole)).toBeGreaterThan(2 * PART_BYTES);
    expect(size).toEqual({ records: 3001, parts: 3 });
  });

  it("counts a dimension's long records and keeps a small one whole", () => {
    expect(downloadSize(dimension())).toEqual({ records: 10, parts: 1 });
  });
});

describe("downloadText, one part at a time", () => {
  it("makes each part alone as the same run of the whole download's records, at the part edges and in the last, shorter part", () => {
    const size = downloadSize(large());
    const whole = jsonOf(downloadText(large(), size, "json", null)).rows;
    const parts = partsOf(large, size, "json").map(jsonOf);
    // Equal runs of ceil(3001 / 3) = 1,001 records, the last of 999.
    expect(parts.map((p) => p.rows.length)).toEqual([1001, 1001, 999]);
    expect(parts.map((p) => [p.rows[0]?.entry, p.rows.at(-1)?.entry])).toEqual([["entry-0", "entry-1000"], ["entry-1001", "entry-2001"], ["entry-2002", "entry-3000"]]);
    parts.forEach((p, i) => {
      expect(p.rows).toEqual(whole.slice(i * 1001, (i + 1) * 1001));
      expect([p.part, p.parts]).toEqual([i + 1, 3]);
      expect(p.columns).toEqual(["entry", "value", "note", "flag"]);
    });
  });

  it("gives, across its parts, exactly the CSV and the JSON records of the whole download", () => {
    const size = downloadSize(large());
    const csvWhole = downloadText(large(), size, "csv", null);
    const csvParts = partsOf(large, size, "csv");
    for (const part of csvParts) expect(part.split("\r\n", 1)[0]).toBe("entry,value,note,flag");
    expect(csvParts.flatMap(csvLines)).toEqual(csvLines(csvWhole));
    expect(csvParts.map((p) => p.slice(p.indexOf("\r\n") + 2)).join("")).toBe(csvWhole.slice(csvWhole.indexOf("\r\n") + 2));
    // The JSON's records, as text: each part's rows array joined is the whole's.
    const rowsText = (text: string) => text.slice(text.indexOf('"rows":[') + 8, -3);
    expect(partsOf(large, size, "json").map(rowsText).join(",")).toBe(rowsText(downloadText(large(), size, "json", null)));
    for (const part of partsOf(large, size, "json")) expect(Buffer.byteLength(part)).toBeLessThan(PART_BYTES);
  });

  it("cuts long records of rows lacking some cells at the same records as the whole, whichever row a part edge falls in", () => {
    // Ten records in parts of 4, 4 and 2: the first edge falls inside r4's two records, the second between x1's.
    const size = { records: 10, parts: 3 };
    const whole = csvLines(downloadText(dimension(), size, "csv", null));
    const parts = partsOf(dimension, size, "csv").map(csvLines);
    expect(parts.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(parts.flat()).toEqual(whole);
    expect(parts.map((p) => p.map((line) => line.split(",").slice(2, 3).concat(line.split(",")[10] ?? "").join(":")))).toEqual([
      ["r1:a_srcc", "r1:b_srcc", "r1:c_srcc", "r2:b_srcc"],
      ["r4:a_srcc", "r4:c_srcc", "t1:a_srcc", "x1:a_evaluator_mean"],
      ["x1:b_evaluator_mean", "x2:c_evaluator_mean"],
    ]);
    expect(partsOf(dimension, size, "json").flatMap((p) => jsonOf(p).rows)).toEqual(jsonOf(downloadText(dimension(), size, "json", null)).rows);
  });
});
