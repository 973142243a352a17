/**
 * The evaluation runner on FETV's real benchmark, against an OpenAI-compatible test server that checks every
 * request byte for byte: ffmpeg-made clips are scored in both directions through injected 429s, 500s, hangs,
 * broken bodies and unreadable answers; a run killed with SIGKILL resumes without repeating a finished request;
 * bad videos and answers are listed by file with nothing written; both bundles pass the submission dry run. The
 * planted evaluator follows the humans: the labelled videos are made of clips by the rank of their mean human score,
 * and each clip answers with its videos' mean human quality and alignment. LOVE's card asks static and temporal quality
 * alike, so they get one answer, which cannot follow both where FETV's raters order the models differently: the T2V
 * dry run shows the planted temporal-quality and alignment means (unranked) and refuses static quality for no skill.
 */
import { TEST_GENERATION_CARD, TEST_PROVENANCE } from "../support/bundles.ts";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluatorCardSchema, type EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { runEvaluation, type EvaluateOptions } from "../../scripts/evaluate/run-evaluation.ts";
import { correlationPool, scoringContext, storedSettings } from "../../scripts/scoring/context.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { capture, tempDataDir, tempDir } from "../support/bundles.ts";
import { startChatServer, type ChatServer, type Fault } from "../support/chat-test-server.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { askedAs, clipOf, linkVideos, makeClips, serverOptions } from "../support/evaluation-fixture.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
const CARD_FILE = path.join(REPO, "data/evaluator-cards/love-internvl3-8b-fetv.json");
const CLIPS = 24;
const POLICY = { attempts: 6, timeoutMs: 1500, backoffMs: 5 };

