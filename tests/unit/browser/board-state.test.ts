import { describe, expect, it } from "vitest";
import {
  benchmarkRedirect,
  compareRows,
  defaultDirection,
  needsEveryRow,
  nextSort,
  parseState,
  rowMatches,
  serializeState,
  withMetric,
  type BoardState,
} from "../../../src/browser/board-state.ts";

const DEFAULT: BoardState = { sort: null, dir: null, q: "", filter: "", view: null, metric: null, provenance: [], hideTrained: false, all: false };

describe("parseState", () => {
  it("reads sort, direction, search, the board's filter and the view", () => {
    expect(parseState("?sort=perception_mos&dir=asc&q=sora&access=closed&view=model", "access")).toEqual({
      sort: "perception_mos",
      dir: "asc",
      q: "sora",
      filter: "closed",
      view: "model",
      metric: null,
      provenance: [],
      hideTrained: false,
      all: false,
    });
  });

  it("reads show=all as listing every row", () => {
    expect(parseState("?show=all", "kind").all).toBe(true);
    expect(parseState("?show=some", "kind").all).toBe(false);
  });

  it("reads the metric family a V2T board shows", () => {
    expect(parseState("?metric=krcc&view=model", "kind")).toMatchObject({ metric: "krcc", view: "model" });
    expect(parseState("?metric=", "kind").metric).toBeNull();
  });

  it("gives the defaults for an empty query string", () => {
    expect(parseState("", "access")).toEqual(DEFAULT);
    expect(parseState("?", "kind")).toEqual(DEFAULT);
  });

  it("reads only the filter parameter of its board", () => {
    expect(parseState("?access=open", "kind").filter).toBe("");
    expect(parseState("?kind=open-lmm", "kind").filter).toBe("open-lmm");
  });

  it("ignores a direction that is neither asc nor desc, and empty sort or view", () => {
    expect(parseState("?dir=up", "access").dir).toBeNull();
    expect(parseState("?sort=&view=", "access")).toEqual(DEFAULT);
  });

  it("decodes percent-encoded and plus-encoded search text", () => {
    expect(parseState("?q=InternVL2.5%20(8B)", "kind").q).toBe("InternVL2.5 (8B)");
    expect(parseState("?q=a+b", "kind").q).toBe("a b");
  });
});

describe("serializeState", () => {
  it("writes nothing for the default view, so the plain URL stays canonical", () => {
    expect(serializeState(DEFAULT, "access")).toBe("");
    expect(serializeState({ ...DEFAULT, sort: "rank", dir: "asc" }, "access")).toBe("");
    expect(serializeState({ ...DEFAULT, q: "   " }, "access")).toBe("");
  });

  it("omits a column's natural direction and writes the other one", () => {
    expect(serializeState({ ...DEFAULT, sort: "perception_mos", dir: "desc" }, "access")).toBe("?sort=perception_mos");
    expect(serializeState({ ...DEFAULT, sort: "perception_mos", dir: null }, "access")).toBe("?sort=perception_mos");
    expect(serializeState({ ...DEFAULT, sort: "perception_mos", dir: "asc" }, "access")).toBe(
      "?sort=perception_mos&dir=asc",
    );
    expect(serializeState({ ...DEFAULT, sort: "name", dir: "asc" }, "access")).toBe("?sort=name");
    expect(serializeState({ ...DEFAULT, sort: "name", dir: "desc" }, "access")).toBe("?sort=name&dir=desc");
  });

  it("writes a descending rank order as dir=desc without a sort key", () => {
    expect(serializeState({ ...DEFAULT, sort: "rank", dir: "desc" }, "access")).toBe("?dir=desc");
  });

  it("trims the search text and writes the filter under the board's name", () => {
    expect(serializeState({ ...DEFAULT, q: "  intern ", filter: "open-lmm" }, "kind")).toBe("?q=intern&kind=open-lmm");
  });

  it("keeps unrelated parameters of the base query and replaces its own", () => {
    expect(serializeState({ ...DEFAULT, filter: "open" }, "access", "?utm=x&access=closed&sort=rank_sum")).toBe(
      "?utm=x&access=open",
    );
  });

  it("round-trips through parseState for every kind of state", () => {
    const states: BoardState[] = [
      { sort: "correspondence_mos", dir: "asc", q: "s", filter: "closed", view: null, metric: null, provenance: [], hideTrained: false, all: false },
      { sort: "perception_mos", dir: "desc", q: "", filter: "", view: null, metric: null, provenance: [], hideTrained: false, all: false },
      { sort: "rank_sum", dir: "desc", q: "a&b=c", filter: "open", view: "model", metric: "krcc", provenance: [], hideTrained: false, all: false },
      { sort: "name", dir: "asc", q: "InternVL2.5 (8B)", filter: "", view: "instance", metric: "plcc", provenance: [], hideTrained: false, all: false },
      { sort: "rank", dir: "desc", q: "", filter: "", view: null, metric: null, provenance: [], hideTrained: false, all: false },
      { sort: "rank", dir: "asc", q: "", filter: "", view: "model", metric: null, provenance: ["verified", "self-reported"], hideTrained: true, all: false },
      { sort: "name", dir: "asc", q: "", filter: "", view: null, metric: null, provenance: [], hideTrained: false, all: true },
    ];
    for (const state of states) {
      const parsed = parseState(serializeState(state, "access"), "access");
      const sort = parsed.sort ?? "rank";
      expect({ ...parsed, sort, dir: parsed.dir ?? defaultDirection(sort) }).toEqual(state);
    }
  });
});

