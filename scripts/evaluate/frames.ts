/**
 * Frames of a video extracted with ffmpeg (Debian's package: `ffmpeg` and `ffprobe` on PATH, or the binaries
 * named by AIGVE_FFMPEG and AIGVE_FFPROBE), by a card's frame rule, as encoded images in the order sent.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import { pickFrames } from "./frame-rule.ts";

const run = promisify(execFile);

/** The ffmpeg and ffprobe binaries to run. */
export function ffmpegBinaries(): { ffmpeg: string; ffprobe: string } {
  return { ffmpeg: process.env.AIGVE_FFMPEG ?? "ffmpeg", ffprobe: process.env.AIGVE_FFPROBE ?? "ffprobe" };
}

/** A video that ffmpeg cannot read, with ffmpeg's own reason. */
export class UnreadableVideoError extends Error {
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${file}: cannot be read as a video (${reason})`);
    this.name = "UnreadableVideoError";
    this.reason = `cannot be read as a video (${reason})`;
  }
}

/** The last meaningful line of ffmpeg's stderr: its reason for failing. */
function reasonOf(error: unknown): string {
  const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim().split("\n").filter(Boolean);
  return stderr.at(-1) ?? (error as Error).message;
}

/** The number of frames of the first video stream, counted by decoding (as decord's len() counts them). */
export async function frameCount(file: string): Promise<number> {
  const { ffprobe } = ffmpegBinaries();
  let stdout: string;
  try {
    ({ stdout } = await run(ffprobe, ["-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file]));
  } catch (error) {
    throw new UnreadableVideoError(file, reasonOf(error));
  }
  const count = Number(stdout.trim().split(/[\s,]/)[0]);
  if (!Number.isInteger(count) || count < 1) throw new UnreadableVideoError(file, `ffprobe found no video frames (it said "${stdout.trim()}")`);
  return count;
}

/** The frames the card's rule picks, each resized to size × size and encoded as PNG or JPEG, in rule order. */
export async function extractFrames(file: string, frames: EvaluatorCard["frames"]): Promise<{ indices: number[]; images: Buffer[] }> {
  const length = await frameCount(file);
  const indices = pickFrames(frames.rule, length, frames.count);
  const unique = [...new Set(indices)].sort((a, b) => a - b);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-frames-"));
  try {
    const select = unique.map((i) => `eq(n\\,${i})`).join("+");
    const ext = frames.format === "png" ? "png" : "jpg";
    const codec = frames.format === "png" ? ["-c:v", "png", "-pix_fmt", "rgb24"] : ["-c:v", "mjpeg", "-q:v", "2", "-pix_fmt", "yuvj444p"];
    const { ffmpeg } = ffmpegBinaries();
    try {
      await run(ffmpeg, [
        "-v", "error", "-nostdin", "-i", file,
        "-vf", `select='${select}',scale=${frames.size}:${frames.size}:flags=bicubic`,
        "-fps_mode", "passthrough", "-map_metadata", "-1", "-flags", "+bitexact", ...codec,
        path.join(dir, `%04d.${ext}`),
      ]);
    } catch (error) {
      throw new UnreadableVideoError(file, reasonOf(error));
    }
    const written = fs.readdirSync(dir).sort();
    if (written.length !== unique.length) throw new UnreadableVideoError(file, `ffmpeg wrote ${written.length} of the ${unique.length} frames asked for`);
    const byIndex = new Map(unique.map((index, k) => [index, fs.readFileSync(path.join(dir, written[k] as string))]));
    return { indices, images: indices.map((i) => byIndex.get(i) as Buffer) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
