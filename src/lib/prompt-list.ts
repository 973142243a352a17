/**
 * The prompt list a T2V model generates from: every prompt of a benchmark with its text and task dimensions, how
 * many videos to make per prompt and how to name them, with the release it was built from. Read-only over the store.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { getBenchmark, listPerspectives } from "./benchmarks.ts";
import { toCsv } from "./csv.ts";
import { store } from "./store.ts";

/** A T2V submission has one video per prompt (ratings.csv and scores.jsonl are keyed by prompt id). */
export const VIDEOS_PER_PROMPT = 1;

/** How a submitted video is named: its prompt id, stored as `<entry id>/<prompt id>`. */
export const VIDEO_NAMING =
  "one video per prompt; name it by the prompt id (the `video` of ratings.csv and scores.jsonl); it is stored as <entry id>/<prompt id>";

/** What the prompt list says about yes/no questions when the store has none for the benchmark. */
export const NO_QUESTIONS = "no per-prompt yes/no questions are public for this benchmark";

/** One prompt of the list. */
export interface PromptRecord {
  readonly id: string;
  readonly text: string;
  readonly dimensions: readonly string[];
  /** The yes/no questions of the prompt where public; empty otherwise (see `questionsNote`). */
  readonly questions: readonly string[];
}

/** A benchmark's prompt list, or where to get it when the store has no prompts. */
export interface PromptList {
  readonly benchmark: string;
  readonly release: string;
  readonly videosPerPrompt: number;
  readonly videoNaming: string;
  readonly questionsNote: string;
  readonly prompts: readonly PromptRecord[];
  /** Where to get the prompts when `prompts` is empty (the benchmark's dataset is not in this build). */
  readonly whereToGet: string | null;
}

/** Where a benchmark's prompts come from when the store has none: its data URL, else its homepage or paper. */
export function promptSource(benchmarkId: string): string {
  const b = getBenchmark(benchmarkId);
  const url = b.dataUrl ?? b.homepage ?? b.paperUrl;
  return `the prompts are in ${b.title}'s own release (${url}), which this build did not have; download it there (see ${b.title}'s license) — a build with the release present publishes its prompt list here`;
}

/** What the prompt list says about yes/no questions when the store has them. */
export const QUESTIONS_NOTE =
  "each prompt's yes/no questions as the benchmark asks them of its videos (a V2T method answers each labelled video's question; see /methodology/)";

/**
 * The distinct yes/no question texts asked of each prompt's videos, in text order (the writer stores a question where
 * the benchmark distributes it).
 */
function questionsByPrompt(benchmarkId: string): Map<string, string[]> {
  const rows = store()
    .selectDistinct({ promptId: t.videos.promptId, question: t.groundTruth.question })
    .from(t.groundTruth)
    .innerJoin(t.videos, and(eq(t.videos.benchmarkId, t.groundTruth.benchmarkId), eq(t.videos.id, t.groundTruth.videoId)))
    .where(and(eq(t.groundTruth.benchmarkId, benchmarkId), isNotNull(t.groundTruth.question)))
    .all();
  const byPrompt = new Map<string, string[]>();
  for (const row of rows) {
    if (row.question === null) continue;
    const list = byPrompt.get(row.promptId) ?? [];
    list.push(row.question);
    byPrompt.set(row.promptId, list);
  }
  for (const list of byPrompt.values()) list.sort();
  return byPrompt;
}

/** A benchmark's prompt list, in prompt-id order (numeric ids numerically). */
export function loadPromptList(benchmarkId: string, release: string): PromptList {
  const db = store();
  const rows = db.select({ id: t.prompts.id, text: t.prompts.text }).from(t.prompts).where(eq(t.prompts.benchmarkId, benchmarkId)).orderBy(asc(t.prompts.id)).all();
  const memberships = db
    .select({ promptId: t.promptDimensions.promptId, dimensionId: t.promptDimensions.dimensionId, position: t.dimensions.position })
    .from(t.promptDimensions)
    .innerJoin(t.dimensions, and(eq(t.dimensions.benchmarkId, t.promptDimensions.benchmarkId), eq(t.dimensions.id, t.promptDimensions.dimensionId)))
    .where(eq(t.promptDimensions.benchmarkId, benchmarkId))
    .all();
  const byPrompt = new Map<string, { id: string; position: number }[]>();
  for (const m of memberships) {
    const list = byPrompt.get(m.promptId) ?? [];
    if (!list.some((d) => d.id === m.dimensionId)) list.push({ id: m.dimensionId, position: m.position });
    byPrompt.set(m.promptId, list);
  }
  // A benchmark whose labels are private keeps its questions off the site with its answers.
  const questions = getBenchmark(benchmarkId).labelsPublic ? questionsByPrompt(benchmarkId) : new Map<string, string[]>();
  const collator = new Intl.Collator("en", { numeric: true });
  const prompts = rows
    .sort((a, b) => collator.compare(a.id, b.id))
    .map((p) => ({
      id: p.id,
      text: p.text,
      dimensions: (byPrompt.get(p.id) ?? []).sort((a, b) => a.position - b.position).map((d) => d.id),
      questions: questions.get(p.id) ?? [],
    }));
  const hasQa = listPerspectives(benchmarkId).some((p) => p.kind === "qa");
  const asked = prompts.some((p) => p.questions.length > 0);
  return {
    benchmark: benchmarkId,
    release,
    videosPerPrompt: VIDEOS_PER_PROMPT,
    videoNaming: VIDEO_NAMING,
    questionsNote: asked ? QUESTIONS_NOTE : hasQa ? "the yes/no questions come with the prompts in the benchmark's release" : NO_QUESTIONS,
    prompts,
    whereToGet: prompts.length === 0 ? promptSource(benchmarkId) : null,
  };
}

/** The CSV columns of a prompt list (dimensions and questions joined by " | "). */
export const PROMPT_COLUMNS = ["prompt", "text", "dimensions", "questions", "videos_per_prompt", "video_name", "release"] as const;

/** A prompt list as CSV: one row per prompt; the video name column is what ratings.csv / scores.jsonl use. */
export function promptListCsv(list: PromptList): string {
  return toCsv(
    PROMPT_COLUMNS,
    list.prompts.map((p) => [p.id, p.text, p.dimensions.join(" | "), p.questions.join(" | "), list.videosPerPrompt, p.id, list.release]),
  );
}

/** A prompt list as JSON: the list's facts at the top, then one record per prompt. */
export function promptListJson(list: PromptList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}
