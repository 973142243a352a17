/** Turns a checked bundle into store rows: its submission, its entry, and its per-video data. */
import { addProvenance, bundleProvenance } from "../pipeline/entry-provenance.ts";
import { addSubmittedCard } from "../pipeline/generation-card-rows.ts";
import type { StoreContent } from "../store/store-content.ts";
import { addDeclaredTraining } from "../pipeline/training-rows.ts";
import type { ParsedBundle } from "./parse-bundle.ts";

/** The id of a submitted T2V model's video: `<entry id>/<prompt id>`, like the datasets' video ids. */
export function submittedVideoId(entryId: string, promptId: string): string {
  return `${entryId}/${promptId}`;
}

/** Adds the videos of a new T2V entry; they never join the labelled pool. */
function addVideos(content: StoreContent, benchmarkId: string, entryId: string, promptIds: Iterable<string>): void {
  for (const promptId of promptIds) {
    content.videos.push({ benchmarkId, id: submittedVideoId(entryId, promptId), promptId, t2vEntryId: entryId, isReference: false, labelled: false });
  }
}

/** Raw ratings of the new videos and of the anchors, in the submission's own batch (its panel). */
function addRatings(content: StoreContent, bundle: ParsedBundle, benchmarkId: string): void {
  if (bundle.data.kind !== "ratings") return;
  const anchors = new Set(content.anchors.filter((a) => a.benchmarkId === benchmarkId).map((a) => a.videoId));
  const prompts = new Set<string>();
  for (const { value } of bundle.data.lines) {
    const isAnchor = anchors.has(value.video);
    if (!isAnchor) prompts.add(value.video);
    content.ratings.push({
      benchmarkId,
      batch: bundle.hash,
      videoId: isAnchor ? value.video : submittedVideoId(bundle.entryId, value.video),
      perspectiveId: value.perspective,
      rater: value.rater,
      score: value.score,
    });
  }
  addVideos(content, benchmarkId, bundle.entryId, [...prompts].sort());
}

/** An evaluator's scores → predictions of that V2T entry on the new model's videos. */
function addAutoScores(content: StoreContent, bundle: ParsedBundle, benchmarkId: string, evaluatorId: string): void {
  if (bundle.data.kind !== "scores") return;
  const lines = bundle.data.lines.map((l) => l.value);
  addVideos(content, benchmarkId, bundle.entryId, lines.map((l) => l.video));
  for (const { video, scores } of lines) {
    for (const [perspectiveId, score] of Object.entries(scores)) {
      content.predictions.push({ benchmarkId, v2tEntryId: evaluatorId, videoId: submittedVideoId(bundle.entryId, video), perspectiveId, score, answer: null });
    }
  }
}

/**
 * Adds a checked bundle to the content. `storedPath` is where its files are (repo-relative, /-separated);
 * `origin` says whether it was submitted or made from a dataset's distributed scores.
 */
export function addBundleRows(content: StoreContent, bundle: ParsedBundle, storedPath: string, origin: "submitted" | "dataset"): void {
  const { manifest, entryId, hash } = bundle;
  const benchmarkId = manifest.benchmark;
  content.submissions.push({ id: hash, benchmarkId, direction: manifest.direction, entryId, manifestJson: JSON.stringify(manifest), path: storedPath, origin });
  const entry = manifest.entry;
  addProvenance(content, bundleProvenance(manifest, entryId, storedPath, origin));
  // A dataset's metrics take their training data from the benchmark folder's record (with its source); see build-content.
  const declaredIn = `manifest of submission ${storedPath}`;
  if (manifest.direction === "v2t" && origin === "submitted") {
    const benchmark = content.benchmarks.find((b) => b.id === benchmarkId);
    addDeclaredTraining(content, { id: benchmarkId, title: benchmark?.title ?? benchmarkId }, entryId, manifest.trainingData, declaredIn);
  }
  if (manifest.direction === "t2v") addSubmittedCard(content, benchmarkId, entryId, manifest.generationCard, declaredIn);
  if (manifest.direction === "v2t") {
    content.v2tEntries.push({
      benchmarkId,
      id: entryId,
      name: entry.name,
      kind: manifest.entry.kind,
      organization: entry.organization,
      url: entry.url,
      size: entry.size ?? null,
      license: entry.license,
      method: manifest.method,
      submissionId: hash,
    });
    if (bundle.data.kind !== "predictions") return;
    const qa = content.perspectives.find((p) => p.benchmarkId === benchmarkId && p.kind === "qa")?.id;
    for (const { value } of bundle.data.lines) {
      for (const [perspectiveId, score] of Object.entries(value.scores)) {
        content.predictions.push({ benchmarkId, v2tEntryId: entryId, videoId: value.video, perspectiveId, score, answer: null });
      }
      if (value.answer !== undefined && qa !== undefined) {
        content.predictions.push({ benchmarkId, v2tEntryId: entryId, videoId: value.video, perspectiveId: qa, score: null, answer: value.answer });
      }
    }
    return;
  }
  const isAuto = bundle.data.kind === "scores";
  content.t2vEntries.push({
    benchmarkId,
    id: entryId,
    name: entry.name,
    organization: entry.organization,
    access: manifest.entry.access,
    url: entry.url,
    isReference: false,
    source: isAuto ? "auto" : "ratings",
    evaluatorId: isAuto ? (manifest.evaluator ?? null) : null,
    license: entry.license,
    method: manifest.method,
    submissionId: hash,
  });
  addRatings(content, bundle, benchmarkId);
  if (manifest.evaluator !== undefined) addAutoScores(content, bundle, benchmarkId, manifest.evaluator);
}
