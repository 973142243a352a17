/**
 * Video clips made by ffmpeg whose frames carry their own index and their clip's id as colours (red = 4 × frame
 * index, green and blue = 4 × the clip id's low and high base-64 digits; no fonts needed), and the decoding of those
 * colours from an extracted PNG frame.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { constants, inflateSync } from "node:zlib";

/** Writes a lossless RGB H.264 clip (exact colours) of `length` frames (at most 64) of clip `clip` (0–4095), 32×32 pixels, 8 frames a second. */
export function makeIndexedClip(file: string, length: number, clip: number): void {
  if (length < 1 || length > 64 || clip < 0 || clip > 4095) throw new RangeError(`length ${length} or clip ${clip} out of range`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync("ffmpeg", [
    "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", `color=c=black:s=32x32:r=8:d=${length / 8}`,
    "-vf", `format=rgb24,geq=r='4*N':g='${4 * (clip % 64)}':b='${4 * Math.floor(clip / 64)}'`, "-frames:v", String(length),
    "-c:v", "libx264rgb", "-qp", "0", file,
  ]);
}

/** A PNG's size and the colour of its first pixel (raw under every PNG filter, so no unfiltering is needed). */
export function pngFirstPixel(png: Buffer): { width: number; height: number; rgb: [number, number, number] } {
  if (png.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString("latin1");
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 2) throw new Error(`expected 8-bit RGB, got depth ${data[8]} colour type ${data[9]}`);
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  // Only the filter byte and the first pixel are needed: inflate the stream's start, not the whole image.
  const raw = inflateSync(Buffer.concat(idat).subarray(0, 64), { finishFlush: constants.Z_SYNC_FLUSH });
  return { width, height, rgb: [raw[1] as number, raw[2] as number, raw[3] as number] };
}

/** The frame index and clip id a frame of an indexed clip carries. */
export function decodeFrame(png: Buffer): { index: number; clip: number; width: number; height: number } {
  const { width, height, rgb } = pngFirstPixel(png);
  return { index: Math.round(rgb[0] / 4), clip: Math.round(rgb[1] / 4) + 64 * Math.round(rgb[2] / 4), width, height };
}
