/** Reading git's output as data from outside: the record format, hashes and dates (by hand, from git's documented formats). */
import { describe, expect, it } from "vitest";
import { parseLog, parseStatus, plausibleDate } from "../../../../scripts/pipeline/history/git-history.ts";

const H1 = "0123456789abcdef0123456789abcdef01234567";
const H2 = "fedcba9876543210fedcba9876543210fedcba98";

describe("plausibleDate", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("keeps an ISO 8601 timestamp as git prints it, with a zone or Z", () => {
    expect(plausibleDate("2024-03-15T12:00:00+01:00", now)).toBe("2024-03-15T12:00:00+01:00");
    expect(plausibleDate("2024-03-15T12:00:00Z", now)).toBe("2024-03-15T12:00:00Z");
  });
  it("refuses dates in the future, before git existed, off the calendar, or with anything around them", () => {
    for (const text of [
      "2099-12-31T00:00:00+00:00",
      "1970-01-01T00:00:00+00:00",
      "2024-02-31T00:00:00+00:00",
      "2024-13-01T00:00:00+00:00",
      "2024-01-01T25:00:00+00:00",
      "../../../x",
      "2024-03-15T12:00:00+00:00/../../x",
      " 2024-03-15T12:00:00+00:00",
      "2024-03-15",
      "",
    ]) {
      expect(plausibleDate(text, now), text).toBeNull();
    }
  });
  it("allows a commit a day ahead of the build's clock (clock skew, time zones)", () => {
    expect(plausibleDate("2026-01-02T00:00:00+00:00", now)).toBe("2026-01-02T00:00:00+00:00");
  });
});

describe("parseLog", () => {
  it("reads NUL-separated records of hash, abbreviation and date, each followed by its file changes", () => {
    const out = `\0commit\0${H1}\0${H1.slice(0, 7)}\x002024-03-15T12:00:00+00:00\0\nM\0data/a.json\0A\0data/b c\nd.json\0\0commit\0${H2}\0${H2.slice(0, 7)}\x002024-03-01T12:00:00+00:00\0\nD\0data/commit\0`;
    expect(parseLog(out)).toEqual([
      { hash: H1, short: H1.slice(0, 7), date: "2024-03-15T12:00:00+00:00", files: [{ status: "M", path: "data/a.json" }, { status: "A", path: "data/b c\nd.json" }] },
      // A path named like the record marker is still a path: it follows its status letter.
      { hash: H2, short: H2.slice(0, 7), date: "2024-03-01T12:00:00+00:00", files: [{ status: "D", path: "data/commit" }] },
    ]);
  });
  it("leaves a commit with an implausible date undated", () => {
    expect(parseLog(`\0commit\0${H1}\0${H1.slice(0, 7)}\x002099-12-31T00:00:00+00:00\0\nM\0data/a.json\0`)[0]?.date).toBeNull();
  });
  it("refuses output whose hashes are not hashes or whose changes belong to no commit", () => {
    expect(() => parseLog(`\0commit\0${"z".repeat(40)}\0zzzzzzz\x002024-03-15T12:00:00+00:00\0`)).toThrow(/is not one/);
    expect(() => parseLog(`\0commit\0${H1}\0${H2.slice(0, 7)}\x002024-03-15T12:00:00+00:00\0`)).toThrow(/is not one/);
    expect(() => parseLog("\nM\0data/a.json\0")).toThrow(/no commit/);
  });
  it("reads nothing from no output", () => {
    expect(parseLog("")).toEqual([]);
  });
});

describe("parseStatus", () => {
  it("reads porcelain -z records, paths unquoted, whatever they hold", () => {
    expect(parseStatus("?? data/x/we\"ird\nname.json\0 M data/y.json\0D  data/z.json\0")).toEqual([
      { status: "A", path: "data/x/we\"ird\nname.json" },
      { status: "M", path: "data/y.json" },
      { status: "D", path: "data/z.json" },
    ]);
  });
});
