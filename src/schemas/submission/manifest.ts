import { z } from "zod";
import { EntryNameSchema } from "../entry-name.ts";
import { GenerationCardSchema } from "../generation-card.ts";
import { IdSchema } from "../ids.ts";
import { ProvenanceDateSchema } from "../provenance.ts";
import { TrainingDatasetSchema } from "../training-data.ts";

/** The V2T kinds a submission may declare (the site's labels for them live in src/lib/labels.ts). */
export const V2tKindSchema = z.enum([
  "open-lmm",
  "proprietary-lmm",
  "lmm-metric",
  "lmm-evaluator",
  "deep-vqa",
  "handcrafted-iqa",
  "alignment-metric",
  "quality-metric",
  "alignment-or-preference-metric",
  "vbench-dimension",
]);

/** A V2T kind. */
export type V2tKind = z.infer<typeof V2tKindSchema>;

/** The contact of bundles the maintainers convert from published metric scores (scripts/pipeline/metric-bundles.ts). */
export const MAINTAINERS_CONTACT = "maintainers of this leaderboard";

// Only web links: a `javascript:` or `data:` URL would be rendered as a clickable link on the site.
const WebUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(500);

// Control characters (ANSI escapes, NUL) and bidi controls in a field would be stored and shown as they are: a
// field is plain text; only `method`, a paragraph, may hold line breaks and tabs.
const CONTROL_OR_BIDI = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_OR_BIDI_BUT_LINES = /[\0-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const plain = (pattern: RegExp) => (value: string) => !pattern.test(value);
const PLAIN_MESSAGE = "must be plain text: no control characters (escape sequences, NUL) or bidi controls";

const text = (max: number, lines = false) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine(plain(lines ? CONTROL_OR_BIDI_BUT_LINES : CONTROL_OR_BIDI), PLAIN_MESSAGE);

/** Who made the entry and how to reach them; the name (see entry-name.ts) becomes the entry id (slugified). */
const EntryBaseSchema = z.strictObject({
  name: EntryNameSchema,
  organization: text(100),
  size: text(50).optional().describe("Parameter count or similar, e.g. \"7B\""),
  url: WebUrlSchema.describe("Paper, code or model card (http or https)"),
  license: text(100).describe("License of the submitted outputs, e.g. \"CC BY 4.0\""),
  contact: z
    .union([z.email().max(200), WebUrlSchema, z.literal(MAINTAINERS_CONTACT)])
    .describe("An email address or web page where the submitters can be reached"),
});

/** The entry of a V2T submission: an interpreter (LMM, metric) with its kind. */
export const V2tEntrySchema = EntryBaseSchema.extend({ kind: V2tKindSchema });

/** The entry of a T2V submission: a generator, open or closed. */
export const T2vEntrySchema = EntryBaseSchema.extend({ access: z.enum(["open", "closed"]) });

const common = {
  schemaVersion: z.literal(1),
  benchmark: IdSchema.describe("A benchmark id, e.g. \"tvge\""),
  method: text(4000, true).describe("How the outputs were produced: model version, prompts, settings"),
  // Provenance (issue 17): who ran what, where the code and weights are, when. Required; a link may be null
  // (closed weights, no code), but the submitter must say so.
  sampledBy: text(200).describe("Who ran the model: generated the videos (T2V) or ran the method on the videos (V2T)"),
  evaluatedBy: text(200).describe("Who ran the evaluation: rated the videos or computed the scores"),
  codeUrl: WebUrlSchema.nullable().describe("The code that produced the outputs (http or https), or null when there is none to share"),
  weightsUrl: WebUrlSchema.nullable().describe("The model weights (http or https), or null for closed weights or an API"),
  date: ProvenanceDateSchema.describe("When the outputs were produced, YYYY-MM-DD"),
};

/** manifest.json of a V2T bundle (predictions.jsonl beside it). */
export const V2tManifestSchema = z.strictObject({
  ...common,
  direction: z.literal("v2t"),
  entry: V2tEntrySchema,
  trainingData: z
    .array(TrainingDatasetSchema)
    .max(100)
    .describe("Every dataset the method was trained or tuned on (an empty list when none); name this benchmark by its id or title if it is one"),
});

/** manifest.json of a T2V bundle (ratings.csv, or scores.jsonl with the `evaluator` that produced them). */
export const T2vManifestSchema = z.strictObject({
  ...common,
  direction: z.literal("t2v"),
  entry: T2vEntrySchema,
  generationCard: GenerationCardSchema.describe("How the videos were made"),
  evaluator: IdSchema.optional().describe("With scores.jsonl only: the id of the V2T entry of this benchmark that scored the videos"),
});

/** The submitter's part of a V2T manifest (what `npm run evaluate --entry` reads): the entry and its provenance; the runner adds the rest. */
export const V2tSubmitterSchema = V2tManifestSchema.omit({ schemaVersion: true, benchmark: true, direction: true, method: true });

/** The submitter's part of a T2V manifest (what `npm run evaluate --entry` reads): the entry, its provenance and generation card. */
export const T2vSubmitterSchema = T2vManifestSchema.omit({ schemaVersion: true, benchmark: true, direction: true, method: true, evaluator: true });

/** manifest.json of a submission bundle, either direction. */
export const ManifestSchema = z.discriminatedUnion("direction", [V2tManifestSchema, T2vManifestSchema]);

/** A validated manifest. */
export type Manifest = z.infer<typeof ManifestSchema>;
