import { z } from "zod";
import { IdSchema } from "./ids.ts";

/** A day, YYYY-MM-DD. */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

/** A SHA-256 in lower-case hex. */
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in lower-case hex");

/**
 * A maintainer's verification of a submitted entry, data/verifications/<benchmark>/<direction>/<entry>.json,
 * written by `npm run verify` and re-checked against its evidence by every rebuild.
 */
export const VerificationSchema = z.strictObject({
  schemaVersion: z.literal(1),
  benchmark: IdSchema,
  direction: z.enum(["t2v", "v2t"]),
  entry: IdSchema,
  /** The content hash of the submission verified: a later resubmission is not verified by this record. */
  submission: Sha256Schema,
  verifiedBy: z.string().min(1).max(200).describe("Who verified the entry"),
  date: DaySchema.describe("When (it also seeds the sample)"),
  checked: z.string().min(1).max(2000).describe("What was checked and how, in words"),
  /** The random sample the check covers: video ids (V2T) or prompt ids (T2V), drawn by the seeded rule. */
  sample: z.strictObject({
    seed: z.int(),
    size: z.int().min(1),
    items: z.array(z.string().min(1)).min(1),
  }),
  check: z.discriminatedUnion("kind", [
    /** V2T: the method's code re-run on the sample reproduced every submitted score within the tolerance. */
    z.strictObject({ kind: z.literal("rerun"), tolerance: z.number().nonnegative() }),
    /**
     * T2V (human-rated): a trusted panel re-rated the sampled videos with the anchors; per perspective, the anchored
     * mean difference (trusted − submitted) over the sample with its 95% interval, which must cover 0.
     */
    z.strictObject({
      kind: z.literal("panel"),
      differences: z.record(z.string(), z.strictObject({ n: z.int().min(2), mean: z.number(), low: z.number(), high: z.number(), coversZero: z.boolean() })),
    }),
  ]),
  /** The evidence file beside the record (its name) and its SHA-256: the re-run scores (V2T) or the panel's ratings (T2V). */
  evidence: z.strictObject({ file: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "must be a file name beside the record"), sha256: Sha256Schema }),
});

/** A validated verification record. */
export type Verification = z.infer<typeof VerificationSchema>;
