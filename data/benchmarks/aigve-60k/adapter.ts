/**
 * AIGVE-60K's adapter: reads the unzipped release (data.zip, as LOVE's training code reads it; see
 * source-schema.ts) into a benchmark package. Per perspective, a meta file names the annotation files; each
 * line is one video `<folder>/<T2V model>/<prompt id>.<ext>` with its question, answer and MOS (0–100). The
 * split of a video is the file it came from (annotation_train or annotation_test). Prompt texts come from the
 * correspondence question ("… prompt:{prompt}"), and a prompts.jsonl in the package format beside the release,
 * when there is one, gives texts and task dimensions (with dimensions.jsonl for their labels).
 * The release is untrusted: every path is checked before it is opened (release-paths.ts), and a broken or
 * hostile release is refused whole, by file, line and field (RELEASE-FORMAT.md lists the rules).
 */
import fs from "node:fs";
import path from "node:path";
import { slugify } from "../../../src/schemas/ids.ts";
import { PACKAGE_FILES, PackageDimensionSchema, PackagePromptSchema } from "../../../src/schemas/package.ts";
import type { Benchmark } from "../../../src/schemas/benchmark.ts";
import {
  displayPath,
  emptyPackage,
  InputError,
  quoted,
  readJsonFile,
  readJsonLinesFile,
  throwIfProblems,
  type AdapterInputs,
  type BenchmarkAdapter,
  type BenchmarkPackage,
  type Problem,
  type Where,
} from "../../../scripts/benchmarks/kit.ts";
import { parseVideoPath, resolveInRelease } from "./release-paths.ts";
import { AIGVE_META_FILES, AigveAnnotationLineSchema, AigveMetaSchema, type AigveAnnotationLine, type AigveMeta } from "./source-schema.ts";

/** Where the release is published (the dataset card declares Apache-2.0). */
const RELEASE_URL = "https://huggingface.co/datasets/IntMeGroup/AIGVE-60K";

/** The quality levels LOVE's stage 1 reads from an answer (train/stage1_train_AIGV.py:266-277). */
const LEVELS = ["bad", "poor", "fair", "good", "excellent"];

type Perspective = keyof typeof AIGVE_META_FILES;

/** One annotation line of one perspective, with where it is and which split its file is. */
interface Annotated {
  readonly line: AigveAnnotationLine;
  readonly at: Where & { line: number };
  readonly split: "train" | "test";
  readonly model: string;
  readonly promptId: string;
  readonly id: string;
}

/** The text of a turn by speaker (`human` asks, `gpt` answers), else by position. */
function turn(line: AigveAnnotationLine, from: "human" | "gpt"): { index: number; value: string } {
  const index = line.conversations.findIndex((t) => t.from === from);
  const at = index >= 0 ? index : from === "human" ? 0 : 1;
  return { index: at, value: line.conversations[at]?.value ?? "" };
}

/** The annotation files a meta file names, each resolved inside the release or refused with the meta file and field. */
function namedFiles(releaseDir: string, metaFile: string, meta: AigveMeta, problems: Problem[]): { field: string; named: string; split: "train" | "test"; file: string }[] {
  const out: { field: string; named: string; split: "train" | "test"; file: string }[] = [];
  for (const [name, entry] of Object.entries(meta)) {
    const dataset = quoted(name).slice(1, -1);
    for (const split of ["train", "test"] as const) {
      const named = split === "train" ? entry.annotation_train : entry.annotation_test;
      if (named === undefined) continue;
      const field = `${dataset}.annotation_${split}`;
      const resolved = resolveInRelease(releaseDir, named);
      if ("problem" in resolved) problems.push({ file: displayPath(metaFile), field, message: resolved.problem });
      else out.push({ field, named, split, file: resolved.file });
    }
  }
  return out;
}

