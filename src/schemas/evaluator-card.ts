import { z } from "zod";
import { PerspectiveKeySchema } from "./submission/predictions.ts";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/**
 * Which frames of a video the model sees. `segment-centres` is LOVE's rule (the centre of each of `count` equal
 * segments of the frame range); `even` spreads `count` frames from the first to the last, as vLLM's loader does.
 */
export const FrameRuleSchema = z.strictObject({
  count: z.int().min(1).max(64),
  rule: z.enum(["segment-centres", "even"]),
  /** Each frame is resized to size × size pixels (LOVE: one 448-pixel tile, aspect not kept). */
  size: z.int().min(8).max(2048),
  /** How frames travel in the request: PNG is lossless, JPEG smaller. */
  format: z.enum(["png", "jpeg"]),
});

/** How a score is read from an answer. */
export const ScoreReadingSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    /** The expected value of the level words over the first token's top log-probabilities (LOVE/Q-Align style). */
    kind: z.literal("level-expectation"),
    levels: z.record(z.string().min(1).max(40), z.number()).refine((l) => Object.keys(l).length >= 2, "needs at least two level words"),
  }),
  z.strictObject({
    /** The first number in the answer text, which must lie in [min, max]. */
    kind: z.literal("number"),
    min: z.number(),
    max: z.number(),
  }),
  z.strictObject({
    /** P(yes) over the first token's top log-probabilities, normalised over yes and no. */
    kind: z.literal("yes-probability"),
  }),
]);

/** A validated score reading rule. */
export type ScoreReading = z.infer<typeof ScoreReadingSchema>;

/** Decoding settings sent with every request, exactly as the OpenAI chat API names them. */
export const DecodingSchema = z.strictObject({
  temperature: z.number().min(0).max(2),
  max_tokens: z.int().min(1).max(4096),
  /** The number of top log-probabilities per token (needed by the probability readings). */
  top_logprobs: z.int().min(0).max(20),
  seed: z.int().optional(),
});

/** One perspective's prompt (`{prompt}` is replaced by the video's generation prompt) and how its answer is read. */
export const PerspectivePromptSchema = z.strictObject({
  prompt: text(4000),
  read: ScoreReadingSchema,
});

/** How a yes/no answer is read. */
export const YesNoReadingSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    /**
     * LOVE's rule (train/eval_qa.py:843-854), the one QA accuracy is scored by: "yes" anywhere in the lower-cased
     * answer text reads yes, else "no" anywhere reads no; an answer with neither cannot be read.
     */
    kind: z.literal("text"),
  }),
  z.strictObject({
    /** The more probable of yes and no among the first token's top log-probabilities (a tie cannot be read). */
    kind: z.literal("yes-no-probability"),
  }),
]);

/** A validated yes/no reading rule. */
export type YesNoReading = z.infer<typeof YesNoReadingSchema>;

/**
 * The benchmark's yes/no questions (its `qa` perspective): the template (`{question}` is the video's question as
 * the benchmark asks it, `{prompt}` its generation prompt) and how the answer is read.
 */
export const QuestionPromptSchema = z.strictObject({
  prompt: text(4000).refine((t) => t.includes("{question}"), "must contain {question}, where the video's question goes"),
  read: YesNoReadingSchema,
});

/** An evaluator card: everything that decides the scores a VLM gives, hashed and recorded with its bundles. */
export const EvaluatorCardSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    /** The benchmark whose perspectives the prompts answer. */
    benchmark: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    model: z.strictObject({
      /** The model name the server knows it by (the request's `model`). */
      name: text(200),
      /** An exact revision (commit or tag of the weights), so the card pins one model. */
      revision: text(200),
    }),
    serving: z.strictObject({ engine: text(100), version: text(100) }),
    frames: FrameRuleSchema,
    decoding: DecodingSchema,
    perspectives: z.record(PerspectiveKeySchema, PerspectivePromptSchema),
    /** The yes/no questions of a benchmark that has them (V2T runs only; QA accuracy is a V2T column). */
    questions: QuestionPromptSchema.optional(),
    /** Where the prompts come from, e.g. the LOVE source lines. */
    source: text(1000).optional(),
  })
  .superRefine((card, ctx) => {
    for (const [id, p] of Object.entries(card.perspectives)) {
      if (p.read.kind !== "number" && card.decoding.top_logprobs < 2) {
        ctx.addIssue({ code: "custom", path: ["decoding", "top_logprobs"], message: `perspective ${id} reads log-probabilities; ask for at least 2 top_logprobs` });
      }
    }
    if (card.questions?.read.kind === "yes-no-probability" && card.decoding.top_logprobs < 2) {
      ctx.addIssue({ code: "custom", path: ["decoding", "top_logprobs"], message: "questions are read from log-probabilities; ask for at least 2 top_logprobs" });
    }
  });

/** A validated evaluator card. */
export type EvaluatorCard = z.infer<typeof EvaluatorCardSchema>;
