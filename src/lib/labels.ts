import { metricDefinition } from "../schemas/metrics.ts";
/** Human-readable names for the codes the store uses. */

const KIND_LABELS: Record<string, string> = {
  "open-lmm": "Open LMM",
  "proprietary-lmm": "Proprietary LMM",
  "lmm-metric": "LMM-based metric",
  "deep-vqa": "Deep VQA model",
  "handcrafted-iqa": "Handcrafted IQA",
  "alignment-or-preference-metric": "Alignment / preference metric",
  "vbench-dimension": "VBench dimension",
  "alignment-metric": "Alignment metric",
  "quality-metric": "Quality metric",
  "lmm-evaluator": "LMM evaluator",
};

/** The label of a V2T kind, falling back to the code itself. */
export function kindLabel(kind: string | null): string {
  return kind === null ? "—" : (KIND_LABELS[kind] ?? kind);
}

/** The label of a T2V model's access. */
export function accessLabel(access: string | null): string {
  if (access === "open") return "Open";
  if (access === "closed") return "Closed";
  return "—";
}

const PROVENANCE: Record<string, { label: string; description: string }> = {
  published: {
    label: "published",
    description: "Copied from the benchmark authors' publication, with citation; not recomputed here.",
  },
  recomputed: {
    label: "recomputed",
    description: "Computed by this site's engine from per-video data, with a 95% bootstrap interval.",
  },
  auto: {
    label: "auto",
    description: "A T2V model scored by an automatic evaluator (a V2T entry of the same benchmark), not by humans.",
  },
};

/** The short label of a provenance. */
export function provenanceLabel(provenance: string): string {
  return PROVENANCE[provenance]?.label ?? provenance;
}

/** What a provenance means, for tooltips and the methodology page. */
export function provenanceDescription(provenance: string): string {
  return PROVENANCE[provenance]?.description ?? "";
}

/** The title of a board. */
export function boardLabel(board: "t2v" | "v2t-instance" | "v2t-model"): string {
  if (board === "t2v") return "Text-to-video models";
  return board === "v2t-instance" ? "Video-to-text methods, instance level" : "Video-to-text methods, model level";
}

/** The label of a metric code, from the one list of metrics, e.g. `krcc_c` → "KRCC (τc)". */
export function metricLabel(metric: string): string {
  return metricDefinition(metric).label;
}

/**
 * Compact column headings for a list of dimensions (a heatmap's columns): each label's first word, cut to seven
 * letters and a full stop beyond nine; a label whose short form would repeat another's keeps its full form.
 */
export function shortDimensionLabels(dimensions: readonly { id: string; label: string }[]): Map<string, string> {
  const short = (label: string) => {
    const first = (label.split(/\s+/)[0] ?? label).replace(/[&,:;]+$/, "");
    return first.length > 9 ? `${first.slice(0, 7)}.` : first;
  };
  const counts = new Map<string, number>();
  for (const d of dimensions) counts.set(short(d.label), (counts.get(short(d.label)) ?? 0) + 1);
  return new Map(dimensions.map((d) => [d.id, (counts.get(short(d.label)) ?? 0) > 1 ? d.label : short(d.label)]));
}
