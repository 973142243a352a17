/** Loads a benchmark's anchor set (for the submission guide and its download) and how a submission was tied to it. */
import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { listPerspectives } from "./benchmarks.ts";
import { hasPublicGroundTruth } from "./ground-truth.ts";
import { store } from "./store.ts";

/** One anchor video: id, prompt, model, the benchmark's human score per MOS perspective (public labels only), and where to get it. */
export interface AnchorVideo {
  readonly videoId: string;
  readonly promptId: string;
  readonly prompt: string;
  readonly model: string;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly source: string;
}

/** The anchor set of a benchmark, in its declared order (empty when it has none); scores only where its labels are public. */
export function loadAnchors(benchmarkId: string): AnchorVideo[] {
  const db = store();
  const anchors = db.select().from(t.anchors).where(eq(t.anchors.benchmarkId, benchmarkId)).orderBy(asc(t.anchors.position)).all();
  if (anchors.length === 0) return [];
  const videos = new Map(db.select().from(t.videos).where(eq(t.videos.benchmarkId, benchmarkId)).all().map((v) => [v.id, v]));
  const prompts = new Map(db.select().from(t.prompts).where(eq(t.prompts.benchmarkId, benchmarkId)).all().map((p) => [p.id, p.text]));
  const models = new Map(db.select().from(t.t2vEntries).where(eq(t.t2vEntries.benchmarkId, benchmarkId)).all().map((e) => [e.id, e.name]));
  const truth = db.select().from(t.groundTruth).where(eq(t.groundTruth.benchmarkId, benchmarkId)).all();
  const scoreOf = new Map(truth.map((g) => [`${g.videoId}\u0000${g.perspectiveId}`, g.mos]));
  const perspectives = hasPublicGroundTruth(benchmarkId) ? listPerspectives(benchmarkId).filter((p) => p.kind === "mos") : [];
  return anchors.map((a) => {
    const video = videos.get(a.videoId);
    const promptId = video?.promptId ?? "";
    return {
      videoId: a.videoId,
      promptId,
      prompt: prompts.get(promptId) ?? "",
      model: models.get(video?.t2vEntryId ?? "") ?? "",
      scores: Object.fromEntries(perspectives.map((p) => [p.id, scoreOf.get(`${a.videoId}\u0000${p.id}`) ?? null])),
      source: a.source,
    };
  });
}

/** How a human-rated submission was put on the benchmark's scale, per perspective. */
export function loadAnchorFits(benchmarkId: string, entryId: string) {
  return store()
    .select()
    .from(t.anchorFits)
    .where(and(eq(t.anchorFits.benchmarkId, benchmarkId), eq(t.anchorFits.entryId, entryId)))
    .all();
}

/**
 * The anchor set as download rows: video id, prompt id and text, model, the benchmark's score per perspective
 * (only where its labels are public), and where to get the video.
 */
export function anchorRecords(benchmarkId: string): { header: string[]; rows: (string | number | null)[][] } {
  const anchors = loadAnchors(benchmarkId);
  const perspectives = Object.keys(anchors[0]?.scores ?? {});
  const header = ["video", "prompt_id", "prompt", "model", ...perspectives.map((p) => `${p}_score`), "source"];
  const rows = anchors.map((a) => [a.videoId, a.promptId, a.prompt, a.model, ...perspectives.map((p) => a.scores[p] ?? null), a.source]);
  return { header, rows };
}
