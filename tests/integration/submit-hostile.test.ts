/**
 * Issue 16's hostile names and lock files, and a corpus of our own, against `npm run submit` on TVGE: each is
 * refused naming the file and field, with data/ (lock file included) and the store byte-identical afterwards,
 * nothing raw from the bundle on the terminal, and no stack trace from the command line. A dry run works on a
 * checkout its user cannot write to.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { submitBundle, type SubmitOptions } from "../../scripts/submissions/submit-bundle.ts";
import { acquireWriteLock, lockPath } from "../../scripts/store/write-lock.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { capture, fileBytes, formulaPredictions, snapshotTree, tempDataDir, tempDir, TEST_GENERATION_CARD, tvgeContent, v2tManifest, writeBundleDir, writeBundleZip, type BundleContents } from "../support/bundles.ts";
import { datasetDir, describeWithDatasets } from "../support/datasets.ts";

const RESAMPLES = 20;
const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
/** Any raw control or bidi character a terminal would act on. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describeWithDatasets("tvge", "hostile submissions on TVGE", () => {
  let root: string;
  let dataDir: string;
  let store: string;
  let videoIds: string[];
  let n = 0;
  const bundleDir = (files: BundleContents) => writeBundleDir(path.join(root, "bundles", String((n += 1))), files);
  const v2t = (name: string, entry: Record<string, unknown> = {}): BundleContents => {
    const manifest = v2tManifest("tvge", name);
    return {
      "manifest.json": JSON.stringify({ ...manifest, entry: { ...(manifest.entry as object), ...entry } }),
      "predictions.jsonl": formulaPredictions(videoIds),
    };
  };
  // A T2V bundle whose name is what is tested: its ratings are refused too, which does not hide the name's problem.
  const t2v = (name: string): BundleContents => ({
    "manifest.json": JSON.stringify({ ...Object.fromEntries(Object.entries(v2tManifest("tvge", name)).filter(([key]) => key !== "trainingData")), direction: "t2v", generationCard: TEST_GENERATION_CARD, entry: { name, organization: "Lab", access: "open", url: "https://example.org", license: "MIT", contact: "a@example.org" } }),
    "ratings.csv": "video,perspective,rater,score\n0,quality,r1,3\n",
  });

  async function submitUnchanged(bundle: string, extra: Partial<SubmitOptions> = {}) {
    const before = { tree: snapshotTree(dataDir), store: fileBytes(store) };
    const stdout = capture();
    const stderr = capture();
    const outcome = await submitBundle({ bundle, dataDir, store, stdout, stderr, ...extra });
    expect(snapshotTree(dataDir)).toEqual(before.tree);
    expect(fileBytes(store)).toBe(before.store);
    return { ...outcome, out: stdout.text(), err: stderr.text() };
  }

  beforeAll(async () => {
    root = tempDir("submit-hostile");
    dataDir = tempDataDir(["tvge"]);
    store = path.join(root, "store.sqlite");
    writeStore(await buildContent({ dataDir, resamples: RESAMPLES }), store);
    // The lock file as the first writer leaves it: every later run finds it there.
    acquireWriteLock(dataDir, () => undefined).release();
    videoIds = tvgeContent(datasetDir("tvge")).videos.map((v) => v.id);
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  const NAME = /manifest\.json: field "entry\.name": /;
  const refused: [string, () => BundleContents, RegExp][] = [
    // Issue 16's cases.
    ["a zero-width space (CLIP\\u200BScore)", () => v2t("CLIP\u200BScore"), /field "entry\.name": holds the invisible or control character U\+200B at position 5/],
    ["a soft hyphen (CLIP\\u00ADScore)", () => v2t("CLIP\u00ADScore"), /field "entry\.name": holds the invisible or control character U\+00AD/],
    ["a Cyrillic С (СLIPScore)", () => v2t("\u0421LIPScore"), /field "entry\.name": mixes the scripts Cyrillic and Latin/],
    ["a right-to-left override (\\u202EerocSPILC)", () => v2t("\u202EerocSPILC"), /field "entry\.name": holds the invisible or control character U\+202E at position 1/],
    ["ANSI escapes that clear the screen and paint it red", () => v2t("\u001b[2J\u001b[31mRed Metric"), /field "entry\.name": holds the invisible or control character U\+001B/],
    ["a NUL in the name", () => v2t("Null\u0000Metric"), /field "entry\.name": holds the invisible or control character U\+0000/],
    ["a T2V entry named Gen-2 beside the dataset's Gen-2 (id gen2)", () => t2v("Gen-2"), /field "entry\.name": reads like "Gen-2" \(id gen2, the benchmark's own data\) on tvge T2V/],
    // Our own.
    ["CLIPScore beside CLIP Score (another id, the same name to a reader)", () => v2t("CLIPScore"), /field "entry\.name": reads like "CLIP Score" \(id clip-score, submission [0-9a-f]{64}\) on tvge V2T/],
    ["X-CLlP Score (a lower-case l for I) beside X-CLIP Score", () => v2t("X-CLlP Score"), /field "entry\.name": reads like "X-CLIP Score"/],
    ["an id taken through case (CLIP SCORE)", () => v2t("CLIP SCORE"), /field "entry\.name": gives the entry id "clip-score", already taken on tvge V2T by "CLIP Score"/],
    ["an id taken through fullwidth letters (NFKC)", () => v2t("\uFF23\uFF2C\uFF29\uFF30 \uFF33\uFF43\uFF4F\uFF52\uFF45"), /field "entry\.name": gives the entry id "clip-score"/],
    ["an id of the dataset's own model (Gen2)", () => t2v("Gen2"), /field "entry\.name": gives the entry id "gen2", already taken on tvge T2V by "Gen-2" \(the benchmark's own data\)/],
    ["GEN 2 beside Gen-2", () => t2v("GEN 2"), /field "entry\.name": reads like "Gen-2"/],
    ["a name that is only spaces", () => v2t("   \u3000 "), /field "entry\.name": must not be empty/],
    ["a 10 KB name", () => v2t("N".repeat(10_240)), /field "entry\.name": must be at most 100 characters/],
    ["a name that is a route segment (compare)", () => v2t("compare"), /field "entry\.name": gives the entry id "compare", which the site uses for its own pages/],
    ["a name that is a route segment (Dimensions)", () => v2t("Dimensions"), /field "entry\.name": gives the entry id "dimensions"/],
    ["a newline forging a line of output", () => v2t("Metric\nStored. Store updated."), /field "entry\.name": holds the invisible or control character U\+000A/],
    ["an organization with an escape sequence that retitles the terminal", () => v2t("Title Metric", { organization: "Lab\u001b]0;pwned\u0007" }), /field "entry\.organization": must be plain text/],
    ["a licence with a bidi override", () => v2t("Bidi Metric", { license: "MIT\u202E LPG" }), /field "entry\.license": must be plain text/],
  ];
  for (const [what, make, message] of refused) {
    it(`refuses ${what}, naming manifest.json and the field, and changes nothing`, async () => {
      const result = await submitUnchanged(bundleDir(make()));
      expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(result.err).toMatch(message);
      expect(result.err).toMatch(what.startsWith("an organization") || what.startsWith("a licence") ? /manifest\.json: field "entry\./ : NAME);
      expect(result.err).not.toMatch(RAW_CONTROL);
      expect(result.out).not.toMatch(RAW_CONTROL);
    });
  }

  it("takes markup in a name and an organization as text: a dry run prints it as written, with nothing raw", async () => {
    const result = await submitUnchanged(bundleDir(v2t("<b>Markup</b> Metric", { organization: "<img src=x onerror=alert(1)>" })), { dryRun: true });
    expect(result).toMatchObject({ status: "dry-run", exitCode: 0, entryId: "b-markup-b-metric" });
    expect(result.out).toMatch(/V2T entry "<b>Markup<\/b> Metric" \(id b-markup-b-metric\) on tvge/);
    expect(result.out).not.toMatch(RAW_CONTROL);
  });

  it("refuses the same names on a dry run", async () => {
    for (const name of ["CLIP\u200BScore", "\u001b[2J\u001b[31mRed Metric"]) {
      const result = await submitUnchanged(bundleDir(v2t(name)), { dryRun: true });
      expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(result.err).toMatch(NAME);
      expect(result.err).not.toMatch(RAW_CONTROL);
    }
  });

  it("escapes what problem messages quote from the bundle: a video id and a zip entry name with escape sequences", async () => {
    const files = v2t("Quoting Metric");
    const predictions = `${files["predictions.jsonl"] as string}{"video":"\\u001b[2J\\u202Eevil","scores":{"quality":1,"alignment":1}}\n`;
    const quoted = await submitUnchanged(bundleDir({ ...files, "predictions.jsonl": predictions }));
    expect(quoted.err).toMatch(/predictions\.jsonl:2544: field "video": "\\u001b\[2J\\u202eevil" is not a video of tvge's labelled pool/);
    expect(quoted.err).not.toMatch(RAW_CONTROL);
    const zip = writeBundleZip(path.join(root, "bundles", "escape.zip"), { ...files, "\u001b[31mREADME.md": "x" });
    const zipped = await submitUnchanged(zip);
    expect(zipped.status).toBe("rejected");
    expect(zipped.err).toMatch(/\\u001b\[31mREADME\.md/);
    expect(zipped.err).not.toMatch(RAW_CONTROL);
  });

  it("refuses, from the command line, a rebuild of a data/ holding a committed bundle with an escape sequence in its name, echoing nothing raw", () => {
    const copy = tempDir("rebuild-hostile");
    try {
      const data = path.join(copy, "data");
      fs.cpSync(dataDir, data, { recursive: true, verbatimSymlinks: true });
      writeBundleDir(path.join(data, "submissions", "tvge", "v2t", "2j-evil"), v2t("\u001b[2J\u202EEvil"));
      const target = path.join(copy, "store.sqlite");
      const run = spawnSync(NODE, ["scripts/rebuild.ts", "--data", data, "--store", target, "--resamples", "10"], { cwd: ROOT, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/2j-evil\/manifest\.json: field "entry\.name": holds the invisible or control character U\+001B at position 1/);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(RAW_CONTROL);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  const notLocks: [string, (file: string) => void, string][] = [
    ["a text file", (file) => fs.writeFileSync(file, "lock notes\n"), "it holds text"],
    ["a directory", (file) => fs.mkdirSync(file), "it is a directory"],
    ["a symbolic link", (file) => {
      fs.writeFileSync(path.join(root, "elsewhere.db"), "someone else's file\n");
      fs.symlinkSync(path.join(root, "elsewhere.db"), file);
    }, "it is a symbolic link"],
  ];
  for (const [what, make, says] of notLocks) {
    it(`refuses a submit and a dry run when data/.write.lock is ${what}, naming it and what to do, and changes nothing`, async () => {
      const lock = lockPath(dataDir);
      const saved = fs.existsSync(lock) ? fs.readFileSync(lock) : null;
      fs.rmSync(lock, { force: true });
      make(lock);
      try {
        for (const dryRun of [false, true]) {
          const result = await submitUnchanged(bundleDir(v2t("Locked Out Metric")), { dryRun });
          expect(result).toMatchObject({ status: "failed", exitCode: 1 });
          expect(result.err).toBe(`${lock} is not a lock file (${says}): remove it if no submit or rebuild is running, then run the command again.\nNothing was stored.\n`);
        }
        // From the command line: the same message, exit code 1, no stack trace, for submit and rebuild.
        for (const args of [["scripts/submit.ts", bundleDir(v2t("Locked Out Metric")), "--data", dataDir, "--store", store], ["scripts/rebuild.ts", "--data", dataDir, "--store", store]]) {
          const before = { tree: snapshotTree(dataDir), store: fileBytes(store) };
          const run = spawnSync(NODE, args, { cwd: ROOT, encoding: "utf8" });
          expect(run.status, run.stderr).toBe(1);
          expect(run.stderr).toContain(`${lock} is not a lock file (${says}): remove it if no submit or rebuild is running`);
          expect(run.stderr).not.toMatch(/\n\s+at /);
          expect(snapshotTree(dataDir)).toEqual(before.tree);
          expect(fileBytes(store)).toBe(before.store);
        }
      } finally {
        fs.rmSync(lock, { recursive: true, force: true });
        if (saved !== null) fs.writeFileSync(lock, saved);
      }
    });
  }

  it("runs a dry run on a checkout its user cannot write to (as `nobody` when run as root), and refuses a real submit there", () => {
    // A read-only copy of data/ and the store; root writes through permission bits, so the commands run as nobody.
    const ro = tempDir("submit-readonly");
    try {
      const roData = path.join(ro, "data");
      fs.cpSync(dataDir, roData, { recursive: true, verbatimSymlinks: true });
      const roStore = path.join(ro, "store.sqlite");
      fs.copyFileSync(store, roStore);
      const bundle = bundleDir(v2t("Read Only Metric"));
      const tree = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) fs.chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o555 : 0o444);
        fs.chmodSync(dir, 0o555);
      };
      tree(path.dirname(bundle));
      fs.chmodSync(path.join(root, "bundles"), 0o755);
      fs.chmodSync(root, 0o755);
      tree(ro);
      const before = { tree: snapshotTree(ro) };
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const run = (extra: string[]) => spawnSync(NODE, ["scripts/submit.ts", bundle, "--data", roData, "--store", roStore, ...extra], { cwd: ROOT, encoding: "utf8", ...asUser });
      const dry = run(["--dry-run"]);
      expect(dry.stderr).toBe("");
      expect(dry.status).toBe(0);
      expect(dry.stdout).toMatch(/Dry run, nothing stored\. V2T entry "Read Only Metric" \(id read-only-metric\) on tvge/);
      const real = run([]);
      expect(real.status).toBe(1);
      expect(real.stderr).toMatch(/cannot take the write lock in .*data \(EACCES\): submit and rebuild write data\/ and the store, so they need write access there; a submit's --dry-run needs none\./);
      expect(real.stderr).not.toMatch(/\n\s+at /);
      expect(snapshotTree(ro)).toEqual(before.tree);
    } finally {
      for (const entry of fs.readdirSync(ro, { withFileTypes: true, recursive: true })) if (entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
      fs.chmodSync(ro, 0o755);
      fs.rmSync(ro, { recursive: true, force: true });
    }
  });
});
