/**
 * The project's layering as rules over its import graph (README "Layout"; docs/ARCHITECTURE.md): which files may
 * import which. A small regex reader of `import … from "…"`, `export … from "…"`, `import "…"` and `import("…")`
 * builds the graph; `layeringViolations` says, per import, which rule it breaks. Used by tests/unit/architecture.test.ts.
 */
import fs from "node:fs";
import path from "node:path";

/** One import of a file: the repository-relative path it resolves to, or the bare specifier (a package, node:…). */
export interface ImportEdge {
  readonly specifier: string;
  /** Repository-relative target with / separators, or null for a bare specifier. */
  readonly target: string | null;
  /** `import type …`, or every named import marked `type`: erased at build, so nothing is bundled or run. */
  readonly typeOnly: boolean;
}

/** A file of the project and what it imports. */
export interface SourceFile {
  readonly file: string;
  readonly imports: readonly ImportEdge[];
}

const STATIC = /\b(?:import|export)\s+(type\s+)?([\w*$\s{},]*?)\s*from\s*["']([^"']+)["']/g;
const SIDE_EFFECT = /(?:^|[;\n])\s*import\s*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Source text without block comments and whole-line `//` comments (a doc comment may quote an import). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/** Whether the clause between `import` and `from` brings in types only: `{ type A, type B }`. */
function onlyTypes(clause: string): boolean {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = (braces[1] ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith("type "));
}

/** The imports of one file's text; `file` is its repository-relative path (relative specifiers resolve against it). */
export function parseImports(file: string, text: string): ImportEdge[] {
  const source = withoutComments(text);
  const edge = (specifier: string, typeOnly: boolean): ImportEdge => ({
    specifier,
    target: specifier.startsWith(".") ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : null,
    typeOnly,
  });
  const edges: ImportEdge[] = [];
  for (const match of source.matchAll(STATIC)) edges.push(edge(match[3] ?? "", match[1] !== undefined || onlyTypes(match[2] ?? "")));
  for (const match of source.matchAll(SIDE_EFFECT)) edges.push(edge(match[1] ?? "", false));
  for (const match of source.matchAll(DYNAMIC)) edges.push(edge(match[1] ?? "", false));
  return edges;
}

/** The text an .astro file runs at build time: its frontmatter, and its <script> blocks (bundled for the browser). */
function astroCode(text: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  return [frontmatter, ...scripts].join("\n");
}

const SOURCE = /\.(?:ts|tsx|mts|mjs|js|astro)$/;
const SKIP = new Set(["node_modules", "dist", ".astro", ".git", ".cache", "tmp"]);

/** Every source file under `folders` of the repository at `root`, with its imports. */
export function readSourceFiles(root: string, folders: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (relative: string): void => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name)) {
        const text = fs.readFileSync(path.join(root, child), "utf8");
        files.push({ file: child, imports: parseImports(child, child.endsWith(".astro") ? astroCode(text) : text) });
      }
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort((a, b) => a.file.localeCompare(b.file));
}

const under = (file: string, ...folders: string[]) => folders.some((folder) => file.startsWith(`${folder}/`));
/** A chart island or a module only islands use: everything under src/components/ that is not an .astro component. */
const isIsland = (file: string) => under(file, "src/components") && !file.endsWith(".astro");
/** A benchmark package's code: data/benchmarks/<id>/…. */
const benchmarkFolder = (file: string) => /^data\/benchmarks\/[^/]+\//.exec(file)?.[0] ?? null;

/** The benchmark kit: the one writer module a benchmark folder imports (besides its own files and src/schemas/). */
export const BENCHMARK_KIT = "scripts/benchmarks/kit.ts";

/** The browser code of the tables (bundled for the browser, never a loader's import). */
const BROWSER = "src/browser";

/** Dev tools: the bench, golden-fixture generators, screenshots, synthetic releases and measurements (scripts/dev/). */
const DEV_FOLDERS = ["scripts/dev"];
/** Guards every entry point imports first (it stops an old Node), not a command. */
const ENTRY_GUARD = "scripts/check-node.mjs";

