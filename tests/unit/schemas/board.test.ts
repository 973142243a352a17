import { describe, expect, it } from "vitest";
import { boardsOf } from "../../../src/schemas/board.ts";

describe("boardsOf", () => {
  it("lists the one T2V board for a T2V entry", () => {
    expect(boardsOf("t2v")).toEqual(["t2v"]);
  });

  it("lists the instance-level board before the model-level one for a V2T entry, as the pages show them", () => {
    expect(boardsOf("v2t")).toEqual(["v2t-instance", "v2t-model"]);
  });
});
