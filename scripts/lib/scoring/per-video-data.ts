/** A benchmark's per-video data (videos, ground truth, predictions) indexed the way the engine takes it. */
import type { RawAnswer, V2TMethodPredictions, VideoRecord } from "../../../src/engine/index.ts";
import type { StoreContent } from "../store-content.ts";

type Content = StoreContent;

/** Everything per-video about one benchmark, indexed for the engine. */
export function perVideoData(content: Content, benchmarkId: string) {
  const t2v = new Map(content.t2vEntries.filter((e) => e.benchmarkId === benchmarkId).map((e) => [e.id, e]));
  const dimensionsOf = new Map<string, string[]>();
  for (const link of content.promptDimensions) {
    if (link.benchmarkId !== benchmarkId) continue;
    dimensionsOf.set(link.promptId, [...(dimensionsOf.get(link.promptId) ?? []), link.dimensionId]);
  }
  const records = (filter: (video: Content["videos"][number]) => boolean): VideoRecord[] =>
    content.videos
      .filter((v) => v.benchmarkId === benchmarkId && filter(v))
      .map((v) => ({ videoId: v.id, modelId: v.t2vEntryId, promptId: v.promptId, dimensionIds: dimensionsOf.get(v.promptId) ?? [] }));
  const source = (v: Content["videos"][number]) => t2v.get(v.t2vEntryId)?.source;
  const perspectives = content.perspectives.filter((p) => p.benchmarkId === benchmarkId);
  const mosIds = perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  const qaId = perspectives.find((p) => p.kind === "qa")?.id ?? null;
  const mos: Record<string, Map<string, number>> = Object.fromEntries(mosIds.map((id) => [id, new Map<string, number>()]));
  const qa = new Map<string, RawAnswer>();
  for (const g of content.groundTruth) {
    if (g.benchmarkId !== benchmarkId) continue;
    if (g.perspectiveId === qaId && g.answer) qa.set(g.videoId, g.answer);
    else if (g.mos !== null && g.mos !== undefined) mos[g.perspectiveId]?.set(g.videoId, g.mos);
  }
  return {
    t2v,
    mosIds,
    qaId,
    mos,
    qa: qaId === null || qa.size === 0 ? undefined : qa,
    human: records((v) => source(v) === "ratings" && !v.isReference),
    reference: records((v) => v.isReference),
    auto: records((v) => source(v) === "auto"),
  };
}

/** Per-method predictions of a benchmark, keyed by V2T entry. */
export function methodPredictions(content: Content, benchmarkId: string, qaId: string | null): V2TMethodPredictions[] {
  type Collected = { scores: Record<string, Map<string, number>>; answers: Map<string, RawAnswer> };
  const byMethod = new Map<string, Collected>();
  for (const p of content.predictions) {
    if (p.benchmarkId !== benchmarkId) continue;
    const method: Collected = byMethod.get(p.v2tEntryId) ?? { scores: {}, answers: new Map() };
    if (p.perspectiveId === qaId) method.answers.set(p.videoId, p.answer ?? null);
    else if (p.score !== null && p.score !== undefined) {
      (method.scores[p.perspectiveId] ??= new Map()).set(p.videoId, p.score);
    }
    byMethod.set(p.v2tEntryId, method);
  }
  return content.v2tEntries
    .filter((e) => e.benchmarkId === benchmarkId && byMethod.has(e.id))
    .map((e) => {
      const m = byMethod.get(e.id) as Collected;
      return { id: e.id, name: e.name, scores: m.scores, ...(m.answers.size > 0 ? { answers: m.answers } : {}) };
    });
}

/** A benchmark's per-video data. */
export type PerVideoData = ReturnType<typeof perVideoData>;
