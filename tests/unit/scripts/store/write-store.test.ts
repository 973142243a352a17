import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emptyContent, type StoreContent } from "../../../../scripts/store/store-content";
import { readStore } from "../../../../scripts/store/read-store";
import { writeStore } from "../../../../scripts/store/write-store";

type Result = StoreContent["results"][number];

/** Result rows over a few entries: long runs of one value per column (whole batches), some nulls, -0 and 0. */
function results(count: number): Result[] {
  const rows: Result[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      benchmarkId: i < count - 3 ? "bench" : "bench-b",
      direction: i % 7 === 0 ? "v2t" : "t2v",
      entryId: `entry-${Math.floor(i / 150)}`,
      level: i % 3 === 0 ? "model" : "instance",
      dimension: `d${i % 5}`,
      perspectiveId: "overall",
      metric: `m${i}`,
      value: i % 11 === 0 ? -0 : i % 13 === 0 ? 0 : i / 7,
      ciLow: i % 4 === 0 ? null : 0,
      ciHigh: 1,
      ciNote: i % 200 === 0 ? "same value in every resample" : null,
      n: i % 150 < 140 ? 100 : null,
      provenance: "recomputed",
      ...(i % 2 === 0 ? { source: "bootstrap" } : {}),
    });
  }
  return rows;
}

/** The same rows in a scrambled order (a fixed permutation, no randomness). */
function scrambled<T>(rows: readonly T[]): T[] {
  return rows.map((_, i) => rows[(i * 7919) % rows.length] as T);
}

describe("writeStore", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Writes `content` into a fresh folder and returns the store's path. */
  function written(content: StoreContent): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-write-store-"));
    dirs.push(dir);
    const file = path.join(dir, "store.sqlite");
    writeStore(content, file);
    return file;
  }

  it("writes the same bytes whatever order the rows come in", () => {
    // 1,009 rows: whole batches of 100 with columns of one value, and a remainder inserted one by one.
    const rows = results(1009);
    const inOrder = { ...emptyContent(), results: rows };
    const shuffled = { ...emptyContent(), results: scrambled(rows) };
    expect(fs.readFileSync(written(shuffled)).equals(fs.readFileSync(written(inOrder)))).toBe(true);
  });

  it("reads back every row with its values and nulls (-0 as 0: SQLite keeps no sign of zero)", () => {
    const rows = results(1009);
    const back = readStore(written({ ...emptyContent(), results: scrambled(rows) })).results;
    const key = (r: Result) => `${r.benchmarkId}/${r.direction}/${r.entryId}/${r.level}/${r.dimension}/${r.perspectiveId}/${r.metric}`;
    const byKey = new Map(back.map((r) => [key(r), r]));
    expect(back).toHaveLength(rows.length);
    for (const row of rows) {
      const stored = byKey.get(key(row));
      expect(stored).toEqual({ ...row, value: row.value + 0, source: row.source ?? null });
    }
  });

  it("stores rows in canonical order: by each key column in turn, text by code unit", () => {
    const back = readStore(written({ ...emptyContent(), results: scrambled(results(1009)) })).results;
    const keys = back.map((r) => [r.benchmarkId, r.direction, r.entryId, r.level, r.dimension, r.perspectiveId, r.metric]);
    for (let i = 1; i < keys.length; i++) {
      const a = keys[i - 1] as string[];
      const b = keys[i] as string[];
      const c = a.findIndex((cell, k) => cell !== b[k]);
      expect(c).toBeGreaterThanOrEqual(0);
      expect((a[c] as string) < (b[c] as string)).toBe(true);
    }
  });
});

describe("a partial read", () => {
  it("is a PartialStore, which writeStore does not accept (a compile error), while a whole read is", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-partial-"));
    try {
      const file = path.join(dir, "store.sqlite");
      writeStore({ ...emptyContent(), results: results(5) }, file);
      const partial = readStore(file, { tables: ["meta"] });
      expect(partial.partial).toEqual({ tables: ["meta"] });
      expect(partial.results).toEqual([]);
      const whole = readStore(file);
      writeStore(whole, file);
      // @ts-expect-error a partial read lacks the rows outside what was read: a whole write would lose them.
      writeStore(partial, path.join(dir, "never.sqlite"));
      expect(readStore(path.join(dir, "never.sqlite")).results).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
