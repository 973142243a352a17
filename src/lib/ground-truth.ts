/** Loads per-video ground truth for download, only for benchmarks whose labels are public. */
import { asc, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { getBenchmark, listPerspectives } from "./benchmarks.ts";
import { store } from "./store.ts";

/**
 * Whether a benchmark's per-video ground truth may be published and exists: the one gate that keeps
 * private labels out of dist/. Every page and endpoint that shows or links ground truth asks it.
 */
export function hasPublicGroundTruth(benchmarkId: string): boolean {
  if (!getBenchmark(benchmarkId).labelsPublic) return false;
  return store().select({ id: t.groundTruth.videoId }).from(t.groundTruth).where(eq(t.groundTruth.benchmarkId, benchmarkId)).limit(1).all().length > 0;
}

/** Per-video rows (video, prompt, model, reference flag, then per perspective MOS / raw MOS / SD / count / answer). */
export function loadPublicGroundTruth(benchmarkId: string): { header: string[]; rows: (string | number | boolean | null)[][] } | null {
  if (!hasPublicGroundTruth(benchmarkId)) return null;
  const db = store();
  const perspectives = listPerspectives(benchmarkId);
  const videos = db.select().from(t.videos).where(eq(t.videos.benchmarkId, benchmarkId)).orderBy(asc(t.videos.id)).all();
  const truth = db.select().from(t.groundTruth).where(eq(t.groundTruth.benchmarkId, benchmarkId)).all();
  const byKey = new Map(truth.map((g) => [`${g.videoId}\u0000${g.perspectiveId}`, g]));
  const header = ["video", "prompt", "model", "reference"];
  for (const p of perspectives) {
    if (p.kind === "qa") header.push(`${p.id}_answer`);
    else header.push(`${p.id}_mos`, `${p.id}_raw_mos`, `${p.id}_sd`, `${p.id}_count`);
  }
  const rows = videos.map((video) => {
    const row: (string | number | boolean | null)[] = [video.id, video.promptId, video.t2vEntryId, video.isReference];
    for (const p of perspectives) {
      const g = byKey.get(`${video.id}\u0000${p.id}`);
      if (p.kind === "qa") row.push(g?.answer ?? null);
      else row.push(g?.mos ?? null, g?.rawMos ?? null, g?.sd ?? null, g?.count ?? null);
    }
    return row;
  });
  return { header, rows };
}
