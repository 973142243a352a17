/**
 * Provenance in the built site (dist/): every board row and every board download names who produced the figures;
 * LOVE on AIGVE-60K carries the trained-on-this-benchmark mark with its source; T2V downloads carry the generation
 * card. Expected values come from data/ and the benchmarks' own sources, read here, not from the site's code.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");
const KINDS = ["published", "computed", "self-reported", "verified"];
const LOVE_SOURCE = "https://github.com/IntMeGroup/LOVE";

/** Every benchmark built into dist/, with its boards' downloads. */
function builtBenchmarks(): string[] {
  return fs.readdirSync(path.join(DIST, "downloads"), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "releases").map((d) => d.name).sort();
}

/** A board's JSON download (same records as its CSV, as the downloads test checks). */
function boardJson(benchmark: string, board: string): { columns: string[]; rows: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(path.join(DIST, "downloads", benchmark, `${board}.json`), "utf8"));
}

/** The header of a board's CSV download. */
function csvHeader(benchmark: string, board: string): string[] {
  const text = fs.readFileSync(path.join(DIST, "downloads", benchmark, `${board}.csv`), "utf8");
  return (text.split("\r\n")[0] ?? "").split(",");
}

/** The `<tr data-entry …>` opening tags of a board page's tables. */
function rowTags(file: string): string[] {
  return fs.readFileSync(file, "utf8").match(/<tr[^>]*data-entry="[^"]*"[^>]*>/g) ?? [];
}

describe("provenance on every board row and download", () => {
  const benchmarks = builtBenchmarks();

  it("builds the three benchmarks", () => {
    expect(benchmarks).toEqual(expect.arrayContaining(["aigve-60k", "fetv", "tvge"]));
  });

  for (const benchmark of ["aigve-60k", "fetv", "tvge"]) {
    for (const board of ["t2v", "v2t-instance", "v2t-model"]) {
      it(`${benchmark} ${board}: every downloaded row says who produced it, who sampled and who evaluated, in CSV and JSON`, () => {
        const json = boardJson(benchmark, board);
        expect(json.rows.length).toBeGreaterThan(0);
        for (const column of ["provenance_kind", "produced_by", "sampled_by", "evaluated_by", "code_url", "weights_url", "provenance_date", "provenance_source"]) {
          expect(json.columns).toContain(column);
          expect(csvHeader(benchmark, board)).toContain(column);
        }
        for (const row of json.rows) {
          expect(KINDS, `${row.id}`).toContain(row.provenance_kind);
          for (const field of ["produced_by", "sampled_by", "evaluated_by", "provenance_source"]) expect(String(row[field] ?? ""), `${row.id} ${field}`).not.toBe("");
        }
      });
    }

    it(`${benchmark}: every row of both boards' pages carries its provenance kind and a mark`, () => {
      for (const page of ["t2v", "v2t"]) {
        const tags = rowTags(path.join(DIST, benchmark, page, "index.html"));
        expect(tags.length).toBeGreaterThan(0);
        for (const tag of tags) expect(tag).toMatch(new RegExp(`data-provenance="(${KINDS.join("|")})"`));
      }
    });
  }

  it("shows who produced the figures on every entry page", () => {
    let pages = 0;
    for (const benchmark of ["aigve-60k", "fetv", "tvge"]) {
      for (const direction of ["t2v", "v2t"]) {
        const dir = path.join(DIST, benchmark, direction);
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
          const html = fs.readFileSync(path.join(dir, entry.name, "index.html"), "utf8");
          expect(html, `${benchmark}/${direction}/${entry.name}`).toContain('id="provenance-heading"');
          expect(html, `${benchmark}/${direction}/${entry.name}`).toMatch(new RegExp(`class="badge provenance-(${KINDS.join("|")})"`));
          pages += 1;
        }
      }
    }
    expect(pages).toBeGreaterThanOrEqual(97);
  });

  it("carries each entry's provenance, and LOVE's trained-on mark, into the compare view's entry files", () => {
    const entryOf = (benchmark: string, direction: string, id: string) =>
      (JSON.parse(fs.readFileSync(path.join(DIST, benchmark, "compare", direction, `${id}.json`), "utf8")) as { entry: { id: string; provenance: string; trainedOnBenchmark: boolean } }).entry;
    const idsOf = (benchmark: string, direction: string) => (JSON.parse(fs.readFileSync(path.join(DIST, benchmark, "compare", `${direction}.json`), "utf8")) as { entries: { id: string }[] }).entries.map((e) => e.id);
    for (const benchmark of ["aigve-60k", "fetv", "tvge"]) {
      for (const direction of ["t2v", "v2t"]) {
        for (const id of idsOf(benchmark, direction)) expect(KINDS, `${benchmark} ${direction} ${id}`).toContain(entryOf(benchmark, direction, id).provenance);
      }
    }
    expect(idsOf("aigve-60k", "v2t").filter((id) => entryOf("aigve-60k", "v2t", id).trainedOnBenchmark)).toEqual(["love"]);
  });

  it("labels the figures copied from the LOVE paper published, and those computed from FETV's and TVGE's data computed", () => {
    const kinds = (benchmark: string, board: string) => new Set(boardJson(benchmark, board).rows.map((r) => r.provenance_kind));
    expect(kinds("aigve-60k", "v2t-instance")).toEqual(new Set(["published"]));
    expect(kinds("fetv", "t2v")).toEqual(new Set(["computed"]));
    expect(kinds("tvge", "v2t-instance")).toEqual(new Set(["computed"]));
  });
});

