/**
 * The worked examples of CONTRIBUTING.md: a bundle in each direction built only from files a new user downloads from
 * the site — a T2V bundle from the prompt list and the anchor list (ratings.csv by three example raters), a V2T bundle
 * from the per-video ground-truth list (predictions.jsonl). Their numbers are placeholders that only show the format
 * (they measure nothing): replace them with your raters' ratings or your method's scores.
 */
import { parseCsv } from "../io/csv-parse.ts";

/** A bundle's files, name → text. */
export type BundleText = Record<string, string>;

const PROVENANCE = {
  sampledBy: "Example Lab (replace: who generated the videos / ran the method)",
  evaluatedBy: "Example Lab (replace: who rated the videos / computed the scores)",
  codeUrl: "https://example.org/replace-with-your-code",
  weightsUrl: null,
  date: "2025-01-01",
};

const ENTRY = { organization: "Example Lab", url: "https://example.org/replace-with-your-paper", license: "CC-BY-4.0", contact: "you@example.org" };

// Three example raters with different leniency, as a real panel has.
const RATERS = [
  { id: "r01", offset: 0, seed: 0 },
  { id: "r02", offset: 0.4, seed: 1 },
  { id: "r03", offset: -0.4, seed: 2 },
] as const;

const clampRating = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

/**
 * A T2V bundle: manifest.json (with its generation card) and ratings.csv where every example rater rates every
 * prompt's video and every anchor video from every perspective of the anchor list. Anchor ratings follow the
 * benchmark's scores with some disagreement (as raters who agree with the benchmark give); the new videos get a placeholder 3 ± 1.
 */
export function workedT2vBundle(benchmark: string, promptsCsv: string, anchorsCsv: string): BundleText {
  const prompts = parseCsv(promptsCsv, "prompts.csv").records.map((r) => r.cells.video_name ?? "");
  const anchors = parseCsv(anchorsCsv, "anchors.csv");
  const perspectives = anchors.header.filter((h) => h.endsWith("_score")).map((h) => h.slice(0, -"_score".length));
  const rows = ["video,perspective,rater,score"];
  for (const rater of RATERS) {
    prompts.forEach((video, i) => {
      perspectives.forEach((p, j) => rows.push(`${video},${p},${rater.id},${clampRating(3 + (((i + j) % 3) - 1) + rater.offset)}`));
    });
    anchors.records.forEach((anchor, i) => {
      perspectives.forEach((p, j) => {
        // Real raters disagree with the benchmark, each in their own way: a fixed spread of up to ±1.6 points.
        const noise = (((i * 7 + rater.seed * 11 + j * 3) % 5) - 2) * 0.8;
        rows.push(`${anchor.cells.video},${p},${rater.id},${clampRating(Number(anchor.cells[`${p}_score`]) + rater.offset + noise)}`);
      });
    });
  }
  const manifest = {
    schemaVersion: 1,
    benchmark,
    direction: "t2v",
    entry: { name: "Example Generator", ...ENTRY, access: "open" },
    method: "EXAMPLE ONLY: placeholder ratings that show the format. Replace with: your model and version, how the videos were made, who rated them and how (instructions, interface, the anchors shuffled in).",
    ...PROVENANCE,
    generationCard: {
      model: "Example Generator v1 (checkpoint example-v1)",
      resolution: "512x320",
      frames: 16,
      frameRate: 8,
      duration: 2,
      sampler: "DDIM",
      steps: 50,
      guidance: 7.5,
      seeds: "0 for every prompt",
      promptRewriting: "none",
      negativePrompt: "none",
      samples: "submitter",
    },
  };
  return { "manifest.json": `${JSON.stringify(manifest, null, 2)}\n`, "ratings.csv": `${rows.join("\n")}\n` };
}

/**
 * A V2T bundle: manifest.json and predictions.jsonl with a score for every perspective of every labelled video of the
 * ground-truth list (`<perspective>_mos` columns; real reference videos only `withReferences`, as the benchmark's
 * protocol says). The placeholder score is the video's prompt number modulo 5.
 */
export function workedV2tBundle(benchmark: string, groundTruthCsv: string, withReferences: boolean): BundleText {
  const truth = parseCsv(groundTruthCsv, "ground-truth.csv");
  const perspectives = truth.header.filter((h) => h.endsWith("_mos") && !h.endsWith("_raw_mos")).map((h) => h.slice(0, -"_mos".length));
  const lines = truth.records
    .filter((r) => perspectives.some((p) => (r.cells[`${p}_mos`] ?? "") !== "") && (withReferences || r.cells.reference !== "true"))
    .map((r) => JSON.stringify({ video: r.cells.video, scores: Object.fromEntries(perspectives.map((p) => [p, (Number.parseInt(r.cells.prompt ?? "0", 10) || 0) % 5])) }));
  const manifest = {
    schemaVersion: 1,
    benchmark,
    direction: "v2t",
    entry: { name: "Example Metric", ...ENTRY, kind: "quality-metric" },
    method: "EXAMPLE ONLY: every score is the video's prompt number modulo 5, to show the format. Replace with: your method and version, frames sampled, prompt or settings.",
    ...PROVENANCE,
    trainingData: [],
  };
  return { "manifest.json": `${JSON.stringify(manifest, null, 2)}\n`, "predictions.jsonl": `${lines.join("\n")}\n` };
}
