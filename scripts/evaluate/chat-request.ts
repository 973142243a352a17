/** The chat completion request for one video and perspective or question: the frames as interleaved images, then the prompt. */
import type { EvaluatorCard } from "../../src/schemas/evaluator-card.ts";

/** The JSON body sent to `POST <endpoint>/chat/completions`. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly { role: "user"; content: readonly ({ type: "image_url"; image_url: { url: string } } | { type: "text"; text: string })[] }[];
  readonly temperature: number;
  readonly max_tokens: number;
  readonly logprobs: boolean;
  readonly top_logprobs?: number;
  readonly seed?: number;
}

/** The prompt of a perspective with `{prompt}` replaced by the video's generation prompt. */
export function promptText(card: EvaluatorCard, perspective: string, generationPrompt: string): string {
  const template = card.perspectives[perspective]?.prompt;
  if (template === undefined) throw new Error(`the card has no prompt for perspective ${perspective}`);
  return template.replaceAll("{prompt}", generationPrompt);
}

/** The card's question prompt with `{question}` replaced by the video's yes/no question and `{prompt}` by its generation prompt. */
export function questionText(card: EvaluatorCard, question: string, generationPrompt: string): string {
  const template = card.questions?.prompt;
  if (template === undefined) throw new Error("the card has no question prompt");
  // One pass, so a question that itself reads "{prompt}" is sent as written.
  return template.replace(/\{(question|prompt)\}/g, (_, name: string) => (name === "question" ? question : generationPrompt));
}

/** Builds the request body: one user message, the frames in order (data URLs), then the text (a filled prompt). */
export function chatRequest(card: EvaluatorCard, text: string, images: readonly Buffer[]): ChatRequest {
  const mime = card.frames.format === "png" ? "image/png" : "image/jpeg";
  const logprobs = card.decoding.top_logprobs > 0;
  return {
    model: card.model.name,
    messages: [
      {
        role: "user",
        content: [
          ...images.map((image) => ({ type: "image_url" as const, image_url: { url: `data:${mime};base64,${image.toString("base64")}` } })),
          { type: "text" as const, text },
        ],
      },
    ],
    temperature: card.decoding.temperature,
    max_tokens: card.decoding.max_tokens,
    logprobs,
    ...(logprobs ? { top_logprobs: card.decoding.top_logprobs } : {}),
    ...(card.decoding.seed === undefined ? {} : { seed: card.decoding.seed }),
  };
}
