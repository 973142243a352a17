import { z } from "zod";

/** A URL-safe identifier: lower-case letters and digits in dash-separated groups. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters and digits separated by single dashes");

/** A URL-safe identifier. */
export type Id = z.infer<typeof IdSchema>;

/** Turns a display name into an id: "InternVL2.5 (38B)" → "internvl2-5-38b". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
