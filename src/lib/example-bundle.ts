/**
 * The downloadable example V2T bundle of the submission guide: a trivial, clearly labelled rule (the length of
 * each video's prompt) applied to every video a V2T method must predict on the first benchmark with per-video
 * data (its labelled pool, real reference videos included where its protocol scores them).
 * Read-only; built at site build time from the store, so it is always valid against the store it ships with.
 */
import { and, asc, eq } from "drizzle-orm";
import { zipSync } from "fflate";
import * as t from "../../db/schema.ts";
import type { Anchoring } from "../schemas/benchmark.ts";
import { listBenchmarks, listPerspectives } from "./benchmarks.ts";
import { loadAnchoring, loadProtocol } from "./protocol.ts";
import { store } from "./store.ts";

// Zip entries carry a timestamp; a fixed one makes the download byte-identical on every build.
const MTIME = new Date("2024-01-01T00:00:00Z");

/** The name the example entry is submitted under (its entry id is "example-prompt-length"). */
export const EXAMPLE_ENTRY_NAME = "Example: prompt length";

/** What the example bundle holds: its benchmark (null when no benchmark has videos) and its files. */
export interface ExampleBundle {
  readonly benchmarkId: string | null;
  readonly videoCount: number;
  readonly files: Record<string, string>;
}

function readme(lines: readonly string[]): string {
  return `${lines.join("\n")}\n`;
}

/** The example bundle's files: manifest, predictions for every non-reference video, README.txt. */
export function exampleBundle(): ExampleBundle {
  const db = store();
  for (const benchmark of listBenchmarks()) {
    const withReferences = loadProtocol(benchmark.id).referenceVideos === "included";
    const videos = db
      .select({ id: t.videos.id, text: t.prompts.text, isReference: t.videos.isReference })
      .from(t.videos)
      .innerJoin(t.prompts, and(eq(t.prompts.benchmarkId, t.videos.benchmarkId), eq(t.prompts.id, t.videos.promptId)))
      .where(and(eq(t.videos.benchmarkId, benchmark.id), eq(t.videos.labelled, true)))
      .orderBy(asc(t.videos.id))
      .all()
      .filter((v) => withReferences || !v.isReference);
    if (videos.length === 0) continue;
    const perspectives = listPerspectives(benchmark.id).filter((p) => p.kind === "mos").map((p) => p.id);
    const manifest = {
      schemaVersion: 1,
      benchmark: benchmark.id,
      direction: "v2t",
      entry: {
        name: EXAMPLE_ENTRY_NAME,
        organization: "AIGVE Leaderboard (example)",
        kind: "alignment-metric",
        url: "https://example.org/replace-with-your-paper-or-code",
        license: "CC0-1.0",
        contact: "you@example.org",
      },
      method: "EXAMPLE ONLY, not a real method: every perspective's score is the number of characters of the video's prompt. Replace this with how your outputs were produced.",
      sampledBy: "AIGVE Leaderboard (example): who ran the method on the videos",
      evaluatedBy: "AIGVE Leaderboard (example): who computed the submitted scores",
      codeUrl: "https://example.org/replace-with-your-code",
      weightsUrl: null,
      date: "2025-01-01",
      trainingData: [],
    };
    const predictions = videos
      .map((v) => JSON.stringify({ video: v.id, scores: Object.fromEntries(perspectives.map((p) => [p, v.text.length])) }))
      .join("\n");
    return {
      benchmarkId: benchmark.id,
      videoCount: videos.length,
      files: {
        "manifest.json": `${JSON.stringify(manifest, null, 2)}\n`,
        "predictions.jsonl": `${predictions}\n`,
        "README.txt": readme([
          `Example V2T submission bundle for ${benchmark.title} (${benchmark.id}).`,
          "",
          `predictions.jsonl scores all ${videos.length} videos a method must predict with a deliberately trivial rule:`,
          "the length of each video's prompt in characters, as the score of every perspective.",
          "It is NOT a method; it only shows the format. Replace the scores and the manifest with your own,",
          "then check the bundle without storing anything:",
          "",
          "  npm run submit -- path/to/bundle --dry-run",
          "",
          "README.txt is optional in a bundle; files it may hold: manifest.json, predictions.jsonl, ratings.csv,",
          "scores.jsonl, README.md, README.txt, LICENSE, LICENSE.txt, LICENSE.md.",
        ]),
      },
    };
  }
  return {
    benchmarkId: null,
    videoCount: 0,
    files: {
      "README.txt": readme([
        "No example predictions: when this site was built, no benchmark had per-video data in its store",
        "(the external FETV and TVGE datasets were absent). A V2T bundle holds manifest.json and",
        "predictions.jsonl with one line per video; see the submission guide at /submit/ and the schemas",
        "at /schemas/submission-manifest.json and /schemas/prediction-line.json.",
      ]),
    },
  };
}