/** Reads one perspective's annotation lines through its meta file; every problem with file, line and field. */
function readPerspective(releaseDir: string, perspective: Perspective, problems: Problem[]): Annotated[] {
  const metaFile = path.join(releaseDir, AIGVE_META_FILES[perspective]);
  const shownMeta = displayPath(metaFile);
  let meta: AigveMeta;
  try {
    meta = readJsonFile(metaFile, AigveMetaSchema);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return [];
  }
  const out: Annotated[] = [];
  let testNamed = false;
  for (const { field, named, split, file } of namedFiles(releaseDir, metaFile, meta, problems)) {
    const shown = displayPath(file);
    if (split === "test") testNamed = true;
    if (!fs.existsSync(file) && !isLink(file)) {
      problems.push({ file: shownMeta, field, message: `names ${quoted(named)}, which is not in the release (looked for ${shown})` });
      continue;
    }
    let rows: { line: number; value: AigveAnnotationLine }[];
    try {
      rows = readJsonLinesFile(file, AigveAnnotationLineSchema);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems.map((p) => (p.line === undefined && p.file === shown ? { ...p, message: `${p.message} (named by ${shownMeta}, field "${field}")` } : p)));
      continue;
    }
    if (rows.length === 0) {
      problems.push({ file: shownMeta, field, message: `names ${shown}, which holds no annotation lines; an empty file is a broken release, not an empty split` });
      continue;
    }
    for (const { line, value } of rows) {
      const at = { file: shown, line };
      const parsed = parseVideoPath(value.video);
      if ("problem" in parsed) {
        problems.push({ ...at, field: "video", message: parsed.problem });
        continue;
      }
      out.push({ line: value, at, split, model: parsed.model, promptId: parsed.promptId, id: `${parsed.model}/${parsed.promptId}` });
    }
  }
  if (!testNamed && !problems.some((p) => p.file === shownMeta)) {
    problems.push({ file: shownMeta, field: "annotation_test", message: "no dataset names a test split; V2T methods are scored on it, so a release without one cannot be read" });
  }
  return out;
}

/** Whether `file` is a symbolic link (a dangling one is reported by the reader, not as a missing file). */
function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The published T2V models' names, urls and access, keyed by the name's letters and digits (release folders drop spaces and dots). */
function publishedModels(inputs: AdapterInputs): Map<string, { name: string; url: string; access: "open" | "closed" }> {
  const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return new Map(inputs.publishedModels().map((m) => [key(m.model), { name: m.model, url: m.url, access: m.access }]));
}

