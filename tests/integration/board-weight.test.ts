/**
 * A site with many entries stays within a static host's limits: no file in dist/ over 5 MB, a board page ships its
 * first rows only and names chunk files under about 1 MB that together hold every row, in the board's order.
 * FETV from its dataset plus 400 synthetic published V2T methods (the site-build bench's writer).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SyntheticSite } from "../../scripts/dev/bench/site-build.ts";
import { filesUnder } from "../../scripts/dev/bench/site-build.ts";
import { CHUNK_BYTES, FIRST_ROWS } from "../../src/lib/board-rows.ts";
import type { BoardRowChunk } from "../../src/lib/shared/board-rows.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { boardOrder, buildManyEntrySite, removeSite } from "../support/many-entries.ts";

const EXTRA = 400;
const FILE_LIMIT = 5 * 1024 * 1024;

describeWithDatasets("fetv", "a site with many entries", () => {
  let built: SyntheticSite | undefined;
  const dist = () => built?.dist ?? "";
  beforeAll(() => {
    built = buildManyEntrySite(EXTRA);
  }, 1_200_000);
  afterAll(() => removeSite(built));

  it("has no file over 5 MB", () => {
    const large = filesUnder(dist())
      .map((file) => ({ file: path.relative(dist(), file), bytes: fs.statSync(file).size }))
      .filter((f) => f.bytes > FILE_LIMIT);
    expect(large).toEqual([]);
  });

  it("ships the first rows of each V2T board as HTML and names chunk files that hold every row in order", () => {
    const html = fs.readFileSync(path.join(dist(), "fetv", "v2t", "index.html"), "utf8");
    for (const board of ["v2t-instance", "v2t-model"]) {
      const table = new RegExp(`<table id="${board}-table"([^>]*)>([\\s\\S]*?)</table>`).exec(html);
      expect(table, board).not.toBeNull();
      const rows = [...(table?.[2] ?? "").matchAll(/<tr data-entry="([^"]+)"/g)].map((m) => m[1]);
      const order = boardOrder(dist(), "fetv", board);
      expect(order.length).toBeGreaterThan(EXTRA);
      expect(rows).toEqual(order.slice(0, FIRST_ROWS).map((e) => e.id));

      const paging = /data-paging="([^"]+)"/.exec(table?.[1] ?? "")?.[1] ?? "";
      const { chunks } = JSON.parse(paging.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&")) as { chunks: string[] };
      expect(chunks.length).toBeGreaterThan(0);
      const fetched = chunks.flatMap((url) => {
        const file = path.join(dist(), url);
        // A chunk passes CHUNK_BYTES by at most its last row.
        expect(fs.statSync(file).size).toBeLessThan(CHUNK_BYTES + 10_000);
        return (JSON.parse(fs.readFileSync(file, "utf8")) as BoardRowChunk).rows.map((row) => row.id);
      });
      expect(fetched).toEqual(order.map((e) => e.id));
    }
  });

  it("draws the board's scatter and the dimension heatmaps from the first rows only", () => {
    const html = fs.readFileSync(path.join(dist(), "fetv", "v2t", "index.html"), "utf8");
    expect(html).toContain(`the first ${FIRST_ROWS} of`);
    const heatmaps = fs.readFileSync(path.join(dist(), "fetv", "dimensions", "index.html"), "utf8");
    expect(heatmaps).toContain("data-heatmap-capped");
    // FETV's T2V heatmaps hold its 4 models and the real videos; its V2T ones the first rows of every method.
    const counts = [...heatmaps.matchAll(/<table class="heatmap[^"]*">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/g)].map((body) => (body[1] ?? "").match(/<tr/g)?.length ?? 0);
    expect(Math.max(...counts)).toBe(FIRST_ROWS);
  });
});
