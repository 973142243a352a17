import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../../scripts/io/input-error.ts";
import { importPublished } from "../../../../scripts/pipeline/import-published.ts";
import { emptyContent } from "../../../../scripts/store/store-content.ts";
import { BenchmarkSchema } from "../../../../src/schemas/benchmark.ts";

const REPO = path.resolve(import.meta.dirname, "../../../..");
const fetv = BenchmarkSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO, "data/benchmarks/fetv/benchmark.json"), "utf8")));
const root = fs.mkdtempSync(path.join(os.tmpdir(), "published-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A benchmark folder with published/ files. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name, "published");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "source.json"), JSON.stringify({ provenance: "published", citation: "Liu et al., FETV", url: "https://example.org/fetv", files: {} }));
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return path.dirname(dir);
}

describe("published figures of any benchmark", () => {
  it("reads figure columns named by the benchmark's own board columns, for T2V models and V2T methods at both levels", () => {
    const dir = folder("fetv-like", {
      "t2v-models.csv": "model,access,url,static_quality_mos,alignment_mos\nGen One,open,https://example.org/g1,3.5,3.25\n",
      "v2t-methods.csv": "method,kind,instance_alignment_srcc,model_alignment_krcc_c\nJudge,alignment-metric,0.41,-0.2\n",
    });
    const content = emptyContent();
    importPublished(content, fetv, dir, false);
    expect(content.t2vEntries.map((e) => e.id)).toEqual(["gen-one"]);
    expect(content.results.map((r) => [r.entryId, r.level, r.perspectiveId, r.metric, r.value, r.provenance])).toEqual([
      ["gen-one", "model", "static_quality", "mos", 3.5, "published"],
      ["gen-one", "model", "alignment", "mos", 3.25, "published"],
      ["judge", "instance", "alignment", "srcc", 0.41, "published"],
      ["judge", "model", "alignment", "krcc_c", -0.2, "published"],
    ]);
  });

  it("turns published T2V figures into audit rows when the boards are recomputed from the dataset", () => {
    const dir = folder("recomputed", { "t2v-models.csv": "model,access,url,alignment_mos\nGen One,open,https://example.org/g1,3.25\n" });
    const content = emptyContent();
    importPublished(content, fetv, dir, true);
    expect(content.t2vEntries).toEqual([]);
    expect(content.publishedChecks).toMatchObject([{ kind: "figure", board: "t2v", entryName: "Gen One", perspectiveId: "alignment", metric: "mos", published: 3.25, decimals: 2 }]);
  });

  it("refuses a column that is not on the benchmark's boards, and a correlation outside [−1, 1], naming file, line and field", () => {
    const unknown = folder("unknown", { "t2v-models.csv": "model,access,url,perception_mos\nGen One,open,https://example.org/g1,50\n" });
    expect(() => importPublished(emptyContent(), fetv, unknown, false)).toThrow(InputError);
    try {
      importPublished(emptyContent(), fetv, unknown, false);
    } catch (error) {
      expect((error as InputError).problems).toMatchObject([{ line: 1, field: "perception_mos", message: expect.stringContaining("static_quality_mos") }]);
    }
    const range = folder("range", { "v2t-methods.csv": "method,kind,instance_alignment_srcc\nJudge,alignment-metric,1.5\n" });
    try {
      importPublished(emptyContent(), fetv, range, false);
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).problems).toMatchObject([{ line: 2, field: "instance_alignment_srcc" }]);
    }
  });
});
