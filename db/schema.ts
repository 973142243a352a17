/**
 * The store's schema: the whole domain of DESIGN.md in one place.
 * The SQLite file is derived from data/ by scripts/rebuild.ts and never edited by hand.
 * Vocabulary is shared with URLs and CSV columns: benchmark, perspective, dimension, prompt, video,
 * T2V entry, V2T entry, submission, ground truth, prediction, result, ranking.
 */
// Deep imports, not the "drizzle-orm/sqlite-core" barrel: the barrel loads hundreds of modules (about 2 s at
// every start of a script), these a handful.
import { blob } from "drizzle-orm/sqlite-core/columns/blob";
import { integer } from "drizzle-orm/sqlite-core/columns/integer";
import { real } from "drizzle-orm/sqlite-core/columns/real";
import { text } from "drizzle-orm/sqlite-core/columns/text";
import { index } from "drizzle-orm/sqlite-core/indexes";
import { primaryKey } from "drizzle-orm/sqlite-core/primary-keys";
import { sqliteTable } from "drizzle-orm/sqlite-core/table";

/**
 * Facts about the store itself: what it was built from (a fingerprint of the code, the benchmark
 * definitions and the datasets) and the bootstrap settings, so that a submission can tell whether the
 * store is current and score a new entry on the same resamples as the others.
 */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** A prompt suite with human annotations, its paper and the counts its authors declare. */
export const benchmarks = sqliteTable("benchmarks", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  version: text("version").notNull(),
  summary: text("summary").notNull(),
  paperTitle: text("paper_title").notNull(),
  paperUrl: text("paper_url").notNull(),
  citation: text("citation").notNull(),
  license: text("license"),
  homepage: text("homepage"),
  dataUrl: text("data_url"),
  /** When false, no per-video ground truth may reach dist/. */
  labelsPublic: integer("labels_public", { mode: "boolean" }).notNull(),
  promptCount: integer("prompt_count"),
  dimensionCount: integer("dimension_count"),
  videoCount: integer("video_count"),
  t2vModelCount: integer("t2v_model_count"),
  mosCount: integer("mos_count"),
  qaCount: integer("qa_count"),
  dimensionsNote: text("dimensions_note"),
  /** Where the per-video annotation comes from (benchmark.json `dataset`, JSON), null for published figures only. */
  datasetJson: text("dataset_json"),
  /** The benchmark's protocol as declared in benchmark.json (JSON of ProtocolSchema). */
  protocolJson: text("protocol_json").notNull(),
  /** Anchoring rules for human-rated submissions (JSON of AnchoringSchema), or null. */
  anchoringJson: text("anchoring_json"),
  position: integer("position").notNull(),
});

/** What humans rated: a MOS perspective (perception, alignment, …) or `qa` for yes/no questions. */
export const perspectives = sqliteTable(
  "perspectives",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    id: text("id").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull(),
    kind: text("kind", { enum: ["mos", "qa"] }).notNull(),
    scale: text("scale"),
    /** The bounds a score on the perspective can take (benchmark.json `range`), null where it declares none. */
    rangeMin: real("range_min"),
    rangeMax: real("range_max"),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.id] })],
);

/** A task dimension (category of prompts); a prompt may belong to several. */
export const dimensions = sqliteTable(
  "dimensions",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    id: text("id").notNull(),
    label: text("label").notNull(),
    /** The family a dimension belongs to, e.g. FETV's "Spatial content". */
    group: text("group"),
    description: text("description"),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.id] })],
);

/** The ranked columns of each board of a benchmark, in display order. */
export const boardColumns = sqliteTable(
  "board_columns",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    board: text("board", { enum: ["t2v", "v2t-instance", "v2t-model"] }).notNull(),
    key: text("key").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    metric: text("metric").notNull(),
    label: text("label").notNull(),
    higherIsBetter: integer("higher_is_better", { mode: "boolean" }).notNull(),
    /** Unranked columns are shown and downloaded beside the ranked ones but do not enter the rank sum. */
    ranked: integer("ranked", { mode: "boolean" }).notNull(),
    note: text("note"),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.board, t.key] })],
);

/** A text prompt of a benchmark. */
export const prompts = sqliteTable(
  "prompts",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    id: text("id").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.id] })],
);

