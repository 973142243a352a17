import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../../scripts/io/csv-parse.ts";
import { InputError } from "../../../../scripts/io/input-error.ts";

/** The InputError thrown by `fn`, or a failure when it does not throw one. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("parseCsv", () => {
  it("reads a header and records with the line each record starts on", () => {
    const { header, records } = parseCsv("model,mos\nA,1.5\nB,2\n", "t.csv");
    expect(header).toEqual(["model", "mos"]);
    expect(records).toEqual([
      { line: 2, cells: { model: "A", mos: "1.5" } },
      { line: 3, cells: { model: "B", mos: "2" } },
    ]);
  });

  it("accepts CRLF and lone CR line ends and a missing final line end", () => {
    expect(parseCsv("a,b\r\n1,2\r\n3,4", "t.csv").records.map((r) => [r.line, r.cells])).toEqual([
      [2, { a: "1", b: "2" }],
      [3, { a: "3", b: "4" }],
    ]);
    expect(parseCsv("a\r1\r2\r", "t.csv").records.map((r) => r.cells.a)).toEqual(["1", "2"]);
  });

  it("unquotes quoted cells, keeping commas and doubled quotes", () => {
    const { records } = parseCsv('name,note\n"Gen-3, Alpha","say ""hi"""\n', "t.csv");
    expect(records[0]?.cells).toEqual({ name: "Gen-3, Alpha", note: 'say "hi"' });
  });

  it("keeps line breaks inside quotes and counts them for the next record's line", () => {
    const text = 'name,note\nA,"line one\nline two\nline three"\nB,plain\n';
    const { records } = parseCsv(text, "t.csv");
    expect(records).toEqual([
      { line: 2, cells: { name: "A", note: "line one\nline two\nline three" } },
      { line: 5, cells: { name: "B", note: "plain" } },
    ]);
  });

  it("keeps empty cells and skips blank lines", () => {
    const { records } = parseCsv("a,b,c\n1,,3\n\n,,\n", "t.csv");
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [2, { a: "1", b: "", c: "3" }],
      [4, { a: "", b: "", c: "" }],
    ]);
  });

  it("drops a UTF-8 byte order mark and trims header names", () => {
    const { header } = parseCsv("\uFEFFmodel , mos\nA,1\n", "t.csv");
    expect(header).toEqual(["model", "mos"]);
  });

  it("reports a record with the wrong number of cells with the file and its line", () => {
    const error = inputError(() => parseCsv("a,b\n1,2\n1,2,3\n4\n", "data/x.csv"));
    expect(error.problems).toEqual([
      { file: "data/x.csv", line: 3, message: "expected 2 cells as in the header, found 3" },
      { file: "data/x.csv", line: 4, message: "expected 2 cells as in the header, found 1" },
    ]);
    expect(error.message).toContain("data/x.csv:3: expected 2 cells as in the header, found 3");
  });

  it("reports the starting line of a bad record that follows a multi-line quoted cell", () => {
    const error = inputError(() => parseCsv('a,b\n"x\ny",1\n2\n', "t.csv"));
    expect(error.problems).toEqual([{ file: "t.csv", line: 4, message: "expected 2 cells as in the header, found 1" }]);
  });

  it("reports a quote that is never closed at the line where it opened", () => {
    const error = inputError(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n', "t.csv"));
    expect(error.problems).toEqual([{ file: "t.csv", line: 3, message: "a quoted cell is never closed" }]);
  });

  it("reports an empty file, an empty header name and a duplicated column", () => {
    expect(inputError(() => parseCsv("", "t.csv")).problems[0]?.message).toMatch(/empty; expected a header row/);
    expect(inputError(() => parseCsv("a,,b\n1,2,3\n", "t.csv")).problems).toEqual([
      { file: "t.csv", line: 1, message: "the header has an empty column name" },
    ]);
    expect(inputError(() => parseCsv("a,a\n1,2\n", "t.csv")).problems).toEqual([
      { file: "t.csv", line: 1, field: "a", message: "column appears twice" },
    ]);
  });
});
