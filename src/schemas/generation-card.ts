/**
 * How a T2V entry's videos were made: required of a submitted T2V entry (manifest `generationCard`), and recorded
 * with a source for the benchmarks' own models (data/benchmarks/<id>/generation-cards.json), where a field the
 * paper does not state says "not stated".
 */
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** What a benchmark's generation card says of a field its source does not state. */
export const NOT_STATED = "not stated";

/** A card field: text, or a number where one fits (frames, steps, guidance). */
const value = z.union([text(300), z.number().finite()]);

/** A generation card: every field required; "not applicable" or "not exposed by the API" are answers, absence is not. */
export const GenerationCardSchema = z.strictObject({
  model: text(200).describe("Model and checkpoint or API version, e.g. \"CogVideoX-5B (diffusers, THUDM/CogVideoX-5b)\""),
  resolution: value.describe("Width × height, e.g. \"720x480\""),
  frames: value.describe("Frames per video"),
  frameRate: value.describe("Frames per second"),
  duration: value.describe("Seconds per video"),
  sampler: value.describe("Sampler or scheduler, e.g. \"DDIM\""),
  steps: value.describe("Sampling steps"),
  guidance: value.describe("Classifier-free guidance scale"),
  seeds: value.describe("Seeds used, e.g. \"0 for every prompt\""),
  promptRewriting: text(1000).describe("\"none\", or how prompts were rewritten or extended (and by what)"),
  negativePrompt: text(1000).describe("\"none\", or the negative prompt used"),
  samples: z.enum(["submitter", "official", "benchmark-authors"]).describe("Who sampled the videos: the submitter, the model owner (official samples), or the benchmark's authors"),
});

/** A generation card. */
export type GenerationCard = z.infer<typeof GenerationCardSchema>;

/** The fields of a card in display order, with their labels. */
export const GENERATION_CARD_FIELDS: readonly { key: keyof GenerationCard; label: string; column: string }[] = [
  { key: "model", label: "Model and checkpoint / API version", column: "generation_model" },
  { key: "resolution", label: "Resolution", column: "generation_resolution" },
  { key: "frames", label: "Frames", column: "generation_frames" },
  { key: "frameRate", label: "Frame rate (fps)", column: "generation_frame_rate" },
  { key: "duration", label: "Duration (s)", column: "generation_duration" },
  { key: "sampler", label: "Sampler", column: "generation_sampler" },
  { key: "steps", label: "Steps", column: "generation_steps" },
  { key: "guidance", label: "Guidance", column: "generation_guidance" },
  { key: "seeds", label: "Seeds", column: "generation_seeds" },
  { key: "promptRewriting", label: "Prompt rewriting or extension", column: "generation_prompt_rewriting" },
  { key: "negativePrompt", label: "Negative prompt", column: "generation_negative_prompt" },
  { key: "samples", label: "Videos sampled by", column: "generation_samples" },
];

/** One model of generation-cards.json: its card as its sources state it. */
export const GenerationCardRecordSchema = z.strictObject({
  model: text(100).describe("The model's name as on the board"),
  card: GenerationCardSchema,
  source: z.url({ protocol: /^https?$/ }).describe("Where the card's values are stated"),
  note: text(1000).optional(),
});

/** A recorded model's generation card. */
export type GenerationCardRecord = z.infer<typeof GenerationCardRecordSchema>;

/** data/benchmarks/<id>/generation-cards.json. */
export const GenerationCardsFileSchema = z.strictObject({
  models: z.array(GenerationCardRecordSchema),
});
