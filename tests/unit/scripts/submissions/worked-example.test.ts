import { describe, expect, it } from "vitest";
import { workedT2vBundle, workedV2tBundle } from "../../../../scripts/submissions/worked-example.ts";
import { T2vManifestSchema, V2tManifestSchema } from "../../../../src/schemas/submission/manifest.ts";

const PROMPTS = "prompt,text,dimensions,questions,videos_per_prompt,video_name,release\r\n0,a cat,,,1,0,r\r\n1,\"a dog, running\",,,1,1,r\r\n";
const ANCHORS = "video,prompt_id,prompt,model,quality_score,alignment_score,source\r\nm/5,5,x,M,4.6,1.2,here\r\n";
const TRUTH = "video,prompt,model,reference,quality_mos,quality_raw_mos,quality_sd,quality_count\r\nm/7,7,m,false,3,3,0,3\r\nreal/7,7,,true,4,4,0,3\r\nnew/7,7,new,false,,,,\r\n";

describe("the worked example bundles", () => {
  it("T2V: every rater rates every prompt's video and every anchor per perspective, integers 1–5, with a valid manifest", () => {
    const files = workedT2vBundle("fetv", PROMPTS, ANCHORS);
    expect(T2vManifestSchema.safeParse(JSON.parse(files["manifest.json"] ?? "")).success).toBe(true);
    const rows = (files["ratings.csv"] ?? "").trim().split("\n");
    expect(rows[0]).toBe("video,perspective,rater,score");
    // 3 raters × (2 prompts + 1 anchor) × 2 perspectives.
    expect(rows.length - 1).toBe(18);
    expect(rows.slice(1).every((row) => /^(0|1|m\/5),(quality|alignment),r0[123],[1-5]$/.test(row))).toBe(true);
  });

  it("V2T: one line per labelled video, references only when asked, with a valid manifest", () => {
    const without = workedV2tBundle("tvge", TRUTH, false);
    expect(V2tManifestSchema.safeParse(JSON.parse(without["manifest.json"] ?? "")).success).toBe(true);
    expect((without["predictions.jsonl"] ?? "").trim().split("\n").map((l) => JSON.parse(l))).toEqual([{ video: "m/7", scores: { quality: 2 } }]);
    expect((workedV2tBundle("fetv", TRUTH, true)["predictions.jsonl"] ?? "").trim().split("\n")).toHaveLength(2);
  });
});
