/**
 * A hostile or broken AIGVE-60K release is refused by `npm run rebuild` (scripts/rebuild.ts) with one clear
 * message naming the file and, where one applies, the line and field; no stack trace, no foreign content echoed,
 * and data/ and the store byte-identical afterwards. The inputs' fingerprint covers what the importer reads,
 * through links, and nothing else. Each case edits a copy of a small synthetic release in the real format.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAigveRelease } from "../../data/benchmarks/aigve-60k/adapter.ts";
import { readBenchmarkDefinitions } from "../../scripts/benchmarks/registry.ts";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { inputsFingerprint } from "../../scripts/pipeline/fingerprint.ts";
import { InputError } from "../../scripts/io/input-error.ts";
import { writeSyntheticRelease } from "../../scripts/dev/synthetic-aigve-release.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { capture, fileBytes, tempDataDir, tempDir } from "../support/bundles.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
/** Three models (Allegro, Animate, ChatGLM), 20 videos each, 4 of them in the test split. */
const SIZE = { videos: 60, models: 3, prompts: 20, dimensions: 2, seed: 3 };
/** What a file outside the release holds: a refusal must never print it. */
const SECRET = "root:x:0:0:SECRET-CONTENT";

let root: string;
let release: string;
let dataDir: string;
let store: string;
let outside: string;

/** Every file under `dir` with its bytes' hash, links followed: equal before and after means unchanged. */
function treeHash(dir: string): string {
  const hash = createHash("sha256");
  for (const name of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, name);
    if (path.basename(name).startsWith(".write.lock")) continue;
    hash.update(name);
    if (fs.statSync(file).isFile()) hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/** An edited copy of the release under `name` (the release folder of a datasets folder of its own). */
function editedCopy(name: string, edit: (dir: string) => void): string {
  const copy = path.join(root, name, "aigve-60k");
  fs.cpSync(release, copy, { recursive: true });
  edit(copy);
  return copy;
}

/** What a refusal left: its message, whether it was an input error (printed without a stack trace), and whether data/ and the store are unchanged. */
interface Refusal {
  readonly code: number | null;
  readonly stderr: string;
  readonly unchanged: boolean;
}

/**
 * The rebuild CLI (scripts/rebuild.ts) over an edited copy of the release and a copy of the store. data/ is compared
 * without its write lock, which every writer creates (the lock is not data).
 */
function rebuildWith(name: string, edit: (dir: string) => void): Refusal {
  const copy = editedCopy(name, edit);
  const target = path.join(root, name, "store.sqlite");
  fs.copyFileSync(store, target);
  const before = { store: fileBytes(target), data: treeHash(dataDir) };
  const run = spawnSync(process.execPath, ["scripts/rebuild.ts", "--data", dataDir, "--store", target, "--datasets", path.dirname(copy), "--resamples", "20"], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, AIGVE_WORKERS: "1", AIGVE_DATASETS: "" },
  });
  return { code: run.status, stderr: run.stderr, unchanged: fileBytes(target) === before.store && treeHash(dataDir) === before.data };
}

/**
 * The same refusal in this process (fast: no process start), as the rebuild meets it: building the content throws
 * before anything is written. An InputError is what the CLI prints as its message alone, with exit code 1.
 */
async function readWith(name: string, edit: (dir: string) => void): Promise<Refusal> {
  const copy = editedCopy(name, edit);
  const before = { store: fileBytes(store), data: treeHash(dataDir) };
  try {
    await buildContent({ dataDir, datasetsDir: path.dirname(copy), resamples: 20 });
    return { code: 0, stderr: "", unchanged: true };
  } catch (error) {
    const printed = error instanceof InputError ? error.message : String((error as Error).stack);
    return { code: error instanceof InputError ? 1 : null, stderr: printed, unchanged: fileBytes(store) === before.store && treeHash(dataDir) === before.data };
  }
}

/** Expects a refusal: exit 1, every pattern in the message, no stack trace, no foreign content, nothing changed. */
function expectRefused(run: Refusal, ...patterns: RegExp[]): void {
  expect(run.code, run.stderr).toBe(1);
  for (const pattern of patterns) expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toContain("SECRET-CONTENT");
  expect(run.unchanged).toBe(true);
}

