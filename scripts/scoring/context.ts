/**
 * A benchmark as scoring sees it, read from the store content once: its protocol, columns, scopes,
 * labelled pool with ground truth, anchors, and entries. Every order here is canonical (sorted ids or
 * declared positions), never the order rows happen to sit in, so that a store read back from disk and
 * one built from data/ score identically, to the last bit.
 */
import type { BootstrapSettings, RawAnswer } from "../../src/engine/index.ts";
import { AnchoringSchema, ProtocolSchema, type Anchoring, type Protocol } from "../../src/schemas/benchmark.ts";
import type { BoardId } from "../../src/schemas/board.ts";
import type { StoreContent } from "../store/store-content.ts";

type Content = StoreContent;

/** A stored video row. */
export type VideoRow = Content["videos"][number];
/** A stored board column row. */
export type ColumnRow = Content["boardColumns"][number];

/** Code-point order of ids: the same on every machine and independent of row order. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Everything scoring needs to know about one benchmark. */
export interface ScoringContext {
  readonly content: Content;
  readonly benchmarkId: string;
  readonly protocol: Protocol;
  readonly anchoring: Anchoring | null;
  readonly settings: BootstrapSettings;
  /** MOS perspectives in display order, and the yes/no perspective if any. */
  readonly mos: readonly string[];
  readonly qa: string | null;
  /** Per MOS perspective, the bounds its scores can take (benchmark.json's `range`), or null where none is declared. */
  readonly ranges: Readonly<Record<string, { readonly min: number; readonly max: number } | null>>;
  /** `overall`, then the dimensions in display order. */
  readonly scopes: readonly string[];
  readonly columns: Readonly<Record<BoardId, readonly ColumnRow[]>>;
  /** Prompt ids in code-point order, and each prompt's dimensions. */
  readonly prompts: readonly string[];
  readonly dimensionsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every video of the benchmark by id. */
  readonly videos: ReadonlyMap<string, VideoRow>;
  /** The labelled pool in id order: the benchmark's own videos with ground truth. */
  readonly pool: readonly VideoRow[];
  /** The labelled videos V2T methods are scored on, in id order: the protocol's split, else the whole pool. */
  readonly v2tPool: readonly VideoRow[];
  /** The non-reference T2V models of the labelled pool, in id order. */
  readonly poolModels: readonly string[];
  /** Ground truth of the labelled pool per MOS perspective, and human yes/no answers. */
  readonly truth: Readonly<Record<string, ReadonlyMap<string, number>>>;
  readonly answers: ReadonlyMap<string, RawAnswer>;
  /** The anchor set's video ids in their declared order. */
  readonly anchors: readonly string[];
}

/** The bootstrap settings a store was built with (recorded in its meta table). */
export function storedSettings(content: Content): BootstrapSettings {
  const value = content.meta.find((m) => m.key === "bootstrap")?.value;
  if (value === undefined) throw new Error("the store records no bootstrap settings; rebuild it with `npm run rebuild`");
  return JSON.parse(value) as BootstrapSettings;
}

