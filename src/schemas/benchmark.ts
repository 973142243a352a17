import { z } from "zod";
import { BoardColumnSchema } from "./board.ts";
import { IdSchema } from "./ids.ts";
import { CorrelationMetricSchema, isCorrelationMetric } from "./metrics.ts";

/** A perspective humans rated (a MOS) or `qa` for yes/no questions. */
export const PerspectiveSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case: lower-case letters, digits and _"),
  label: z.string().min(1),
  kind: z.enum(["mos", "qa"]),
  description: z.string().min(1),
  scale: z.string().nullable(),
  /**
   * The bounds a score on this perspective can take (a MOS perspective's rating scale): a figure outside them
   * is never published, and intervals are kept inside them. Absent where the scale has no fixed bounds.
   */
  range: z
    .strictObject({ min: z.number(), max: z.number() })
    .refine((r) => r.min < r.max, "min must be below max")
    .optional(),
});

/** A perspective definition. */
export type Perspective = z.infer<typeof PerspectiveSchema>;

/** A task dimension (a category of prompts). `overall` is reserved for whole-benchmark results. */
export const DimensionSchema = z.strictObject({
  id: IdSchema.refine((id) => id !== "overall", "`overall` is reserved"),
  label: z.string().min(1),
  group: z.string().min(1).optional(),
  description: z.string().optional(),
});

/** A dimension definition. */
export type Dimension = z.infer<typeof DimensionSchema>;

/**
 * How a benchmark's authors score it, declared as data so that every board follows its paper: how a
 * video's human score is made, which videos enter V2T correlations, which correlation variants are
 * reported, and from how many T2V models a model-level correlation is ranked.
 */
export const ProtocolSchema = z.strictObject({
  /** What the protocol is named after in a sentence: "as in the FETV paper". */
  name: z.string().min(1),
  /** Where the protocol is written down: the paper and, where there is one, the authors' code. */
  source: z.string().min(1),
  /** `bt500-zscore`: BT.500 rater screening, then per-rater z-scores rescaled to 0–100; `rater-mean`: the plain mean of the raters' ratings. */
  humanScore: z.enum(["bt500-zscore", "rater-mean"]),
  /** Whether real reference videos (where the benchmark has them) enter the instance-level V2T correlations. */
  referenceVideos: z.enum(["included", "excluded"]),
  /** The correlation variants the authors report, in their order. */
  correlations: z.array(CorrelationMetricSchema).min(1),
  /** The fewest T2V models over which a model-level correlation is ranked; below it the figure is shown unranked. */
  minModelsForModelLevel: z.int().min(3),
  /** Which videos the authors score V2T methods on, when that is a subset (e.g. a test split). */
  v2tSplit: z.string().min(1).nullable().default(null),
});

/** A benchmark's protocol. */
export type Protocol = z.infer<typeof ProtocolSchema>;

/**
 * How new human-rated T2V entries are put on the benchmark's scale: raters also rate a fixed, published
 * set of the benchmark's own labelled videos (anchors.json beside benchmark.json).
 */
export const AnchoringSchema = z.strictObject({
  /** The fewest anchors every rater must rate: fewer cannot tie that rater's scale to the benchmark's. */
  minPerRater: z.int().min(3),
  /** The least Pearson correlation between the new panel's anchor scores and the benchmark's, per perspective. */
  minAgreement: z.number().min(0).max(1),
  /**
   * The fewest raters who must rate a perspective's new videos: a rater's leniency toward one particular model is
   * not removed by the anchors and shrinks only by averaging over raters. 1 (the default) admits a single rater,
   * whose interval then carries the whole model-specific rater component where the benchmark lets it be estimated.
   */
  minRaters: z.int().min(1).default(1),
  /**
   * The quadratic lack-of-fit test of the anchor line (panel score on benchmark score): a perspective whose
   * p-value is below `flagBelowP` is flagged as curved, below `refuseBelowP` refused (see the methodology page).
   */
  lackOfFit: z
    .strictObject({ flagBelowP: z.number().gt(0).lt(1), refuseBelowP: z.number().gt(0).lt(1) })
    .refine((t) => t.refuseBelowP <= t.flagBelowP, "refuseBelowP must not exceed flagBelowP"),
});

/** A benchmark's anchoring rules. */
export type Anchoring = z.infer<typeof AnchoringSchema>;

