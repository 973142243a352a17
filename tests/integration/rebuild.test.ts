/**
 * `scripts/rebuild.ts` end to end: the store derived from data/ holds exactly the published AIGVE-60K
 * figures, ranks them as an independent SciPy computation does, is reproducible, and survives bad input.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { copyData } from "../support/bundles.ts";
import golden from "../fixtures/aigve-60k-ranks.json" with { type: "json" };

const ROOT = path.resolve(import.meta.dirname, "../..");
const DATA = path.join(ROOT, "data");
const PUBLISHED = path.join(DATA, "benchmarks", "aigve-60k", "published");
const run = promisify(execFile);

type Row = Record<string, unknown>;

/** Runs the rebuild script with the project's Node; resolves with its exit code and output. */
async function rebuild(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/rebuild.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every table of a store, each row as JSON, ordered by all columns: the store's logical content. */
function dump(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => `"${c.name}"`);
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(", ")}`).all() as Row[];
      out[name] = rows.map((row) => JSON.stringify(row));
    }
    return out;
  } finally {
    db.close();
  }
}

/** Rows of a published CSV by header name; these files hold no quoted cells, which is checked. */
function publishedRows(file: string): { line: number; cells: Record<string, string> }[] {
  const text = fs.readFileSync(path.join(PUBLISHED, file), "utf8");
  expect(text, `${file} has no quoted cells`).not.toContain('"');
  const [head = "", ...lines] = text.split(/\r?\n/);
  const header = head.split(",");
  return lines
    .map((line, i) => ({ line: i + 2, text: line }))
    .filter(({ text: t }) => t !== "")
    .map(({ line, text: t }) => {
      const cells = t.split(",");
      expect(cells, `${file}:${line}`).toHaveLength(header.length);
      return { line, cells: Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])) };
    });
}

let tmp: string;
let emptyDatasets: string;
let storeA: string;
let storeB: string;
let db: Database.Database;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-rebuild-"));
  emptyDatasets = path.join(tmp, "no-datasets");
  fs.mkdirSync(emptyDatasets);
  storeA = path.join(tmp, "a", "store.sqlite");
  storeB = path.join(tmp, "b", "store.sqlite");
  // Two full rebuilds (with the external datasets when present), side by side.
  const [a, b] = await Promise.all([rebuild(["--store", storeA]), rebuild(["--store", storeB])]);
  expect(a.stderr.replace(/^.*not found at .*without them\.$/gm, "").trim()).toBe("");
  expect([a.code, b.code]).toEqual([0, 0]);
  expect(a.stdout).toMatch(/^Store .* rebuilt in [\d.]+ s: 3 benchmark\(s\), \d+ T2V and \d+ V2T entries, \d+ results\.$/m);
  db = new Database(storeA, { readonly: true, fileMustExist: true });
}, 600_000);

afterAll(() => {
  db?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[];
const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe("the rebuilt store: AIGVE-60K", () => {
  it("holds 30 T2V and 48 V2T entries, all from the published figures", () => {
    expect(count("SELECT count(*) AS n FROM t2v_entries WHERE benchmark_id = 'aigve-60k'")).toBe(30);
    expect(count("SELECT count(*) AS n FROM v2t_entries WHERE benchmark_id = 'aigve-60k'")).toBe(48);
    expect(
      count("SELECT count(*) AS n FROM t2v_entries WHERE benchmark_id = 'aigve-60k' AND (source <> 'published' OR is_reference)"),
    ).toBe(0);
  });

  it("holds 30 × 3 T2V and 48 × 6 V2T results, all overall and published with a source naming arXiv 2505.12098", () => {
    const byScope = all(
      `SELECT direction, level, count(*) AS n, count(DISTINCT entry_id) AS entries FROM results
       WHERE benchmark_id = 'aigve-60k' GROUP BY direction, level ORDER BY direction, level`,
    );
    expect(byScope).toEqual([
      { direction: "t2v", level: "model", n: 90, entries: 30 },
      { direction: "v2t", level: "instance", n: 144, entries: 48 },
      { direction: "v2t", level: "model", n: 144, entries: 48 },
    ]);
    const results = all("SELECT * FROM results WHERE benchmark_id = 'aigve-60k'");
    expect(results).toHaveLength(30 * 3 + 48 * 6);
    for (const r of results) {
      expect(r.provenance).toBe("published");
      expect(r.dimension).toBe("overall");
      expect(r.source).toMatch(/arXiv:\s?2505\.12098/);
      expect([r.ci_low, r.ci_high, r.n]).toEqual([null, null, null]);
    }
  });

  it("stores every published T2V figure exactly as written in t2v-models.csv", () => {
    const stored = new Map(
      all(
        `SELECT e.name, r.perspective_id || '_' || r.metric AS key, r.value FROM results r
         JOIN t2v_entries e ON e.benchmark_id = r.benchmark_id AND e.id = r.entry_id
         WHERE r.benchmark_id = 'aigve-60k' AND r.direction = 't2v'`,
      ).map((r) => [`${r.name}|${r.key}`, r.value]),
    );
    const rows = publishedRows("t2v-models.csv");
    expect(rows).toHaveLength(30);
    const columns = { perception_mos: "perception_mos", correspondence_mos: "correspondence_mos", qa_accuracy: "qa_accuracy" };
    for (const { cells } of rows) {
      for (const [csvColumn, key] of Object.entries(columns)) {
        expect(stored.get(`${cells.model}|${key}`), `${cells.model} ${csvColumn}`).toBe(Number(cells[csvColumn]));
      }
    }
    const entries = all("SELECT name, access, url FROM t2v_entries WHERE benchmark_id = 'aigve-60k' ORDER BY name");
    expect(entries).toEqual(
      rows
        .map(({ cells }) => ({ name: cells.model, access: cells.access, url: cells.url }))
        .sort((a, b) => ((a.name ?? "") < (b.name ?? "") ? -1 : 1)),
    );
  });

  it("stores every published V2T figure exactly as written in v2t-methods.csv", () => {
    const stored = new Map(
      all(
        `SELECT e.name, r.level || '_' || r.perspective_id || '_' || r.metric AS key, r.value FROM results r
         JOIN v2t_entries e ON e.benchmark_id = r.benchmark_id AND e.id = r.entry_id
         WHERE r.benchmark_id = 'aigve-60k' AND r.direction = 'v2t'`,
      ).map((r) => [`${r.name}|${r.key}`, r.value]),
    );
    const rows = publishedRows("v2t-methods.csv");
    expect(rows).toHaveLength(48);
    const columns = {
      instance_perception_srcc: "instance_perception_srcc",
      instance_correspondence_srcc: "instance_correspondence_srcc",
      instance_qa_accuracy: "instance_qa_accuracy",
      model_perception_srcc: "model_perception_srcc",
      model_correspondence_srcc: "model_correspondence_srcc",
      model_qa_score: "model_qa_score",
    };
    for (const { cells } of rows) {
      for (const [csvColumn, key] of Object.entries(columns)) {
        expect(stored.get(`${cells.method}|${key}`), `${cells.method} ${csvColumn}`).toBe(Number(cells[csvColumn]));
      }
    }
    const kinds = new Map(all("SELECT name, kind FROM v2t_entries WHERE benchmark_id = 'aigve-60k'").map((r) => [r.name, r.kind]));
    for (const { cells } of rows) expect(kinds.get(cells.method), cells.method).toBe(cells.kind);
  });

  for (const [board, ranks] of Object.entries(golden.boards)) {
    it(`ranks the ${board} board as the independent SciPy golden ranks do`, () => {
      const entryTable = board === "t2v" ? "t2v_entries" : "v2t_entries";
      const rankings = all(
        `SELECT e.name, k.rank, k.rank_sum, k.position FROM rankings k
         JOIN ${entryTable} e ON e.benchmark_id = k.benchmark_id AND e.id = k.entry_id
         WHERE k.benchmark_id = 'aigve-60k' AND k.board = ? AND k.dimension = 'overall' ORDER BY k.position`,
        board,
      );
      const expected = ranks as Record<string, { rank: number; rank_sum: number; column_ranks: Record<string, number> }>;
      expect(rankings).toHaveLength(Object.keys(expected).length);
      for (const row of rankings) {
        const want = expected[row.name as string];
        expect(want, `${row.name} is in the golden fixture`).toBeDefined();
        expect({ rank: row.rank, rank_sum: row.rank_sum }, String(row.name)).toEqual({ rank: want?.rank, rank_sum: want?.rank_sum });
      }
      // Display positions run 1..n in rank order.
      expect(rankings.map((r) => r.position)).toEqual(rankings.map((_, i) => i + 1));
      const inOrder = rankings.map((r) => r.rank as number);
      expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));

      const columnRanks = all(
        `SELECT e.name, c.column_key, c.rank FROM column_ranks c
         JOIN ${entryTable} e ON e.benchmark_id = c.benchmark_id AND e.id = c.entry_id
         WHERE c.benchmark_id = 'aigve-60k' AND c.board = ? AND c.dimension = 'overall'`,
        board,
      );
      expect(columnRanks).toHaveLength(Object.keys(expected).length * 3);
      for (const row of columnRanks) {
        expect(row.rank, `${row.name} ${row.column_key}`).toBe(expected[row.name as string]?.column_ranks[row.column_key as string]);
      }
    });
  }

  it("puts the expected leaders first (a sanity check of the golden fixture itself)", () => {
    const first = (board: string, table: string) =>
      all(
        `SELECT e.name FROM rankings k JOIN ${table} e ON e.benchmark_id = k.benchmark_id AND e.id = k.entry_id
         WHERE k.benchmark_id = 'aigve-60k' AND k.board = ? AND k.dimension = 'overall' AND k.position = 1`,
        board,
      )[0]?.name;
    expect(first("v2t-instance", "v2t_entries")).toBe("LOVE");
    expect(first("v2t-model", "v2t_entries")).toBe("LOVE");
    expect(golden.boards.t2v.Jimeng.column_ranks.perception_mos).toBe(1);
  });
});

describe("rebuilding twice", () => {
  it("gives the same logical content, table by table", () => {
    const a = dump(storeA);
    const b = dump(storeB);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["results", "rankings", "column_ranks", "t2v_entries", "v2t_entries"]));
    for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table]);
  });

  it("gives byte-identical SQLite files", () => {
    expect(sha256(storeB)).toBe(sha256(storeA));
  });

  it("gives the same store whether the scores are computed afresh or read from the scoring cache", { timeout: 180_000 }, async () => {
    // Both rebuilds above may read the repository's .cache/scores; here a private cache starts cold.
    // Few resamples keep this fast; the bootstrap is seeded, so any count must reproduce.
    const cacheDir = path.join(tmp, "score-cache");
    const options = { dataDir: DATA, cacheDir, resamples: 5 };
    const computed = await buildContent(options);
    expect(fs.readdirSync(cacheDir).length).toBeGreaterThan(0);
    const cached = await buildContent(options);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(computed));
    const [fresh, fromCache] = [path.join(tmp, "fresh.sqlite"), path.join(tmp, "from-cache.sqlite")];
    writeStore(computed, fresh);
    writeStore(cached, fromCache);
    expect(sha256(fromCache)).toBe(sha256(fresh));
  });
});

describe("a rebuild from broken data", () => {
  let brokenData: string;
  let target: string;
  let before: string;
  let result: Awaited<ReturnType<typeof rebuild>>;

  beforeAll(async () => {
    brokenData = path.join(tmp, "broken-data");
    copyData(DATA, brokenData);
    const csv = path.join(brokenData, "benchmarks", "aigve-60k", "published", "t2v-models.csv");
    const lines = fs.readFileSync(csv, "utf8").split("\n");
    // Line 11 is Jimeng; its perception_mos (the 4th cell) becomes "abc".
    expect(lines[10]?.startsWith("Jimeng,")).toBe(true);
    lines[10] = (lines[10] ?? "").replace(",65.25,", ",abc,");
    fs.chmodSync(csv, 0o644);
    fs.writeFileSync(csv, lines.join("\n"));

    target = path.join(tmp, "previous", "store.sqlite");
    fs.mkdirSync(path.dirname(target));
    fs.copyFileSync(storeA, target);
    before = sha256(target);
    result = await rebuild(["--store", target, "--data", brokenData], { AIGVE_DATASETS: emptyDatasets });
  });

  it("fails with exit code 1 and a message naming the file, line and field, without a stack trace", () => {
    expect(result.code).toBe(1);
    const file = path.join(brokenData, "benchmarks", "aigve-60k", "published", "t2v-models.csv");
    expect(result.stderr).toContain(`${file}:11: field "perception_mos": expected a number`);
    expect(result.stderr).toMatch(/^1 problem\(s\) in the input:/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).not.toContain("rebuilt");
  });

  it("leaves the previous store byte-identical and no temporary file behind", () => {
    expect(sha256(target)).toBe(before);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["store.sqlite"]);
  });

  it("succeeds again on the same copy of data/ once the cell is repaired", async () => {
    const csv = path.join(brokenData, "benchmarks", "aigve-60k", "published", "t2v-models.csv");
    fs.writeFileSync(csv, fs.readFileSync(csv, "utf8").replace(",abc,", ",65.25,"));
    const fixed = await rebuild(["--store", target, "--data", brokenData], { AIGVE_DATASETS: emptyDatasets });
    expect(fixed.code).toBe(0);
    const aigve = (rows: string[] = []) => rows.filter((r) => r.startsWith('{"benchmark_id":"aigve-60k"'));
    expect(aigve(dump(target).results)).toEqual(aigve(dump(storeA).results));
    expect(aigve(dump(target).results)).toHaveLength(30 * 3 + 48 * 6);
  });
});