/** Rewrites every line of a file. */
function editLines(file: string, change: (line: string, index: number) => string): void {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  fs.writeFileSync(file, lines.map((l, i) => (l === "" ? l : change(l, i))).join("\n"));
}

/** Sets the video path of one line (1-based) of an annotation file. */
function setVideo(file: string, line: number, video: string): void {
  editLines(file, (l, i) => (i === line - 1 ? JSON.stringify({ ...JSON.parse(l), video }) : l));
}

/** Edits one meta file's dataset entry. */
function editMeta(dir: string, file: string, change: (entry: Record<string, unknown>) => void): void {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  change(meta.aigve60k);
  fs.writeFileSync(path.join(dir, file), JSON.stringify(meta));
}

const TEST_FILES = ["video_train_mos1_test.jsonl", "video_train_mos2_test.jsonl", "video_train_qa_test.jsonl"];
const ALL_FILES = TEST_FILES.flatMap((f) => [f, f.replace("_test", "_train")]);

beforeAll(async () => {
  root = tempDir("aigve-hostile");
  release = path.join(root, "datasets", "aigve-60k");
  writeSyntheticRelease(release, SIZE);
  outside = path.join(root, "outside.jsonl");
  fs.writeFileSync(outside, `${SECRET}\n${SECRET}\n`);
  dataDir = tempDataDir(["aigve-60k"]);
  store = path.join(root, "store.sqlite");
  writeStore(await buildContent({ dataDir, datasetsDir: path.dirname(release), resamples: 20 }), store);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("paths that leave the release, and names that are not plain", () => {
  it("refuses a video path videos/../<prompt>.mp4, naming the annotation file, line and field", () => {
    const run = rebuildWith("dotdot-video", (dir) => setVideo(path.join(dir, "video_train_mos1_test.jsonl"), 2, "videos/../10006.mp4"));
    expectRefused(run, /video_train_mos1_test\.jsonl:2: field "video": "videos\/\.\.\/10006\.mp4": its model folder is "\.\.", which names no folder of its own/);
  });

  it("refuses an annotation_test given as an absolute path outside the release, without reading it", () => {
    const run = rebuildWith("absolute", (dir) => editMeta(dir, "video_train_mos1.json", (e) => (e.annotation_test = outside)));
    expectRefused(run, /video_train_mos1\.json: field "aigve60k\.annotation_test": ".*outside\.jsonl" is outside the release folder/);
    expect(run.stderr.match(/problem/g)).toHaveLength(1);
  });

  it("refuses annotation_train data/../../…/outside, naming the meta file and field, not the foreign file's lines", () => {
    const climb = `data/${path.relative(path.join(root, "climb", "aigve-60k"), outside)}`;
    const run = rebuildWith("climb", (dir) => editMeta(dir, "video_train_mos2.json", (e) => (e.annotation_train = climb)));
    expectRefused(run, /^1 problem\(s\) in the input:\n.*video_train_mos2\.json: field "aigve60k\.annotation_train": "data\/\.\.\/.*" is outside the release folder/);
  });

  it("refuses model folders that are empty, '.', or hold control characters, each at its line", async () => {
    const run = await readWith("folders", (dir) => {
      const file = path.join(dir, "video_train_mos1_train.jsonl");
      setVideo(file, 1, "videos//10002.mp4");
      setVideo(file, 2, "videos/./10003.mp4");
      setVideo(file, 3, "videos/Alle\u001b[2Jgro/10004.mp4");
    });
    expectRefused(
      run,
      /video_train_mos1_train\.jsonl:1: field "video": "videos\/\/10002\.mp4": its model folder is empty/,
      /video_train_mos1_train\.jsonl:2: field "video": "videos\/\.\/10003\.mp4": its model folder is "\."/,
      /video_train_mos1_train\.jsonl:3: field "video": "videos\/Alle\\u001b\[2Jgro\/10004\.mp4" holds a control character/,
    );
    expect(run.stderr).not.toContain("\u001b");
  });

  it("refuses two model folders that differ only in case, naming both", async () => {
    const run = await readWith("case", (dir) => {
      for (const file of ALL_FILES) editLines(path.join(dir, file), (l) => l.replace("videos/Animate/", "videos/allegro/"));
    });
    expectRefused(run, /model folders "Allegro" \(first at .*video_train_mos1_train\.jsonl:\d+\) and "allegro" are one model by the id rule/);
  });
});

describe("empty splits", () => {
  it("refuses empty test-split files, naming each meta file, field and file", () => {
    const run = rebuildWith("empty-test", (dir) => {
      for (const file of TEST_FILES) fs.writeFileSync(path.join(dir, file), "");
    });
    expectRefused(
      run,
      /video_train_mos1\.json: field "aigve60k\.annotation_test": names .*video_train_mos1_test\.jsonl, which holds no annotation lines/,
      /video_train_mos2\.json: field "aigve60k\.annotation_test": names .*video_train_mos2_test\.jsonl, which holds no annotation lines/,
      /video_train_qa\.json: field "aigve60k\.annotation_test": names .*video_train_qa_test\.jsonl, which holds no annotation lines/,
    );
  });

  it("refuses a release whose annotation files are all empty (or blank), naming all six", async () => {
    const run = await readWith("all-empty", (dir) => {
      for (const file of ALL_FILES) fs.writeFileSync(path.join(dir, file), "\n \n");
    });
    expectRefused(run, ...ALL_FILES.map((file) => new RegExp(`names .*${file.replace(".", "\\.")}, which holds no annotation lines`)));
  });

  it("refuses a meta file that names no test split", async () => {
    const run = await readWith("no-test", (dir) => editMeta(dir, "video_train_qa.json", (e) => delete e.annotation_test));
    expectRefused(run, /video_train_qa\.json: field "annotation_test": no dataset names a test split/);
  });
});

describe("the inputs' fingerprint", () => {
  /** A release folder of its own under `name`, with the fingerprint of its inputs. */
  function releaseCopy(name: string): { dir: string; fingerprint: () => Promise<string> } {
    const dir = path.join(root, name, "aigve-60k");
    fs.cpSync(release, dir, { recursive: true });
    return { dir, fingerprint: () => inputsFingerprint(dataDir, path.dirname(dir)) };
  }

  it("follows a symlinked annotation file: when its target changes, the fingerprint changes", async () => {
    const { dir, fingerprint } = releaseCopy("linked");
    const target = path.join(root, "linked", "elsewhere.jsonl");
    fs.renameSync(path.join(dir, "video_train_mos1_test.jsonl"), target);
    fs.symlinkSync(target, path.join(dir, "video_train_mos1_test.jsonl"));
    const before = await fingerprint();
    // Every test MOS reversed: the importer reads the new values through the link, so the store is stale.
    editLines(target, (l) => JSON.stringify({ ...JSON.parse(l), mos: 100 - JSON.parse(l).mos }));
    expect(await fingerprint()).not.toBe(before);
    // And the importer reads the reversed values through the link.
    const benchmark = readBenchmarkDefinitions(dataDir).find((d) => d.benchmark.id === "aigve-60k")!.benchmark;
    const testMos = (from: string) => readAigveRelease(from, benchmark, { publishedModels: () => [] }).groundTruth.filter((g) => g.perspective === "perception" && g.at.file.endsWith("mos1_test.jsonl")).map((g) => ("mos" in g ? g.mos : null));
    expect(testMos(dir)).toEqual(testMos(release).map((mos) => 100 - (mos as number)));
    expect(testMos(dir).length).toBe(12);
  });

  it("makes the next dry run rebuild after a linked file's target changed, and print what the data now give", async () => {
    const { dir } = releaseCopy("linked-run");
    const bundle = path.join(root, "linked-run", "bundle");
    writeSyntheticRelease(dir, SIZE, bundle);
    const target = path.join(root, "linked-run", "elsewhere.jsonl");
    fs.renameSync(path.join(dir, "video_train_mos1_test.jsonl"), target);
    fs.symlinkSync(target, path.join(dir, "video_train_mos1_test.jsonl"));
    const linkedStore = path.join(root, "linked-run", "store.sqlite");
    writeStore(await buildContent({ dataDir, datasetsDir: path.dirname(dir), resamples: 20 }), linkedStore);
    const dryRun = async () => {
      const stdout = capture();
      const stderr = capture();
      const outcome = await submitBundle({ bundle, dataDir, store: linkedStore, datasetsDir: path.dirname(dir), dryRun: true, stdout, stderr });
      expect(outcome.status, stderr.text()).toBe("dry-run");
      return stdout.text() + stderr.text();
    };
    // The planted method's perception scores are the test MOS: SRCC 1, then −1 once every test MOS is reversed.
    const before = await dryRun();
    expect(before).not.toContain("Rebuilding the store");
    expect(before).toMatch(/v2t-instance\s+perception_srcc\s+1\.0000/);
    editLines(target, (l) => JSON.stringify({ ...JSON.parse(l), mos: 100 - JSON.parse(l).mos }));
    const after = await dryRun();
    expect(after).toContain("Rebuilding the store from data/ first: the code, the benchmark definitions or the datasets changed");
    expect(after).toMatch(/v2t-instance\s+perception_srcc\s+-1\.0000/);
  });

  it("ignores a stray 2 GiB file beside the annotations (sparse, never read), and the rebuild still works", async () => {
    const { dir, fingerprint } = releaseCopy("stray");
    const before = await fingerprint();
    fs.writeFileSync(path.join(dir, "videos.zip"), "");
    fs.truncateSync(path.join(dir, "videos.zip"), 2 * 1024 ** 3);
    expect(await fingerprint()).toBe(before);
    const content = await buildContent({ dataDir, datasetsDir: path.dirname(dir), resamples: 20 });
    expect(content.videos.filter((v) => v.benchmarkId === "aigve-60k")).toHaveLength(SIZE.videos);
  });

  it("refuses a 2 GiB file named as an annotation file by its size, without reading it", async () => {
    const run = await readWith("huge", (dir) => {
      fs.writeFileSync(path.join(dir, "video_train_qa_train.jsonl"), "");
      fs.truncateSync(path.join(dir, "video_train_qa_train.jsonl"), 2 * 1024 ** 3);
    });
    expectRefused(run, /video_train_qa_train\.jsonl: is 2,147,483,648 bytes, more than the 512 MiB an input file may have/);
  });

  it("hashes a loop of links or a pipe as what it is, without blocking or crashing", async () => {
    const { dir, fingerprint } = releaseCopy("loop-fingerprint");
    fs.rmSync(path.join(dir, "video_train_mos1_test.jsonl"));
    fs.symlinkSync("loop-b", path.join(dir, "video_train_mos1_test.jsonl"));
    fs.symlinkSync("video_train_mos1_test.jsonl", path.join(dir, "loop-b"));
    spawnSync("mkfifo", [path.join(dir, "video_train_mos2_test.jsonl.fifo")]);
    fs.rmSync(path.join(dir, "video_train_mos2_test.jsonl"));
    fs.symlinkSync("video_train_mos2_test.jsonl.fifo", path.join(dir, "video_train_mos2_test.jsonl"));
    fs.symlinkSync(".", path.join(dir, "self"));
    expect(await fingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a hostile corpus beyond the reported cases", () => {
  it("refuses a symbolic-link loop where an annotation file should be", async () => {
    const run = await readWith("loop", (dir) => {
      fs.rmSync(path.join(dir, "video_train_qa_test.jsonl"));
      fs.symlinkSync("loop-b", path.join(dir, "video_train_qa_test.jsonl"));
      fs.symlinkSync("video_train_qa_test.jsonl", path.join(dir, "loop-b"));
    });
    expectRefused(run, /video_train_qa_test\.jsonl: cannot be read: it is a loop of symbolic links/);
  });

  it("refuses a named pipe where an annotation file should be, without waiting on it", async () => {
    const run = await readWith("fifo", (dir) => {
      fs.rmSync(path.join(dir, "video_train_qa_test.jsonl"));
      spawnSync("mkfifo", [path.join(dir, "video_train_qa_test.jsonl")]);
    });
    expectRefused(run, /video_train_qa_test\.jsonl: is not a regular file/);
  });

  it("refuses a dangling link where an annotation file should be", async () => {
    const run = await readWith("dangling", (dir) => {
      fs.rmSync(path.join(dir, "video_train_mos2_train.jsonl"));
      fs.symlinkSync("gone.jsonl", path.join(dir, "video_train_mos2_train.jsonl"));
    });
    expectRefused(run, /video_train_mos2_train\.jsonl: does not exist \(or is a link to nothing\)/);
  });

  it("follows a link to a foreign file but never prints its content", async () => {
    const run = await readWith("foreign-link", (dir) => {
      fs.rmSync(path.join(dir, "video_train_mos1_train.jsonl"));
      fs.symlinkSync(outside, path.join(dir, "video_train_mos1_train.jsonl"));
    });
    expectRefused(run, /video_train_mos1_train\.jsonl:1: is not valid JSON/, /video_train_mos1_train\.jsonl:2: is not valid JSON/);
  });

  it("refuses a directory where an annotation file or a meta file should be", async () => {
    const run = await readWith("directory", (dir) => {
      fs.rmSync(path.join(dir, "video_train_mos2_test.jsonl"));
      fs.mkdirSync(path.join(dir, "video_train_mos2_test.jsonl"));
      fs.rmSync(path.join(dir, "video_train_qa.json"));
      fs.mkdirSync(path.join(dir, "video_train_qa.json"));
    });
    expectRefused(run, /video_train_mos2_test\.jsonl: is a directory, not a file/, /video_train_qa\.json: is a directory, not a file/);
  });

  it("refuses an annotation path naming the release folder itself", async () => {
    const run = await readWith("itself", (dir) => editMeta(dir, "video_train_mos1.json", (e) => (e.annotation_train = "data/")));
    expectRefused(run, /video_train_mos1\.json: field "aigve60k\.annotation_train": "data\/" is the release folder itself/);
  });

  it("refuses a meta file that is not JSON, without quoting it", async () => {
    const run = await readWith("meta-not-json", (dir) => fs.writeFileSync(path.join(dir, "video_train_mos1.json"), `${SECRET}\n`));
    expectRefused(run, /video_train_mos1\.json: is not valid JSON/);
  });

  it.each([
    ["an array", "[]"],
    ["null", "null"],
    ["a dataset that is a string", '{"aigve60k": "data/video_train_mos1_test.jsonl"}'],
    ["no dataset", "{}"],
  ])("refuses a meta file that is %s", async (_, body) => {
    const run = await readWith(`meta-${body.length}-${body.charCodeAt(1)}`, (dir) => fs.writeFileSync(path.join(dir, "video_train_mos2.json"), body));
    expectRefused(run, /video_train_mos2\.json: /);
  });

  it("refuses a NUL or an escape sequence in an annotation path, escaped in the message", async () => {
    const run = await readWith("nul-path", (dir) => {
      editMeta(dir, "video_train_mos1.json", (e) => (e.annotation_test = "data/video_train_mos1_test.jsonl\u0000.txt"));
      editMeta(dir, "video_train_mos2.json", (e) => (e.annotation_test = "data/\u001b]0;owned\u0007video_train_mos2_test.jsonl"));
    });
    expectRefused(
      run,
      /video_train_mos1\.json: field "aigve60k\.annotation_test": "data\/video_train_mos1_test\.jsonl\\u0000\.txt" holds a control character/,
      /video_train_mos2\.json: field "aigve60k\.annotation_test": "data\/\\u001b\]0;owned\\u0007video_train_mos2_test\.jsonl" holds a control character/,
    );
    expect(run.stderr).not.toMatch(/[\u0000\u0007\u001b]/);
  });

  it("refuses a NUL in a video path and a Windows separator, each at its line", async () => {
    const run = await readWith("video-separators", (dir) => {
      setVideo(path.join(dir, "video_train_qa_train.jsonl"), 4, "videos\\Allegro\\10005.mp4");
      setVideo(path.join(dir, "video_train_qa_train.jsonl"), 5, "videos/Allegro/10007.mp4\u0000.txt");
    });
    expectRefused(run, /video_train_qa_train\.jsonl:4: field "video": "videos\\\\Allegro\\\\10005\.mp4" uses \\ as a separator/, /video_train_qa_train\.jsonl:5: field "video": .*holds a control character/);
  });

  it("refuses an absolute video path and a folder in another script that reads like a known one", async () => {
    const run = await readWith("video-absolute", (dir) => {
      setVideo(path.join(dir, "video_train_mos1_train.jsonl"), 1, "/etc/Allegro/10002.mp4");
      setVideo(path.join(dir, "video_train_mos1_train.jsonl"), 2, "videos/\u0410llegro/10003.mp4");
    });
    expectRefused(run, /video_train_mos1_train\.jsonl:1: field "video": "\/etc\/Allegro\/10002\.mp4" is absolute/, /video_train_mos1_train\.jsonl:2: field "video": .*its model folder "Аllegro" is not a plain name/);
  });

  it("refuses prompt ids that are not plain names", async () => {
    const run = await readWith("prompt-ids", (dir) => {
      setVideo(path.join(dir, "video_train_mos2_train.jsonl"), 1, "videos/Allegro/10 02.mp4");
      setVideo(path.join(dir, "video_train_mos2_train.jsonl"), 2, "videos/Allegro/<b>x</b>.mp4");
      setVideo(path.join(dir, "video_train_mos2_train.jsonl"), 3, "videos/Allegro/.mp4");
    });
    expectRefused(
      run,
      /video_train_mos2_train\.jsonl:1: field "video": .*is not <prompt id>\.<extension> of plain names/,
      /video_train_mos2_train\.jsonl:2: field "video": /,
      /video_train_mos2_train\.jsonl:3: field "video": /,
    );
  });

  it("refuses one model's prompt annotated twice under two extensions", async () => {
    const run = await readWith("twice", (dir) => {
      const file = path.join(dir, "video_train_mos1_train.jsonl");
      const first = fs.readFileSync(file, "utf8").split("\n")[0] as string;
      fs.appendFileSync(file, `${JSON.stringify({ ...JSON.parse(first), video: JSON.parse(first).video.replace(".mp4", ".webm") })}\n`);
    });
    expectRefused(run, /video_train_mos1_train\.jsonl:\d+: field "video": Allegro\/\d+ is already annotated at .*video_train_mos1_train\.jsonl:1/);
  });

  it("refuses a prompt id listed twice in prompts.jsonl", async () => {
    const run = await readWith("prompt-twice", (dir) => {
      const first = fs.readFileSync(path.join(dir, "prompts.jsonl"), "utf8").split("\n")[0] as string;
      fs.appendFileSync(path.join(dir, "prompts.jsonl"), `${first}\n`);
    });
    expectRefused(run, /prompts\.jsonl:21: field "id": prompt "10001" is already listed at .*prompts\.jsonl:1/);
  });

  it("refuses an annotation file that starts with a byte-order mark, as LOVE's json.loads does", async () => {
    const run = await readWith("bom", (dir) => {
      const file = path.join(dir, "video_train_mos2_test.jsonl");
      fs.writeFileSync(file, `\ufeff${fs.readFileSync(file, "utf8")}`);
    });
    expectRefused(run, /video_train_mos2_test\.jsonl:1: starts with a byte-order mark/);
  });

  it("refuses bytes that are not UTF-8, naming the line and never printing them", async () => {
    const run = await readWith("latin1", (dir) => {
      const file = path.join(dir, "video_train_qa_train.jsonl");
      const lines = fs.readFileSync(file, "utf8").split("\n");
      const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 2).join("\n")}\n`), Buffer.from(lines[2]!.replace("Does", "D\u00f6es"), "latin1"), Buffer.from(`\n${lines.slice(3).join("\n")}`)]);
      fs.writeFileSync(file, bytes);
    });
    expectRefused(run, /video_train_qa_train\.jsonl:3: is not UTF-8 text \(byte 0xf6\)/);
  });

  it("reads CRLF line ends as LOVE does (Python's universal newlines): the same videos and MOS", () => {
    const copy = path.join(root, "crlf", "aigve-60k");
    fs.cpSync(release, copy, { recursive: true });
    for (const file of ALL_FILES) fs.writeFileSync(path.join(copy, file), fs.readFileSync(path.join(copy, file), "utf8").replace(/\n/g, "\r\n"));
    const benchmark = readBenchmarkDefinitions(dataDir).find((d) => d.benchmark.id === "aigve-60k")!.benchmark;
    const values = (dir: string) => readAigveRelease(dir, benchmark, { publishedModels: () => [] }).groundTruth.map((g) => [g.video, g.perspective, ("mos" in g ? g.mos : null)]);
    expect(values(copy)).toEqual(values(release));
  });

  it("refuses a meta file's dataset named __proto__ no differently from any other broken entry", async () => {
    const run = await readWith("proto", (dir) => {
      const body = fs.readFileSync(path.join(dir, "video_train_mos1.json"), "utf8").replace('"aigve60k"', '"__proto__"');
      fs.writeFileSync(path.join(dir, "video_train_mos1.json"), body.replace("video_train_mos1_test.jsonl", "../../x.jsonl"));
    });
    expectRefused(run, /video_train_mos1\.json: names a dataset "__proto__"/);
  });
});
