import { z } from "zod";

/** A CSV cell holding a finite decimal number ("0.55", "-3", "1e-3"); empty cells are rejected. */
export const CsvNumberSchema = z
  .string()
  .trim()
  .regex(/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/, "expected a number")
  .transform(Number);

/** A CSV cell holding non-empty text, trimmed. */
export const CsvTextSchema = z.string().trim().min(1, "must not be empty");
