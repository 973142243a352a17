import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnchoringSchema, BenchmarkSchema, DatasetSourceSchema, DimensionSchema, datasetHowTo } from "../../../src/schemas/benchmark.ts";

const DATA = path.resolve(import.meta.dirname, "../../../data/benchmarks");

function definition(id: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(DATA, id, "benchmark.json"), "utf8")) as Record<string, unknown>;
}

/** A structured clone of AIGVE-60K's definition, changed by `edit`. */
function aigveWith(edit: (b: any) => void): unknown {
  const b = structuredClone(definition("aigve-60k"));
  edit(b);
  return b;
}

function issues(value: unknown): { path: string; message: string }[] {
  const parsed = BenchmarkSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("BenchmarkSchema", () => {
  it("accepts every benchmark definition in data/", () => {
    for (const id of ["aigve-60k", "fetv", "tvge"]) {
      expect(issues(definition(id)), id).toEqual([]);
    }
  });

  it("fills the defaults of a board column: ranked, higher is better", () => {
    const parsed = BenchmarkSchema.parse(definition("aigve-60k"));
    expect(parsed.boards.t2v[0]).toMatchObject({ perspective: "perception", higherIsBetter: true, ranked: true });
  });

  it("rejects a board column whose perspective the benchmark does not define, naming board and index", () => {
    const value = aigveWith((b) => {
      b.boards["v2t-model"][1].perspective = "aesthetics";
    });
    expect(issues(value)).toEqual([
      { path: "boards.v2t-model.1.perspective", message: 'unknown perspective "aesthetics"' },
    ]);
  });

  it("rejects the reserved dimension id `overall`", () => {
    const value = aigveWith((b) => {
      b.dimensions = [{ id: "overall", label: "Overall" }];
    });
    expect(issues(value)).toEqual([{ path: "dimensions.0.id", message: "`overall` is reserved" }]);
    expect(DimensionSchema.safeParse({ id: "overall", label: "x" }).success).toBe(false);
    expect(DimensionSchema.safeParse({ id: "overall-motion", label: "x" }).success).toBe(true);
  });

  it("rejects ids that are not URL-safe and perspective ids that are not snake_case", () => {
    expect(issues(aigveWith((b) => (b.id = "AIGVE 60K"))).map((i) => i.path)).toEqual(["id"]);
    expect(issues(aigveWith((b) => (b.dimensions = [{ id: "Motion_Order", label: "x" }]))).map((i) => i.path)).toEqual([
      "dimensions.0.id",
    ]);
    // The board columns still name "perception", so they are reported as well.
    expect(issues(aigveWith((b) => (b.perspectives[0].id = "Perception-Q"))).map((i) => i.path)).toContain(
      "perspectives.0.id",
    );
  });

  it("rejects unknown keys (strict objects), an unknown metric and an empty board", () => {
    expect(issues(aigveWith((b) => (b.extra = 1))).map((i) => i.path)).toEqual([""]);
    expect(issues(aigveWith((b) => (b.boards.t2v[0].metric = "psnr"))).map((i) => i.path)).toEqual([
      "boards.t2v.0.metric",
    ]);
    expect(issues(aigveWith((b) => (b.boards.t2v = []))).map((i) => i.path)).toEqual(["boards.t2v"]);
    expect(issues(aigveWith((b) => delete b.boards["v2t-instance"])).map((i) => i.path)).toEqual([
      "boards.v2t-instance",
    ]);
  });

  it("rejects a negative or fractional count and a bad paper URL", () => {
    expect(issues(aigveWith((b) => (b.counts.videos = -1))).map((i) => i.path)).toEqual(["counts.videos"]);
    expect(issues(aigveWith((b) => (b.counts.prompts = 1.5))).map((i) => i.path)).toEqual(["counts.prompts"]);
    expect(issues(aigveWith((b) => (b.paper.url = "arXiv 2505.12098"))).map((i) => i.path)).toEqual(["paper.url"]);
  });

  it("declares each benchmark's protocol: FETV's paper (plain means, references in, τc and ρ), TVGE's (ρ and τb), LOVE's", () => {
    const protocol = (id: string) => BenchmarkSchema.parse(definition(id)).protocol;
    expect(protocol("fetv")).toMatchObject({ humanScore: "rater-mean", referenceVideos: "included", correlations: ["krcc_c", "srcc"], minModelsForModelLevel: 10 });
    expect(protocol("tvge")).toMatchObject({ humanScore: "rater-mean", referenceVideos: "excluded", correlations: ["srcc", "krcc"] });
    expect(protocol("aigve-60k")).toMatchObject({ humanScore: "bt500-zscore", correlations: ["srcc", "plcc", "krcc"] });
  });

  it("rejects a board column whose correlation the protocol does not report, and an unknown variant", () => {
    const fetv = structuredClone(definition("fetv")) as any;
    fetv.boards["v2t-instance"][0].metric = "plcc";
    expect(issues(fetv)).toEqual([{ path: "boards.v2t-instance.0.metric", message: '"plcc" is not a correlation the protocol reports (krcc_c, srcc)' }]);
    expect(issues(aigveWith((b) => (b.protocol.correlations = ["tau_d"]))).map((i) => i.path)).toContain("protocol.correlations.0");
  });

  it("bounds the anchoring rules", () => {
    const fetv = structuredClone(definition("fetv")) as any;
    fetv.anchoring.minAgreement = 1.5;
    expect(issues(fetv).map((i) => i.path)).toEqual(["anchoring.minAgreement"]);
    fetv.anchoring.minAgreement = 0.5;
    fetv.anchoring.minRaters = 0;
    expect(issues(fetv).map((i) => i.path)).toEqual(["anchoring.minRaters"]);
  });

  it("admits a single rater on FETV (its only testable different panel) and asks for three on TVGE, which has no per-rater data", () => {
    expect(BenchmarkSchema.parse(definition("fetv")).anchoring?.minRaters).toBe(1);
    expect(BenchmarkSchema.parse(definition("tvge")).anchoring?.minRaters).toBe(3);
    // Undeclared, the fewest raters is one.
    expect(AnchoringSchema.parse({ minPerRater: 40, minAgreement: 0.5, lackOfFit: { flagBelowP: 0.01, refuseBelowP: 1e-6 } }).minRaters).toBe(1);
  });

  it("declares the lack-of-fit thresholds as p-values, the refusal one no higher than the flag one", () => {
    expect((definition("fetv") as any).anchoring.lackOfFit).toEqual({ flagBelowP: 0.01, refuseBelowP: 1e-6 });
    const swapped = structuredClone(definition("fetv")) as any;
    swapped.anchoring.lackOfFit = { flagBelowP: 1e-6, refuseBelowP: 0.01 };
    expect(issues(swapped)).toEqual([{ path: "anchoring.lackOfFit", message: "refuseBelowP must not exceed flagBelowP" }]);
    const missing = structuredClone(definition("fetv")) as any;
    delete missing.anchoring.lackOfFit;
    expect(issues(missing).map((i) => i.path)).toEqual(["anchoring.lackOfFit"]);
  });
});

describe("datasetHowTo", () => {
  it("gives where to get a dataset and, when the package declares one, the one command that fetches it and rebuilds", () => {
    const source = DatasetSourceSchema.parse({ name: "X", what: "release", folder: "x", marker: "m.json", origin: "https://example.org/x", command: "curl -L -o x.zip https://example.org/x.zip" });
    expect(datasetHowTo(source)).toBe("get the X release from https://example.org/x; one command from the repository root: curl -L -o x.zip https://example.org/x.zip");
    expect(datasetHowTo({ ...source, command: null })).toBe("get the X release from https://example.org/x");
  });

  it("reads a dataset without a command as having none", () => {
    expect(DatasetSourceSchema.parse({ name: "X", what: "release", folder: null, marker: "m", origin: "o" }).command).toBeNull();
  });

  it("gives AIGVE-60K's command: download its data.zip, unzip it where the rebuild reads it, rebuild", () => {
    const { dataset } = BenchmarkSchema.parse(definition("aigve-60k"));
    expect(dataset?.command).toMatch(/^curl -L -o data\.zip https:\/\/huggingface\.co\/datasets\/IntMeGroup\/AIGVE-60K\/resolve\/main\/data\.zip && unzip data\.zip -d \.\.\/shared\/datasets\/aigve-60k && npm run build$/);
  });
});
