import { describe, expect, it } from "vitest";
import { csvCell, neutralizeFormula, toCsv } from "../../../src/lib/csv.ts";

describe("csvCell", () => {
  it("writes plain text unchanged and empty cells for null and undefined", () => {
    expect(csvCell("Sora")).toBe("Sora");
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes a cell holding a comma, a quote or a line break, doubling inner quotes (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell('"')).toBe('""""');
  });

  it("leaves spaces, semicolons and non-ASCII text unquoted", () => {
    expect(csvCell("InternVL2.5 (38B)")).toBe("InternVL2.5 (38B)");
    expect(csvCell("a;b")).toBe("a;b");
    expect(csvCell("text–video ✓")).toBe("text–video ✓");
  });

  it("neutralizes text that a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    // A leading carriage return is neutralized and, being a line break, quoted as well.
    expect(csvCell("\rcmd")).toBe("\"'\rcmd\"");
  });

  it("does not neutralize those characters when they are not the first one", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("Text2Video-Zero")).toBe("Text2Video-Zero");
    expect(csvCell(" =1")).toBe(" =1");
  });

  it("never alters numbers: negatives, zero and full precision stay as numbers", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvCell(0.7932)).toBe("0.7932");
    expect(csvCell(1e-7)).toBe("1e-7");
    expect(Number(csvCell(Math.PI))).toBe(Math.PI);
  });

  it("writes booleans as true / false", () => {
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
  });

  it("refuses NaN and infinities instead of writing them", () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(/non-finite/);
    expect(() => csvCell(Number.NEGATIVE_INFINITY)).toThrow(/non-finite/);
  });
});

describe("neutralizeFormula", () => {
  it("prefixes an apostrophe to text starting with = + - @ tab or CR, and to nothing else", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralizeFormula(`${lead}x`)).toBe(`'${lead}x`);
    for (const text of ["x", "", "'=x", "1", "é"]) expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("toCsv", () => {
  it("writes a header row then one row per record, every line ending in CRLF", () => {
    const text = toCsv(["model", "value"], [["A", 1], ["B, Inc.", -0.25]]);
    expect(text).toBe('model,value\r\nA,1\r\n"B, Inc.",-0.25\r\n');
  });

  it("writes a header-only document for no records", () => {
    expect(toCsv(["a", "b"], [])).toBe("a,b\r\n");
  });

  it("keeps a quoted line break inside its cell, so the row count stays right", () => {
    const text = toCsv(["name"], [["line one\nline two"], ["x"]]);
    expect(text).toBe('name\r\n"line one\nline two"\r\nx\r\n');
    expect(text.split("\r\n")).toHaveLength(4);
  });

  it("neutralizes header cells too", () => {
    expect(toCsv(["=evil"], [])).toBe("'=evil\r\n");
  });
});