/** A dev tool of scripts/: apart from the writer, never imported by its stages. */
const isDevTool = (file: string) => under(file, ...DEV_FOLDERS);
/** A command at the top of scripts/ (rebuild.ts, submit.ts, …), which stages never import. */
const isCli = (file: string) => /^scripts\/[^/]+\.(?:ts|mjs)$/.test(file) && file !== ENTRY_GUARD && !isDevTool(file);
/** A stage of the writer: a module in a folder below scripts/ that is not a dev tool. */
const isStage = (file: string) => /^scripts\/[^/]+\//.test(file) && !isDevTool(file);

/** Modules an island may import besides its own folder's and packages: pure helpers and import-free shapes. */
const ISLAND_MAY_IMPORT = ["src/engine", "src/lib/charts", "src/lib/shared", BROWSER, "src/components"];

/** What one import breaks, in words, or null when it is allowed. */
function rule(from: string, edge: ImportEdge): string | null {
  const to = edge.target;
  if (under(from, "src/engine")) {
    if (to === null) return "the engine is pure: it imports no package and no Node module";
    if (!under(to, "src/engine")) return "the engine imports nothing of the project outside src/engine/";
    return null;
  }
  if (under(from, "src/lib/charts", "src/lib/shared")) {
    if (to === null) return "src/lib/charts/ and src/lib/shared/ are import-free (the islands bundle them)";
    if (under(to, "src/lib/charts", "src/lib/shared")) return null;
    if (edge.typeOnly && under(to, "src/schemas")) return null;
    return "src/lib/charts/ and src/lib/shared/ import only each other (and types of src/schemas/)";
  }
  if (under(from, "src") && to !== null && under(to, "scripts", "data")) return "the site never imports the writer (scripts/) or data/: it reads the store";
  if (under(from, "src") && (edge.specifier === "node:child_process" || edge.specifier === "child_process")) return "the site runs no other program (git is read by the writer)";
  if (under(from, "src") && (edge.specifier === "node:fs" || edge.specifier === "fs")) return "the site reads no files: it is a function of the store";
  if (under(from, "src/lib") && to !== null && under(to, "src/components", "src/pages", "src/layouts", BROWSER)) return "loaders never import islands, pages or browser code";
  if ((isIsland(from) || under(from, BROWSER)) && to !== null && !under(to, ...ISLAND_MAY_IMPORT)) {
    return `islands and browser code import only src/engine/, src/lib/charts/, src/lib/shared/, ${BROWSER}/ and each other, never loaders`;
  }
  if (under(from, "src/schemas") && to !== null && !under(to, "src/schemas")) return "schemas import only schemas";
  if (under(from, "db") && to !== null && !under(to, "db")) return "db/ imports nothing of the site or the writer";
  const folder = benchmarkFolder(from);
  if (folder !== null && to !== null && !to.startsWith(folder) && !under(to, "src/schemas") && to !== BENCHMARK_KIT) {
    return `a benchmark folder imports only its own files, src/schemas/ and the kit (${BENCHMARK_KIT})`;
  }
  if (isStage(from) && to !== null && isCli(to)) return "stages never import a command at the top of scripts/ (commands import stages)";
  if (!isDevTool(from) && to !== null && isDevTool(to)) return "only dev tools import dev tools (the bench, golden, screenshots, synthetic releases stay apart from the writer)";
  return null;
}

/** Every import of `files` that breaks a layering rule, as "<file> imports <target>: <rule>". */
export function layeringViolations(files: readonly SourceFile[]): string[] {
  return files.flatMap(({ file, imports }) =>
    imports.flatMap((edge) => {
      const broken = rule(file, edge);
      return broken === null ? [] : [`${file} imports ${edge.target ?? edge.specifier}: ${broken}`];
    }),
  );
}