/** The example bundle as zip bytes, byte-identical for the same store. */
export function exampleBundleZip(): Uint8Array {
  const { files } = exampleBundle();
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [encoder.encode(text), { mtime: MTIME }]])));
}

/** A benchmark as the submission guide describes it: what a bundle for it must cover. */
export interface SubmissionTarget {
  readonly id: string;
  readonly title: string;
  /** Videos a V2T bundle must predict (the labelled pool, real references included where the protocol scores them). */
  readonly videos: number;
  /** Real reference videos among them, and whether they are required. */
  readonly referenceVideos: number;
  readonly referencesRequired: boolean;
  readonly prompts: number;
  readonly anchors: number;
  /** The anchoring rules of the benchmark, or null when it takes no human-rated T2V submissions. */
  readonly anchoring: Anchoring | null;
  readonly mos: readonly string[];
  readonly qa: string | null;
  readonly exampleVideo: string | null;
  /** A V2T entry of this benchmark that can score T2V models automatically (for the guide's example). */
  readonly exampleEvaluator: string | null;
}

/** Every benchmark with what submissions to it must cover (zero videos: not open to submissions in this build). */
export function submissionTargets(): SubmissionTarget[] {
  const db = store();
  return listBenchmarks().map((benchmark) => {
    const pool = db
      .select({ id: t.videos.id, isReference: t.videos.isReference })
      .from(t.videos)
      .where(and(eq(t.videos.benchmarkId, benchmark.id), eq(t.videos.labelled, true)))
      .orderBy(asc(t.videos.id))
      .all();
    const required = loadProtocol(benchmark.id).referenceVideos === "included";
    const prompts = db.select({ id: t.prompts.id }).from(t.prompts).where(eq(t.prompts.benchmarkId, benchmark.id)).all();
    const anchors = db.select({ id: t.anchors.videoId }).from(t.anchors).where(eq(t.anchors.benchmarkId, benchmark.id)).all();
    const evaluator = db
      .select({ id: t.calibrations.evaluatorId })
      .from(t.calibrations)
      .where(eq(t.calibrations.benchmarkId, benchmark.id))
      .orderBy(asc(t.calibrations.evaluatorId))
      .get();
    const perspectives = listPerspectives(benchmark.id);
    return {
      id: benchmark.id,
      title: benchmark.title,
      videos: pool.filter((v) => required || !v.isReference).length,
      referenceVideos: pool.filter((v) => v.isReference).length,
      referencesRequired: required,
      prompts: prompts.length,
      anchors: anchors.length,
      anchoring: loadAnchoring(benchmark.id),
      mos: perspectives.filter((p) => p.kind === "mos").map((p) => p.id),
      qa: perspectives.find((p) => p.kind === "qa")?.id ?? null,
      exampleVideo: pool.find((v) => !v.isReference)?.id ?? null,
      exampleEvaluator: evaluator?.id ?? null,
    };
  });
}