/** Which dimensions a prompt belongs to. */
export const promptDimensions = sqliteTable(
  "prompt_dimensions",
  {
    benchmarkId: text("benchmark_id").notNull(),
    promptId: text("prompt_id").notNull(),
    dimensionId: text("dimension_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.promptId, t.dimensionId] })],
);

/**
 * A submission bundle, keyed by the SHA-256 of its content: one accepted into data/submissions/
 * (`submitted`), or one made in memory from the scores a benchmark's dataset distributes (`dataset`).
 */
export const submissions = sqliteTable("submissions", {
  id: text("id").primaryKey(),
  benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
  direction: text("direction", { enum: ["t2v", "v2t"] }).notNull(),
  entryId: text("entry_id").notNull(),
  manifestJson: text("manifest_json").notNull(),
  path: text("path").notNull(),
  origin: text("origin", { enum: ["submitted", "dataset"] }).notNull(),
});

/** A generator on a benchmark; reference (real) videos form an unranked reference entry. */
export const t2vEntries = sqliteTable(
  "t2v_entries",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    id: text("id").notNull(),
    name: text("name").notNull(),
    organization: text("organization"),
    access: text("access", { enum: ["open", "closed"] }),
    url: text("url"),
    isReference: integer("is_reference", { mode: "boolean" }).notNull(),
    /** Where its results come from: published figures, human ratings, or an automatic evaluator. */
    source: text("source", { enum: ["published", "ratings", "auto"] }).notNull(),
    /** For `auto` entries: the V2T entry of the same benchmark that scored it. */
    evaluatorId: text("evaluator_id"),
    /** License of the submitted outputs, from the manifest. */
    license: text("license"),
    /** How the outputs were produced, from the manifest (shown on the entry page). */
    method: text("method"),
    submissionId: text("submission_id").references(() => submissions.id),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.id] })],
);

/** An interpreter (LMM, quality or alignment metric) on a benchmark. */
export const v2tEntries = sqliteTable(
  "v2t_entries",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    id: text("id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    organization: text("organization"),
    url: text("url"),
    size: text("size"),
    license: text("license"),
    /** How the predictions were produced, from the manifest (shown on the entry page). */
    method: text("method"),
    submissionId: text("submission_id").references(() => submissions.id),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.id] })],
);

/**
 * Who produced an entry's figures (src/schemas/provenance.ts): `published` by the benchmark's authors, `computed`
 * by this site from the benchmark's dataset, `self-reported` by a submitting organisation, or `verified` by the
 * maintainers (only a verification record in data/ makes it so). One row per entry, either direction.
 */
export const entryProvenance = sqliteTable(
  "entry_provenance",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    direction: text("direction", { enum: ["t2v", "v2t"] }).notNull(),
    entryId: text("entry_id").notNull(),
    kind: text("kind", { enum: ["verified", "published", "computed", "self-reported"] }).notNull(),
    producedBy: text("produced_by").notNull(),
    /** Who ran the model: generated the videos (T2V) or ran the method on them (V2T). */
    sampledBy: text("sampled_by").notNull(),
    /** Who ran the evaluation. */
    evaluatedBy: text("evaluated_by").notNull(),
    codeUrl: text("code_url"),
    weightsUrl: text("weights_url"),
    /** YYYY, YYYY-MM or YYYY-MM-DD: when the figures were produced (or verified). */
    date: text("date"),
    /** Where this is stated: a citation, a bundle path, or a verification record. */
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.direction, t.entryId] })],
);

/** What a V2T entry was trained or tuned on, and whether that includes the benchmark it is ranked on. */
export const trainingData = sqliteTable(
  "training_data",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    entryId: text("entry_id").notNull(),
    trainedOnBenchmark: text("trained_on_benchmark", { enum: ["yes", "no", "not-stated"] }).notNull(),
    /** JSON array of TrainingDatasetSchema, or null when the sources do not say. */
    datasetsJson: text("datasets_json"),
    /** Where it is stated: the paper or README, or the submission's manifest; null when nothing states it. */
    source: text("source"),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.entryId] })],
);

/** How a T2V entry's videos were made (JSON of GenerationCardSchema), with where that is stated. */
export const generationCards = sqliteTable(
  "generation_cards",
  {
    benchmarkId: text("benchmark_id").notNull().references(() => benchmarks.id),
    entryId: text("entry_id").notNull(),
    cardJson: text("card_json").notNull(),
    source: text("source").notNull(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.entryId] })],
);

