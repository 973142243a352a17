import { describe, expect, it } from "vitest";
import { CHUNK_BYTES, FIRST_ROWS, pagedBoard } from "../../../src/lib/board-rows.ts";
import { rankedCount, summarizeBoard, type BoardRow } from "../../../src/lib/boards.ts";
import { boardRowsUrl } from "../../../src/lib/urls.ts";
import { row, view } from "../../support/board-view.ts";

describe("rankedCount", () => {
  const board = view([row("a", "A", 1, 1), row("b", "B", 2, 2), row("c", "C", null, undefined), row("ref", "Real videos", null, 3, { reference: true })]);

  it("counts the ranked rows only", () => {
    expect(rankedCount(board)).toBe(2);
  });
});

describe("summarizeBoard", () => {
  /** A board of `n` ranked rows, each with a value interval, in board order. */
  const board = (n: number, extra: (i: number) => Partial<BoardRow> = () => ({})) =>
    view(Array.from({ length: n }, (_, i) => ({ ...row(`entry-${i}`, `Entry ${i}`, i + 1, i + 1, { ci: true }), position: i + 1, ...extra(i) })));

  it("counts no chunk for a board its page ships whole", () => {
    for (const n of [3, FIRST_ROWS]) {
      const summary = summarizeBoard(board(n));
      expect(summary.page.chunkUrls).toEqual([]);
      expect(summary.page.rowCount).toBe(n);
      expect(summary.page.firstRows.map((r) => r.id)).toEqual(Array.from({ length: n }, (_, i) => `entry-${i}`));
    }
  });

  it("counts one chunk for a board one row longer than its page", () => {
    const long = board(FIRST_ROWS + 1);
    expect(summarizeBoard(long).page.chunkUrls).toEqual([boardRowsUrl("b", "v2t-instance", "overall", 0)]);
    expect(pagedBoard(long).chunks).toHaveLength(1);
  });

  it("names as many chunks as the paged board cuts for a board longer than a chunk, and keeps only its first rows", () => {
    const long = board(4_000);
    const paged = pagedBoard(long);
    // Independently of the chunker: the rows' JSON passes two chunks' bytes, so there are at least three.
    const bytes = paged.rows.reduce((sum, r) => sum + JSON.stringify(r).length + 1, 0);
    expect(bytes).toBeGreaterThan(2 * CHUNK_BYTES);
    const summary = summarizeBoard(long);
    expect(summary.page.chunkUrls).toHaveLength(paged.chunks.length);
    expect(summary.page.chunkUrls.length).toBeGreaterThanOrEqual(3);
    expect(summary.page.chunkUrls).toEqual(paged.chunks.map((_, i) => boardRowsUrl("b", "v2t-instance", "overall", i)));
    expect(summary.page.rowCount).toBe(4_000);
    expect(summary.page.firstRows).toEqual(paged.rows.slice(0, FIRST_ROWS));
    expect(summary.page.table).toEqual(paged.table);
    expect(summary.page.headers).toEqual(paged.headers);
  });

  it("takes the facts of every row, also of rows after those its page ships", () => {
    const last = FIRST_ROWS + 50;
    const late = board(last + 1, (i) => (i === last ? { group: "metric", rankBest: 3, rankWorst: 9, separableFromNext: false } : {}));
    const facts = summarizeBoard(late).facts;
    expect(facts.groups).toEqual(["metric"]);
    expect(facts.rankIntervals).toBe(true);
    expect(facts.ties).toBe(true);
    // What the whole view says, as the pages computed it from every row.
    expect(facts).toEqual({
      groups: [...new Set(late.rows.map((r) => r.group).filter((g) => g !== null))].sort(),
      rankIntervals: late.rows.some((r) => r.rankBest !== null),
      ties: late.rows.some((r) => r.separableFromNext === false),
      columnRanks: late.rows.some((r) => Object.values(r.cells).some((c) => c.rank !== null)),
      intervals: late.rows.some((r) => Object.values(r.cells).some((c) => c.ciLow !== null)),
    });
  });
});
