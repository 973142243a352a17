/**
 * A site with more entries than a board page ships: FETV from its dataset plus `count` synthetic published V2T
 * methods ("Bench Method 1" …), built into a temporary folder by the site-build bench's writer.
 */
import fs from "node:fs";
import path from "node:path";
import { makeSyntheticSite, type SyntheticSite } from "../../scripts/dev/bench/site-build.ts";
import { DATASETS_DIR } from "./datasets.ts";

/** Builds the store and the site (minutes on a loaded machine: call it from a beforeAll with a long timeout). */
export function buildManyEntrySite(count: number): SyntheticSite {
  return makeSyntheticSite(count, { benchmarks: ["fetv"], directions: ["v2t"], datasets: DATASETS_DIR });
}

/** Removes a site made by buildManyEntrySite. */
export function removeSite(site: SyntheticSite | undefined): void {
  if (site) fs.rmSync(site.root, { recursive: true, force: true });
}

/** The names and ids of a board's rows in the board's order, from its JSON download (one whole file). */
export function boardOrder(dist: string, benchmarkId: string, board: string): { name: string; id: string }[] {
  const download = JSON.parse(fs.readFileSync(path.join(dist, "downloads", benchmarkId, `${board}.json`), "utf8")) as { rows: { method: string; id: string }[] };
  return download.rows.map((row) => ({ name: row.method, id: row.id }));
}
