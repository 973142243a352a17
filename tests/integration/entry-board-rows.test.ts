/**
 * An entry's rows read by key (`loadEntryBoardRows`) are the rows its boards list: for every entry of a store of
 * FETV and TVGE with a FETV T2V model scored by an evaluator and kept apart, on every board and scope, the row (and
 * the row kept apart) equals the view's; each scope's summary holds the view's columns, counts, reference places,
 * its page's first rows and chunk files, the facts of every row and, overall on a board that ranks, its bars. A view released when an entry's rows are read is read again equal.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { capture, tempDataDir, tempDir, writeBundleDir } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { autoBundle, metricScoresOf } from "../support/fetv-bundles.ts";

const RESAMPLES = 200;
const AUTO_ENTRY = "zeroscope-by-umtscore";

describeWithDatasets("fetv", "an entry's rows read by key", () => {
  let root: string;

  beforeAll(async () => {
    root = tempDir("entry-board-rows");
    const dataDir = tempDataDir(["fetv", "tvge"]);
    const store = path.join(root, "store.sqlite");
    writeStore(await buildContent({ dataDir, resamples: RESAMPLES }), store);
    const scores = metricScoresOf("UMTScore", "zeroscope");
    const bundle = writeBundleDir(path.join(root, "bundle"), autoBundle("zeroscope by umtscore", "umtscore", (p) => scores.get(p) as number));
    const outcome = await submitBundle({ bundle, dataDir, store, stdout: capture(), stderr: capture(), dryRun: false });
    expect(outcome.status).toBe("stored");
    // The loaders open the store named here on first use, after the submit.
    process.env.AIGVE_STORE = store;
  }, 600_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("gives every entry, on every board and scope, the row and the row kept apart that the board's view lists", async () => {
    const { listBenchmarks } = await import("../../src/lib/benchmarks.ts");
    const { loadBoard } = await import("../../src/lib/boards.ts");
    const { loadEntryBoardRows, scopeIds } = await import("../../src/lib/entry-boards.ts");
    const { boardsOf } = await import("../../src/schemas/board.ts");
    const { listEntryIds } = await import("../../src/lib/entries.ts");
    let rows = 0;
    let apart = 0;
    let references = 0;
    for (const benchmark of listBenchmarks()) {
      for (const direction of ["t2v", "v2t"] as const) {
        for (const entryId of listEntryIds(benchmark.id, direction)) {
          const own = loadEntryBoardRows(benchmark.id, direction, entryId);
          for (const board of boardsOf(direction)) {
            for (const dimension of scopeIds(benchmark.id)) {
              const view = loadBoard(benchmark.id, board, dimension);
              const listed = view.rows.find((r) => r.entryId === entryId);
              expect(own.row(board, dimension), `${benchmark.id} ${board} ${dimension} ${entryId}`).toEqual(listed);
              expect(own.apart(board, dimension)).toEqual(view.apart.find((row) => row.entryId === entryId));
              if (listed) rows += 1;
              if (listed?.isReference) references += 1;
              if (own.apart(board, dimension)) apart += 1;
            }
          }
        }
      }
    }
    // The store holds what the comparison must cover: rows, real videos listed after the ranked rows, an entry kept apart.
    expect(rows).toBeGreaterThan(300);
    expect(references).toBeGreaterThan(0);
    expect(apart).toBeGreaterThan(0);
    expect(loadEntryBoardRows("fetv", "t2v", AUTO_ENTRY).apart("t2v", "overall")?.unrankedReason).toMatch(/^Scored automatically by umtscore/);
  });

  it("summarizes each board and scope as its view: columns, unranked reason, counts, reference places, a ranking board's overall bars, its page's first rows and chunks, and the facts of every row", async () => {
    const { listBenchmarks } = await import("../../src/lib/benchmarks.ts");
    const { FIRST_ROWS, pagedBoard } = await import("../../src/lib/board-rows.ts");
    const { loadBoard, rankedCount } = await import("../../src/lib/boards.ts");
    const { columnBars } = await import("../../src/lib/chart-data.ts");
    const { boardSummary } = await import("../../src/lib/boards.ts");
    const { scopeIds } = await import("../../src/lib/entry-boards.ts");
    const { boardsOf } = await import("../../src/schemas/board.ts");
    for (const benchmark of listBenchmarks()) {
      for (const board of [...boardsOf("t2v"), ...boardsOf("v2t")]) {
        for (const dimension of scopeIds(benchmark.id)) {
          const view = loadBoard(benchmark.id, board, dimension);
          const summary = boardSummary(benchmark.id, board, dimension);
          expect(summary.columns).toEqual(view.columns);
          expect(summary.unrankedReason).toBe(view.unrankedReason);
          expect(summary.rankedCount).toBe(rankedCount(view));
          expect(summary.rowCount).toBe(view.rows.length);
          expect([...summary.referencePositions]).toEqual(view.rows.filter((row) => row.isReference).map((row) => [row.entryId, row.position]));
          const ranked = dimension === "overall" && view.unrankedReason === null ? view.columns.filter((c) => c.ranked) : [];
          expect([...summary.bars]).toEqual(ranked.map((c) => [c.key, columnBars(view, c)]));
          const paged = pagedBoard(view);
          expect(summary.page.chunkUrls).toEqual(paged.chunkUrls);
          expect(summary.page.firstRows).toEqual(paged.rows.slice(0, FIRST_ROWS));
          expect(summary.page.rowCount).toBe(paged.rows.length);
          expect(summary.page.table).toEqual(paged.table);
          // What the pages computed from every row of the view before they read the summary.
          expect(summary.facts).toEqual({
            groups: [...new Set(view.rows.map((r) => r.group).filter((g) => g !== null))].sort(),
            rankIntervals: view.rows.some((r) => r.rankBest !== null),
            ties: view.rows.some((r) => r.separableFromNext === false),
            columnRanks: view.rows.some((r) => Object.values(r.cells).some((c) => c.rank !== null)),
            intervals: view.rows.some((r) => Object.values(r.cells).some((c) => c.ciLow !== null)),
          });
        }
      }
    }
  });

  it("keeps a board view for the board routes until an entry's rows are read by key, then reads it again, equal", async () => {
    const { loadBoard } = await import("../../src/lib/boards.ts");
    const { loadEntryBoardRows } = await import("../../src/lib/entry-boards.ts");
    const { listEntryIds } = await import("../../src/lib/entries.ts");
    const first = loadBoard("fetv", "v2t-instance");
    expect(loadBoard("fetv", "v2t-instance")).toBe(first);
    // An entry not among the last few read above (TVGE's), so that its rows are read from the store.
    loadEntryBoardRows("fetv", "v2t", listEntryIds("fetv", "v2t").at(-1) as string);
    const again = loadBoard("fetv", "v2t-instance");
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
