/**
 * What a run scores and where the files are: direction v2t, the benchmark's labelled videos its protocol scores
 * (the V2T split, references when the protocol counts them); direction t2v, one video per benchmark prompt.
 * A video id `model/17` is the file `<videos>/model/17.<ext>`; a prompt id `17` is `<videos>/17.<ext>`.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import type { Problem } from "../io/input-error.ts";
import { correlationPool, type ScoringContext } from "../scoring/context.ts";

/** The video file extensions looked for, in order. */
export const VIDEO_EXTENSIONS = ["mp4", "webm", "mkv", "mov", "avi", "gif"] as const;

/** One video to score: its id in the bundle, its file, the generation prompt the alignment prompt quotes, and its yes/no question if it has one (v2t). */
export interface Target {
  readonly id: string;
  readonly file: string;
  readonly relative: string;
  readonly prompt: string;
  readonly question: string | null;
}

/** The yes/no question the benchmark asks of each labelled video, by video id (empty for a benchmark without questions or whose release does not distribute their text). */
export function questionsOf(context: ScoringContext): Map<string, string> {
  if (context.qa === null) return new Map();
  const rows = context.content.groundTruth.filter((g) => g.benchmarkId === context.benchmarkId && g.perspectiveId === context.qa && typeof g.question === "string" && g.question !== "");
  return new Map(rows.map((g) => [g.videoId, g.question as string]));
}

/** The ids to score and their generation prompts, for a direction. */
export function targetIds(context: ScoringContext, direction: "v2t" | "t2v"): { id: string; promptId: string }[] {
  if (direction === "t2v") return context.prompts.map((id) => ({ id, promptId: id }));
  return correlationPool(context).map((v) => ({ id: v.id, promptId: v.promptId }));
}

/** The file of a video id in the folder, or null: the id itself when it names a file, else the id plus a known extension. */
function fileOf(folder: string, id: string): string | null {
  const exact = path.join(folder, id);
  if (path.extname(id) !== "" && fs.existsSync(exact) && fs.statSync(exact).isFile()) return exact;
  for (const ext of VIDEO_EXTENSIONS) {
    const file = `${exact}.${ext}`;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

/** The targets with their files; every missing video is listed (nothing is requested before all are found). */
export function findTargets(context: ScoringContext, direction: "v2t" | "t2v", folder: string, shownFolder: string): { targets: Target[]; problems: Problem[] } {
  const prompts = new Map(context.content.prompts.filter((p) => p.benchmarkId === context.benchmarkId).map((p) => [p.id, p.text]));
  // Questions are V2T's (QA accuracy is a V2T column): a T2V bundle carries scores only.
  const questions = direction === "v2t" ? questionsOf(context) : new Map<string, string>();
  const targets: Target[] = [];
  const problems: Problem[] = [];
  for (const { id, promptId } of targetIds(context, direction)) {
    // Ids come from the store, but stay inside the folder whatever they hold.
    if (id.split("/").some((s) => s === ".." || s === "") || path.isAbsolute(id)) {
      problems.push({ file: `${shownFolder}/${id}`, message: "is not a plain relative video name" });
      continue;
    }
    const file = fileOf(folder, id);
    if (file === null) problems.push({ file: `${shownFolder}/${id}.{${VIDEO_EXTENSIONS.join(",")}}`, message: `is missing: ${direction === "v2t" ? `${context.benchmarkId}'s video ${id}` : `the video of prompt ${id}`} must be scored` });
    else targets.push({ id, file, relative: path.relative(folder, file), prompt: prompts.get(promptId) ?? "", question: questions.get(id) ?? null });
  }
  return { targets, problems };
}

/**
 * The targets with the questions a run asks: in a V2T run of a benchmark with yes/no questions, by a card that
 * declares a question prompt, every video's question; otherwise none, with a note saying why where the reader would
 * expect answers (a card without questions, or videos without a question: a bundle answers every video or none).
 */
export function questionsAsked(direction: "v2t" | "t2v", card: EvaluatorCard, context: ScoringContext, targets: readonly Target[]): { targets: Target[]; note: string | null } {
  const none = (note: string | null) => ({ targets: targets.map((t) => ({ ...t, question: null })), note });
  if (direction !== "v2t" || context.qa === null) return none(null);
  if (card.questions === undefined) return none(`The card declares no "questions": the bundle carries no yes/no answers, so the entry gets no ${context.qa} accuracy.`);
  const without = targets.filter((t) => t.question === null);
  if (without.length > 0) {
    return none(
      `${without.length.toLocaleString("en")} of ${targets.length.toLocaleString("en")} videos have no yes/no question in this store (e.g. ${without[0]?.id}), and a bundle answers every video or none: no questions are asked.`,
    );
  }
  return { targets: [...targets], note: null };
}

/** SHA-256 of a file's bytes, streamed. */
export async function fileHash(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