/** One T2V entry's output for one prompt. */
export const videos = sqliteTable(
  "videos",
  {
    benchmarkId: text("benchmark_id").notNull(),
    id: text("id").notNull(),
    promptId: text("prompt_id").notNull(),
    t2vEntryId: text("t2v_entry_id").notNull(),
    isReference: integer("is_reference", { mode: "boolean" }).notNull(),
    /**
     * In the labelled pool: the benchmark's own videos with human ground truth, the only ones V2T methods
     * predict and are scored on. Videos of submitted T2V entries never are.
     */
    labelled: integer("labelled", { mode: "boolean" }).notNull(),
    /** The source's split ("train", "test") where it has one; a protocol may score V2T methods on one split only. */
    split: text("split"),
  },
  (t) => [
    primaryKey({ columns: [t.benchmarkId, t.id] }),
    index("videos_entry").on(t.benchmarkId, t.t2vEntryId),
  ],
);

/**
 * One rater's raw score for one video and perspective (kept so every human score can be recomputed).
 * `batch` is `dataset` for the benchmark's own ratings, else the submission whose panel rated the video:
 * a submission's raters also rate anchors, videos the benchmark's own raters rated too.
 */
export const ratings = sqliteTable(
  "ratings",
  {
    benchmarkId: text("benchmark_id").notNull(),
    batch: text("batch").notNull(),
    videoId: text("video_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    rater: text("rater").notNull(),
    score: integer("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.batch, t.videoId, t.perspectiveId, t.rater] })],
);

/** A benchmark's anchor set: labelled videos that raters of a new T2V model rate too (see anchors.json). */
export const anchors = sqliteTable(
  "anchors",
  {
    benchmarkId: text("benchmark_id").notNull(),
    videoId: text("video_id").notNull(),
    position: integer("position").notNull(),
    /** Where to get the video file. */
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.videoId] })],
);

/** Per-video human ground truth: MOS with SD and rating count, or the yes/no question asked and the humans' answer for `qa`. */
export const groundTruth = sqliteTable(
  "ground_truth",
  {
    benchmarkId: text("benchmark_id").notNull(),
    videoId: text("video_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    mos: real("mos"),
    rawMos: real("raw_mos"),
    sd: real("sd"),
    count: integer("count"),
    answer: text("answer", { enum: ["yes", "no"] }),
    /** The `qa` question's text as the benchmark asks it (npm run evaluate asks it of a VLM); null where not distributed. */
    question: text("question"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.videoId, t.perspectiveId] })],
);

/** A V2T entry's per-video prediction: a score per perspective, or a yes/no answer for `qa`. */
export const predictions = sqliteTable(
  "predictions",
  {
    benchmarkId: text("benchmark_id").notNull(),
    v2tEntryId: text("v2t_entry_id").notNull(),
    videoId: text("video_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    score: real("score"),
    answer: text("answer"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.v2tEntryId, t.videoId, t.perspectiveId] })],
);

/**
 * entry × level × dimension × perspective × metric → value with CI and n.
 * `dimension` is a dimension id or `overall`. Accuracy is in percent.
 */
export const results = sqliteTable(
  "results",
  {
    benchmarkId: text("benchmark_id").notNull(),
    direction: text("direction", { enum: ["t2v", "v2t"] }).notNull(),
    entryId: text("entry_id").notNull(),
    level: text("level", { enum: ["instance", "model"] }).notNull(),
    dimension: text("dimension").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    metric: text("metric").notNull(),
    value: real("value").notNull(),
    ciLow: real("ci_low"),
    ciHigh: real("ci_high"),
    /** Why a recomputed figure has no interval (e.g. every resample gave the same value). */
    ciNote: text("ci_note"),
    n: integer("n"),
    provenance: text("provenance", { enum: ["published", "recomputed", "auto"] }).notNull(),
    /** Citation for `published`, evaluator for `auto`, bootstrap settings for `recomputed`. */
    source: text("source"),
  },
  (t) => [
    primaryKey({
      columns: [t.benchmarkId, t.direction, t.entryId, t.level, t.dimension, t.perspectiveId, t.metric],
    }),
    // The boards read one level and dimension of every entry at once; the key above serves entry pages.
    index("results_board").on(t.benchmarkId, t.direction, t.level, t.dimension),
  ],
);

