import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emptyContent, type StoreContent } from "../../../../scripts/store/store-content";
import { applyChanges, changeSet, snapshotOf } from "../../../../scripts/store/apply-changes";
import { dumpDifference, dumpDigest } from "../../../../scripts/store/dump";
import { readStore } from "../../../../scripts/store/read-store";
import { writeStore } from "../../../../scripts/store/write-store";

type Result = StoreContent["results"][number];

/** A result row of one benchmark and entry. */
function result(benchmarkId: string, entryId: string, metric: string, value: number): Result {
  return { benchmarkId, direction: "v2t", entryId, level: "instance", dimension: "overall", perspectiveId: "overall", metric, value, ciLow: null, ciHigh: null, ciNote: null, n: 10, provenance: "recomputed", source: null };
}

/** Content over two benchmarks, with meta rows. */
function content(): StoreContent {
  return {
    ...emptyContent(),
    meta: [
      { key: "release", value: "one" },
      { key: "inputs", value: "abc" },
    ],
    results: [result("a", "x", "m1", 0.5), result("a", "y", "m1", 0.25), result("b", "x", "m1", 0.75)],
  };
}

describe("applyChanges", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = (name: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-apply-"));
    dirs.push(dir);
    return path.join(dir, name);
  };

  it("writes back a benchmark-scoped read, changed, so that the store equals a whole write of the changed content", () => {
    const store = file("store.sqlite");
    writeStore(content(), store);
    const read = readStore(store, { benchmark: { benchmarkId: "a", predictionsOf: [] } });
    // Benchmark b's rows were not read: a whole write of this content would lose them.
    expect(read.results.map((r) => r.benchmarkId)).not.toContain("b");
    const snapshot = snapshotOf(read);
    read.results = [...read.results.filter((r) => r.entryId !== "y"), result("a", "y", "m1", 0.125), result("a", "z", "m1", 1)];
    read.meta = [...read.meta.filter((m) => m.key !== "release"), { key: "release", value: "two" }];
    const changes = changeSet(snapshot, read);
    // Only what changed: one meta row replaced, one result row replaced and one added; the unchanged rows not at all.
    expect(changes.map((c) => [c.name, c.deletes.length, c.inserts.length])).toEqual([
      ["meta", 1, 1],
      ["results", 1, 2],
    ]);
    applyChanges(changes, store);
    const expected = content();
    expected.results = [result("a", "x", "m1", 0.5), result("a", "y", "m1", 0.125), result("a", "z", "m1", 1), result("b", "x", "m1", 0.75)];
    expected.meta = [
      { key: "inputs", value: "abc" },
      { key: "release", value: "two" },
    ];
    const whole = file("whole.sqlite");
    writeStore(expected, whole);
    expect(dumpDifference(store, whole)).toEqual([]);
    expect(dumpDigest(store)).toBe(dumpDigest(whole));
  });

  it("leaves rows that a re-ranking remade equal to the stored ones out of the change", () => {
    const store = file("store.sqlite");
    writeStore(content(), store);
    const read = readStore(store, { benchmark: { benchmarkId: "a", predictionsOf: [] } });
    const snapshot = snapshotOf(read);
    read.results = read.results.map((r) => ({ ...r }));
    expect(changeSet(snapshot, read)).toEqual([]);
  });

  it("refuses an edit of a row read (a change replaces rows: an edit in place would be missed)", () => {
    const store = file("store.sqlite");
    writeStore(content(), store);
    const read = readStore(store, { benchmark: { benchmarkId: "a", predictionsOf: [] } });
    snapshotOf(read);
    expect(() => {
      (read.results[0] as Result).value = 2;
    }).toThrow(TypeError);
  });

  it("writes nothing when a row to delete is not in the store (another writer changed it)", () => {
    const store = file("store.sqlite");
    writeStore(content(), store);
    const before = dumpDigest(store);
    const read = readStore(store, { benchmark: { benchmarkId: "a", predictionsOf: [] } });
    const snapshot = snapshotOf(read);
    read.results = [result("a", "q", "m1", 3)];
    const changes = changeSet(snapshot, read);
    writeStore({ ...content(), results: [result("b", "x", "m1", 0.75)] }, store);
    const changed = dumpDigest(store);
    expect(() => applyChanges(changes, store)).toThrow(/the store changed under the writer/);
    expect(dumpDigest(store)).toBe(changed);
    expect(changed).not.toBe(before);
  });
});

describe("dumpDifference", () => {
  it("names the rows one store has and the other not, blobs as hex", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-dump-"));
    try {
      const a = path.join(dir, "a.sqlite");
      const b = path.join(dir, "b.sqlite");
      const draw = (bytes: number[]) => ({ benchmarkId: "a", board: "v2t-instance" as const, dimension: "overall", entryId: "x", columnKey: "k", values: Buffer.from(bytes) });
      writeStore({ ...emptyContent(), draws: [draw([1, 2])] }, a);
      writeStore({ ...emptyContent(), draws: [draw([1, 3])] }, b);
      expect(dumpDifference(a, b)).toEqual([`< draws\t"a"\t"v2t-instance"\t"overall"\t"x"\t"k"\tx'0102'`, `> draws\t"a"\t"v2t-instance"\t"overall"\t"x"\t"k"\tx'0103'`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a row only one store has, and nothing for two stores of the same content", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-dump-"));
    try {
      const [a, b, c] = ["a", "b", "c"].map((name) => path.join(dir, `${name}.sqlite`));
      const draw = (entryId: string) => ({ benchmarkId: "a", board: "v2t-instance" as const, dimension: "overall", entryId, columnKey: "k", values: Buffer.from([1]) });
      writeStore({ ...emptyContent(), draws: [draw("x")] }, a as string);
      writeStore({ ...emptyContent(), draws: [draw("x"), draw("y")] }, b as string);
      writeStore({ ...emptyContent(), draws: [draw("y"), draw("x")] }, c as string);
      expect(dumpDifference(a as string, b as string)).toEqual([`> draws\t"a"\t"v2t-instance"\t"overall"\t"y"\t"k"\tx'01'`]);
      expect(dumpDifference(b as string, c as string)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
