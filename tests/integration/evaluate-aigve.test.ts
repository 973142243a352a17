/**
 * The evaluation runner end to end on a synthetic AIGVE-60K release (scripts/dev/synthetic-aigve-release.ts): a V2T run
 * over the test split, whose test server answers each video with an expected level that is a straight line of the
 * video's human MOS (so the planted agreement is perfect: SRCC and PLCC 1 at both levels) and answers each video's
 * yes/no question (read from the release's own files) as the humans did except on every fourth clip (planted QA
 * accuracy 75%), is submitted; then a T2V
 * run of a new model's videos with the same card, answered as if every video had MOS 90 (perception) and 30
 * (correspondence), whose dry run must recover those figures through the evaluator's calibration line.
 */
import { TEST_GENERATION_CARD, TEST_PROVENANCE } from "../support/bundles.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluatorCardSchema, type EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { runEvaluation, type EvaluateOptions } from "../../scripts/evaluate/run-evaluation.ts";
import { correlationPool, scoringContext, storedSettings } from "../../scripts/scoring/context.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { writeSyntheticRelease } from "../../scripts/dev/synthetic-aigve-release.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { capture, tempDataDir, tempDir } from "../support/bundles.ts";
import { QA, startChatServer, type ChatServer, type Fault } from "../support/chat-test-server.ts";
import { makeIndexedClip } from "../support/clips.ts";
import { clipLength, goldenFrames } from "../support/evaluation-fixture.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
const CARD_FILE = path.join(REPO, "data/evaluator-cards/love-internvl3-8b-aigve-60k.json");
/** The clip id of every video of the new T2V model (all the same content, each prompt its own question). */
const NEW_MODEL_CLIP = 1000;
const NEW_MODEL_MOS: Record<string, number> = { perception: 90, correspondence: 30 };