describe("withMetric", () => {
  const shown = (keys: string[]) => (key: string) => keys.includes(key);

  it("writes the board's default family as no parameter, any other under metric=", () => {
    const krcc = withMetric(DEFAULT, "krcc", "srcc", shown(["rank"]));
    expect(krcc.metric).toBe("krcc");
    expect(serializeState(krcc, "kind")).toBe("?metric=krcc");
    const back = withMetric(krcc, "srcc", "srcc", shown(["rank"]));
    expect(back.metric).toBeNull();
    expect(serializeState(back, "kind")).toBe("");
  });

  it("drops a sort by a column the new family hides, and keeps one the new family still shows", () => {
    const sorted: BoardState = { ...DEFAULT, sort: "alignment_srcc", dir: "asc", q: "clip" };
    expect(withMetric(sorted, "krcc", "srcc", shown(["rank", "alignment_krcc_c"]))).toEqual({ ...DEFAULT, q: "clip", metric: "krcc" });
    const byName: BoardState = { ...DEFAULT, sort: "name", dir: "desc" };
    expect(withMetric(byName, "krcc", "srcc", shown(["name"]))).toEqual({ ...byName, metric: "krcc" });
  });
});

describe("defaultDirection and nextSort", () => {
  it("sorts ranks, names and groups ascending first and value columns best (highest) first", () => {
    for (const key of ["rank", "rank_sum", "name", "group"]) expect(defaultDirection(key)).toBe("asc");
    for (const key of ["perception_mos", "qa_accuracy", "correspondence_srcc"]) expect(defaultDirection(key)).toBe("desc");
  });

  it("starts a newly clicked column in its natural order", () => {
    expect(nextSort(DEFAULT, "perception_mos")).toMatchObject({ sort: "perception_mos", dir: "desc" });
    expect(nextSort(DEFAULT, "name")).toMatchObject({ sort: "name", dir: "asc" });
    const sorted: BoardState = { ...DEFAULT, sort: "perception_mos", dir: "asc" };
    expect(nextSort(sorted, "correspondence_mos")).toMatchObject({ sort: "correspondence_mos", dir: "desc" });
  });

  it("flips the direction when the same column is clicked again, back and forth", () => {
    const once = nextSort(DEFAULT, "perception_mos");
    const twice = nextSort(once, "perception_mos");
    const thrice = nextSort(twice, "perception_mos");
    expect([once.dir, twice.dir, thrice.dir]).toEqual(["desc", "asc", "desc"]);
  });

  it("treats the default view as sorted by rank ascending, so clicking Rank first flips it", () => {
    expect(nextSort(DEFAULT, "rank")).toMatchObject({ sort: "rank", dir: "desc" });
  });

  it("keeps search, filter and view when sorting", () => {
    const state: BoardState = { sort: null, dir: null, q: "x", filter: "open", view: "model", metric: "krcc", provenance: [], hideTrained: false, all: false };
    expect(nextSort(state, "rank_sum")).toEqual({ ...state, sort: "rank_sum", dir: "asc" });
  });
});

