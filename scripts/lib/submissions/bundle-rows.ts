/** Turns a checked bundle into store rows: its submission, its entry, and its per-video data. */
import { computeMos } from "../../../src/engine/index.ts";
import type { StoreContent } from "../store-content.ts";
import type { ParsedBundle } from "./parse-bundle.ts";

/** The id of a submitted T2V model's video: `<entry id>/<prompt id>`, like the datasets' video ids. */
export function submittedVideoId(entryId: string, promptId: string): string {
  return `${entryId}/${promptId}`;
}

/** Adds the videos of a new T2V entry, in the benchmark's prompt order. */
function addVideos(content: StoreContent, benchmarkId: string, entryId: string, promptIds: readonly string[]): string[] {
  const ids = promptIds.map((promptId) => submittedVideoId(entryId, promptId));
  promptIds.forEach((promptId, i) => {
    content.videos.push({ benchmarkId, id: ids[i] ?? "", promptId, t2vEntryId: entryId, isReference: false });
  });
  return ids;
}

/** Human ratings → raw rating rows and one MOS per video and perspective (one computeMos matrix per perspective). */
function addRatings(content: StoreContent, bundle: ParsedBundle, benchmarkId: string, promptOrder: readonly string[]): void {
  if (bundle.data.kind !== "ratings") return;
  const rated = new Set(bundle.data.lines.map((l) => l.value.video));
  const promptIds = promptOrder.filter((id) => rated.has(id));
  const videoIds = addVideos(content, benchmarkId, bundle.entryId, promptIds);
  const column = new Map(promptIds.map((id, i) => [id, i]));
  const perspectives = [...new Set(bundle.data.lines.map((l) => l.value.perspective))].sort();
  const raters = [...new Set(bundle.data.lines.map((l) => l.value.rater))].sort();
  const row = new Map(raters.map((rater, r) => [rater, r]));
  for (const perspective of perspectives) {
    const matrix: (number | null)[][] = raters.map(() => promptIds.map(() => null));
    for (const { value } of bundle.data.lines) {
      if (value.perspective !== perspective) continue;
      const r = row.get(value.rater) ?? 0;
      const i = column.get(value.video) ?? 0;
      (matrix[r] as (number | null)[])[i] = value.score;
    }
    matrix.forEach((scores, r) => {
      scores.forEach((score, i) => {
        if (score === null) return;
        content.ratings.push({ benchmarkId, videoId: videoIds[i] ?? "", perspectiveId: perspective, rater: raters[r] ?? "", score });
      });
    });
    const mos = computeMos(matrix);
    const setAside = [...mos.rejectedRaters, ...mos.constantRaters].map((r) => raters[r]);
    if (setAside.length > 0) {
      console.warn(`${bundle.files.shown} ${perspective}: rater(s) ${setAside.join(", ")} left out of the MOS (BT.500 screening or constant scores).`);
    }
    videoIds.forEach((videoId, i) => {
      const value = mos.mos[i] ?? null;
      if (value === null) return;
      content.groundTruth.push({
        benchmarkId,
        videoId,
        perspectiveId: perspective,
        mos: value,
        rawMos: mos.rawMos[i] ?? null,
        sd: mos.sd[i] ?? null,
        count: mos.count[i] ?? null,
        answer: null,
      });
    });
  }
}

/** An evaluator's scores → predictions of that V2T entry on the new model's videos. */
function addAutoScores(content: StoreContent, bundle: ParsedBundle, benchmarkId: string, evaluatorId: string, promptOrder: readonly string[]): void {
  if (bundle.data.kind !== "scores") return;
  const byPrompt = new Map(bundle.data.lines.map((l) => [l.value.video, l.value.scores]));
  const promptIds = promptOrder.filter((id) => byPrompt.has(id));
  const videoIds = addVideos(content, benchmarkId, bundle.entryId, promptIds);
  promptIds.forEach((promptId, i) => {
    for (const [perspectiveId, score] of Object.entries(byPrompt.get(promptId) ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      content.predictions.push({ benchmarkId, v2tEntryId: evaluatorId, videoId: videoIds[i] ?? "", perspectiveId, score, answer: null });
    }
  });
}

/** Adds a checked bundle to the content; `storedPath` is where its files are kept (repo-relative, /-separated). */
export function addBundleRows(content: StoreContent, bundle: ParsedBundle, storedPath: string): void {
  const { manifest, entryId, hash } = bundle;
  const benchmarkId = manifest.benchmark;
  content.submissions.push({ id: hash, benchmarkId, direction: manifest.direction, entryId, manifestJson: JSON.stringify(manifest), path: storedPath });
  const entry = manifest.entry;
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
      submissionId: hash,
    });
    if (bundle.data.kind !== "predictions") return;
    const qa = content.perspectives.find((p) => p.benchmarkId === benchmarkId && p.kind === "qa")?.id;
    for (const { value } of bundle.data.lines) {
      for (const [perspectiveId, score] of Object.entries(value.scores).sort(([a], [b]) => (a < b ? -1 : 1))) {
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
    submissionId: hash,
  });
  const promptOrder = content.prompts.filter((p) => p.benchmarkId === benchmarkId).map((p) => p.id);
  addRatings(content, bundle, benchmarkId, promptOrder);
  if (manifest.evaluator !== undefined) addAutoScores(content, bundle, benchmarkId, manifest.evaluator, promptOrder);
}
