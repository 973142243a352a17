import { describe, expect, it } from "vitest";
import { bundleProvenance, markVerified, publishedProvenance } from "../../../../scripts/pipeline/entry-provenance.ts";
import { emptyContent } from "../../../../scripts/store/store-content.ts";
import type { Benchmark } from "../../../../src/schemas/benchmark.ts";
import type { Manifest } from "../../../../src/schemas/submission/manifest.ts";

const manifest = {
  schemaVersion: 1,
  benchmark: "fetv",
  direction: "v2t",
  entry: { name: "My Metric", organization: "Lab", kind: "quality-metric", url: "https://example.org", license: "MIT", contact: "a@example.org" },
  method: "Ran it.",
  sampledBy: "Lab A",
  evaluatedBy: "Lab B",
  codeUrl: "https://example.org/code",
  weightsUrl: null,
  date: "2025-02-01",
  trainingData: [],
} satisfies Manifest;

describe("bundleProvenance", () => {
  it("makes a submitted bundle self-reported by its organization, with who sampled and evaluated, links and date", () => {
    expect(bundleProvenance(manifest, "my-metric", "data/submissions/fetv/v2t/my-metric", "submitted")).toEqual({
      benchmarkId: "fetv",
      direction: "v2t",
      entryId: "my-metric",
      kind: "self-reported",
      producedBy: "Lab",
      sampledBy: "Lab A",
      evaluatedBy: "Lab B",
      codeUrl: "https://example.org/code",
      weightsUrl: null,
      date: "2025-02-01",
      source: "submission data/submissions/fetv/v2t/my-metric",
    });
  });

  it("makes a dataset's distributed metric computed, never self-reported", () => {
    expect(bundleProvenance(manifest, "my-metric", "fetv-eval/auto_eval_results/X", "dataset")).toMatchObject({ kind: "computed", source: "fetv-eval/auto_eval_results/X" });
  });
});

describe("publishedProvenance", () => {
  it("names the benchmark's first author and cites the published source", () => {
    const benchmark = { id: "aigve-60k", title: "AIGVE-60K", paper: { authors: "Jiarui Wang, Huiyu Duan", year: 2025 } } as unknown as Benchmark;
    const row = publishedProvenance(benchmark, "v2t", "love", { provenance: "published", citation: "Wang et al., LOVE", url: "https://github.com/IntMeGroup/LOVE", files: {} });
    expect(row).toMatchObject({ kind: "published", producedBy: "Wang et al. (AIGVE-60K authors)", date: "2025", source: "Wang et al., LOVE (https://github.com/IntMeGroup/LOVE)" });
  });
});

describe("markVerified", () => {
  const verification = {
    benchmarkId: "fetv",
    direction: "v2t" as const,
    entryId: "my-metric",
    submissionId: "abc",
    verifiedBy: "maintainers",
    date: "2025-03-01",
    kind: "rerun" as const,
    checked: "re-ran the code on 50 sampled videos",
    sampleSize: 50,
    seed: 1,
    path: "data/verifications/x.json",
    evidencePath: "data/verifications/x.evidence.jsonl",
  };

  it("turns a self-reported entry verified on the record's date, keeping what it was submitted as", () => {
    const content = emptyContent();
    content.entryProvenance.push(bundleProvenance(manifest, "my-metric", "data/submissions/fetv/v2t/my-metric", "submitted"));
    markVerified(content, verification);
    expect(content.entryProvenance[0]).toMatchObject({ kind: "verified", date: "2025-03-01", source: "verified by maintainers (data/verifications/x.json); submitted as submission data/submissions/fetv/v2t/my-metric" });
  });

  it("refuses to verify an entry that is not self-reported, or that does not exist", () => {
    const content = emptyContent();
    content.entryProvenance.push(bundleProvenance(manifest, "my-metric", "x", "dataset"));
    expect(() => markVerified(content, verification)).toThrow(/is computed; only a self-reported entry can be verified/);
    expect(() => markVerified(emptyContent(), verification)).toThrow(/no entry fetv\/v2t\/my-metric to verify/);
  });
});
