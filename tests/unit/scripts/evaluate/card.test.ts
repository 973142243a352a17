import { TEST_GENERATION_CARD, TEST_PROVENANCE } from "../../../support/bundles.ts";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson, cardHash, readCard } from "../../../../scripts/evaluate/card.ts";
import { evaluationManifest } from "../../../../scripts/evaluate/bundle.ts";
import { chatRequest, promptText, questionText } from "../../../../scripts/evaluate/chat-request.ts";
import { EvaluatorCardSchema } from "../../../../src/schemas/evaluator-card.ts";

const CARDS = path.resolve(import.meta.dirname, "../../../../data/evaluator-cards");
const fetv = () => readCard(path.join(CARDS, "love-internvl3-8b-fetv.json"));

describe("evaluator cards", () => {
  it.each(fs.readdirSync(CARDS))("ships %s as a valid card with LOVE's prompts and 8 segment-centre frames of 448 pixels", (name) => {
    const card = EvaluatorCardSchema.parse(JSON.parse(fs.readFileSync(path.join(CARDS, name), "utf8")));
    expect(card.frames).toEqual({ count: 8, rule: "segment-centres", size: 448, format: "png" });
    const prompts = Object.values(card.perspectives).map((p) => p.prompt);
    expect(prompts).toContain("How is the quality of the video?");
    expect(prompts).toContain("How would you rate the correspondence of this video and its prompt? prompt:{prompt}");
  });

  it("hashes the card's content, not its layout: key order and spacing do not change the hash, a setting does", () => {
    const { card, hash } = fetv();
    const shuffled = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(card).reverse())));
    expect(cardHash(EvaluatorCardSchema.parse(shuffled))).toBe(hash);
    expect(cardHash({ ...card, decoding: { ...card.decoding, temperature: 0.1 } })).not.toBe(hash);
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it("refuses a card that reads log-probabilities without asking for them, naming the field", () => {
    const { card } = fetv();
    const parsed = EvaluatorCardSchema.safeParse({ ...card, decoding: { ...card.decoding, top_logprobs: 0 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["decoding", "top_logprobs"]);
  });

  it("builds the request as interleaved images, then the prompt with the video's prompt filled in, with the card's decoding settings", () => {
    const { card } = fetv();
    const request = chatRequest(card, promptText(card, "alignment", "a horse race is happening"), [Buffer.from("a"), Buffer.from("b")]);
    expect(JSON.stringify(request)).toBe(
      JSON.stringify({
        model: "OpenGVLab/InternVL3-8B",
        messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:image/png;base64,YQ==" } }, { type: "image_url", image_url: { url: "data:image/png;base64,Yg==" } }, { type: "text", text: "How would you rate the correspondence of this video and its prompt? prompt:a horse race is happening" }] }],
        temperature: 0,
        max_tokens: 1,
        logprobs: true,
        top_logprobs: 20,
        seed: 0,
      }),
    );
  });

  it("ships the AIGVE-60K card with LOVE's yes/no rule: the release's question as it is worded, read by the text", () => {
    const { card } = readCard(path.join(CARDS, "love-internvl3-8b-aigve-60k.json"));
    expect(card.questions).toEqual({ prompt: "{question}", read: { kind: "text" } });
    expect(questionText(card, "Does the video show 3 objects? Please answer yes or no.", "three apples")).toBe("Does the video show 3 objects? Please answer yes or no.");
  });

  it("fills a question prompt in one pass: the question and the generation prompt, and a question that reads {prompt} stays as written", () => {
    const { card } = fetv();
    const withQuestions = { ...card, questions: { prompt: "Video of {prompt}. {question} Answer yes or no.", read: { kind: "text" as const } } };
    expect(questionText(withQuestions, "Is it {prompt}?", "a cat")).toBe("Video of a cat. Is it {prompt}? Answer yes or no.");
  });

  it("refuses a question prompt without {question}, and a probability reading without top log-probabilities, naming the field", () => {
    const { card } = fetv();
    const noSlot = EvaluatorCardSchema.safeParse({ ...card, questions: { prompt: "Is it good?", read: { kind: "text" } } });
    expect(noSlot.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["questions.prompt", "must contain {question}, where the video's question goes"]]);
    const numbers = { static_quality: { prompt: "Rate 1-5.", read: { kind: "number", min: 1, max: 5 } } };
    const noLogprobs = EvaluatorCardSchema.safeParse({ ...card, perspectives: numbers, decoding: { ...card.decoding, top_logprobs: 0 }, questions: { prompt: "{question}", read: { kind: "yes-no-probability" } } });
    expect(noLogprobs.error?.issues.map((i) => i.path.join("."))).toEqual(["decoding.top_logprobs"]);
    expect(EvaluatorCardSchema.safeParse({ ...card, perspectives: numbers, decoding: { ...card.decoding, top_logprobs: 0 }, questions: { prompt: "{question}", read: { kind: "text" } } }).success).toBe(true);
  });

  it("writes the card's hash into the manifest's method, where the T2V evaluator check reads it back", () => {
    const { card, hash } = fetv();
    const entry = { name: "X", organization: "Lab", url: "https://example.org/x", license: "MIT", contact: "a@example.org" };
    const v2t = evaluationManifest({ direction: "v2t", benchmark: "fetv", submitter: { ...TEST_PROVENANCE, entry: { ...entry, kind: "open-lmm" }, trainingData: [] }, card, cardHash: hash });
    expect(v2t.method).toContain(`evaluator card sha256:${hash}`);
    const t2v = evaluationManifest({ direction: "t2v", benchmark: "fetv", submitter: { ...TEST_PROVENANCE, entry: { ...entry, access: "open" }, generationCard: TEST_GENERATION_CARD }, card, cardHash: hash, evaluator: "x" });
    expect(t2v).toMatchObject({ direction: "t2v", evaluator: "x" });
  });
});
