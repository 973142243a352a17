import { describe, expect, it } from "vitest";
import { correlationFamilies, switchableFamily } from "../../../src/lib/metric-families.ts";

describe("correlationFamilies", () => {
  it("lists SRCC first, then the other families present, each labelled by its one variant", () => {
    const columns = [{ metric: "krcc_c" }, { metric: "srcc" }, { metric: "accuracy" }, { metric: "krcc_c" }];
    expect(correlationFamilies(columns)).toEqual([
      { id: "srcc", label: "SRCC" },
      { id: "krcc", label: "KRCC (τc)" },
    ]);
  });

  it("labels a family present through several variants by its name", () => {
    const columns = [{ metric: "plcc" }, { metric: "plcc_logistic" }, { metric: "srcc" }, { metric: "krcc" }, { metric: "krcc_c" }];
    expect(correlationFamilies(columns).map((f) => f.label)).toEqual(["SRCC", "PLCC", "KRCC"]);
  });

  it("has nothing to switch on a board of MOS and accuracy", () => {
    expect(correlationFamilies([{ metric: "mos" }, { metric: "accuracy" }])).toEqual([]);
  });
});

describe("switchableFamily", () => {
  it("names the family of a correlation and none for columns that always show", () => {
    expect(switchableFamily("krcc_c")).toBe("krcc");
    expect(switchableFamily("plcc_logistic")).toBe("plcc");
    expect(switchableFamily("accuracy")).toBeNull();
    expect(switchableFamily("score")).toBeNull();
  });
});