describe("the evaluation runner on a synthetic AIGVE-60K release", () => {
  let root: string;
  let dataDir: string;
  let datasets: string;
  let store: string;
  let card: EvaluatorCard;
  let server: ChatServer;
  /** Test-split videos by clip id, with their human MOS per perspective, generation prompt, and yes/no question and answer as the release writes them. */
  const videos: { id: string; prompt: string; mos: Record<string, number>; question: string; human: "yes" | "no" }[] = [];
  /** The planted VLM answers a clip's question as the humans did, except on every fourth clip. */
  const flipped = (clip: number) => clip % 4 === 0;
  /** The clip whose yes/no answer the server makes unreadable, while set. */
  let unreadableQuestionOf: number | null = null;
  let prompts: Map<string, string>;

  const entryFile = (name: string, value: unknown) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };
  async function evaluate(options: Pick<EvaluateOptions, "direction" | "out" | "videos" | "entry"> & Partial<EvaluateOptions>) {
    const stdout = capture();
    const stderr = capture();
    const outcome = await runEvaluation({ benchmark: "aigve-60k", card: CARD_FILE, endpoints: [server.url], dataDir, store, datasetsDir: datasets, concurrency: 8, policy: { attempts: 4, timeoutMs: 5000, backoffMs: 5 }, stdout, stderr, ...options });
    return { ...outcome, out: stdout.text(), err: stderr.text() };
  }

  beforeAll(async () => {
    root = tempDir("evaluate-aigve");
    datasets = path.join(root, "datasets");
    writeSyntheticRelease(path.join(datasets, "aigve-60k"), { videos: 600, models: 6, prompts: 100, dimensions: 4, seed: 1 });
    dataDir = tempDataDir(["aigve-60k"]);
    store = path.join(root, "store.sqlite");
    const content = await buildContent({ dataDir, datasetsDir: datasets, resamples: 200 });
    writeStore(content, store);
    card = EvaluatorCardSchema.parse(JSON.parse(fs.readFileSync(CARD_FILE, "utf8")));
    const context = scoringContext(content, "aigve-60k", storedSettings(content));
    prompts = new Map(content.prompts.filter((p) => p.benchmarkId === "aigve-60k").map((p) => [p.id, p.text]));
    // The questions and the humans' answers straight from the release's QA test file (LOVE's format), not from the store.
    const asked = new Map<string, { question: string; human: "yes" | "no" }>();
    for (const line of fs.readFileSync(path.join(datasets, "aigve-60k", "video_train_qa_test.jsonl"), "utf8").trim().split("\n")) {
      const { video, conversations } = JSON.parse(line) as { video: string; conversations: { value: string }[] };
      const id = video.replace(/^videos\//, "").replace(/\.mp4$/, "");
      asked.set(id, { question: (conversations[0]?.value as string).replace("<video>\n", ""), human: conversations[1]?.value === "Yes" ? "yes" : "no" });
    }
    for (const v of correlationPool(context)) {
      const qa = asked.get(v.id) as { question: string; human: "yes" | "no" };
      videos.push({ id: v.id, prompt: prompts.get(v.promptId) as string, mos: Object.fromEntries(context.mos.map((p) => [p, context.truth[p]?.get(v.id) as number])), ...qa });
    }
    // One clip per test video, named like the release's video paths (<model>/<prompt id>.mp4).
    videos.forEach((v, clip) => makeIndexedClip(path.join(root, "v2t-videos", `${v.id}.mp4`), clipLength(clip), clip));
    const newClip = path.join(root, "new-model-clip.mp4");
    makeIndexedClip(newClip, clipLength(NEW_MODEL_CLIP), NEW_MODEL_CLIP);
    fs.mkdirSync(path.join(root, "t2v-videos"));
    for (const id of context.prompts) fs.linkSync(newClip, path.join(root, "t2v-videos", `${id}.mp4`));
    const [quality, alignment] = [card.perspectives.perception?.prompt as string, card.perspectives.correspondence?.prompt as string];
    server = await startChatServer({
      model: card.model.name,
      decoding: card.decoding,
      frameSize: card.frames.size,
      framesOf: (clip) => goldenFrames(clipLength(clip), card.frames.count),
      textsOf: (clip) => {
        const own = clip === NEW_MODEL_CLIP ? [...prompts.values()] : [videos[clip]?.prompt as string];
        const question = clip === NEW_MODEL_CLIP ? [] : [[videos[clip]?.question as string, QA] as [string, string]];
        return new Map([[quality, "perception"], ...own.map((p) => [alignment.replaceAll("{prompt}", p), "correspondence"] as [string, string]), ...question]);
      },
      level: () => 3,
      yesNo: (clip) => {
        const human = videos[clip]?.human as "yes" | "no";
        return flipped(clip) ? (human === "yes" ? "no" : "yes") : human;
      },
      fault: (_n, clip, perspective): Fault | null => (perspective === QA && clip === unreadableQuestionOf ? "unreadable" : null),
      // The planted evaluator: expected level 1 + 4 × MOS / 100, a straight line of the humans' MOS.
      expected: (clip, perspective) => 1 + (4 * (clip === NEW_MODEL_CLIP ? (NEW_MODEL_MOS[perspective] as number) : (videos[clip]?.mos[perspective] as number))) / 100,
    });
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("lists an answer to a yes/no question that reads neither yes nor no by file and question, with the reason, and writes no bundle", async () => {
    const out = path.join(root, "v2t-bundle");
    const entry = entryFile("v2t.json", { ...TEST_PROVENANCE, trainingData: [], entry: { name: "Planted VLM", organization: "Test Lab", kind: "open-lmm", url: "https://example.org/vlm", license: "MIT", contact: "lab@example.org" } });
    unreadableQuestionOf = 7;
    const result = await evaluate({ direction: "v2t", out, videos: path.join(root, "v2t-videos"), entry });
    unreadableQuestionOf = null;
    expect(result.exitCode).toBe(1);
    const shown = videos[7] as (typeof videos)[number];
    const problem = `v2t-videos/${shown.id}.mp4: field "qa": question ${JSON.stringify(shown.question)}: unreadable answer: the answer "Hard to say." says neither yes nor no (after 4 attempts at ${server.url})`;
    expect(result.err).toContain(problem);
    expect(result.err).toMatch(/Nothing written: 1 problem\(s\)/);
    expect(fs.existsSync(out)).toBe(false);
  }, 600_000);

  it("then, run again, asks only the question left, and the dry run recovers the planted perfect agreement (SRCC 1) and QA accuracy (75%)", async () => {
    const out = path.join(root, "v2t-bundle");
    const entry = path.join(root, "v2t.json");
    const before = server.seen.length;
    const result = await evaluate({ direction: "v2t", out, videos: path.join(root, "v2t-videos"), entry });
    expect(result.exitCode, result.err + result.out).toBe(0);
    expect(server.seen.slice(before).map((s) => [s.clip, s.perspective, s.outcome])).toEqual([[7, QA, "answered"]]);
    expect(server.seen.filter((s) => s.outcome === "rejected")).toEqual([]);
    // Every test video was asked its question (120 answered, plus the four attempts the unreadable one took).
    expect(server.seen.filter((s) => s.perspective === QA && s.outcome === "answered")).toHaveLength(120);
    const lines = fs.readFileSync(path.join(out, "predictions.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { video: string; scores: Record<string, number>; answer: string });
    expect(lines).toHaveLength(120);
    for (const line of lines) {
      const clip = videos.findIndex((v) => v.id === line.video);
      const { mos, human } = videos[clip] as (typeof videos)[number];
      for (const p of ["perception", "correspondence"]) expect(line.scores[p]).toBeCloseTo(1 + (4 * (mos[p] as number)) / 100, 12);
      expect(line.answer, line.video).toBe(flipped(clip) ? (human === "yes" ? "no" : "yes") : human);
    }
    for (const level of ["instance", "model"]) {
      for (const p of ["perception", "correspondence"]) expect(result.out).toMatch(new RegExp(`^v2t-${level}\\s+${p}_srcc\\s+1\\.0000\\s`, "m"));
    }
    // Clips 0, 4, …, 116 are answered against the humans: 30 of 120 wrong, so 90 / 120 = 75% (by hand).
    expect(result.out).toMatch(/^v2t-instance\s+qa_accuracy\s+75\.00\s/m);
    expect(JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")).method).toContain('yes/no questions: "{question}" (text)');
  }, 600_000);

  it("scores a new model's videos with the same card, and the dry run shows its planted scores apart, unranked (6 models cannot validate a calibration)", async () => {
    const stored = await submitBundle({ bundle: path.join(root, "v2t-bundle"), dataDir, store, datasetsDir: datasets, stdout: capture(), stderr: capture() });
    expect(stored.status).toBe("stored");
    const out = path.join(root, "t2v-bundle");
    const entry = entryFile("t2v.json", { ...TEST_PROVENANCE, generationCard: TEST_GENERATION_CARD, entry: { name: "New generator", organization: "Test Lab", access: "open", url: "https://example.org/gen", license: "MIT", contact: "lab@example.org" } });
    const before = server.seen.length;
    const result = await evaluate({ direction: "t2v", out, videos: path.join(root, "t2v-videos"), entry, evaluator: stored.entryId as string });
    expect(result.exitCode, result.err + result.out).toBe(0);
    // One quality question for the shared content, one correspondence question per prompt.
    expect(server.seen.slice(before).filter((s) => s.outcome === "answered")).toHaveLength(1 + 100);
    // The planted evaluator answers 1 + 4 × MOS / 100: the new model's MOS 90 and 30 give raw means 4.6 and 2.2 (by hand).
    expect(result.out).toMatch(/^t2v\s+perception_evaluator_mean\s+4\.6000\s.*\(unranked\)/m);
    expect(result.out).toMatch(/^t2v\s+correspondence_evaluator_mean\s+2\.2000\s.*\(unranked\)/m);
    expect(result.out).toMatch(/calibration to the human scale can be checked on only 6 T2V models \(the protocol validates model-level figures from 10\)/);
  }, 600_000);
});