/** An entry's overall place on one board (per dimension or `overall`), computed by the engine. */
export const rankings = sqliteTable(
  "rankings",
  {
    benchmarkId: text("benchmark_id").notNull(),
    board: text("board", { enum: ["t2v", "v2t-instance", "v2t-model"] }).notNull(),
    dimension: text("dimension").notNull(),
    entryId: text("entry_id").notNull(),
    rank: integer("rank"),
    rankSum: integer("rank_sum"),
    position: integer("position").notNull(),
    rankBest: integer("rank_best"),
    rankWorst: integer("rank_worst"),
    /** Whether a paired bootstrap separates this entry from the next one in display order. */
    separableFromNext: integer("separable_from_next", { mode: "boolean" }),
    /** Why the entry has no rank on this board, when the board cannot rank anyone (e.g. too few T2V models). */
    unrankedReason: text("unranked_reason"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.board, t.dimension, t.entryId] })],
);

/** An entry's competition rank in one ranked column of a board. */
export const columnRanks = sqliteTable(
  "column_ranks",
  {
    benchmarkId: text("benchmark_id").notNull(),
    board: text("board", { enum: ["t2v", "v2t-instance", "v2t-model"] }).notNull(),
    dimension: text("dimension").notNull(),
    entryId: text("entry_id").notNull(),
    columnKey: text("column_key").notNull(),
    rank: integer("rank"),
    rankBest: integer("rank_best"),
    rankWorst: integer("rank_worst"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.board, t.dimension, t.entryId, t.columnKey] })],
);

/**
 * An entry's values of one ranked column on its board's shared bootstrap resamples (Float32 little-endian
 * bytes, NaN where undefined; the codec is db/draws.ts): what lets a new entry be ranked against the others without rescoring them.
 * Under the reserved column key `rank-sum` (RANK_SUM_DRAWS_KEY, overall scope only), a ranked entry's rank sum on
 * each resample, written by the ranking step with the ranks: what the compare view's rank-sum verdicts pair.
 */
export const draws = sqliteTable(
  "draws",
  {
    benchmarkId: text("benchmark_id").notNull(),
    board: text("board", { enum: ["t2v", "v2t-instance", "v2t-model"] }).notNull(),
    dimension: text("dimension").notNull(),
    entryId: text("entry_id").notNull(),
    columnKey: text("column_key").notNull(),
    values: blob("values", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.board, t.dimension, t.entryId, t.columnKey] })],
);

/**
 * How a V2T method's scores map onto a MOS perspective when it scores a T2V model automatically: the
 * least-squares line over the labelled generated videos, the range of scores it was fitted on, and its
 * leave-one-model-out error at model level.
 */
export const calibrations = sqliteTable(
  "calibrations",
  {
    benchmarkId: text("benchmark_id").notNull(),
    evaluatorId: text("evaluator_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    intercept: real("intercept").notNull(),
    slope: real("slope").notNull(),
    rangeLow: real("range_low").notNull(),
    rangeHigh: real("range_high").notNull(),
    items: integer("items").notNull(),
    /** Root mean square of the held-out models' errors (predicted minus human mean), in MOS units. */
    heldOutRmse: real("held_out_rmse"),
    /** How many pool models the model-mean calibration (what an auto-scored figure uses) is fitted on. */
    models: integer("models").notNull(),
    /** The line from the evaluator's model mean to the humans' model mean over the pool models; null when undefined. */
    modelIntercept: real("model_intercept"),
    modelSlope: real("model_slope"),
    /** RMS of the leave-one-model-out errors of that line, and of predicting each model by the other models' human mean. */
    modelRmse: real("model_rmse"),
    baselineRmse: real("baseline_rmse"),
    /** Split-conformal half-width of a calibrated model mean at the store's confidence; null when unbounded (too few models). */
    conformalHalfWidth: real("conformal_half_width"),
    /** Why this evaluator may not score this perspective (no skill, wrong sign, no line), or null when it may. */
    refusal: text("refusal"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.evaluatorId, t.perspectiveId] })],
);

