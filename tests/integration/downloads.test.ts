/**
 * The board downloads in the built site (dist/): RFC 4180 CSV and JSON, one row per entry, the published
 * figures at full precision, and ranks that follow the ranking rule. Read with a parser of this test's own.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import golden from "../fixtures/aigve-60k-ranks.json" with { type: "json" };

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The built site under test: dist/, or a copy of it named by AIGVE_DIST. */
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");
const DOWNLOADS = path.join(DIST, "downloads", "aigve-60k");
const PUBLISHED = path.join(ROOT, "data", "benchmarks", "aigve-60k", "published");

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF or LF), independent of scripts/io/csv-parse.ts. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (quoted) throw new Error("unterminated quote");
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV text as records keyed by the header. */
function records(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...body] = readCsv(text);
  for (const [i, cells] of body.entries()) expect(cells, `record ${i + 1}`).toHaveLength(header.length);
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]))) };
}

/** Standard competition ranks, higher first: this test's own implementation of the rule. */
function competition(values: number[], higherFirst: boolean): number[] {
  return values.map((v) => 1 + values.filter((w) => (higherFirst ? w > v : w < v)).length);
}

interface BoardSpec {
  readonly board: "t2v" | "v2t-instance" | "v2t-model";
  readonly nameColumn: "model" | "method";
  readonly entries: number;
  readonly publishedFile: string;
  /** Download column ← published CSV column. */
  readonly values: Record<string, string>;
  readonly groupColumn: "access" | "kind";
}

const BOARDS: BoardSpec[] = [
  {
    board: "t2v",
    nameColumn: "model",
    entries: 30,
    publishedFile: "t2v-models.csv",
    values: { perception_mos: "perception_mos", correspondence_mos: "correspondence_mos", qa_accuracy: "qa_accuracy" },
    groupColumn: "access",
  },
  {
    board: "v2t-instance",
    nameColumn: "method",
    entries: 48,
    publishedFile: "v2t-methods.csv",
    values: {
      perception_srcc: "instance_perception_srcc",
      correspondence_srcc: "instance_correspondence_srcc",
      qa_accuracy: "instance_qa_accuracy",
    },
    groupColumn: "kind",
  },
  {
    board: "v2t-model",
    nameColumn: "method",
    entries: 48,
    publishedFile: "v2t-methods.csv",
    values: {
      perception_srcc: "model_perception_srcc",
      correspondence_srcc: "model_correspondence_srcc",
      qa_score: "model_qa_score",
    },
    groupColumn: "kind",
  },
];

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "index.html")) || !fs.existsSync(DOWNLOADS)) {
    throw new Error(`${DIST} has no built site with downloads: run npm run build first (npm test does).`);
  }
});