/** data/benchmarks/<id>/anchors.json: the anchor set, video ids of the benchmark's labelled pool. */
export const AnchorListSchema = z.strictObject({
  /** How the list was chosen, so that anyone can see it was not picked by hand. */
  method: z.string().min(1),
  videos: z.array(z.string().min(1)).min(3),
});

/** An anchor list. */
export type AnchorList = z.infer<typeof AnchorListSchema>;

/**
 * Where a benchmark's per-video annotation comes from. It is never copied into data/: the rebuild reads it in
 * place under the datasets root (or, for a small benchmark shipped whole, from `package/` in its folder).
 */
export const DatasetSourceSchema = z.strictObject({
  /** The dataset's name in messages: "FETV-EVAL". */
  name: z.string().min(1),
  /** What it holds, in messages: "raw annotations". */
  what: z.string().min(1),
  /** Its folder under the datasets root; null when the package is `package/` in the benchmark's own folder. */
  folder: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/).nullable(),
  /** A file in that folder that shows the dataset is there (relative to the folder). */
  marker: z.string().min(1),
  /** Where to get it. */
  origin: z.string().min(1),
  /** The one shell command, run from the repository root, that fetches it into place and rebuilds; null when there is none. */
  command: z.string().min(1).nullable().default(null),
});

/** A dataset source. */
export type DatasetSource = z.infer<typeof DatasetSourceSchema>;

/** Where to get a dataset and the one command that does it: the same words in the rebuild's, the refusal's and the board's notes. */
export function datasetHowTo(source: DatasetSource): string {
  return `get the ${source.name} ${source.what} from ${source.origin}` + (source.command === null ? "" : `; one command from the repository root: ${source.command}`);
}

/** A benchmark definition: data/benchmarks/<id>/benchmark.json. */
export const BenchmarkSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1),
    version: z.string().min(1),
    summary: z.string().min(1),
    paper: z.strictObject({
      title: z.string().min(1),
      authors: z.string().min(1),
      year: z.int().min(1990).max(2100),
      url: z.url(),
    }),
    citation: z.string().min(1),
    license: z.string().nullable(),
    homepage: z.url().nullable(),
    dataUrl: z.url().nullable(),
    labelsPublic: z.boolean(),
    counts: z.strictObject({
      prompts: z.int().nonnegative().nullable(),
      dimensions: z.int().nonnegative().nullable(),
      videos: z.int().nonnegative().nullable(),
      t2vModels: z.int().nonnegative().nullable(),
      mos: z.int().nonnegative().nullable(),
      qaPairs: z.int().nonnegative().nullable(),
    }),
    dimensionsNote: z.string().nullable().default(null),
    /** The per-video annotation the boards are recomputed from; null for published figures only. */
    dataset: DatasetSourceSchema.nullable().default(null),
    protocol: ProtocolSchema,
    /** Null where the benchmark takes no human-rated T2V submissions (no per-video data to anchor on). */
    anchoring: AnchoringSchema.nullable(),
    perspectives: z.array(PerspectiveSchema).min(1),
    dimensions: z.array(DimensionSchema),
    boards: z.strictObject({
      t2v: z.array(BoardColumnSchema).min(1),
      "v2t-instance": z.array(BoardColumnSchema).min(1),
      "v2t-model": z.array(BoardColumnSchema).min(1),
    }),
  })
  .superRefine((benchmark, ctx) => {
    const perspectiveIds = new Set(benchmark.perspectives.map((p) => p.id));
    for (const [board, columns] of Object.entries(benchmark.boards)) {
      columns.forEach((column, index) => {
        if (!perspectiveIds.has(column.perspective)) {
          ctx.addIssue({
            code: "custom",
            path: ["boards", board, index, "perspective"],
            message: `unknown perspective "${column.perspective}"`,
          });
        }
        if (isCorrelationMetric(column.metric) && !benchmark.protocol.correlations.includes(column.metric)) {
          ctx.addIssue({
            code: "custom",
            path: ["boards", board, index, "metric"],
            message: `"${column.metric}" is not a correlation the protocol reports (${benchmark.protocol.correlations.join(", ")})`,
          });
        }
      });
    }
  });

/** A benchmark definition. */
export type Benchmark = z.infer<typeof BenchmarkSchema>;