describe("training data of V2T methods", () => {
  const file = path.join(ROOT, "data", "benchmarks", "aigve-60k", "training-data.json");
  const recorded = JSON.parse(fs.readFileSync(file, "utf8")) as { methods: { method: string; trainedOnBenchmark: string; source: string }[] };

  it("records every published AIGVE-60K V2T method, each with a source", () => {
    const published = fs.readFileSync(path.join(ROOT, "data", "benchmarks", "aigve-60k", "published", "v2t-methods.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((line) => line.split(",")[0]);
    expect(recorded.methods.map((m) => m.method).sort()).toEqual([...published].sort());
    for (const m of recorded.methods) expect(m.source).toMatch(/^https:\/\//);
  });

  it("marks LOVE trained on AIGVE-60K, with the LOVE README as source, on both V2T boards, its row and its page", () => {
    expect(recorded.methods.find((m) => m.method === "LOVE")).toMatchObject({ trainedOnBenchmark: "yes", source: LOVE_SOURCE });
    for (const board of ["v2t-instance", "v2t-model"]) {
      const love = boardJson("aigve-60k", board).rows.find((r) => r.id === "love");
      expect(love).toMatchObject({ trained_on_benchmark: "yes", training_data_source: LOVE_SOURCE });
      expect(String(love?.training_data)).toMatch(/AIGVE-60K/);
    }
    const loveRow = rowTags(path.join(DIST, "aigve-60k", "v2t", "index.html")).find((tag) => tag.includes('data-entry="love"'));
    expect(loveRow).toMatch(/data-trained="yes"/);
    const others = rowTags(path.join(DIST, "aigve-60k", "v2t", "index.html")).filter((tag) => tag.includes('data-trained="yes"'));
    expect(new Set(others.map((tag) => /data-entry="([^"]+)"/.exec(tag)?.[1]))).toEqual(new Set(["love"]));
    const page = fs.readFileSync(path.join(DIST, "aigve-60k", "v2t", "love", "index.html"), "utf8");
    expect(page).toContain("trained on this benchmark");
    expect(page).toContain(LOVE_SOURCE);
    const breakdown = JSON.parse(fs.readFileSync(path.join(DIST, "downloads", "aigve-60k", "entries", "v2t", "love.json"), "utf8"));
    expect(breakdown.training_data).toMatchObject({ trained_on_benchmark: "yes", source: LOVE_SOURCE });
    expect(breakdown.entry_provenance).toMatchObject({ kind: "published" });
  });

  it("records FETV's fine-tuned CLIPScore-ft as tuned on MSR-VTT, not on FETV", () => {
    const row = boardJson("fetv", "v2t-instance").rows.find((r) => r.id === "clipscore-ft");
    expect(row).toMatchObject({ trained_on_benchmark: "no" });
    expect(String(row?.training_data)).toMatch(/MSR-VTT/);
  });
});

describe("generation cards of T2V entries", () => {
  it("downloads a card for every T2V row, 'not stated' where no source says, and the checkpoint FETV-EVAL names for ZeroScope", () => {
    for (const benchmark of ["aigve-60k", "fetv", "tvge"]) {
      for (const row of boardJson(benchmark, "t2v").rows) {
        for (const column of ["generation_model", "generation_resolution", "generation_frames", "generation_samples"]) expect(String(row[column] ?? ""), `${benchmark} ${row.id} ${column}`).not.toBe("");
      }
    }
    const zeroscope = boardJson("fetv", "t2v").rows.find((r) => r.id === "zeroscope");
    expect(String(zeroscope?.generation_model)).toMatch(/zeroscope_v2_576w/);
    expect(zeroscope).toMatchObject({ generation_resolution: "not stated", generation_samples: "benchmark-authors" });
    const page = fs.readFileSync(path.join(DIST, "fetv", "t2v", "zeroscope", "index.html"), "utf8");
    expect(page).toContain("Generation card");
    expect(page).toContain("zeroscope_v2_576w");
  });
});
