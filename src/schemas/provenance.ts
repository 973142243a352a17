/**
 * Who produced an entry's figures and how: the provenance every board row, entry page and download carries.
 * `published`: copied from the benchmark authors' publication; `computed`: computed by this site from the
 * benchmark's own dataset; `self-reported`: submitted by an organisation, not checked by anybody else;
 * `verified`: a submitted entry whose figures the maintainers reproduced (only a verification record in data/
 * makes an entry verified; until then a submission stays self-reported).
 */
import { z } from "zod";

/** The four kinds of provenance, in the order legends and filters list them. */
export const ProvenanceKindSchema = z.enum(["verified", "published", "computed", "self-reported"]);

/** A provenance kind. */
export type ProvenanceKind = z.infer<typeof ProvenanceKindSchema>;

/** A date as a year, a month or a day (ISO 8601): a paper gives a year, a submission a day. */
export const ProvenanceDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "must be a date YYYY-MM-DD (or YYYY-MM, or YYYY)");

/** An entry's provenance as the store holds it (table entry_provenance). */
export const ProvenanceSchema = z.strictObject({
  kind: ProvenanceKindSchema,
  /** Who produced the figures: the benchmark's authors, this site, or the submitting organisation. */
  producedBy: z.string().min(1),
  /** Who ran the model: generated the videos (T2V) or ran the method on them (V2T). */
  sampledBy: z.string().min(1),
  /** Who ran the evaluation: collected the human ratings or computed the agreement. */
  evaluatedBy: z.string().min(1),
  codeUrl: z.url({ protocol: /^https?$/ }).nullable(),
  weightsUrl: z.url({ protocol: /^https?$/ }).nullable(),
  date: ProvenanceDateSchema.nullable(),
  /** Where the provenance is stated: a citation, a bundle path, or a verification record. */
  source: z.string().min(1),
});

/** An entry's provenance. */
export type Provenance = z.infer<typeof ProvenanceSchema>;
