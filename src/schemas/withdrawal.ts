import { z } from "zod";
import { IdSchema } from "./ids.ts";

/**
 * A withdrawn entry, data/withdrawals/<benchmark>/<direction>/<entry>.json, written by a maintainer: the entry
 * leaves the boards and stays, marked withdrawn, in the changelog, its entry page and the audit.
 */
export const WithdrawalSchema = z.strictObject({
  schemaVersion: z.literal(1),
  benchmark: IdSchema,
  direction: z.enum(["t2v", "v2t"]),
  entry: IdSchema,
  withdrawnBy: z.string().min(1).max(200).describe("Who withdrew the entry (its submitter, or a maintainer)"),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").describe("When"),
  reason: z.string().min(1).max(2000).describe("Why, in words"),
});

/** A validated withdrawal record. */
export type Withdrawal = z.infer<typeof WithdrawalSchema>;
