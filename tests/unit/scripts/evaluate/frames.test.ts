/** Frames extracted by ffmpeg from clips whose frames carry their own index: the ones the rule picks, in order, at the card's size. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFrames, frameCount } from "../../../../scripts/evaluate/frames.ts";
import fixture from "../../../fixtures/evaluate/frame-rule.json" with { type: "json" };
import { decodeFrame, makeIndexedClip } from "../../../support/clips.ts";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-frames-test-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("extracting frames with ffmpeg", () => {
  it.each([9, 16, 17, 33, 49, 61, 64])("extracts from a %i-frame clip exactly the frames NumPy's copy of LOVE's rule picks, in order, resized", async (length) => {
    const file = path.join(dir, `c${length}.mp4`);
    makeIndexedClip(file, length, length % 60);
    expect(await frameCount(file)).toBe(length);
    const golden = fixture.cases.find((c) => c.length === length && c.count === 8)?.segmentCentres;
    const { indices, images } = await extractFrames(file, { count: 8, rule: "segment-centres", size: 24, format: "png" });
    expect(indices).toEqual(golden);
    expect(images.map(decodeFrame)).toEqual((golden ?? []).map((index) => ({ index, clip: length % 60, width: 24, height: 24 })));
  });

  it("sends a frame twice when the rule picks it twice (a clip shorter than the frame count)", async () => {
    const file = path.join(dir, "short.mp4");
    makeIndexedClip(file, 3, 5);
    const { images } = await extractFrames(file, { count: 8, rule: "even", size: 16, format: "jpeg" });
    expect(images).toHaveLength(8);
    expect(images.every((i) => i[0] === 0xff && i[1] === 0xd8)).toBe(true);
  });

  it("says why a file is not a video", async () => {
    const file = path.join(dir, "broken.mp4");
    fs.writeFileSync(file, "not a video");
    await expect(extractFrames(file, { count: 8, rule: "even", size: 16, format: "png" })).rejects.toThrow(/broken\.mp4: cannot be read as a video \(.+\)/);
  });
});
