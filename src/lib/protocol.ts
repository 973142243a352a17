/** A benchmark's protocol as stored, and the one plain sentence each board states it in. */
import { and, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { AnchoringSchema, ProtocolSchema, type Anchoring, type Protocol } from "../schemas/benchmark.ts";
import type { BoardId } from "../schemas/board.ts";
import { getBenchmark } from "./benchmarks.ts";
import { store } from "./store.ts";
import { metricLabel } from "./labels.ts";
import { formatCount } from "./format.ts";

/** A benchmark's declared protocol. */
export function loadProtocol(benchmarkId: string): Protocol {
  return ProtocolSchema.parse(JSON.parse(getBenchmark(benchmarkId).protocolJson));
}

/** A benchmark's anchoring rules for human-rated submissions, or null when it takes none. */
export function loadAnchoring(benchmarkId: string): Anchoring | null {
  const json = getBenchmark(benchmarkId).anchoringJson;
  return json ? AnchoringSchema.parse(JSON.parse(json)) : null;
}

/** How a video's human score is made, in words. */
export function humanScoreWords(protocol: Protocol): string {
  return protocol.humanScore === "rater-mean"
    ? "the plain mean of its raters' ratings"
    : "the mean of its raters' z-scores, rescaled to 0–100 after BT.500 rater screening";
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Facts a board's sentence needs beyond the protocol: whether its figures are published, and how many videos and T2V models they rest on. */
export interface BoardFacts {
  readonly published: boolean;
  readonly videos: number | null;
  readonly models: number | null;
  readonly hasReferences: boolean;
  /** The split V2T methods are scored on, when the protocol names one. */
  readonly split: string | null;
  /** Whether some entries' figures are the authors' published ones beside the recomputed. */
  readonly hasPublished: boolean;
}

/** What a benchmark's boards rest on: its labelled pool (none: published figures only). */
export function loadBoardFacts(benchmarkId: string): BoardFacts {
  const protocol = loadProtocol(benchmarkId);
  const labelled = store().select().from(t.videos).where(and(eq(t.videos.benchmarkId, benchmarkId), eq(t.videos.labelled, true))).all();
  if (labelled.length === 0) return { published: true, videos: null, models: getBenchmark(benchmarkId).t2vModelCount, hasReferences: false, split: null, hasPublished: true };
  const pool = protocol.v2tSplit === null ? labelled : labelled.filter((v) => v.split === protocol.v2tSplit);
  const hasReferences = pool.some((v) => v.isReference);
  const published = store().select({ entryId: t.results.entryId }).from(t.results).where(and(eq(t.results.benchmarkId, benchmarkId), eq(t.results.provenance, "published"))).limit(1).all();
  return {
    published: false,
    videos: protocol.referenceVideos === "included" ? pool.length : pool.filter((v) => !v.isReference).length,
    models: new Set(pool.filter((v) => !v.isReference).map((v) => v.t2vEntryId)).size,
    hasReferences,
    split: protocol.v2tSplit,
    hasPublished: published.length > 0,
  };
}

/** The board's protocol in one plain sentence. */
export function protocolSentence(protocol: Protocol, board: BoardId, facts: BoardFacts): string {
  const variants = list(protocol.correlations.map(metricLabel));
  if (facts.published) {
    return `Figures as published by the authors (${protocol.name}), who score with ${variants}; a video's human score there is ${humanScoreWords(protocol)}. This site computes only the ranks.`;
  }
  if (board === "t2v") {
    return `Scored as in ${protocol.name}: a video's human score is ${humanScoreWords(protocol)}, and a model's figure is the mean over its videos, with a 95% interval from resampling prompts.`;
  }
  // V2T methods are scored on the protocol's split only, so that a method trained on the other is not scored on its training data.
  const split = facts.split === null ? "" : ` of the ${facts.split} split (methods trained on the other videos, such as LOVE on the train split, are not scored on their training data)`;
  const published = facts.hasPublished ? " Rows marked published are the authors' own figures as printed, without intervals." : "";
  if (board === "v2t-instance") {
    const references = facts.hasReferences ? (protocol.referenceVideos === "included" ? " (real reference videos included)" : " (real reference videos left out)") : "";
    return `Scored as in ${protocol.name}: each method's per-video scores against the human scores (${humanScoreWords(protocol)}) over all ${formatCount(facts.videos)} videos${split}${references}, by ${variants}.${published}`;
  }
  const models = facts.models ?? 0;
  const ranked = models >= protocol.minModelsForModelLevel ? "" : ` With ${models} T2V models these cannot be ranked: the protocol ranks model-level correlations from ${protocol.minModelsForModelLevel} models up.`;
  const over = facts.split === null ? "" : `, on the videos of the ${facts.split} split`;
  return `Each method's per-model mean score against the models' mean human score, by ${variants}, over ${models} T2V models${over}, with a 95% interval from resampling models.${ranked}${published}`;
}
