/** The AIGVE-60K release's path rules (data/benchmarks/aigve-60k/release-paths.ts), case by case. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseVideoPath, plainNameProblem, resolveInRelease } from "../../../data/benchmarks/aigve-60k/release-paths.ts";

const RELEASE = "/srv/datasets/aigve-60k";

describe("resolveInRelease", () => {
  it("reads LOVE's data/<file> as <release>/<file>, subfolders included", () => {
    expect(resolveInRelease(RELEASE, "data/video_train_mos1_test.jsonl")).toEqual({ file: path.join(RELEASE, "video_train_mos1_test.jsonl") });
    expect(resolveInRelease(RELEASE, "./data/ann/x.jsonl")).toEqual({ file: path.join(RELEASE, "ann/x.jsonl") });
    expect(resolveInRelease(RELEASE, `${RELEASE}/x.jsonl`)).toEqual({ file: path.join(RELEASE, "x.jsonl") });
  });

  it.each([
    ["data/../../etc/passwd", /outside the release folder/],
    ["/etc/passwd", /outside the release folder/],
    ["../aigve-60k-other/x.jsonl", /outside the release folder/],
    ["data/sub/../../../x", /outside the release folder/],
    ["data/", /the release folder itself/],
    ["data/x.jsonl\u0000.txt", /holds a control character/],
    ["data\\x.jsonl", /uses \\ as a separator/],
  ])("refuses %j", (named, why) => {
    const resolved = resolveInRelease(RELEASE, named);
    expect("problem" in resolved && resolved.problem).toMatch(why);
  });
});

describe("parseVideoPath", () => {
  it("takes the model from the last folder and the prompt id from the file name", () => {
    expect(parseVideoPath("Videos300/Allegro/10001.mp4")).toEqual({ model: "Allegro", promptId: "10001" });
    expect(parseVideoPath("CogVideoX1.5/p_7.webm")).toEqual({ model: "CogVideoX1.5", promptId: "p_7" });
  });

  it.each([
    ["videos/../10001.mp4", /model folder is "\.\."/],
    ["videos/./10001.mp4", /model folder is "\."/],
    ["videos//10001.mp4", /model folder is empty/],
    ["../Allegro/10001.mp4", /folder 1 is "\.\."/],
    ["/abs/Allegro/10001.mp4", /is absolute/],
    ["C:/v/Allegro/10001.mp4", /is absolute/],
    ["videos\\Allegro\\10001.mp4", /uses \\ as a separator/],
    ["videos/Alle\u001bgro/10001.mp4", /holds a control character/],
    ["videos/Allegro/10001.mp4\u0000", /holds a control character/],
    ["videos/Alle\u200bgro/10001.mp4", /holds a control character/],
    ["videos/\u0410llegro/10001.mp4", /model folder "Аllegro" is not a plain name/],
    ["videos/Allegro/10 01.mp4", /is not <prompt id>\.<extension> of plain names/],
    ["videos/Allegro/.mp4", /is not/],
    ["videos/Allegro/10001", /is not/],
    ["10001.mp4", /is not/],
  ])("refuses %j", (video, why) => {
    const parsed = parseVideoPath(video);
    expect("problem" in parsed && parsed.problem).toMatch(why);
  });
});

describe("plainNameProblem", () => {
  it("accepts the published models' folder names and refuses dot names, trailing dots and over-long names", () => {
    for (const name of ["Allegro", "Hotshot-XL", "Wan2.1", "Text2Video-Zero", "a", "x+y_z"]) expect(plainNameProblem(name)).toBeNull();
    for (const name of ["", ".", "..", "a.", ".a", "-a", "a b", "x".repeat(101)]) expect(plainNameProblem(name)).not.toBeNull();
  });
});
