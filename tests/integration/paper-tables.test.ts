/**
 * Faithful to the papers: FETV's board reproduces the FETV paper's alignment table cell for cell, TVGE's the
 * T2VScore paper's Table 1, each from the raw files by the paper's protocol. Golden values come from
 * scripts/dev/golden/paper_tables.py (SciPy, independent of this code); the published values from each benchmark's
 * audit.csv, which the audit compares.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import golden from "../fixtures/paper-tables.json" with { type: "json" };
import { tempDataDir } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";

let content: StoreContent;

const result = (benchmark: string, entry: string, level: string, dimension: string, perspective: string, metric: string) =>
  content.results.find(
    (r) => r.benchmarkId === benchmark && r.entryId === entry && r.level === level && r.dimension === dimension && r.perspectiveId === perspective && r.metric === metric,
  );
const entryId = (benchmark: string, name: string) =>
  [...content.v2tEntries, ...content.t2vEntries].find((e) => e.benchmarkId === benchmark && e.name === name)?.id ?? name;
const audit = (benchmark: string) =>
  content.publishedChecks
    .filter((c) => c.benchmarkId === benchmark)
    .map((check) => ({ ...check, ...content.audit.find((a) => a.benchmarkId === benchmark && a.position === check.position) }));

describeWithDatasets("fetv", "the boards against the papers' tables", () => {
  beforeAll(async () => {
    // Few resamples: the values do not depend on them, only the intervals do.
    content = await buildContent({ dataDir: path.join(tempDataDir(["aigve-60k", "fetv", "tvge"])), resamples: 20 });
  });

  describe("FETV (the FETV paper's protocol)", () => {
    const table = golden.fetv.correlations as Record<string, Record<string, Record<string, { krcc_c: number; srcc: number; srcc_untied: number; n: number }>>>;

    it("gives every metric's Kendall τc and Spearman ρ per perspective and category as SciPy does on the raw files", () => {
      let cells = 0;
      for (const [metric, perspectives] of Object.entries(table)) {
        for (const [perspective, dimensions] of Object.entries(perspectives)) {
          for (const [dimension, expected] of Object.entries(dimensions)) {
            for (const variant of ["krcc_c", "srcc"] as const) {
              const found = result("fetv", entryId("fetv", metric), "instance", dimension, perspective, variant);
              expect(found?.value, `${metric} ${perspective} ${dimension} ${variant}`).toBeCloseTo(expected[variant], 12);
              expect(found?.n).toBe(expected.n);
              cells++;
            }
          }
        }
      }
      expect(cells).toBe(5 * 3 * 10 * 2);
    });

    it("reproduces all 100 published values of the paper's alignment table at three decimals", () => {
      const rows = audit("fetv");
      expect(rows).toHaveLength(100);
      expect(rows.filter((r) => r.agrees)).toHaveLength(100);
      // The two the issue quotes: UMTScore overall τc 0.309 / ρ 0.425, Otter-VQA on "medium" 0.068 / 0.095.
      expect(result("fetv", "umtscore", "instance", "overall", "alignment", "krcc_c")?.value.toFixed(3)).toBe("0.309");
      expect(result("fetv", "umtscore", "instance", "overall", "alignment", "srcc")?.value.toFixed(3)).toBe("0.425");
      expect(result("fetv", "otter-vqa", "instance", "complexity-medium", "alignment", "krcc_c")?.value.toFixed(3)).toBe("0.068");
      expect(result("fetv", "otter-vqa", "instance", "complexity-medium", "alignment", "srcc")?.value.toFixed(3)).toBe("0.095");
    });

    it("shows that the paper used SciPy's tie-corrected ρ: it agrees in all 50 Spearman cells, the textbook formula beside it in none", () => {
      const spearman = audit("fetv").filter((r) => r.metric === "srcc");
      expect(spearman).toHaveLength(50);
      for (const row of spearman) {
        expect(row.variant).toBe("srcc-untied");
        const metric = row.entryName;
        expect(row.variantValue, `${metric} ${row.dimension}`).toBeCloseTo(table[metric]?.[row.perspectiveId as string]?.[row.dimension]?.srcc_untied as number, 12);
      }
      expect(spearman.filter((r) => r.agrees)).toHaveLength(50);
      expect(spearman.filter((r) => r.variantAgrees)).toHaveLength(0);
    });

    it("puts UMTScore first on alignment, the paper's headline finding", () => {
      const first = content.columnRanks.find((r) => r.benchmarkId === "fetv" && r.board === "v2t-instance" && r.dimension === "overall" && r.columnKey === "alignment_srcc" && r.rank === 1);
      expect(first?.entryId).toBe("umtscore");
    });

    it("shows each model's plain mean rating per perspective on the T2V board, the real videos unranked", () => {
      for (const [model, means] of Object.entries(golden.fetv.modelMeans)) {
        for (const [perspective, mean] of Object.entries(means)) {
          expect(result("fetv", model, "model", "overall", perspective, "mos")?.value, `${model} ${perspective}`).toBeCloseTo(mean, 12);
        }
      }
      expect(content.rankings.some((r) => r.benchmarkId === "fetv" && r.entryId === "reference")).toBe(false);
    });
  });

  describe("TVGE (the T2VScore paper's protocol)", () => {
    const table = golden.tvge.correlations as Record<string, Record<string, { srcc: number; srcc_untied: number; krcc: number; n: number }>>;

    it("gives every metric's Spearman ρ and Kendall τb, all videos pooled, as SciPy does", () => {
      for (const [metric, perspectives] of Object.entries(table)) {
        for (const [perspective, expected] of Object.entries(perspectives)) {
          for (const variant of ["srcc", "krcc"] as const) {
            expect(result("tvge", entryId("tvge", metric), "instance", "overall", perspective, variant)?.value, `${metric} ${perspective} ${variant}`).toBeCloseTo(expected[variant], 12);
          }
        }
      }
    });

    it("reproduces Table 1 for CLIP Score and X-CLIP Score, and explains the three cells it does not", () => {
      const rows = audit("tvge");
      expect(rows).toHaveLength(8);
      const agreeing = rows.filter((r) => r.agrees).map((r) => `${r.entryName} ${r.metric}`);
      expect(agreeing).toEqual(["CLIP Score srcc", "CLIP Score krcc", "X-CLIP Score srcc", "X-CLIP Score krcc", "BLIP-BLEU krcc"]);
      const differing = rows.filter((r) => !r.agrees);
      expect(differing.map((r) => `${r.entryName} ${r.metric} ${r.published} ${r.ours?.toFixed(4)}`)).toEqual([
        "BLIP-BLEU srcc 0.152 0.1513",
        "T2VScore-A (GPT-4V) srcc 0.486 0.4769",
        "T2VScore-A (GPT-4V) krcc 0.36 0.3529",
      ]);
      for (const row of differing) expect(row.note, `${row.entryName} ${row.metric}`).toMatch(/./);
      expect(differing[1]?.note).toMatch(/scores distributed in t2vscore_results\.csv differ from those the paper used/);
    });

    it("recovers BLIP-BLEU's 0.152 with the textbook ρ without tie correction, shown beside SciPy's, which reproduces all six reproducible cells", () => {
      const spearman = audit("tvge").filter((r) => r.metric === "srcc");
      for (const row of spearman) {
        expect(row.variant).toBe("srcc-untied");
        expect(row.variantValue, row.entryName).toBeCloseTo(table[row.entryName]?.alignment?.srcc_untied as number, 12);
      }
      const blip = spearman.find((r) => r.entryName === "BLIP-BLEU");
      expect(blip).toMatchObject({ published: 0.152, agrees: false, variantAgrees: true });
      expect(blip?.variantValue?.toFixed(5)).toBe("0.15200");
      expect(blip?.note).toMatch(/textbook formula .* without correcting for ties/);
      expect(blip?.note).toMatch(/FETV's paper, by contrast, used SciPy's ρ/);
      // The six cells the distributed scores can reproduce (T2VScore-A's scores are not the paper's): ρ by the textbook formula, τb as SciPy's.
      const reproducible = audit("tvge").filter((r) => r.entryName !== "T2VScore-A (GPT-4V)");
      expect(reproducible).toHaveLength(6);
      expect(reproducible.every((r) => (r.metric === "srcc" ? r.variantAgrees : r.agrees))).toBe(true);
      expect(reproducible.filter((r) => r.agrees)).toHaveLength(5);
    });

    it("shows each model's mean distributed score on the T2V board", () => {
      for (const [model, means] of Object.entries(golden.tvge.modelMeans)) {
        for (const [perspective, mean] of Object.entries(means)) {
          expect(result("tvge", model, "model", "overall", perspective, "mos")?.value).toBeCloseTo(mean, 12);
        }
      }
    });
  });

  describe("honest uncertainty", () => {
    it("shows model-level correlations over 4 (FETV) and 5 (TVGE) T2V models unranked, with the reason", () => {
      for (const [benchmark, models] of [["fetv", 4], ["tvge", 5]] as const) {
        const rows = content.rankings.filter((r) => r.benchmarkId === benchmark && r.board === "v2t-model");
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.rank).toBeNull();
          expect(row.unrankedReason).toBe(`Model-level correlations here rest on ${models} T2V models; the protocol ranks them only from 10, so they are shown unranked.`);
        }
        expect(content.results.some((r) => r.benchmarkId === benchmark && r.level === "model" && r.direction === "v2t")).toBe(true);
      }
      // AIGVE-60K's 30 models are enough: its published model-level board is ranked.
      expect(content.rankings.filter((r) => r.benchmarkId === "aigve-60k" && r.board === "v2t-model" && r.rank !== null)).toHaveLength(48);
    });

    it("stores rank intervals and separability for every ranked recomputed entry, and none for published figures", () => {
      const fetv = content.rankings.filter((r) => r.benchmarkId === "fetv" && r.board === "v2t-instance" && r.dimension === "overall");
      for (const row of fetv) {
        expect(row.rankBest).not.toBeNull();
        expect(row.rankBest as number).toBeLessThanOrEqual(row.rank as number);
        expect(row.rankWorst as number).toBeGreaterThanOrEqual(row.rank as number);
      }
      expect(fetv.filter((r) => r.separableFromNext !== null)).toHaveLength(fetv.length - 1);
      const aigve = content.rankings.filter((r) => r.benchmarkId === "aigve-60k");
      expect(aigve.every((r) => r.rankBest === null && r.separableFromNext === null)).toBe(true);
    });

    it("gives no recomputed figure a zero-width interval", () => {
      for (const r of content.results.filter((r) => r.provenance !== "published")) {
        if (r.ciLow === null || r.ciLow === undefined) expect(r.ciNote, `${r.benchmarkId} ${r.entryId} ${r.dimension} ${r.metric}`).toMatch(/no interval/);
        else expect(r.ciHigh as number).toBeGreaterThan(r.ciLow);
      }
    });
  });

  describe("AIGVE-60K (the authors' listed order against their stated rule)", () => {
    it("spells out every listed rank that contradicts the rule, NOVA's first", () => {
      const rows = audit("aigve-60k");
      expect(rows).toHaveLength(30 + 48 + 48);
      const differing = rows.filter((r) => !r.agrees);
      expect(differing.length).toBeGreaterThan(0);
      for (const row of differing) expect(row.note, `${row.board} ${row.entryName}`).toMatch(/./);
      const nova = rows.find((r) => r.entryName === "NOVA");
      expect(nova).toMatchObject({ published: 24, ours: 21, agrees: false });
      expect(nova?.note).toMatch(/rank sum, 63/);
      expect(rows.filter((r) => r.board === "t2v" && !r.agrees).map((r) => r.entryName).sort()).toEqual(["Latte", "NOVA", "Sora", "Text2Video-Zero", "VideoCrafter1", "Wan2.1"]);
      // The instance-level board follows the rule throughout.
      expect(rows.filter((r) => r.board === "v2t-instance" && !r.agrees)).toEqual([]);
    });
  });
});
