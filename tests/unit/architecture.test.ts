/**
 * The layering holds itself: the rules of tests/support/layering.ts over this repository's import graph, and the
 * checker itself on made-up files, so that a broken rule is seen.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layeringViolations, parseImports, readSourceFiles, type SourceFile } from "../support/layering.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A made-up file importing `specifiers` (type-only where the specifier starts with "type "). */
function fake(file: string, ...specifiers: string[]): SourceFile {
  const text = specifiers.map((s, i) => (s.startsWith("type ") ? `import type { T${i} } from "${s.slice(5)}";` : `import { v${i} } from "${s}";`)).join("\n");
  return { file, imports: parseImports(file, text) };
}

describe("reading imports", () => {
  it("reads static, re-exported, side-effect and dynamic imports, multi-line ones too, and resolves relative ones", () => {
    const text = [
      'import fs from "node:fs";',
      "import {\n  a,\n  type B,\n} from \"../lib/x.ts\";",
      'import type { C } from "./c.ts";',
      'import { type D, type E } from "./d.ts";',
      'export { f } from "../f.ts";',
      'import "./side.css";',
      'const m = await import("../../scripts/lazy.ts");',
      "/** import { g } from \"./in-a-comment.ts\"; */",
      '// import { h } from "./commented-out.ts";',
    ].join("\n");
    expect(parseImports("src/pages/p.ts", text)).toEqual([
      { specifier: "node:fs", target: null, typeOnly: false },
      { specifier: "../lib/x.ts", target: "src/lib/x.ts", typeOnly: false },
      { specifier: "./c.ts", target: "src/pages/c.ts", typeOnly: true },
      { specifier: "./d.ts", target: "src/pages/d.ts", typeOnly: true },
      { specifier: "../f.ts", target: "src/f.ts", typeOnly: false },
      { specifier: "./side.css", target: "src/pages/side.css", typeOnly: false },
      { specifier: "../../scripts/lazy.ts", target: "scripts/lazy.ts", typeOnly: false },
    ]);
  });
});