describeWithDatasets("fetv", "the evaluation runner on FETV", () => {
  let root: string;
  let dataDir: string;
  let store: string;
  let card: EvaluatorCard;
  let clipFiles: string[];
  let v2tVideos: Map<string, number>;
  let t2vVideos: Map<string, number>;
  let promptsOfClip: Map<number, Set<string>>;
  let promptOfVideo: Map<string, string>;
  const servers: ChatServer[] = [];
  const perspectives = ["static_quality", "temporal_quality", "alignment"];
  /** Per clip, the mean human static and temporal quality of its labelled videos (both are asked the same question, so they get one answer). */
  let clipQuality: number[];
  /** Per clip, the mean human alignment of its labelled videos. */
  let clipAlignment: number[];
  /** The expected level the server answers for a clip and perspective: the planted evaluator follows the humans. */
  const expected = (clip: number, perspective: string) => (askedAs(card, perspective) === "alignment" ? clipAlignment[clip] : clipQuality[clip]) as number;
  /** The score planted for a clip under a perspective. */
  const planted = (clip: number, p: string) => expected(clip, p);

  /** Writes a JSON file in the test folder. */
  const json = (name: string, value: unknown) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };

  async function server(fault?: (n: number, clip: number, perspective: string) => Fault | null, delayMs?: number) {
    const s = await startChatServer(serverOptions(card, promptsOfClip, fault, delayMs, expected));
    servers.push(s);
    return s;
  }

  async function evaluate(options: Partial<EvaluateOptions> & Pick<EvaluateOptions, "direction" | "out" | "videos" | "endpoints">) {
    const stdout = capture();
    const stderr = capture();
    const entry =
      options.direction === "v2t"
        ? json("v2t-entry.json", { ...TEST_PROVENANCE, trainingData: [], entry: { name: "InternVL3 8B LOVE prompts", organization: "Test Lab", kind: "open-lmm", url: "https://example.org/internvl", license: "MIT", contact: "lab@example.org" } })
        : json("t2v-entry.json", { ...TEST_PROVENANCE, generationCard: TEST_GENERATION_CARD, entry: { name: "New generator", organization: "Test Lab", access: "open", url: "https://example.org/gen", license: "MIT", contact: "lab@example.org" } });
    const outcome = await runEvaluation({ benchmark: "fetv", card: CARD_FILE, entry, dataDir, store, concurrency: 8, policy: POLICY, stdout, stderr, ...options });
    return { ...outcome, out: stdout.text(), err: stderr.text() };
  }

  beforeAll(async () => {
    root = tempDir("evaluate-fetv");
    dataDir = tempDataDir(["fetv"]);
    store = path.join(root, "store.sqlite");
    const content = await buildContent({ dataDir, resamples: 200 });
    writeStore(content, store);
    card = EvaluatorCardSchema.parse(JSON.parse(fs.readFileSync(CARD_FILE, "utf8")));
    clipFiles = makeClips(path.join(root, "clips"), CLIPS);
    const context = scoringContext(content, "fetv", storedSettings(content));
    const promptText = new Map(content.prompts.filter((p) => p.benchmarkId === "fetv").map((p) => [p.id, p.text]));
    // Labelled videos go to clips by the rank of their mean human score, so that a clip's videos were rated alike.
    const pool = correlationPool(context);
    const truth = (id: string, p: string) => context.truth[p]?.get(id);
    const meanOf = (values: readonly (number | undefined)[]) => {
      const known = values.filter((x): x is number => x !== undefined);
      return known.length === 0 ? 3 : known.reduce((a, b) => a + b, 0) / known.length;
    };
    const ranked = [...pool].sort((a, b) => meanOf(perspectives.map((p) => truth(a.id, p))) - meanOf(perspectives.map((p) => truth(b.id, p))) || (a.id < b.id ? -1 : 1));
    v2tVideos = new Map(ranked.map((v, rank) => [v.id, Math.floor((rank * CLIPS) / ranked.length)]));
    const onClip = (clip: number) => pool.filter((v) => v2tVideos.get(v.id) === clip);
    clipQuality = Array.from({ length: CLIPS }, (_, c) => meanOf(onClip(c).flatMap((v) => [truth(v.id, "static_quality"), truth(v.id, "temporal_quality")])));
    clipAlignment = Array.from({ length: CLIPS }, (_, c) => meanOf(onClip(c).map((v) => truth(v.id, "alignment"))));
    t2vVideos = new Map(context.prompts.map((p) => [p, clipOf(`new/${p}`, CLIPS)]));
    promptsOfClip = new Map();
    promptOfVideo = new Map(correlationPool(context).map((v) => [v.id, promptText.get(v.promptId) as string]));
    for (const [id, clip] of v2tVideos) promptsOfClip.set(clip, (promptsOfClip.get(clip) ?? new Set()).add(promptOfVideo.get(id) as string));
    for (const [id, clip] of t2vVideos) promptsOfClip.set(clip, (promptsOfClip.get(clip) ?? new Set()).add(promptText.get(id) as string));
    linkVideos(path.join(root, "v2t-videos"), clipFiles, v2tVideos);
    linkVideos(path.join(root, "t2v-videos"), clipFiles, t2vVideos);
  }, 300_000);

  afterAll(async () => {
    for (const s of servers) await s.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const schedule = (n: number): Fault | null => (["429", "500", "hang", "garbage", "unreadable"] as const)[[5, 11, 17, 23, 29].indexOf(n % 37)] ?? null;

  describe("direction v2t", () => {
    it("scores every labelled video through every injected fault, journals each distinct request once, and the bundle passes the dry run", async () => {
      const a = await server(schedule);
      const b = await server(schedule);
      const out = path.join(root, "v2t-bundle");
      const result = await evaluate({ direction: "v2t", out, videos: path.join(root, "v2t-videos"), endpoints: [a.url, b.url] });
      expect(result.exitCode, result.err + result.out).toBe(0);
      const seen = [...a.seen, ...b.seen];
      expect(seen.filter((s) => s.outcome === "rejected"), "requests the server refused as not what the card says").toEqual([]);
      for (const fault of ["429", "500", "hang", "garbage", "unreadable"]) expect(seen.some((s) => s.outcome === fault), fault).toBe(true);
      // Both endpoints were used.
      expect(a.seen.length).toBeGreaterThan(100);
      expect(b.seen.length).toBeGreaterThan(100);
      // One journal record per distinct (file content, perspective, prompt text): identical files are asked once.
      const journal = fs.readFileSync(`${out}.journal.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { video: string; perspective: string; text: string });
      const keys = new Set(journal.map((r) => `${r.video} ${r.perspective} ${r.text}`));
      expect(keys.size).toBe(journal.length);
      const distinct = new Set([...v2tVideos].map(([id, clip]) => `${clip} ${promptOfVideo.get(id)}`));
      expect(journal.length).toBe(CLIPS * 2 + distinct.size);
      const lines = fs.readFileSync(path.join(out, "predictions.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { video: string; scores: Record<string, number> });
      expect(lines.map((l) => l.video).sort()).toEqual([...v2tVideos.keys()].sort());
      for (const line of lines) {
        for (const p of perspectives) expect(line.scores[p], `${line.video} ${p}`).toBeCloseTo(planted(v2tVideos.get(line.video) as number, p), 12);
      }
      const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
      expect(manifest.method).toMatch(/evaluator card sha256:[0-9a-f]{64}/);
      expect(result.out).toMatch(/Dry run/);
      expect(result.out).toMatch(/^v2t-instance\s+static_quality_srcc\s+-?\d/m);
      expect(fs.readdirSync(out).sort()).toEqual(["manifest.json", "predictions.jsonl"]);
    }, 600_000);

    it("resumes after kill -9 (and a torn last journal line) without repeating a finished request", async () => {
      const slow = await server(undefined, 3);
      const out = path.join(root, "killed-bundle");
      const journal = `${out}.journal.jsonl`;
      const entry = json("v2t-entry-2.json", { ...TEST_PROVENANCE, trainingData: [], entry: { name: "Killed run", organization: "Test Lab", kind: "open-lmm", url: "https://example.org/internvl", license: "MIT", contact: "lab@example.org" } });
      const child = spawn(process.execPath, [path.join(REPO, "scripts/evaluate.ts"), "--benchmark", "fetv", "--direction", "v2t", "--card", CARD_FILE, "--endpoint", slow.url, "--videos", path.join(root, "v2t-videos"), "--entry", entry, "--out", out, "--data", dataDir, "--store", store, "--concurrency", "2", "--timeout", "5", "--backoff", "0.01"], { stdio: "ignore" });
      const lines = () => (fs.existsSync(journal) ? fs.readFileSync(journal, "utf8").split("\n").length - 1 : 0);
      while (lines() < 150) {
        // A child that stopped on its own (bad input) would never write 150 lines: fail now rather than at the timeout.
        if (child.exitCode !== null) throw new Error(`the evaluation stopped by itself with exit code ${child.exitCode} before it could be killed`);
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      fs.appendFileSync(journal, '{"card":"0123');
      const before = fs.readFileSync(journal, "utf8").split("\n").slice(0, -1).map((l) => JSON.parse(l) as { file: string; text: string });
      expect(before.length).toBeGreaterThanOrEqual(150);
      const fast = await server();
      const result = await evaluate({ direction: "v2t", out, videos: path.join(root, "v2t-videos"), endpoints: [fast.url], dryRun: false, entry: entry });
      expect(result.exitCode, result.err).toBe(0);
      expect(result.err).toMatch(new RegExp(`${before.length.toLocaleString("en")} of them answered in the journal already`));
      const done = new Set(before.map((r) => `${v2tVideos.get(r.file.replace(/\.mp4$/, ""))} ${r.text}`));
      const again = fast.seen.filter((s) => done.has(`${s.clip} ${s.text}`));
      expect(again).toEqual([]);
      expect(fast.seen.filter((s) => s.outcome === "rejected")).toEqual([]);
      // Every line of the journal is whole again, and the bundle matches the uninterrupted run's.
      const after = fs.readFileSync(journal, "utf8");
      expect(after.endsWith("\n")).toBe(true);
      expect(fs.readFileSync(path.join(out, "predictions.jsonl"), "utf8")).toBe(fs.readFileSync(path.join(root, "v2t-bundle", "predictions.jsonl"), "utf8"));
    }, 600_000);

    it("lists a missing video by file before sending anything, and writes nothing", async () => {
      const s = await server();
      const folder = path.join(root, "missing-videos");
      const names = new Map(v2tVideos);
      names.delete("cogvideo/17");
      linkVideos(folder, clipFiles, names);
      const out = path.join(root, "missing-bundle");
      const result = await evaluate({ direction: "v2t", out, videos: folder, endpoints: [s.url] });
      expect(result.exitCode).toBe(1);
      expect(result.err).toMatch(/missing-videos\/cogvideo\/17\.\{mp4,.*\}: is missing: fetv's video cogvideo\/17 must be scored/);
      expect(s.seen).toEqual([]);
      expect(fs.existsSync(out)).toBe(false);
    });

    it("refuses a card that declares yes/no questions on a benchmark without them, naming the card and field, before sending anything", async () => {
      const s = await server();
      const withQuestions = json("questions-card.json", { ...card, questions: { prompt: "{question}", read: { kind: "text" } } });
      const out = path.join(root, "questions-bundle");
      const result = await evaluate({ direction: "v2t", out, videos: path.join(root, "v2t-videos"), endpoints: [s.url], card: withQuestions });
      expect(result.exitCode).toBe(1);
      expect(result.err).toMatch(/questions-card\.json: field "questions": fetv has no yes\/no questions; leave "questions" out/);
      expect(s.seen).toEqual([]);
      expect(fs.existsSync(out)).toBe(false);
    });

    it("lists an unreadable video and an answer that cannot be read as a score by file, keeps the other answers, and writes no bundle", async () => {
      const s = await server((_n, clip) => (clip === CLIPS - 1 ? "unreadable" : null));
      const folder = path.join(root, "broken-videos");
      const names = new Map(v2tVideos);
      names.delete("zeroscope/3");
      linkVideos(folder, clipFiles, names);
      fs.writeFileSync(path.join(folder, "zeroscope/3.mp4"), "this is not a video");
      const journal = path.join(root, "broken.journal.jsonl");
      fs.copyFileSync(`${path.join(root, "v2t-bundle")}.journal.jsonl`, journal);
      const out = path.join(root, "broken-bundle");
      const result = await evaluate({ direction: "v2t", out, videos: folder, endpoints: [s.url], journal });
      expect(result.exitCode).toBe(1);
      expect(result.err).toMatch(/broken-videos\/zeroscope\/3\.mp4: cannot be read as a video \(/);
      // Only the new content was asked about: the journal of the earlier run answered everything else.
      expect(s.seen.length).toBe(0);
      expect(fs.existsSync(out)).toBe(false);
      // A clip the server never answers readably: listed with its perspective and the reason.
      const other = path.join(root, "unreadable-bundle");
      const fresh = path.join(root, "unreadable.journal.jsonl");
      fs.copyFileSync(`${path.join(root, "v2t-bundle")}.journal.jsonl`, fresh);
      fs.writeFileSync(fresh, fs.readFileSync(fresh, "utf8").split("\n").filter((l) => l !== "" && v2tVideos.get((JSON.parse(l) as { file: string }).file.replace(/\.mp4$/, "")) !== CLIPS - 1).map((l) => `${l}\n`).join(""));
      const second = await evaluate({ direction: "v2t", out: other, videos: path.join(root, "v2t-videos"), endpoints: [s.url], journal: fresh });
      expect(second.exitCode).toBe(1);
      expect(second.err).toMatch(/v2t-videos\/\S+\.mp4: field "static_quality": unreadable answer: no level word \(excellent, good, fair, poor, bad\) is among the top tokens \("I", "Sorry"\) \(after 6 attempts at http:\/\/127\.0\.0\.1:\d+\/v1\)/);
      expect(s.seen.every((x) => x.clip === CLIPS - 1)).toBe(true);
      expect(fs.existsSync(other)).toBe(false);
    }, 120_000);
  });

  describe("direction t2v", () => {
    it("refuses an evaluator that is not a submitted V2T entry scored with the same card, before sending anything", async () => {
      const s = await server();
      const result = await evaluate({ direction: "t2v", out: path.join(root, "t2v-refused"), videos: path.join(root, "t2v-videos"), endpoints: [s.url], evaluator: "internvl3-8b-love-prompts" });
      expect(result.exitCode).toBe(1);
      expect(result.err).toMatch(/--evaluator: "internvl3-8b-love-prompts" is not a submitted V2T entry of fetv/);
      expect(s.seen).toEqual([]);
    });

    it("scores the new model's videos with the card of a submitted V2T entry, through faults, and its dry run shows the planted means apart, unranked (FETV's 4 models cannot validate a calibration), refusing static quality for no skill", async () => {
      const stored = await submitBundle({ bundle: path.join(root, "v2t-bundle"), dataDir, store, stdout: capture(), stderr: capture() });
      expect(stored.status).toBe("stored");
      const s = await server(schedule);
      const out = path.join(root, "t2v-bundle");
      const result = await evaluate({ direction: "t2v", out, videos: path.join(root, "t2v-videos"), endpoints: [s.url], evaluator: stored.entryId as string });
      expect(result.exitCode, result.err + result.out).toBe(0);
      expect(result.out).toMatch(/Dry run of the bundle/);
      expect(s.seen.filter((x) => x.outcome === "rejected")).toEqual([]);
      for (const fault of ["429", "500", "hang", "garbage", "unreadable"]) expect(s.seen.some((x) => x.outcome === fault), fault).toBe(true);
      const lines = fs.readFileSync(path.join(out, "scores.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { video: string; scores: Record<string, number> });
      expect(lines).toHaveLength(619);
      for (const line of lines) {
        for (const p of perspectives) expect(line.scores[p], `${line.video} ${p}`).toBeCloseTo(planted(t2vVideos.get(line.video) as number, p), 12);
      }
      // The planted means over the 619 prompts, computed here from the planted answers, are what the dry run shows.
      for (const p of ["temporal_quality", "alignment"]) {
        const mean = lines.reduce((sum, l) => sum + planted(t2vVideos.get(l.video) as number, p), 0) / lines.length;
        expect(result.out).toMatch(new RegExp(`^t2v\\s+${p}_evaluator_mean\\s+${mean.toFixed(4).replace(".", "\\.")}\\s.*\\(unranked\\)`, "m"));
      }
      expect(result.out).toMatch(/calibration to the human scale can be checked on only 4 T2V models \(the protocol validates model-level figures from 10\)/);
      // One answer for both quality questions cannot follow FETV's static quality too (issue 15: refused without skill).
      expect(result.out).toMatch(/^t2v\s+static_quality_mos\s+—\s+—\s+\(refused\)/m);
      expect(result.out).toMatch(new RegExp(`static_quality: refused: ${stored.entryId} cannot score static_quality: fitted without each model in turn, its per-video line misses that model's human mean by`));
      expect(JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")).evaluator).toBe(stored.entryId);
    }, 600_000);

    it("refuses a card whose hash differs from the evaluator's (the calibration would not transfer)", async () => {
      const s = await server();
      const other = json("other-card.json", { ...card, decoding: { ...card.decoding, temperature: 0.2 } });
      const result = await evaluate({ direction: "t2v", out: path.join(root, "t2v-other"), videos: path.join(root, "t2v-videos"), endpoints: [s.url], evaluator: "internvl3-8b-love-prompts", card: other });
      expect(result.exitCode).toBe(1);
      expect(result.err).toMatch(/was scored with evaluator card sha256:[0-9a-f]{64}, not this card \(sha256:[0-9a-f]{64}\); its calibration would not transfer/);
      expect(s.seen).toEqual([]);
    });
  });
});