describe("compareRows", () => {
  const row = (value: string, position: number) => ({ value, position });
  const sortRows = (rows: { value: string; position: number }[], numeric: boolean, dir: "asc" | "desc") =>
    [...rows].sort((a, b) => compareRows(a, b, numeric, dir)).map((r) => r.value);

  it("compares numbers numerically, not as text", () => {
    const rows = [row("9", 1), row("10", 2), row("-0.5", 3), row("65.25", 4)];
    expect(sortRows(rows, true, "asc")).toEqual(["-0.5", "9", "10", "65.25"]);
    expect(sortRows(rows, true, "desc")).toEqual(["65.25", "10", "9", "-0.5"]);
  });

  it("compares text by code point", () => {
    const rows = [row("zeroscope", 1), row("allegro", 2), row("Zed", 3)];
    expect(sortRows(rows, false, "asc")).toEqual(["Zed", "allegro", "zeroscope"]);
    expect(sortRows(rows, false, "desc")).toEqual(["zeroscope", "allegro", "Zed"]);
  });

  it("puts empty values last in both directions", () => {
    const rows = [row("", 1), row("2", 2), row("", 3), row("1", 4)];
    expect(sortRows(rows, true, "asc")).toEqual(["1", "2", "", ""]);
    expect(sortRows(rows, true, "desc")).toEqual(["2", "1", "", ""]);
    expect(compareRows(row("", 1), row("5", 2), true, "asc")).toBeGreaterThan(0);
    expect(compareRows(row("", 1), row("5", 2), true, "desc")).toBeGreaterThan(0);
  });

  it("keeps ties, and empty values among themselves, in the board's display position", () => {
    const rows = [row("5", 3), row("", 9), row("5", 1), row("", 2), row("5", 2)];
    const asc = [...rows].sort((a, b) => compareRows(a, b, true, "asc"));
    const desc = [...rows].sort((a, b) => compareRows(a, b, true, "desc"));
    expect(asc.map((r) => r.position)).toEqual([1, 2, 3, 2, 9]);
    expect(desc.map((r) => r.position)).toEqual([1, 2, 3, 2, 9]);
  });
});

describe("provenance and trained-on state", () => {
  it("reads the provenance kinds as a comma list and the trained toggle", () => {
    expect(parseState("?provenance=verified,published&trained=hide", "kind")).toMatchObject({ provenance: ["verified", "published"], hideTrained: true });
    expect(parseState("?provenance=,verified,,verified", "kind").provenance).toEqual(["verified"]);
    expect(parseState("?trained=yes", "kind").hideTrained).toBe(false);
  });

  it("writes them with readable commas, leaves them out by default, and round-trips", () => {
    const state = { ...DEFAULT, provenance: ["verified", "published"], hideTrained: true };
    expect(serializeState(state, "kind")).toBe("?provenance=verified,published&trained=hide");
    expect(serializeState(DEFAULT, "kind", "?provenance=computed&trained=hide")).toBe("");
    expect(parseState(serializeState(state, "kind"), "kind")).toEqual(state);
  });

  it("shows only rows of a chosen kind, and hides rows trained on the benchmark when asked", () => {
    const love = { search: "love", group: "lmm-metric", provenance: "published", trained: true };
    const mine = { search: "mine", group: "quality-metric", provenance: "self-reported", trained: false };
    const onlyVerifiedOrPublished = { ...DEFAULT, provenance: ["verified", "published"] };
    expect(rowMatches(love, onlyVerifiedOrPublished)).toBe(true);
    expect(rowMatches(mine, onlyVerifiedOrPublished)).toBe(false);
    expect(rowMatches(love, { ...DEFAULT, hideTrained: true })).toBe(false);
    expect(rowMatches(mine, { ...DEFAULT, hideTrained: true })).toBe(true);
  });
});

