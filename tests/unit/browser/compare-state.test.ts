import { describe, expect, it } from "vitest";
import { MAX_COMPARED, parseCompareState, serializeCompareState, type CompareChoices } from "../../../src/browser/compare-state.ts";

const CHOICES: CompareChoices = { t2v: ["cogvideo", "zeroscope", "modelscope-t2v", "text2video-zero", "reference"], v2t: ["umtscore", "clipscore", "blipscore"] };

describe("parseCompareState", () => {
  it("takes the entries in their order from one comma-separated value, or from repeated values, without duplicates", () => {
    expect(parseCompareState("?entries=zeroscope,cogvideo&direction=t2v", CHOICES).state).toEqual({ direction: "t2v", entries: ["zeroscope", "cogvideo"], scope: null, figure: null });
    expect(parseCompareState("?entries=zeroscope&entries=cogvideo,zeroscope", CHOICES).state.entries).toEqual(["zeroscope", "cogvideo"]);
  });

  it("infers the direction from the entries when the query does not name it", () => {
    expect(parseCompareState("?entries=umtscore,clipscore", CHOICES).state.direction).toBe("v2t");
    expect(parseCompareState("?entries=cogvideo", CHOICES).state.direction).toBe("t2v");
    expect(parseCompareState("", CHOICES).state).toEqual({ direction: "t2v", entries: [], scope: null, figure: null });
    expect(parseCompareState("", { t2v: [], v2t: ["umtscore"] }).state.direction).toBe("v2t");
  });

  it("sets aside ids that are no entry of the direction, and reports them", () => {
    const parsed = parseCompareState("?entries=cogvideo,umtscore,nope&direction=t2v", CHOICES);
    expect(parsed.state.entries).toEqual(["cogvideo"]);
    expect(parsed.unknown).toEqual(["umtscore", "nope"]);
  });

  it(`keeps at most ${MAX_COMPARED} entries and reports the rest`, () => {
    const parsed = parseCompareState("?entries=cogvideo,zeroscope,modelscope-t2v,text2video-zero,reference", CHOICES);
    expect(parsed.state.entries).toEqual(["cogvideo", "zeroscope", "modelscope-t2v", "text2video-zero"]);
    expect(parsed.dropped).toEqual(["reference"]);
  });

  it("ignores an unknown direction and reads the figure", () => {
    expect(parseCompareState("?entries=blipscore&direction=sideways&figure=v2t-instance.alignment_srcc", CHOICES).state).toEqual({
      direction: "v2t",
      entries: ["blipscore"],
      scope: null,
      figure: "v2t-instance.alignment_srcc",
    });
  });
});

describe("serializeCompareState", () => {
  it("writes a readable, shareable query that parses back to the same state", () => {
    const state = { direction: "t2v", entries: ["zeroscope", "cogvideo"], scope: "spatial-people", figure: "t2v.alignment_mos" } as const;
    const query = serializeCompareState(state);
    expect(query).toBe("?entries=zeroscope,cogvideo&direction=t2v&scope=spatial-people&figure=t2v.alignment_mos");
    expect(parseCompareState(query, CHOICES).state).toEqual(state);
    expect(serializeCompareState({ direction: "v2t", entries: [], scope: null, figure: null })).toBe("?direction=v2t");
  });
});
