import { describe, expect, it } from "vitest";
import { PROMPT_COLUMNS, promptListCsv, promptListJson, type PromptList } from "../../../src/lib/prompt-list.ts";

const list: PromptList = {
  benchmark: "fetv",
  release: "2025-01-01-abcdef12",
  videosPerPrompt: 1,
  videoNaming: "by prompt id",
  questionsNote: "none public",
  prompts: [
    { id: "0", text: "a person jumps, from a building", dimensions: ["spatial-people", "temporal-actions"], questions: [] },
    { id: "1", text: "=HYPERLINK(\"x\")", dimensions: [], questions: ["Is there a cat?", "Is it red?"] },
  ],
  whereToGet: null,
};

describe("prompt list downloads", () => {
  it("writes one CSV row per prompt with its text, dimensions, video name and release", () => {
    const lines = promptListCsv(list).split("\r\n");
    expect(lines[0]).toBe(PROMPT_COLUMNS.join(","));
    expect(lines[1]).toBe('0,"a person jumps, from a building",spatial-people | temporal-actions,,1,0,2025-01-01-abcdef12');
  });

  it("neutralizes prompt text a spreadsheet would run as a formula", () => {
    expect(promptListCsv(list).split("\r\n")[2]).toBe(`1,"'=HYPERLINK(""x"")",,Is there a cat? | Is it red?,1,1,2025-01-01-abcdef12`);
  });

  it("keeps the release and the naming rule at the top of the JSON", () => {
    const parsed = JSON.parse(promptListJson(list));
    expect(parsed.release).toBe("2025-01-01-abcdef12");
    expect(parsed.videoNaming).toBe("by prompt id");
    expect(parsed.prompts[0].dimensions).toEqual(["spatial-people", "temporal-actions"]);
  });
});