describe("rowMatches", () => {
  const intern = { search: "internvl2.5 (8b)", group: "open-lmm" };
  const gpt = { search: "chatgpt-4o", group: "proprietary-lmm" };

  it("matches every row in the default state", () => {
    expect(rowMatches(intern, DEFAULT)).toBe(true);
    expect(rowMatches({ search: "", group: "" }, DEFAULT)).toBe(true);
  });

  it("matches search text case-insensitively (rows carry lower-case search text), trimmed", () => {
    expect(rowMatches(intern, { ...DEFAULT, q: "Intern" })).toBe(true);
    expect(rowMatches(intern, { ...DEFAULT, q: "  VL2.5 " })).toBe(true);
    expect(rowMatches(gpt, { ...DEFAULT, q: "intern" })).toBe(false);
  });

  it("matches the filter exactly", () => {
    expect(rowMatches(intern, { ...DEFAULT, filter: "open-lmm" })).toBe(true);
    expect(rowMatches(intern, { ...DEFAULT, filter: "open" })).toBe(false);
    expect(rowMatches(gpt, { ...DEFAULT, filter: "open-lmm" })).toBe(false);
  });

  it("needs both the search and the filter to match", () => {
    expect(rowMatches(intern, { ...DEFAULT, q: "intern", filter: "proprietary-lmm" })).toBe(false);
    expect(rowMatches(gpt, { ...DEFAULT, q: "gpt", filter: "proprietary-lmm" })).toBe(true);
  });
});

describe("benchmarkRedirect", () => {
  const targets = { "aigve-60k": "/aigve-60k/t2v/", fetv: "/fetv/t2v/" };

  it("forwards to the named benchmark's board and keeps the rest of the query", () => {
    expect(benchmarkRedirect("?benchmark=fetv&sort=name&q=zero", "aigve-60k", targets)).toBe("/fetv/t2v/?sort=name&q=zero");
    expect(benchmarkRedirect("?benchmark=fetv", "aigve-60k", targets)).toBe("/fetv/t2v/");
  });

  it("does nothing without the parameter, for the current benchmark, or for an unknown one", () => {
    expect(benchmarkRedirect("?sort=name", "aigve-60k", targets)).toBeNull();
    expect(benchmarkRedirect("?benchmark=aigve-60k", "aigve-60k", targets)).toBeNull();
    expect(benchmarkRedirect("?benchmark=nope", "aigve-60k", targets)).toBeNull();
    expect(benchmarkRedirect("?benchmark=toString", "aigve-60k", targets)).toBeNull();
  });
});

describe("needsEveryRow", () => {
  it("is false for the board's own order, whatever the view or correlation family", () => {
    expect(needsEveryRow(DEFAULT)).toBe(false);
    expect(needsEveryRow({ ...DEFAULT, view: "model", metric: "krcc", sort: "rank", dir: "asc" })).toBe(false);
  });

  it("is true for a search, a filter, a provenance choice, hiding trained methods, a sort or show all", () => {
    for (const state of [
      { ...DEFAULT, q: "sora" },
      { ...DEFAULT, filter: "open" },
      { ...DEFAULT, provenance: ["verified"] },
      { ...DEFAULT, hideTrained: true },
      { ...DEFAULT, sort: "name" },
      { ...DEFAULT, sort: "rank", dir: "desc" as const },
      { ...DEFAULT, all: true },
    ]) {
      expect(needsEveryRow(state)).toBe(true);
    }
  });

  it("is false for a search of blanks only", () => {
    expect(needsEveryRow({ ...DEFAULT, q: "   " })).toBe(false);
  });
});