/** Reads one benchmark's scoring context from the content. */
export function scoringContext(content: Content, benchmarkId: string, settings: BootstrapSettings): ScoringContext {
  const benchmark = content.benchmarks.find((b) => b.id === benchmarkId);
  if (benchmark === undefined) throw new Error(`unknown benchmark "${benchmarkId}"`);
  const of = <T extends { benchmarkId: string }>(rows: readonly T[]) => rows.filter((row) => row.benchmarkId === benchmarkId);
  const perspectives = of(content.perspectives).sort((a, b) => a.position - b.position);
  const dimensions = of(content.dimensions).sort((a, b) => a.position - b.position);
  const columns = of(content.boardColumns).sort((a, b) => a.position - b.position);
  const dimensionsOf = new Map<string, Set<string>>();
  for (const link of of(content.promptDimensions)) {
    const set = dimensionsOf.get(link.promptId) ?? new Set<string>();
    set.add(link.dimensionId);
    dimensionsOf.set(link.promptId, set);
  }
  const videos = new Map(of(content.videos).map((v) => [v.id, v]));
  const pool = [...videos.values()].filter((v) => v.labelled).sort((a, b) => byId(a.id, b.id));
  const protocol = ProtocolSchema.parse(JSON.parse(benchmark.protocolJson));
  const v2tPool = protocol.v2tSplit === null ? pool : pool.filter((v) => v.split === protocol.v2tSplit);
  const mos = perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  const qa = perspectives.find((p) => p.kind === "qa")?.id ?? null;
  const truth: Record<string, Map<string, number>> = Object.fromEntries(mos.map((p) => [p, new Map<string, number>()]));
  const answers = new Map<string, RawAnswer>();
  for (const g of of(content.groundTruth)) {
    if (!videos.get(g.videoId)?.labelled) continue;
    if (g.perspectiveId === qa && g.answer) answers.set(g.videoId, g.answer);
    else if (g.mos !== null && g.mos !== undefined) truth[g.perspectiveId]?.set(g.videoId, g.mos);
  }
  const references = new Set(of(content.t2vEntries).filter((e) => e.isReference).map((e) => e.id));
  return {
    content,
    benchmarkId,
    protocol,
    anchoring: benchmark.anchoringJson ? AnchoringSchema.parse(JSON.parse(benchmark.anchoringJson)) : null,
    settings,
    mos,
    qa,
    ranges: Object.fromEntries(
      perspectives.filter((p) => p.kind === "mos").map((p) => [p.id, p.rangeMin != null && p.rangeMax != null ? { min: p.rangeMin, max: p.rangeMax } : null]),
    ),
    scopes: ["overall", ...dimensions.map((d) => d.id)],
    columns: {
      t2v: columns.filter((c) => c.board === "t2v"),
      "v2t-instance": columns.filter((c) => c.board === "v2t-instance"),
      "v2t-model": columns.filter((c) => c.board === "v2t-model"),
    },
    prompts: of(content.prompts).map((p) => p.id).sort(byId),
    dimensionsOf,
    videos,
    pool,
    v2tPool,
    poolModels: [...new Set(pool.filter((v) => !v.isReference && !references.has(v.t2vEntryId)).map((v) => v.t2vEntryId))].sort(byId),
    truth,
    answers,
    anchors: of(content.anchors).sort((a, b) => a.position - b.position).map((a) => a.videoId),
  };
}

/** Whether a prompt belongs to a scope (`overall` holds every prompt). */
export function inScope(context: ScoringContext, scope: string, promptId: string): boolean {
  return scope === "overall" || (context.dimensionsOf.get(promptId)?.has(scope) ?? false);
}

/** Whether a video of the V2T pool enters instance-level V2T figures, by the protocol's rule on reference videos. */
function entersCorrelations(context: ScoringContext, video: VideoRow): boolean {
  return context.protocol.referenceVideos === "included" || !video.isReference;
}

/** The videos of the labelled pool that enter instance-level V2T figures, by the protocol: its split, with or without references. */
export function correlationPool(context: ScoringContext): VideoRow[] {
  return context.v2tPool.filter((v) => entersCorrelations(context, v));
}

const scopedPools = new WeakMap<ScoringContext, ReadonlyMap<string, readonly VideoRow[]>>();

/**
 * The videos of the V2T pool in a scope, in pool order: what `inScope` keeps of `v2tPool`. Made for every scope in one
 * pass over the pool, once per context: each of an entry's columns in each scope reads them (at AIGVE-60K's size,
 * filtering the 58,500 videos again for every column and scope cost a second of a submit).
 */
export function v2tPoolInScope(context: ScoringContext, scope: string): readonly VideoRow[] {
  let pools = scopedPools.get(context);
  if (pools === undefined) {
    const lists = new Map<string, VideoRow[]>(context.scopes.filter((s) => s !== "overall").map((s) => [s, []]));
    for (const video of context.v2tPool) {
      for (const dimension of context.dimensionsOf.get(video.promptId) ?? []) lists.get(dimension)?.push(video);
    }
    pools = new Map<string, readonly VideoRow[]>([["overall", context.v2tPool], ...lists]);
    scopedPools.set(context, pools);
  }
  return pools.get(scope) ?? context.v2tPool.filter((v) => inScope(context, scope, v.promptId));
}

/** `correlationPool` in a scope, in pool order. */
export function correlationPoolInScope(context: ScoringContext, scope: string): VideoRow[] {
  return v2tPoolInScope(context, scope).filter((v) => entersCorrelations(context, v));
}

/** How many T2V models a model-level correlation of this benchmark rests on (published: as the authors declare). */
export function modelCount(context: ScoringContext): number | null {
  if (context.pool.length > 0) return context.poolModels.length;
  return context.content.benchmarks.find((b) => b.id === context.benchmarkId)?.t2vModelCount ?? null;
}