/** One held-out T2V model of a calibration's leave-one-model-out check. */
export const calibrationChecks = sqliteTable(
  "calibration_checks",
  {
    benchmarkId: text("benchmark_id").notNull(),
    evaluatorId: text("evaluator_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    t2vEntryId: text("t2v_entry_id").notNull(),
    /** The model's human mean. */
    observed: real("observed").notNull(),
    /** Its mean by the evaluator, mapped with a line fitted without the model's videos. */
    predicted: real("predicted").notNull(),
    /** The evaluator's raw mean of the model's videos, on the evaluator's own scale. */
    evaluatorMean: real("evaluator_mean").notNull(),
    /** Its human mean as the model-mean line fitted on the other models predicts it; null when that line is undefined. */
    modelPredicted: real("model_predicted"),
    items: integer("items").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.evaluatorId, t.perspectiveId, t.t2vEntryId] })],
);

/** How a human-rated submission's panel was tied to the benchmark's scale through the anchors, per perspective. */
export const anchorFits = sqliteTable(
  "anchor_fits",
  {
    benchmarkId: text("benchmark_id").notNull(),
    entryId: text("entry_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    anchors: integer("anchors").notNull(),
    raters: integer("raters").notNull(),
    intercept: real("intercept").notNull(),
    slope: real("slope").notNull(),
    /** Pearson correlation of the panel's anchor scores with the benchmark's. */
    agreement: real("agreement").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.entryId, t.perspectiveId] })],
);

/**
 * How well a human-rated submission's anchor scores agree with the benchmark's, per perspective: for the panel
 * (rater "") and for each rater who rates the new videos, Pearson r with its Fisher-z 95% interval.
 */
export const anchorAgreements = sqliteTable(
  "anchor_agreements",
  {
    benchmarkId: text("benchmark_id").notNull(),
    entryId: text("entry_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    /** The submitted rater's id; "" for the whole panel. */
    rater: text("rater").notNull(),
    anchors: integer("anchors").notNull(),
    agreement: real("agreement").notNull(),
    ciLow: real("ci_low"),
    ciHigh: real("ci_high"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.entryId, t.perspectiveId, t.rater] })],
);

/**
 * The checks of a human-rated submission's anchor line, per perspective: the quadratic lack-of-fit test, the
 * most an independent panel of its size agrees with the benchmark (Spearman–Brown), and where its mean lies.
 */
export const anchorChecks = sqliteTable(
  "anchor_checks",
  {
    benchmarkId: text("benchmark_id").notNull(),
    entryId: text("entry_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    /** F of the quadratic term (panel score on benchmark score over the anchors), with 1 and n − 3 degrees of freedom. */
    lackOfFitF: real("lack_of_fit_f"),
    lackOfFitDf: integer("lack_of_fit_df"),
    lackOfFitP: real("lack_of_fit_p"),
    /** The benchmark's single-rater reliability on the anchors (mean pairwise r of its raters); null without per-rater data. */
    reliability: real("reliability"),
    /** Mean number of the panel's raters per anchor. */
    panelRaters: real("panel_raters").notNull(),
    /** √(SB(ρ, k) · SB(ρ, K)): an independent k-rater panel's expected agreement with the benchmark's K-rater scores. */
    ceiling: real("ceiling"),
    /** The panel's mean score of the new videos, and the range of its anchor scores. */
    entryMean: real("entry_mean"),
    anchorLow: real("anchor_low").notNull(),
    anchorHigh: real("anchor_high").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.entryId, t.perspectiveId] })],
);

/**
 * What the diagnostics flag on a human-rated submission (the figure is still computed): ratings that match the
 * benchmark's own, a curved anchor line, a mean outside the anchors' range. `subject` is a rater, or "" for the panel.
 */
export const anchorFlags = sqliteTable(
  "anchor_flags",
  {
    benchmarkId: text("benchmark_id").notNull(),
    entryId: text("entry_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    kind: text("kind", { enum: ["matches-benchmark", "lack-of-fit", "extrapolated"] }).notNull(),
    subject: text("subject").notNull(),
    /** The number and the rule, in a sentence. */
    message: text("message").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.entryId, t.perspectiveId, t.kind, t.subject] })],
);

/**
 * A figure or rank a benchmark's authors published that this site recomputes (a row of the benchmark's
 * audit.csv): an entry's value in a board column and dimension, or its overall place on a board.
 */