describe("the layering rules on made-up files", () => {
  it("refuses each of the four breaks the issue found, and the site importing the writer or running git", () => {
    const violations = layeringViolations([
      fake("src/engine/statistics.ts", "type ../schemas/metrics.ts"),
      fake("src/lib/chart-data.ts", "type ../components/charts/ScatterIsland.tsx"),
      fake("src/components/compare/ColumnsChart.tsx", "type ../../lib/compare.ts"),
      fake("data/benchmarks/aigve-60k/adapter.ts", "../../../scripts/pipeline/import-published.ts"),
      fake("src/lib/changelog.ts", "node:child_process"),
      fake("src/pages/index.astro", "../../scripts/store/write-store.ts"),
      fake("src/lib/shared/compare.ts", "../boards.ts"),
    ]);
    expect(violations).toEqual([
      "src/engine/statistics.ts imports src/schemas/metrics.ts: the engine imports nothing of the project outside src/engine/",
      "src/lib/chart-data.ts imports src/components/charts/ScatterIsland.tsx: loaders never import islands, pages or browser code",
      "src/components/compare/ColumnsChart.tsx imports src/lib/compare.ts: islands and browser code import only src/engine/, src/lib/charts/, src/lib/shared/, src/browser/ and each other, never loaders",
      "data/benchmarks/aigve-60k/adapter.ts imports scripts/pipeline/import-published.ts: a benchmark folder imports only its own files, src/schemas/ and the kit (scripts/benchmarks/kit.ts)",
      "src/lib/changelog.ts imports node:child_process: the site runs no other program (git is read by the writer)",
      "src/pages/index.astro imports scripts/store/write-store.ts: the site never imports the writer (scripts/) or data/: it reads the store",
      "src/lib/shared/compare.ts imports src/lib/boards.ts: src/lib/charts/ and src/lib/shared/ import only each other (and types of src/schemas/)",
    ]);
  });

  it("keeps benchmark folders to the kit, stages below the commands, and dev tools apart", () => {
    const violations = layeringViolations([
      fake("data/benchmarks/tvge/adapter.ts", "../../../scripts/io/read-data.ts", "../../../scripts/benchmarks/types.ts", "../../../src/engine/index.ts"),
      fake("scripts/scoring/score-entry.ts", "../rebuild.ts"),
      fake("scripts/pipeline/build-content.ts", "../dev/synthetic-aigve/release.ts"),
      fake("scripts/submit.ts", "./dev/measure-auto-coverage.ts"),
      fake("src/browser/board-table.ts", "../lib/boards.ts"),
    ]);
    expect(violations).toEqual([
      "data/benchmarks/tvge/adapter.ts imports scripts/io/read-data.ts: a benchmark folder imports only its own files, src/schemas/ and the kit (scripts/benchmarks/kit.ts)",
      "data/benchmarks/tvge/adapter.ts imports scripts/benchmarks/types.ts: a benchmark folder imports only its own files, src/schemas/ and the kit (scripts/benchmarks/kit.ts)",
      "data/benchmarks/tvge/adapter.ts imports src/engine/index.ts: a benchmark folder imports only its own files, src/schemas/ and the kit (scripts/benchmarks/kit.ts)",
      "scripts/scoring/score-entry.ts imports scripts/rebuild.ts: stages never import a command at the top of scripts/ (commands import stages)",
      "scripts/pipeline/build-content.ts imports scripts/dev/synthetic-aigve/release.ts: only dev tools import dev tools (the bench, golden, screenshots, synthetic releases stay apart from the writer)",
      "scripts/submit.ts imports scripts/dev/measure-auto-coverage.ts: only dev tools import dev tools (the bench, golden, screenshots, synthetic releases stay apart from the writer)",
      "src/browser/board-table.ts imports src/lib/boards.ts: islands and browser code import only src/engine/, src/lib/charts/, src/lib/shared/, src/browser/ and each other, never loaders",
    ]);
  });

  it("allows what the layers are for", () => {
    expect(
      layeringViolations([
        fake("src/engine/index.ts", "./statistics.ts"),
        fake("src/lib/boards.ts", "../../db/schema.ts", "../engine/index.ts", "../schemas/board.ts", "./shared/compare.ts"),
        fake("src/components/compare/DotPlot.tsx", "react", "../../lib/charts/axis.ts", "../../lib/shared/intervals.ts", "./compare-format.ts"),
        fake("src/lib/shared/compare.ts", "type ../../schemas/board.ts"),
        fake("data/benchmarks/fetv/adapter.ts", "node:fs", "zod", "./source-schema.ts", "../../../src/schemas/ids.ts", "../../../scripts/benchmarks/kit.ts"),
        fake("scripts/pipeline/history/changelog.ts", "node:child_process", "../../../src/schemas/history.ts", "../../check-node.mjs"),
        fake("scripts/rebuild.ts", "./check-node.mjs", "./lib/build-content.ts", "./benchmarks/registry.ts"),
        fake("scripts/dev/bench/submissions.ts", "../synthetic-aigve/release.ts", "../../submit.ts", "../../store/write-store.ts"),
        fake("scripts/dev/bench.ts", "./bench/table.ts", "./golden/x.ts"),
        fake("src/browser/board-table.ts", "./board-state.ts", "../lib/shared/intervals.ts"),
      ]),
    ).toEqual([]);
  });
});

describe("this repository", () => {
  const files = readSourceFiles(ROOT, ["src", "scripts", "data", "db"]);

  it("reads the whole project (every layer has files)", () => {
    for (const folder of ["src/engine/", "src/lib/", "src/components/", "src/pages/", "scripts/", "data/benchmarks/", "db/"]) {
      expect(files.some((f) => f.file.startsWith(folder)), folder).toBe(true);
    }
  });

  it("keeps every layering rule", () => {
    expect(layeringViolations(files)).toEqual([]);
  });
});
