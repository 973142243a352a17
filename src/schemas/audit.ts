/** data/benchmarks/<id>/audit.csv: the figures and ranks a benchmark's authors published that this site recomputes. */
import { z } from "zod";
import { BoardIdSchema } from "./board.ts";
import { CsvNumberSchema, CsvTextSchema } from "./csv-cells.ts";
import { MetricSchema } from "./metrics.ts";

/**
 * Another implementation of a figure's metric that the audit computes beside the board's own, on the same items, to show
 * which one the authors used: `srcc-untied` is Spearman's ρ by the textbook formula without tie correction
 * (`spearmanWithoutTieCorrection`), beside SciPy's tie-corrected ρ that boards show.
 */
export const AuditVariantSchema = z.enum(["srcc-untied"]);

/** An audit variant. */
export type AuditVariant = z.infer<typeof AuditVariantSchema>;

/**
 * One published figure (`figure`: a value of an entry in a board column and dimension) or one published rank
 * (`rank`: an entry's overall place on a board), with where it is printed and, where the site's value
 * differs, why.
 */
export const AuditSourceRowSchema = z
  .strictObject({
    kind: z.enum(["figure", "rank"]),
    board: BoardIdSchema,
    dimension: CsvTextSchema,
    /** The entry's name as on this site's boards. */
    entry: CsvTextSchema,
    perspective: z.string().trim(),
    metric: z.string().trim(),
    published: CsvNumberSchema,
    /** Decimals as printed: the site's value agrees when it rounds to the published one. */
    decimals: z.string().trim().regex(/^\d$/, "expected the number of decimals printed (0–9)").transform(Number),
    where: CsvTextSchema,
    note: z.string().trim(),
    /** Optional column: an implementation to compute beside the board's (see `AuditVariantSchema`); empty for none. */
    variant: z.union([z.literal(""), AuditVariantSchema], { error: 'expected "" or "srcc-untied"' }).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.kind === "figure") {
      if (!MetricSchema.safeParse(row.metric).success) ctx.addIssue({ code: "custom", path: ["metric"], message: `"${row.metric}" is not a metric` });
      if (row.perspective === "") ctx.addIssue({ code: "custom", path: ["perspective"], message: "a published figure names its perspective" });
    } else if (row.metric !== "rank") ctx.addIssue({ code: "custom", path: ["metric"], message: 'a published rank has metric "rank"' });
    if (row.variant === "srcc-untied" && (row.kind !== "figure" || row.metric !== "srcc" || row.board === "t2v")) {
      ctx.addIssue({ code: "custom", path: ["variant"], message: "the srcc-untied variant applies to a V2T board's srcc figure only" });
    }
  });

/** A row of audit.csv. */
export type AuditSourceRow = z.infer<typeof AuditSourceRowSchema>;