for (const spec of BOARDS) {
  describe(`/downloads/aigve-60k/${spec.board}.csv and .json`, () => {
    let csvText: string;
    let csv: { header: string[]; rows: Record<string, string>[] };
    let json: { benchmark: string; board: string; dimension: string; columns: string[]; rows: Record<string, unknown>[] };
    let published: Map<string, Record<string, string>>;
    const keys = Object.keys(spec.values);
    const goldenRanks = golden.boards[spec.board] as Record<
      string,
      { rank: number; rank_sum: number; column_ranks: Record<string, number> }
    >;

    beforeAll(() => {
      csvText = fs.readFileSync(path.join(DOWNLOADS, `${spec.board}.csv`), "utf8");
      csv = records(csvText);
      json = JSON.parse(fs.readFileSync(path.join(DOWNLOADS, `${spec.board}.json`), "utf8"));
      const source = records(fs.readFileSync(path.join(PUBLISHED, spec.publishedFile), "utf8"));
      published = new Map(source.rows.map((row) => [row[spec.nameColumn] as string, row]));
    });

    it("is UTF-8 CSV without a byte order mark, every line ending in CRLF", () => {
      expect(csvText.charCodeAt(0)).not.toBe(0xfeff);
      expect(csvText.endsWith("\r\n")).toBe(true);
      expect(csvText.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    });

    it("has the name, rank with its interval and separability, rank_sum, each ranked value with its _rank and its interval, the group and provenance in its header", () => {
      expect(csv.header.slice(0, 8)).toEqual([spec.nameColumn, "id", "rank", "rank_best", "rank_worst", "separable_from_next", "rank_sum", "unranked_reason"]);
      for (const key of keys) {
        expect(csv.header).toContain(key);
        expect(csv.header.indexOf(`${key}_rank`)).toBeGreaterThan(csv.header.indexOf(key));
        expect(csv.header.indexOf(`${key}_rank_best`)).toBe(csv.header.indexOf(`${key}_rank`) + 1);
        expect(csv.header.indexOf(`${key}_rank_worst`)).toBe(csv.header.indexOf(`${key}_rank`) + 2);
      }
      expect(csv.header).toEqual(expect.arrayContaining([spec.groupColumn, "provenance", "source"]));
      expect(new Set(csv.header).size).toBe(csv.header.length);
    });

    it(`has one row per entry (${spec.entries}), each entry once`, () => {
      expect(csv.rows).toHaveLength(spec.entries);
      const names = csv.rows.map((row) => row[spec.nameColumn]);
      expect(new Set(names).size).toBe(spec.entries);
      expect([...names].sort()).toEqual([...published.keys()].sort());
    });

    it("holds every published value at full precision, labelled published with the paper as source", () => {
      for (const row of csv.rows) {
        const name = row[spec.nameColumn] as string;
        const source = published.get(name);
        for (const [key, publishedColumn] of Object.entries(spec.values)) {
          const cell = row[key] as string;
          expect(Number(cell), `${name} ${key}`).toBe(Number(source?.[publishedColumn]));
          // Written as the shortest round-trip form of the number: never rounded, never padded.
          expect(cell, `${name} ${key}`).toBe(String(Number(cell)));
        }
        expect(row[spec.groupColumn]).toBe(source?.[spec.groupColumn]);
        expect(row.provenance).toBe("published");
        expect(row.source).toMatch(/arXiv:2505\.12098/);
      }
    });

    it("agrees with the JSON download row by row", () => {
      expect(json).toMatchObject({ benchmark: "aigve-60k", board: spec.board, dimension: "overall" });
      expect(json.columns).toEqual(csv.header);
      expect(json.rows).toHaveLength(csv.rows.length);
      json.rows.forEach((jsonRow, i) => {
        const csvRow = csv.rows[i] as Record<string, string>;
        expect(Object.keys(jsonRow)).toEqual(csv.header);
        for (const column of csv.header) {
          const value = jsonRow[column];
          const expected = value === null || value === undefined ? "" : String(value);
          expect(csvRow[column], `row ${i + 1} ${column}`).toBe(expected);
        }
      });
    });

    it("ranks by the rule: column competition ranks, then the competition rank of their sum", () => {
      const columnRanks = keys.map((key) => competition(csv.rows.map((row) => Number(row[key])), true));
      const sums = csv.rows.map((_, r) => columnRanks.reduce((sum, ranks) => sum + (ranks[r] as number), 0));
      const overall = competition(sums, false);
      csv.rows.forEach((row, r) => {
        const name = row[spec.nameColumn] as string;
        keys.forEach((key, k) => expect(Number(row[`${key}_rank`]), `${name} ${key}_rank`).toBe(columnRanks[k]?.[r]));
        expect(Number(row.rank_sum), `${name} rank_sum`).toBe(sums[r]);
        expect(Number(row.rank), `${name} rank`).toBe(overall[r]);
      });
    });

    it("matches the golden SciPy ranks", () => {
      for (const row of csv.rows) {
        const name = row[spec.nameColumn] as string;
        const want = goldenRanks[name];
        expect(want, `${name} in the fixture`).toBeDefined();
        expect(Number(row.rank), name).toBe(want?.rank);
        expect(Number(row.rank_sum), name).toBe(want?.rank_sum);
        for (const key of keys) expect(Number(row[`${key}_rank`]), `${name} ${key}`).toBe(want?.column_ranks[key]);
      }
    });

    it("lists rows best first, ties by name (case-insensitive)", () => {
      for (let i = 1; i < csv.rows.length; i += 1) {
        const a = csv.rows[i - 1] as Record<string, string>;
        const b = csv.rows[i] as Record<string, string>;
        const byRank = Number(a.rank) - Number(b.rank);
        expect(byRank, `${a[spec.nameColumn]} before ${b[spec.nameColumn]}`).toBeLessThanOrEqual(0);
        if (byRank === 0) {
          expect((a[spec.nameColumn] as string).toLowerCase() <= (b[spec.nameColumn] as string).toLowerCase()).toBe(true);
        }
      }
    });
  });
}

describe("FETV's downloads: the paper's table, rank intervals and honest model-level figures", () => {
  const fetv = path.join(DIST, "downloads", "fetv");
  const table = (file: string) => records(fs.readFileSync(path.join(fetv, file), "utf8"));

  it("carries rank intervals and separability in the board CSV and its JSON twin, snake_case in both", () => {
    const csv = table("v2t-instance.csv");
    const json = JSON.parse(fs.readFileSync(path.join(fetv, "v2t-instance.json"), "utf8")) as { columns: string[]; rows: Record<string, unknown>[] };
    expect(json.columns).toEqual(csv.header);
    for (const key of json.columns) expect(key).toMatch(/^[a-z0-9_]+$/);
    const umt = csv.rows.find((r) => r.id === "umtscore");
    expect(umt).toMatchObject({ rank: "1", rank_best: "1", separable_from_next: "true" });
    expect(Number(umt?.rank_worst)).toBeGreaterThanOrEqual(1);
    const jsonUmt = json.rows.find((r) => r.id === "umtscore");
    expect(jsonUmt).toMatchObject({ rank: 1, rank_best: 1, separable_from_next: true });
    for (const row of csv.rows) {
      expect(Number(row.rank_best)).toBeLessThanOrEqual(Number(row.rank));
      expect(Number(row.rank_worst)).toBeGreaterThanOrEqual(Number(row.rank));
    }
  });

  it("ranks no model-level figure over its 4 T2V models, and says why in every row", () => {
    const csv = table("v2t-model.csv");
    expect(csv.rows).toHaveLength(5);
    for (const row of csv.rows) {
      expect(row.rank).toBe("");
      expect(row.unranked_reason).toBe("Model-level correlations here rest on 4 T2V models; the protocol ranks them only from 10, so they are shown unranked.");
      // An interval where the resamples spread, none (and the source says why) where they do not: never [1, 1].
      if (row.alignment_srcc_ci_low === "") expect(row.source).toMatch(/no interval: at least 95% of the bootstrap resamples give the same value/);
      else expect(Number(row.alignment_srcc_ci_low)).toBeLessThan(Number(row.alignment_srcc_ci_high));
    }
  });

  it("reproduces the paper's cells in the per-category downloads (e.g. Otter-VQA on medium prompts: τc 0.068, ρ 0.095)", () => {
    const medium = table("dimensions/complexity-medium.csv").rows.filter((r) => r.entry_id === "otter-vqa" && r.board === "v2t-instance");
    const value = (column: string) => Number(medium.find((r) => r.column === column)?.value).toFixed(3);
    expect([value("alignment_krcc_c"), value("alignment_srcc")]).toEqual(["0.068", "0.095"]);
    const header = table("dimensions/complexity-medium.csv").header;
    expect(header).toEqual(expect.arrayContaining(["rank_best", "rank_worst", "separable_from_next", "column_rank_best", "column_rank_worst"]));
  });

  it("publishes the anchor set with the benchmark's scores and where to get each video", () => {
    const anchors = table("anchors.csv");
    expect(anchors.header).toEqual(["video", "prompt_id", "prompt", "model", "static_quality_score", "temporal_quality_score", "alignment_score", "source"]);
    expect(anchors.rows).toHaveLength(60);
    expect(new Set(anchors.rows.map((r) => r.model)).size).toBe(4);
    expect(anchors.rows[0]?.source).toMatch(/^https:\/\/huggingface\.co\/datasets\/lyx97\/FETV_gen_videos/);
  });
});

describe("the audit twin and intervals everywhere", () => {
  it("lists every published check beside this site's value in /audit.csv", () => {
    const audit = records(fs.readFileSync(path.join(DIST, "audit.csv"), "utf8"));
    expect(audit.header).toEqual(["benchmark", "kind", "board", "dimension", "entry", "entry_id", "perspective", "metric", "published", "decimals", "ours", "difference", "agrees", "source", "note", "variant", "ours_variant", "variant_agrees", "withdrawn"]);
    expect(audit.rows.filter((r) => r.benchmark === "fetv")).toHaveLength(100);
    expect(audit.rows.filter((r) => r.benchmark === "fetv" && r.agrees === "true")).toHaveLength(100);
    expect(audit.rows.find((r) => r.entry === "NOVA")).toMatchObject({ published: "24", ours: "21", agrees: "false" });
  });

  it("writes no interval as ± on any page or download", () => {
    const offending: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(html|csv|json)$/.test(entry.name) && fs.readFileSync(file, "utf8").includes("±")) offending.push(path.relative(DIST, file));
      }
    };
    walk(DIST);
    expect(offending).toEqual([]);
  });
});
