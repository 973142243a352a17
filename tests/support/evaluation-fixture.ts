/**
 * A benchmark's videos as ffmpeg-made indexed clips for the evaluation runner's tests: a few distinct clips of
 * different lengths, hard-linked under every video name the run needs, with the server options that check and
 * answer requests about them (frames from the NumPy fixture of LOVE's rule, planted levels per clip).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import fixture from "../fixtures/evaluate/frame-rule.json" with { type: "json" };
import { makeIndexedClip } from "./clips.ts";
import type { ChatServerOptions, Fault } from "./chat-test-server.ts";

/** The clip lengths used: the fixture's lengths from 9 to 64 frames (each has an 8-frame case). */
const LENGTHS = [...new Set(fixture.cases.filter((c) => c.count === 8 && c.length >= 9 && c.length <= 64).map((c) => c.length))];

/** The frames LOVE's rule picks for a clip of `length`, from the NumPy fixture. */
export function goldenFrames(length: number, count = 8): number[] {
  const found = fixture.cases.find((c) => c.length === length && c.count === count);
  if (found === undefined) throw new Error(`no fixture case for ${length} frames, ${count} picked`);
  return found.segmentCentres;
}

/** Clip `c`'s length. */
export function clipLength(clip: number): number {
  return LENGTHS[clip % LENGTHS.length] as number;
}

/** Which of `clips` clips a video id is made of (a fixed hash of the id). */
export function clipOf(id: string, clips: number): number {
  return crypto.createHash("md5").update(id).digest()[0] as number % clips;
}

/** Makes `clips` distinct clips (ids 0…clips-1) in `dir`; returns their files. */
export function makeClips(dir: string, clips: number): string[] {
  return Array.from({ length: clips }, (_, c) => {
    const file = path.join(dir, `clip-${c}.mp4`);
    makeIndexedClip(file, clipLength(c), c);
    return file;
  });
}

/** Hard-links a clip under each name (`<folder>/<name>.mp4`); names map to clip ids. */
export function linkVideos(folder: string, clipFiles: readonly string[], names: ReadonlyMap<string, number>): void {
  for (const [name, clip] of names) {
    const file = path.join(folder, `${name}.mp4`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.linkSync(clipFiles[clip] as string, file);
  }
}

/** The planted level (1–5) of a clip under a perspective. */
export function plantedLevel(clip: number, perspective: string, perspectives: readonly string[]): number {
  return 1 + ((clip + 2 * perspectives.indexOf(perspective)) % 5);
}

/**
 * The perspective whose planted level a perspective's answers carry: the first one asked the same question (LOVE asks
 * FETV's static and temporal quality alike, so the two requests are the same bytes and get the same answer).
 */
export function askedAs(card: EvaluatorCard, perspective: string): string {
  const prompt = card.perspectives[perspective]?.prompt;
  return Object.keys(card.perspectives).find((p) => card.perspectives[p]?.prompt === prompt) ?? perspective;
}

/**
 * Server options for a card and the videos: `prompts` gives each clip's videos' generation prompts, so that the
 * server knows every prompt text it may be sent for a clip; answers plant a level per clip, or with `expected` an
 * exact expected level per clip, perspective and prompt text.
 */
export function serverOptions(
  card: EvaluatorCard,
  promptsOfClip: ReadonlyMap<number, ReadonlySet<string>>,
  fault?: (n: number, clip: number, perspective: string) => Fault | null,
  delayMs?: number,
  expected?: ChatServerOptions["expected"],
): ChatServerOptions {
  const perspectives = Object.keys(card.perspectives);
  const texts = new Map<number, Map<string, string>>();
  return {
    model: card.model.name,
    decoding: card.decoding,
    frameSize: card.frames.size,
    framesOf: (clip) => goldenFrames(clipLength(clip), card.frames.count),
    textsOf: (clip) => {
      let map = texts.get(clip);
      if (map === undefined) {
        map = new Map();
        for (const [perspective, p] of Object.entries(card.perspectives)) {
          const texts = p.prompt.includes("{prompt}") ? [...(promptsOfClip.get(clip) ?? [])].map((prompt) => p.prompt.replaceAll("{prompt}", prompt)) : [p.prompt];
          for (const text of texts) if (!map.has(text)) map.set(text, perspective);
        }
        texts.set(clip, map);
      }
      return map;
    },
    level: (clip, perspective) => plantedLevel(clip, perspective, perspectives),
    ...(expected ? { expected } : {}),
    ...(fault ? { fault } : {}),
    ...(delayMs ? { delayMs } : {}),
  };
}
