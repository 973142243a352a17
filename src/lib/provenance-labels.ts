/**
 * How the site names and marks an entry's provenance and its training-data disclosure: one compact mark per kind
 * for board rows, its label, and what it means (legend, methodology, entry pages, downloads' documentation).
 */
import { ProvenanceKindSchema, type ProvenanceKind } from "../schemas/provenance.ts";

/** The kinds in legend and filter order. */
export const PROVENANCE_KINDS: readonly ProvenanceKind[] = ProvenanceKindSchema.options;

const KINDS: Record<ProvenanceKind, { mark: string; label: string; description: string }> = {
  verified: {
    mark: "✓V",
    label: "verified",
    description: "Submitted by an organisation and verified by this leaderboard's maintainers on the date shown: a verification record in data/ says who checked what.",
  },
  published: {
    mark: "P",
    label: "published",
    description: "Published by the benchmark's authors in their paper or repository and copied unchanged, with the citation.",
  },
  computed: {
    mark: "C",
    label: "computed",
    description: "Computed by this site from the benchmark's own per-video dataset (the authors' videos, ratings or distributed metric scores).",
  },
  "self-reported": {
    mark: "S",
    label: "self-reported",
    description: "Submitted by the organisation named, from outputs it produced itself; scored by this site but not verified by anybody else.",
  },
};

/** The compact mark of a kind on a board row. */
export function provenanceMark(kind: ProvenanceKind): string {
  return KINDS[kind].mark;
}

/** The label of a kind. */
export function provenanceKindLabel(kind: ProvenanceKind): string {
  return KINDS[kind].label;
}

/** What a kind means. */
export function provenanceKindDescription(kind: ProvenanceKind): string {
  return KINDS[kind].description;
}

/** The mark of a V2T entry trained or tuned on the benchmark it is ranked on. */
export const TRAINED_MARK = "T";

/** What the trained-on mark means. */
export const TRAINED_DESCRIPTION =
  "Trained or tuned on this benchmark's own data (or a split of it): its agreement with the benchmark's raters is not out-of-distribution like the others', so it is not comparable with them.";

/** How a training disclosure reads: "yes", "no" or "not stated". */
export function trainedLabel(trained: "yes" | "no" | "not-stated"): string {
  return trained === "not-stated" ? "not stated" : trained;
}