/** Reads the release into a package; stops, adding nothing, on any unknown or inconsistent line. */
export function readAigveRelease(releaseDir: string, benchmark: Benchmark, inputs: AdapterInputs): BenchmarkPackage {
  const problems: Problem[] = [];
  const perception = readPerspective(releaseDir, "perception", problems);
  const correspondence = readPerspective(releaseDir, "correspondence", problems);
  const qa = readPerspective(releaseDir, "qa", problems);
  throwIfProblems(problems);

  // One line per video and perspective, and the same videos, in the same split, in both MOS perspectives.
  const byPerspective = new Map<Perspective, Map<string, Annotated>>();
  for (const [perspective, lines] of [["perception", perception], ["correspondence", correspondence], ["qa", qa]] as const) {
    const seen = new Map<string, Annotated>();
    for (const a of lines) {
      const earlier = seen.get(a.id);
      if (earlier !== undefined) problems.push({ ...a.at, field: "video", message: `${a.id} is already annotated at ${earlier.at.file}:${earlier.at.line}` });
      else seen.set(a.id, a);
    }
    byPerspective.set(perspective, seen);
  }
  const mos1 = byPerspective.get("perception") as Map<string, Annotated>;
  const mos2 = byPerspective.get("correspondence") as Map<string, Annotated>;
  for (const [one, other, otherName] of [[mos1, mos2, AIGVE_META_FILES.correspondence], [mos2, mos1, AIGVE_META_FILES.perception]] as const) {
    for (const a of one.values()) {
      const twin = other.get(a.id);
      if (twin === undefined) problems.push({ ...a.at, field: "video", message: `${a.id} has no line in the annotation files of ${otherName}; every video needs both MOS` });
      else if (twin.split !== a.split && one === mos1) problems.push({ ...a.at, field: "video", message: `${a.id} is in the ${a.split} split here but in the ${twin.split} split at ${twin.at.file}:${twin.at.line}` });
    }
  }
  for (const a of [...mos1.values(), ...mos2.values()]) {
    if (a.line.mos < 0 || a.line.mos > 100) problems.push({ ...a.at, field: "mos", message: `${a.line.mos} is outside 0–100` });
    const answer = turn(a.line, "gpt");
    if (!LEVELS.some((level) => answer.value.toLowerCase().includes(level))) {
      problems.push({ ...a.at, field: `conversations.${answer.index}.value`, message: `${quoted(answer.value, 80)} names no quality level (${LEVELS.join(", ")})` });
    }
  }
  const answers = new Map<string, "yes" | "no">();
  for (const a of byPerspective.get("qa")?.values() ?? []) {
    const answer = turn(a.line, "gpt");
    const word = answer.value.trim().toLowerCase().replace(/[.!]+$/, "");
    if (!mos1.has(a.id)) problems.push({ ...a.at, field: "video", message: `${a.id} has no MOS lines; questions are asked of the rated videos` });
    if (word !== "yes" && word !== "no") problems.push({ ...a.at, field: `conversations.${answer.index}.value`, message: `${quoted(answer.value, 80)} is neither Yes nor No` });
    else answers.set(a.id, word);
  }
  throwIfProblems(problems);
  return packageOf(releaseDir, benchmark, inputs, mos1, mos2, byPerspective.get("qa") as Map<string, Annotated>, answers);
}

/** The prompt text in a correspondence question, "… prompt:{prompt}" (inference/infer_correspondence.py:392). */
function promptFromQuestion(question: string): string | null {
  const match = /prompt:\s*([\s\S]+?)\s*$/i.exec(question.replace("<video>", ""));
  return match?.[1] ?? null;
}

