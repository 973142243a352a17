/**
 * The site-growth bench's store (scripts/dev/bench/submitted-growth-rows.ts): copies of FETV's recomputed UMTScore
 * entry written by SQL carry the source's figures and resamples as submitted entries, and the scoped in-place
 * ranking gives exactly the rank rows that the whole ranking step (what a real submit runs) gives on the same store.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addV2tCopies } from "../../scripts/dev/bench/entry-copies.ts";
import { rerankInPlace } from "../../scripts/dev/bench/rerank-in-place.ts";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { scoringContext, storedSettings } from "../../scripts/scoring/context.ts";
import { rankAndAudit } from "../../scripts/scoring/score-benchmark.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { tempDataDir, tempDir } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";

const COPIES = 3;
const ids = Array.from({ length: COPIES }, (_, k) => `bench-copy-0000${k + 1}`);

/** Rows of FETV's V2T boards, in one order, to compare whole. */
function v2tRows<T extends { benchmarkId: string; board: string; dimension: string; entryId: string }>(rows: readonly T[]): string[] {
  return rows.filter((r) => r.benchmarkId === "fetv" && r.board !== "t2v").map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
}

describeWithDatasets("fetv", "the bench's copied FETV V2T entries", () => {
  let root: string;
  let store: string;

  beforeAll(async () => {
    root = tempDir("bench-copies");
    store = path.join(root, "store.sqlite");
    writeStore(await buildContent({ dataDir: tempDataDir(["fetv"]), resamples: 40 }), store);
  }, 300_000);

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("refuses a source entry the store does not hold, writing nothing", () => {
    const before = fs.readFileSync(store);
    expect(() => addV2tCopies(store, "fetv", "no-such-entry", COPIES)).toThrow(/no V2T entry "no-such-entry" on benchmark "fetv"/);
    expect(fs.readFileSync(store).equals(before)).toBe(true);
  });

  it("adds copies with the source's figures and resampled values, as submitted, self-reported entries", () => {
    const written = addV2tCopies(store, "fetv", "umtscore", COPIES);
    const content = readStore(store);
    const of = <T extends { benchmarkId: string; entryId: string }>(rows: readonly T[], id: string) => rows.filter((r) => r.benchmarkId === "fetv" && r.entryId === id);
    // A board column's resampled values; rows under other keys (rank sums) are the ranking step's, not copied.
    const columnKeys = new Set(content.boardColumns.filter((c) => c.benchmarkId === "fetv").map((c) => `${c.board}|${c.key}`));
    const columnDraws = (id: string) => of(content.draws, id).filter((d) => d.board !== "t2v" && columnKeys.has(`${d.board}|${d.columnKey}`));
    const source = { results: of(content.results, "umtscore").filter((r) => r.direction === "v2t"), draws: columnDraws("umtscore") };
    expect(source.draws.length).toBeGreaterThan(0);
    expect(written.results).toBe(COPIES * source.results.length);
    expect(written.draws).toBe(COPIES * source.draws.length);
    for (const [k, id] of ids.entries()) {
      const entry = content.v2tEntries.find((e) => e.benchmarkId === "fetv" && e.id === id);
      expect(entry?.name).toBe(`Bench copy ${k + 1}`);
      const submission = content.submissions.find((s) => s.id === entry?.submissionId);
      expect(submission?.origin).toBe("submitted");
      expect(JSON.parse(submission?.manifestJson ?? "{}").entry.name).toBe(`Bench copy ${k + 1}`);
      expect(content.entryProvenance.find((p) => p.benchmarkId === "fetv" && p.direction === "v2t" && p.entryId === id)?.kind).toBe("self-reported");
      expect(of(content.results, id).map((r) => ({ ...r, entryId: "umtscore" }))).toEqual(source.results);
      expect(of(content.draws, id).map((d) => ({ ...d, entryId: "umtscore" }))).toEqual(source.draws);
      expect(columnDraws(id)).toHaveLength(of(content.draws, id).length);
    }
  });

  it("ranks FETV's V2T boards in place exactly as the whole ranking step does (ranks and the resampled rows it keeps), the copies tied with their source", async () => {
    await rerankInPlace(store, "fetv", "v2t");
    const stored = readStore(store);
    const storedRankings = v2tRows(stored.rankings);
    const storedColumnRanks = v2tRows(stored.columnRanks);
    // Resampled rows too: the ranking step may keep some of its own (rank sums), replaced whole as it ranks.
    const storedDraws = v2tRows(stored.draws);
    // The reference: every board ranked at once on the whole content, as a real submit ranks it.
    await rankAndAudit(scoringContext(stored, "fetv", storedSettings(stored)), "v2t");
    expect(storedRankings).toEqual(v2tRows(stored.rankings));
    expect(storedColumnRanks).toEqual(v2tRows(stored.columnRanks));
    expect(storedDraws).toEqual(v2tRows(stored.draws));
    expect(storedRankings.length).toBe(stored.rankings.filter((r) => r.benchmarkId === "fetv" && r.board !== "t2v").length);
    const overall = stored.rankings.filter((r) => r.benchmarkId === "fetv" && r.board === "v2t-instance" && r.dimension === "overall");
    expect(overall).toHaveLength(5 + COPIES);
    const rankOf = (id: string) => overall.find((r) => r.entryId === id)?.rank;
    for (const id of ids) expect(rankOf(id)).toBe(rankOf("umtscore"));
  });
});
