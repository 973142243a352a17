/**
 * Benchmark facts that stay true: the counts on benchmark pages come from the store, so they follow the data
 * (checked here against the site's own downloads, counted independently) and count submitted entries apart;
 * a benchmark without task dimensions says so instead of "0 task dimensions"; dimension lists link to their pages.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithDatasets } from "../support/datasets.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");
const STORE = process.env.AIGVE_STORE ? path.resolve(process.env.AIGVE_STORE) : path.join(ROOT, "db", "store.sqlite");

const page = (...parts: string[]) => fs.readFileSync(path.join(DIST, ...parts, "index.html"), "utf8");
/** The stats list of a page as label → value (tags dropped, spaces collapsed). */
function stats(html: string): Record<string, string> {
  const list = html.match(/<ul class="stats"[^>]*>([\s\S]*?)<\/ul>/)?.[1] ?? "";
  const text = (fragment: string) => fragment.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
  return Object.fromEntries(
    [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => {
      const [value = "", label = ""] = (m[1] ?? "").split('<span class="label">');
      return [text(label), text(value)];
    }),
  );
}
/** Data lines of a downloaded CSV whose cells hold no line breaks. */
const csvRows = (...parts: string[]) => fs.readFileSync(path.join(DIST, "downloads", ...parts), "utf8").trimEnd().split(/\r?\n/).slice(1);

describeWithDatasets("fetv", "benchmark facts on the built pages", () => {
  it("counts FETV's models, methods and videos as its downloads hold them", () => {
    const facts = stats(page("fetv"));
    // The reference column comes before the one quoted column (source), so a plain split finds it.
    const header = fs.readFileSync(path.join(DIST, "downloads", "fetv", "t2v.csv"), "utf8").split(/\r?\n/, 1)[0]?.split(",") ?? [];
    const reference = header.indexOf("reference");
    expect(reference).toBeGreaterThan(0);
    const t2v = csvRows("fetv", "t2v.csv").filter((line) => line.split(",")[reference] === "false");
    expect(facts["T2V models"]).toBe(String(t2v.length));
    expect(facts["V2T methods"]).toBe(String(csvRows("fetv", "v2t-instance.csv").length));
    expect(facts.videos).toBe(csvRows("fetv", "ground-truth.csv").length.toLocaleString("en-US"));
    expect(facts["task dimensions"]).toBe(String(fs.readdirSync(path.join(DIST, "fetv", "dimensions"), { withFileTypes: true }).filter((d) => d.isDirectory()).length));
  });

  it("says a benchmark without task dimensions shows results overall only, never '0 task dimensions'", () => {
    const facts = stats(page("tvge"));
    expect(facts["task dimensions: results overall only"]).toBe("None");
    for (const html of [page("tvge"), page("tvge", "t2v"), page("tvge", "v2t"), page("fetv"), page("aigve-60k")]) {
      expect(html).not.toMatch(/>0<\/span><span class="label">task dimensions/);
    }
  });

  it("marks the counts only the authors can vouch for (AIGVE-60K's per-video data is not public)", () => {
    const facts = stats(page("aigve-60k"));
    expect(facts.videos).toBe("58,500*");
    expect(facts["T2V models"]).toBe(String(csvRows("aigve-60k", "t2v.csv").length));
    expect(page("aigve-60k")).toMatch(/\* As the benchmark's authors state it/);
  });

  it("links every dimension in FETV's list to its page", () => {
    const html = page("fetv");
    const dimensions = fs.readdirSync(path.join(DIST, "fetv", "dimensions"), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dimensions).toHaveLength(22);
    for (const d of dimensions) expect(html).toContain(`href="/fetv/dimensions/${d.name}/"`);
  });
});

describeWithDatasets("fetv", "benchmark counts after a submission", () => {
  let dir: string;
  let loadBenchmarkCounts: typeof import("../../src/lib/benchmark-counts.ts").loadBenchmarkCounts;
  let getBenchmark: typeof import("../../src/lib/benchmarks.ts").getBenchmark;

  beforeAll(async () => {
    // A copy of the built store with one accepted T2V submission on FETV (two of its videos), as a submit stores it.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-counts-"));
    const copy = path.join(dir, "store.sqlite");
    fs.copyFileSync(STORE, copy);
    const db = new Database(copy);
    db.prepare("insert into submissions (id, benchmark_id, direction, entry_id, manifest_json, path, origin) values ('s1', 'fetv', 't2v', 'new-model', '{}', 'x', 'submitted')").run();
    db.prepare("insert into t2v_entries (benchmark_id, id, name, is_reference, source, submission_id) values ('fetv', 'new-model', 'New Model', 0, 'ratings', 's1')").run();
    for (const prompt of ["0", "1"]) {
      db.prepare("insert into videos (benchmark_id, id, prompt_id, t2v_entry_id, is_reference, labelled) values ('fetv', ?, ?, 'new-model', 0, 0)").run(`new-model/${prompt}`, prompt);
    }
    db.close();
    process.env.AIGVE_STORE = copy;
    ({ loadBenchmarkCounts } = await import("../../src/lib/benchmark-counts.ts"));
    ({ getBenchmark } = await import("../../src/lib/benchmarks.ts"));
  });

  afterAll(() => {
    delete process.env.AIGVE_STORE;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts the submitted model and its videos apart from the benchmark's own", () => {
    const { counts } = loadBenchmarkCounts(getBenchmark("fetv"));
    const count = (label: string) => counts.find((c) => c.label === label);
    expect(count("T2V models")).toEqual({ label: "T2V models", value: 4, submitted: 1, declared: false });
    expect(count("videos")).toEqual({ label: "videos", value: 3017, submitted: 2, declared: false });
  });
});