/** Builds the package from validated lines, with prompts and dimensions from a package-format file beside the release. */
function packageOf(
  releaseDir: string,
  benchmark: Benchmark,
  inputs: AdapterInputs,
  mos1: ReadonlyMap<string, Annotated>,
  mos2: ReadonlyMap<string, Annotated>,
  qa: ReadonlyMap<string, Annotated>,
  answers: ReadonlyMap<string, "yes" | "no">,
): BenchmarkPackage {
  const pkg = emptyPackage();
  const problems: Problem[] = [];
  const promptsFile = path.join(releaseDir, PACKAGE_FILES.prompts);
  const listed = fs.existsSync(promptsFile) || isLink(promptsFile) ? readJsonLinesFile(promptsFile, PackagePromptSchema) : [];
  const dimensionsFile = path.join(releaseDir, PACKAGE_FILES.dimensions);
  if (fs.existsSync(dimensionsFile) || isLink(dimensionsFile)) {
    for (const { line, value } of readJsonLinesFile(dimensionsFile, PackageDimensionSchema)) pkg.dimensions.push({ ...value, at: { file: displayPath(dimensionsFile), line } });
  }
  const prompts = new Map<string, (typeof listed)[number]["value"] & { at: Where & { line: number } }>();
  for (const { line, value } of listed) {
    const earlier = prompts.get(value.id);
    const at = { file: displayPath(promptsFile), line };
    if (earlier !== undefined) problems.push({ ...at, field: "id", message: `prompt ${quoted(value.id)} is already listed at ${earlier.at.file}:${earlier.at.line}` });
    else prompts.set(value.id, { ...value, at });
  }
  const texts = new Map<string, { text: string; at: Where }>();
  for (const a of mos2.values()) {
    const text = promptFromQuestion(turn(a.line, "human").value);
    if (text === null) continue;
    const earlier = texts.get(a.promptId);
    if (earlier === undefined) texts.set(a.promptId, { text, at: a.at });
    else if (earlier.text !== text && !prompts.has(a.promptId)) {
      problems.push({ ...a.at, field: "conversations.0.value", message: `prompt ${a.promptId} reads ${quoted(text, 60)} here but ${quoted(earlier.text, 60)} at ${earlier.at.file}:${earlier.at.line}` });
    }
  }
  throwIfProblems(problems);

  const published = publishedModels(inputs);
  const models = new Map<string, string>();
  const firstLine = new Map<string, Annotated>();
  for (const a of mos1.values()) if (!firstLine.has(a.model)) firstLine.set(a.model, a);
  const folderOf = new Map<string, string>();
  for (const folder of [...firstLine.keys()].sort()) {
    const known = published.get(folder.toLowerCase().replace(/[^a-z0-9]/g, ""));
    const id = slugify(known?.name ?? folder);
    const at = (firstLine.get(folder) as Annotated).at;
    const other = folderOf.get(id);
    if (other !== undefined) {
      const there = (firstLine.get(other) as Annotated).at;
      problems.push({ ...at, field: "video", message: `model folders ${quoted(other)} (first at ${there.file}:${there.line}) and ${quoted(folder)} are one model by the id rule (both give "${id}"${known ? `, ${known.name}` : ""}); rename or merge one` });
      continue;
    }
    folderOf.set(id, folder);
    models.set(folder, id);
    pkg.models.push({ id, name: known?.name ?? folder, organization: null, url: known?.url ?? null, access: known?.access ?? null, reference: false, at });
  }
  throwIfProblems(problems);
  const promptIds = [...new Set([...mos1.values()].map((a) => a.promptId))].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  for (const id of promptIds) {
    const listedPrompt = prompts.get(id);
    const text = listedPrompt?.text ?? texts.get(id)?.text ?? `prompt ${id}`;
    pkg.prompts.push({ id, text, dimensions: listedPrompt?.dimensions ?? [], at: listedPrompt?.at ?? texts.get(id)?.at ?? { file: displayPath(releaseDir) } });
  }
  for (const a of mos1.values()) {
    const twin = mos2.get(a.id) as Annotated;
    pkg.videos.push({ id: a.id, prompt: a.promptId, model: models.get(a.model) as string, split: a.split, source: `${RELEASE_URL} (${a.line.video})`, at: a.at });
    pkg.groundTruth.push({ video: a.id, perspective: "perception", mos: a.line.mos, sd: null, count: null, at: a.at });
    pkg.groundTruth.push({ video: a.id, perspective: "correspondence", mos: twin.line.mos, sd: null, count: null, at: twin.at });
    const answer = answers.get(a.id);
    const asked = qa.get(a.id);
    if (answer !== undefined && asked !== undefined) {
      pkg.questions.push({ video: a.id, question: turn(asked.line, "human").value.replace("<video>", "").trim() || null, answer, at: asked.at });
    }
  }
  return pkg;
}

/**
 * The files readAigveRelease reads, for the inputs' fingerprint: the meta files, the annotation files they name
 * inside the release, and the prompts and dimensions files beside it; nothing else in the folder.
 */
export function releaseInputFiles(releaseDir: string): string[] {
  const files: string[] = [];
  for (const name of Object.values(AIGVE_META_FILES)) {
    const metaFile = path.join(releaseDir, name);
    files.push(metaFile);
    try {
      for (const { file } of namedFiles(releaseDir, metaFile, readJsonFile(metaFile, AigveMetaSchema), [])) files.push(file);
    } catch (error) {
      // A meta file that cannot be read is hashed as it is; the rebuild refuses it.
      if (!(error instanceof InputError)) throw error;
    }
  }
  return [...files, path.join(releaseDir, PACKAGE_FILES.prompts), path.join(releaseDir, PACKAGE_FILES.dimensions)];
}

/** AIGVE-60K's adapter. */
export const adapter: BenchmarkAdapter = { readPackage: (dir, benchmark, inputs) => readAigveRelease(dir, benchmark, inputs), inputFiles: releaseInputFiles };
