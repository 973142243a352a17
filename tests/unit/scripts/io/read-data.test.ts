/** readText and the JSON readers refuse what is not a readable UTF-8 text file, by file and line, never quoting it. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { InputError } from "../../../../scripts/io/input-error.ts";
import { readJsonFile, readJsonLinesFile, readText } from "../../../../scripts/io/read-data.ts";
import { tempDir } from "../../../support/bundles.ts";

const dir = tempDir("read-data");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` to a file of the temporary folder and returns its path. */
function file(name: string, bytes: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, bytes);
  return full;
}

/** The problems an InputError carries, as `line: message` (the file is this folder's). */
function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.line ?? "-"}: ${p.message}`);
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("readText", () => {
  it("reads UTF-8 text, CRLF line ends included", () => {
    expect(readText(file("ok.txt", "a\r\nb é\n"))).toBe("a\r\nb é\n");
  });

  it("refuses a byte-order mark at line 1", () => {
    expect(problemsOf(() => readText(file("bom.txt", "\ufeff{}\n")))).toEqual(["1: starts with a byte-order mark (U+FEFF); save it as UTF-8 without one"]);
  });

  it("refuses bytes that are not UTF-8, naming the line of the first and its value", () => {
    const bytes = Buffer.concat([Buffer.from("one\ntwo é\nthr"), Buffer.from([0xe9]), Buffer.from("e\n")]);
    expect(problemsOf(() => readText(file("latin1.txt", bytes)))).toEqual(["3: is not UTF-8 text (byte 0xe9)"]);
  });

  it("refuses an overlong encoding and an encoded surrogate, which a lenient decoder would let through", () => {
    expect(problemsOf(() => readText(file("overlong.txt", Buffer.from([0x61, 0x0a, 0xc0, 0xaf]))))).toEqual(["2: is not UTF-8 text (byte 0xc0)"]);
    expect(problemsOf(() => readText(file("surrogate.txt", Buffer.from([0xed, 0xa0, 0x80]))))).toEqual(["1: is not UTF-8 text (byte 0xed)"]);
  });

  it("refuses a directory, a missing file and a dangling link by name", () => {
    fs.mkdirSync(path.join(dir, "folder"));
    fs.symlinkSync("nowhere", path.join(dir, "dangling"));
    expect(problemsOf(() => readText(path.join(dir, "folder")))).toEqual(["-: is a directory, not a file"]);
    expect(problemsOf(() => readText(path.join(dir, "absent")))).toEqual(["-: does not exist (or is a link to nothing)"]);
    expect(problemsOf(() => readText(path.join(dir, "dangling")))).toEqual(["-: does not exist (or is a link to nothing)"]);
  });

  it("refuses a file larger than it may read whole, by its size, without reading it", () => {
    const big = file("big.jsonl", "");
    fs.truncateSync(big, 600 * 1024 * 1024);
    expect(problemsOf(() => readText(big))).toEqual(["-: is 629,145,600 bytes, more than the 512 MiB an input file may have"]);
  });
});

describe("JSON errors", () => {
  it("say where the JSON breaks without quoting the text", () => {
    const problems = problemsOf(() => readJsonLinesFile(file("foreign.jsonl", '{"a": 1}\nroot:x:0:0:secret\n{"a": \n'), z.object({ a: z.number() })));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^2: is not valid JSON/);
    expect(problems[1]).toMatch(/^3: is not valid JSON/);
    expect(problems.join("\n")).not.toContain("secret");
    expect(problemsOf(() => readJsonFile(file("foreign.json", "root:x:0:0:secret"), z.object({})))).toEqual(["-: is not valid JSON"]);
  });
});
