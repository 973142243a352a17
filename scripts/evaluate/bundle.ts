/**
 * The submission bundle of a run: manifest.json built in one place (`evaluationManifest`) from the entry file (the entry and its provenance), the
 * card and the flags, and predictions.jsonl (v2t) or scores.jsonl (t2v), written to a temporary sibling and renamed
 * into place, so the bundle folder holds a whole bundle or nothing.
 */
import fs from "node:fs";
import path from "node:path";
import type { EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import { ManifestSchema, type Manifest } from "../../src/schemas/submission/manifest.ts";
import type { z } from "zod";
import type { T2vSubmitterSchema, V2tSubmitterSchema } from "../../src/schemas/submission/manifest.ts";

/** What the manifest is made from. */
export type ManifestInput =
  | { readonly direction: "v2t"; readonly benchmark: string; readonly submitter: z.infer<typeof V2tSubmitterSchema>; readonly card: EvaluatorCard; readonly cardHash: string }
  | { readonly direction: "t2v"; readonly benchmark: string; readonly submitter: z.infer<typeof T2vSubmitterSchema>; readonly card: EvaluatorCard; readonly cardHash: string; readonly evaluator: string };

/** The method text: the card's hash (read back by the T2V evaluator check) and what it fixes, in words. */
export function methodText(card: EvaluatorCard, hash: string): string {
  const perspectives = Object.entries(card.perspectives).map(([id, p]) => `${id}: "${p.prompt}" (${p.read.kind})`);
  const questions = card.questions === undefined ? [] : [`yes/no questions: "${card.questions.prompt}" (${card.questions.read.kind})`];
  const prompts = [...perspectives, ...questions].join("; ");
  const d = card.decoding;
  const text =
    `Scored by npm run evaluate with evaluator card sha256:${hash}: ${card.model.name} at ${card.model.revision}, served by ${card.serving.engine} ${card.serving.version}; ` +
    `${card.frames.count} frames by the ${card.frames.rule} rule, ${card.frames.size}×${card.frames.size} ${card.frames.format.toUpperCase()}; ` +
    `temperature ${d.temperature}, max_tokens ${d.max_tokens}, top_logprobs ${d.top_logprobs}${d.seed === undefined ? "" : `, seed ${d.seed}`}. Prompts: ${prompts}`;
  return text.length <= 4000 ? text : `${text.slice(0, 3999)}…`;
}

/** The one builder of an evaluation bundle's manifest (validated against the submission schema). */
export function evaluationManifest(input: ManifestInput): Manifest {
  const common = { schemaVersion: 1 as const, benchmark: input.benchmark, method: methodText(input.card, input.cardHash) };
  const manifest =
    input.direction === "v2t"
      ? { ...common, direction: "v2t" as const, ...input.submitter }
      : { ...common, direction: "t2v" as const, ...input.submitter, evaluator: input.evaluator };
  return ManifestSchema.parse(manifest);
}

/** One data line: a video (v2t) or prompt (t2v) id, its scores by perspective, and (v2t) the yes/no read from the answer to its question. */
export interface BundleLine {
  readonly video: string;
  readonly scores: Record<string, number>;
  readonly answer?: "yes" | "no";
}

/** Writes the bundle folder atomically; refuses a folder that already exists (it is never overwritten). */
export function writeEvaluationBundle(out: string, manifest: Manifest, lines: readonly BundleLine[]): void {
  if (fs.existsSync(out)) throw new Error(`${out} already exists; a bundle folder is never overwritten (remove it or choose another --out)`);
  const temporary = `${out}.${process.pid}.tmp`;
  fs.rmSync(temporary, { recursive: true, force: true });
  fs.mkdirSync(temporary, { recursive: true });
  try {
    const data = manifest.direction === "v2t" ? "predictions.jsonl" : "scores.jsonl";
    fs.writeFileSync(path.join(temporary, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(temporary, data), lines.map((l) => `${JSON.stringify({ video: l.video, scores: l.scores, ...(l.answer === undefined ? {} : { answer: l.answer }) })}\n`).join(""));
    fs.renameSync(temporary, out);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