export const publishedChecks = sqliteTable(
  "published_checks",
  {
    benchmarkId: text("benchmark_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["figure", "rank"] }).notNull(),
    board: text("board", { enum: ["t2v", "v2t-instance", "v2t-model"] }).notNull(),
    dimension: text("dimension").notNull(),
    entryName: text("entry_name").notNull(),
    perspectiveId: text("perspective_id"),
    metric: text("metric").notNull(),
    published: real("published").notNull(),
    /** Decimals as printed. */
    decimals: integer("decimals").notNull(),
    /** Where the published value is printed. */
    source: text("source").notNull(),
    /** Why this site's value differs, where known. */
    note: text("note"),
    /** Another implementation of the metric the audit computes beside the board's (AuditVariantSchema), or null. */
    variant: text("variant", { enum: ["srcc-untied"] }),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.position] })],
);

/** Each published check beside this site's value: the audit. `agrees`: the site's value rounds to the published one. */
export const audit = sqliteTable(
  "audit",
  {
    benchmarkId: text("benchmark_id").notNull(),
    position: integer("position").notNull(),
    entryId: text("entry_id"),
    ours: real("ours"),
    difference: real("difference"),
    agrees: integer("agrees", { mode: "boolean" }).notNull(),
    /** The check's variant computed on the board's items (null without a variant), and whether it rounds to the published value. */
    variantValue: real("variant_value"),
    variantAgrees: integer("variant_agrees", { mode: "boolean" }),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.position] })],
);


/**
 * A benchmark's human agreement ceiling per MOS perspective, where the benchmark distributes per-rater ratings:
 * the highest Pearson correlation any predictor could reach with the k-rater mean, sqrt(R_k), from the raters'
 * consistency ICC(C,1) stepped up to k raters by Spearman–Brown, over the videos instance-level V2T figures use.
 * A reference for V2T boards, never ranked; a submission whose agreement lies above it beyond both intervals is refused.
 */
export const agreementCeilings = sqliteTable(
  "agreement_ceilings",
  {
    benchmarkId: text("benchmark_id").notNull(),
    perspectiveId: text("perspective_id").notNull(),
    /** Raters per video (k). */
    raters: integer("raters").notNull(),
    /** Videos rated by all k raters, of those the instance-level V2T figures use. */
    videos: integer("videos").notNull(),
    /** Single-rater reliability R_1 = ICC(C,1). */
    singleRater: real("single_rater").notNull(),
    /** Reliability of the k-rater mean, R_k. */
    reliability: real("reliability").notNull(),
    ceiling: real("ceiling").notNull(),
    /** The ceiling's percentile bootstrap interval over videos (the store's bootstrap settings). */
    ciLow: real("ci_low"),
    ciHigh: real("ci_high"),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.perspectiveId] })],
);

/**
 * A maintainer's verification of a submitted entry (a record under data/verifications/), re-checked against its
 * evidence by every rebuild: the only thing that makes an entry "verified".
 */
export const verifications = sqliteTable(
  "verifications",
  {
    benchmarkId: text("benchmark_id").notNull(),
    direction: text("direction", { enum: ["t2v", "v2t"] }).notNull(),
    entryId: text("entry_id").notNull(),
    /** The verified submission's content hash. */
    submissionId: text("submission_id").notNull(),
    verifiedBy: text("verified_by").notNull(),
    /** YYYY-MM-DD. */
    date: text("date").notNull(),
    /** `rerun`: the method's code re-run on a sample; `panel`: a trusted panel re-rated a sample with the anchors. */
    kind: text("kind", { enum: ["rerun", "panel"] }).notNull(),
    /** What was checked and what it showed, in words. */
    checked: text("checked").notNull(),
    sampleSize: integer("sample_size").notNull(),
    seed: integer("seed").notNull(),
    /** The record and its evidence, relative to the repository. */
    path: text("path").notNull(),
    evidencePath: text("evidence_path").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.direction, t.entryId] })],
);

/** A withdrawn entry (a record under data/withdrawals/): off the boards, kept and marked in the changelog and the audit. */
export const withdrawals = sqliteTable(
  "withdrawals",
  {
    benchmarkId: text("benchmark_id").notNull(),
    direction: text("direction", { enum: ["t2v", "v2t"] }).notNull(),
    entryId: text("entry_id").notNull(),
    withdrawnBy: text("withdrawn_by").notNull(),
    /** YYYY-MM-DD. */
    date: text("date").notNull(),
    reason: text("reason").notNull(),
    path: text("path").notNull(),
  },
  (t) => [primaryKey({ columns: [t.benchmarkId, t.direction, t.entryId] })],
);
