import { z } from "zod";
import { BoardColumnSchema } from "./board.ts";
import { IdSchema } from "./ids.ts";

/** A perspective humans rated (a MOS) or `qa` for yes/no questions. */
export const PerspectiveSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case: lower-case letters, digits and _"),
  label: z.string().min(1),
  kind: z.enum(["mos", "qa"]),
  description: z.string().min(1),
  scale: z.string().nullable(),
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
      });
    }
  });

/** A benchmark definition. */
export type Benchmark = z.infer<typeof BenchmarkSchema>;
