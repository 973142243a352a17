/**
 * Issue 17, items 4 and 5 on FETV's real data: the human agreement ceiling from its three raters, the ceiling
 * rule that refuses the public labels dressed as a method, and maintainers' verification and withdrawal records
 * (written by `npm run verify` or by hand, re-checked by every rebuild, surviving kill -9).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { InputError } from "../../scripts/io/input-error.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { evidencePath, recordPath } from "../../scripts/verification/record-files.ts";
import { verifyEntry, type VerifyOptions } from "../../scripts/verification/verify-entry.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { buildChangelog } from "../../scripts/pipeline/history/changelog.ts";
import { createRandom, standardNormals } from "../../src/engine/index.ts";
import golden from "../fixtures/engine/agreement-ceiling.json" with { type: "json" };
import { capture, copyData, snapshotTree, tempDataDir, tempDir, v2tManifest, writeBundleDir } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { againBundle, fetvAnchors, fetvContent } from "../support/fetv-bundles.ts";
import { buildSiteInto } from "../../scripts/dev/astro-build.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const RESAMPLES = 200;
const PERSPECTIVES = ["static_quality", "temporal_quality", "alignment"] as const;
const ENTRY = { benchmark: "fetv", direction: "v2t", entry: "honest-umt" } as const;

/** Runs `npm run verify`'s script; resolves with its exit code, the signal that ended it, and its output. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, ["scripts/verify.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code, signal) => resolve({ code, signal, out }));
  });
}

/** The problems an InputError carries, as one text (file, field, message per line). */
function refusal(build: () => Promise<unknown>): Promise<string> {
  return build().then(
    () => "",
    (error: unknown) => {
      if (!(error instanceof InputError)) throw error;
      return error.message;
    },
  );
}

describeWithDatasets("fetv", "the human agreement ceiling, verification and withdrawal on FETV", () => {
  let root: string;
  let dataDir: string;
  let store: string;
  let cacheDir: string;
  let base: StoreContent;
  let honestReport: string;
  let n = 0;

  const build = (dir: string) => buildContent({ dataDir: dir, resamples: RESAMPLES, cacheDir });
  const options = (extra: Partial<VerifyOptions> = {}, where = { dataDir, store }): VerifyOptions => ({ entry: ENTRY, ...where, cacheDir, stdout: capture(), stderr: capture(), date: "2026-12-06", ...extra });

  /** A fresh copy of the data folder and store as they are now. */
  function copy(name: string, from = { dataDir, store }): { dataDir: string; store: string } {
    const dir = path.join(root, name);
    copyData(from.dataDir, path.join(dir, "data"));
    fs.copyFileSync(from.store, path.join(dir, "store.sqlite"));
    return { dataDir: path.join(dir, "data"), store: path.join(dir, "store.sqlite") };
  }

  /** A predictions.jsonl of the given scores per video. */
  function predictions(scores: ReadonlyMap<string, Record<string, number>>): string {
    return [...scores].map(([video, s]) => JSON.stringify({ video, scores: s })).join("\n") + "\n";
  }

  /** The stored predictions of the verified entry for the given videos, as a re-run would give them (shifted where asked). */
  function rerun(content: StoreContent, videos: readonly string[], shift: (video: string) => number = () => 0): string {
    const wanted = new Set(videos);
    const scores = new Map<string, Record<string, number>>(videos.map((v) => [v, {}]));
    for (const p of content.predictions) {
      if (p.benchmarkId === "fetv" && p.v2tEntryId === ENTRY.entry && wanted.has(p.videoId) && typeof p.score === "number") (scores.get(p.videoId) as Record<string, number>)[p.perspectiveId] = p.score + shift(p.videoId);
    }
    return predictions(scores);
  }

  function file(text: string): string {
    const where = path.join(root, "files", `${(n += 1)}`);
    fs.mkdirSync(path.dirname(where), { recursive: true });
    fs.writeFileSync(where, text);
    return where;
  }

  beforeAll(async () => {
    root = tempDir("verification");
    dataDir = tempDataDir(["fetv"]);
    cacheDir = path.join(root, "cache");
    store = path.join(root, "store.sqlite");
    base = await build(dataDir);
    writeStore(base, store);
    // An honest method: FETV's own UMTScore scores under a new name, submitted and stored.
    const umt = new Map<string, Record<string, number>>();
    for (const p of base.predictions) {
      if (p.benchmarkId === "fetv" && p.v2tEntryId === "umtscore" && typeof p.score === "number") umt.set(p.videoId, { ...umt.get(p.videoId), [p.perspectiveId]: p.score });
    }
    const bundle = writeBundleDir(path.join(root, "bundles", "honest"), { "manifest.json": JSON.stringify(v2tManifest("fetv", "Honest UMT")), "predictions.jsonl": predictions(umt) });
    const stderr = capture();
    const stdout = capture();
    const outcome = await submitBundle({ bundle, dataDir, store, cacheDir, stdout, stderr });
    expect(outcome.status, stderr.text()).toBe("stored");
    honestReport = stdout.text();
  }, 600_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  describe("the human agreement ceiling", () => {
    it("is computed from FETV's three raters as the independent NumPy script computes it, per perspective, with an interval around it", () => {
      const rows = base.agreementCeilings.filter((c) => c.benchmarkId === "fetv");
      expect(rows.map((r) => r.perspectiveId).sort()).toEqual([...PERSPECTIVES].sort());
      expect(golden.fetv, "run scripts/dev/golden/make_agreement_ceiling_fixtures.py with the datasets").not.toBeNull();
      for (const row of rows) {
        const expected = (golden.fetv as Record<string, { videos: number; raters: number; singleRater: number; reliability: number; ceiling: number }>)[row.perspectiveId];
        expect(row).toMatchObject({ videos: expected?.videos, raters: 3 });
        expect(row.singleRater).toBeCloseTo(expected?.singleRater as number, 10);
        expect(row.reliability).toBeCloseTo(expected?.reliability as number, 10);
        expect(row.ceiling).toBeCloseTo(expected?.ceiling as number, 10);
        expect(row.ciLow as number).toBeLessThan(row.ceiling);
        expect(row.ciHigh as number).toBeGreaterThan(row.ceiling);
      }
    });

    it("lies far above every one of FETV's own metrics, which stay on the board unaffected", () => {
      const ceilings = new Map(base.agreementCeilings.map((c) => [c.perspectiveId, c]));
      const srcc = base.results.filter((r) => r.benchmarkId === "fetv" && r.direction === "v2t" && r.level === "instance" && r.dimension === "overall" && r.metric === "srcc");
      expect(new Set(srcc.map((r) => r.entryId)).size).toBe(5);
      for (const r of srcc) expect((ceilings.get(r.perspectiveId)?.ciLow as number) - (r.ciHigh as number), `${r.entryId} ${r.perspectiveId}`).toBeGreaterThan(0.4);
      const ranked = base.rankings.filter((r) => r.benchmarkId === "fetv" && r.board === "v2t-instance" && r.dimension === "overall");
      expect(ranked.map((r) => r.entryId).sort()).toEqual(["blipscore", "clipscore", "clipscore-ft", "otter-vqa", "umtscore"]);
    });

    it("lets an honest method through and reports the ceiling beside its figures", () => {
      expect(honestReport).toMatch(/^- alignment: the human agreement ceiling is 0\.933 \[0\.9\d\d, 0\.9\d\d\] \(3 raters, single-rater reliability 0\.690\): no method can agree with the human scores better\.$/m);
    });

    it("refuses FETV's public human scores plus small noise, saying that no method beats the raters' own agreement and that the labels are public", async () => {
      const noise = standardNormals(17, 3 * 3017);
      let i = 0;
      const scores = new Map<string, Record<string, number>>();
      for (const g of base.groundTruth) {
        if (g.benchmarkId !== "fetv" || typeof g.mos !== "number") continue;
        const s = scores.get(g.videoId) ?? {};
        s[g.perspectiveId] = g.mos + 0.05 * (noise[i++] as number);
        scores.set(g.videoId, s);
      }
      const bundle = writeBundleDir(path.join(root, "bundles", "labels"), { "manifest.json": JSON.stringify(v2tManifest("fetv", "Labels plus noise")), "predictions.jsonl": predictions(scores) });
      const before = snapshotTree(dataDir);
      for (const dryRun of [true, false]) {
        const stderr = capture();
        const outcome = await submitBundle({ bundle, dataDir, store, cacheDir, dryRun, stdout: capture(), stderr });
        expect(outcome).toMatchObject({ status: "rejected", exitCode: 1 });
        const text = stderr.text();
        for (const perspective of PERSPECTIVES) expect(text).toMatch(new RegExp(`predictions\\.jsonl: field "${perspective}_srcc": agreement with the human ${perspective} scores of 0\\.9\\d\\d`));
        expect(text).toMatch(/no method can agree with their mean better than the raters' own agreement allows/);
        expect(text).toMatch(/This benchmark's per-video human scores are public; a method that beats the ceiling has seen them/);
      }
      expect(snapshotTree(dataDir)).toEqual(before);
    });
  });

  describe("verification", () => {
    let verified: { dataDir: string; store: string };
    let sample: readonly string[];

    beforeAll(async () => {
      verified = copy("verified");
      const printed = await verifyEntry(options({ printSample: true }, verified));
      expect(printed.status).toBe("sample");
      sample = printed.sample ?? [];
      const outcome = await verifyEntry(options({ evidence: file(rerun(readStore(verified.store), sample)), verifiedBy: "A. Maintainer", checked: "re-ran UMTScore's released code on the sample" }, verified));
      expect(outcome.status).toBe("verified");
    }, 300_000);

    it("draws a seeded sample of 100 videos from the submission and the day, the same on every call", async () => {
      expect(sample).toHaveLength(100);
      const again = await verifyEntry(options({ printSample: true }, verified));
      expect(again.sample).toEqual(sample);
      const otherDay = await verifyEntry(options({ printSample: true, date: "2026-12-07" }, verified));
      expect(otherDay.sample).not.toEqual(sample);
    });

    it("turns the submitted entry verified: the record and its evidence in data/, a row in the store, exactly what a rebuild of data/ writes", async () => {
      const record = JSON.parse(fs.readFileSync(recordPath(verified.dataDir, "verifications", ENTRY), "utf8"));
      expect(record).toMatchObject({ benchmark: "fetv", direction: "v2t", entry: "honest-umt", verifiedBy: "A. Maintainer", date: "2026-12-06", check: { kind: "rerun", tolerance: 1e-6 } });
      expect(fs.existsSync(evidencePath(verified.dataDir, ENTRY))).toBe(true);
      const stored = readStore(verified.store);
      expect(stored.verifications).toEqual([expect.objectContaining({ benchmarkId: "fetv", direction: "v2t", entryId: "honest-umt", kind: "rerun", sampleSize: 100, verifiedBy: "A. Maintainer" })]);
      const rebuilt = path.join(root, "rebuilt-verified.sqlite");
      writeStore(await build(verified.dataDir), rebuilt);
      expect(fs.readFileSync(rebuilt).equals(fs.readFileSync(verified.store))).toBe(true);
    }, 120_000);

    it("shows the verification in the changelog, dated by its record", () => {
      const stored = readStore(verified.store);
      const v = stored.verifications[0];
      const changelog = buildChangelog(root, [], [{ kind: "verification", benchmarkId: "fetv", direction: "v2t", entryId: "honest-umt", entryName: "Honest UMT", date: v?.date ?? "", by: v?.verifiedBy ?? "", detail: v?.checked ?? "", path: v?.path ?? "" }]);
      expect(changelog.items).toEqual([expect.objectContaining({ kind: "verification", entryId: "honest-umt", date: "2026-12-06", by: "A. Maintainer" })]);
    });

    it("refuses evidence whose re-run scores differ beyond the tolerance, or that leaves a sampled video out, and writes nothing", async () => {
      const where = copy("refused");
      const before = snapshotTree(where.dataDir);
      const content = readStore(where.store);
      const off = await verifyEntry(options({ evidence: file(rerun(content, sample, (v) => (v === sample[3] ? 0.01 : 0))), verifiedBy: "M", checked: "re-run" }, where));
      expect(off).toMatchObject({ status: "refused", exitCode: 1 });
      expect(off.problems?.map((p) => `${p.field}: ${p.message}`).join("\n")).toMatch(/^scores\.alignment: the re-run gives \S+ where the submission gave \S+: more than the tolerance 0\.000001 apart$/m);
      const short = await verifyEntry(options({ evidence: file(rerun(content, sample.slice(1))), verifiedBy: "M", checked: "re-run" }, where));
      expect(short.problems?.map((p) => p.message).join("\n")).toMatch(new RegExp(`no re-run score of "${sample[0]?.replace(/[/]/g, "\\/")}" for alignment; every sampled video must be re-run`));
      expect(snapshotTree(where.dataDir)).toEqual(before);
    });

    it("refuses a record for an entry that was not submitted or does not exist", async () => {
      const own = await verifyEntry(options({ entry: { benchmark: "fetv", direction: "v2t", entry: "umtscore" }, printSample: true }));
      expect(own.problems?.[0]).toMatchObject({ field: "entry", message: expect.stringMatching(/was not submitted.*only submitted entries are verified/) });
      const unknown = await verifyEntry(options({ entry: { benchmark: "fetv", direction: "v2t", entry: "nobody" }, printSample: true }));
      expect(unknown.problems?.[0]).toMatchObject({ field: "entry", message: '"nobody" is not a V2T entry of benchmark "fetv"' });
    });

    describe("a forged or inconsistent record stops the rebuild, naming the file and field", () => {
      const cases: [string, (record: Record<string, any>, evidence: string, dir: string) => void, RegExp][] = [
        ["evidence changed after the check", (_, evidence) => fs.appendFileSync(evidence, "\n"), /honest-umt\.json: field "evidence\.sha256": does not match .*honest-umt\.evidence\.jsonl/],
        ["a sample chosen by hand", (record) => (record.sample.items[0] = "cogvideo/0" === record.sample.items[0] ? "cogvideo/1" : "cogvideo/0"), /honest-umt\.json: field "sample\.items": is not the sample the seeded rule draws/],
        ["another day than the seed's", (record) => (record.date = "2026-01-01"), /honest-umt\.json: field "sample\.seed": is not the seed the rule gives for this submission on 2026-01-01/],
        ["another submission", (record) => (record.submission = "0".repeat(64)), /honest-umt\.json: field "submission": is not the entry's submission/],
        ["a field the schema does not know", (record) => (record.approved = true), /honest-umt\.json: .*approved/],
      ];
      it.each(cases)("%s", async (_, forge, message) => {
        const where = copy(`forged-${(n += 1)}`, verified);
        const file = recordPath(where.dataDir, "verifications", ENTRY);
        const record = JSON.parse(fs.readFileSync(file, "utf8"));
        forge(record, evidencePath(where.dataDir, ENTRY), where.dataDir);
        fs.writeFileSync(file, JSON.stringify(record, null, 2));
        expect(await refusal(() => build(where.dataDir))).toMatch(message);
      }, 120_000);

      it("a record for an unknown entry", async () => {
        const where = copy("forged-unknown", verified);
        const key = { ...ENTRY, entry: "ghost" };
        const record = JSON.parse(fs.readFileSync(recordPath(where.dataDir, "verifications", ENTRY), "utf8"));
        fs.writeFileSync(recordPath(where.dataDir, "verifications", key), JSON.stringify({ ...record, entry: "ghost", evidence: { ...record.evidence, file: "ghost.evidence.jsonl" } }));
        fs.copyFileSync(evidencePath(where.dataDir, ENTRY), evidencePath(where.dataDir, key));
        expect(await refusal(() => build(where.dataDir))).toMatch(/ghost\.json: field "entry": "ghost" is not a V2T entry of benchmark "fetv"/);
      }, 120_000);
    });

    it("shows on the built site: the verified mark on the board, a withdrawn entry off it but on its page, the audit and the changelog, the ceiling beside the board", async () => {
      const where = copy("site", verified);
      const file = recordPath(where.dataDir, "withdrawals", { benchmark: "fetv", direction: "v2t", entry: "umtscore" });
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, benchmark: "fetv", direction: "v2t", entry: "umtscore", withdrawnBy: "Test Lab", date: "2026-12-05", reason: "a bug in our score normalisation" }));
      writeStore(await build(where.dataDir), where.store);
      const dist = path.join(root, "site-dist");
      buildSiteInto(where.store, dist);
      const html = (page: string) => fs.readFileSync(path.join(dist, page, "index.html"), "utf8");
      const board = html("fetv/v2t");
      // The row's provenance mark says verified (the writer set the stored kind from the record), and nothing else does.
      expect(board).toMatch(/data-entry="honest-umt" [^>]*data-provenance="verified"[\s\S]*?class="badge provenance-verified"/);
      expect(board).not.toMatch(/data-entry="umtscore"/);
      expect(board).toMatch(/Human agreement ceiling \(reference, not ranked\)/);
      expect(html("fetv/v2t/umtscore")).toMatch(/<strong>Withdrawn<\/strong> on <time datetime="2026-12-05">2026-12-05<\/time> by Test Lab: a bug in our score normalisation\./);
      expect(html("fetv/v2t/honest-umt")).toMatch(/<strong>Verified<\/strong> on <time datetime="2026-12-06">2026-12-06<\/time> by A\. Maintainer/);
      expect(html("fetv/v2t/clipscore")).not.toMatch(/Self-reported|Verified/);
      expect(html("audit")).toMatch(/UMTScore(<\/a>)?\s*<span class="badge"[^>]*>withdrawn<\/span>/);
      const changelog = html("changelog");
      expect(changelog).toMatch(/data-kind="verification"[\s\S]*?Entry verified/);
      expect(changelog).toMatch(/data-kind="withdrawal"[\s\S]*?Entry withdrawn/);
      expect(fs.readFileSync(path.join(dist, "downloads/fetv/agreement-ceiling.csv"), "utf8")).toMatch(/^benchmark,perspective,row,ceiling,ci_low,ci_high,raters,videos,single_rater_reliability,k_rater_reliability,ranked\r\nfetv,static_quality,human agreement ceiling,0\.93/);
      expect(fs.readFileSync(path.join(dist, "downloads/fetv/v2t-instance.csv"), "utf8")).not.toMatch(/umtscore/);
    }, 600_000);

    it("leaves data/ consistent when killed (kill -9) at any step of the write, and a rerun finishes the job", async () => {
      const reference = fs.readFileSync(recordPath(verified.dataDir, "verifications", ENTRY), "utf8");
      const evidence = fs.readFileSync(evidencePath(verified.dataDir, ENTRY));
      for (const step of ["scored", "keeping", "kept", "storing"]) {
        const where = copy(`killed-${step}`);
        const args = ["fetv/v2t/honest-umt", "--evidence", file(evidence.toString()), "--by", "A. Maintainer", "--checked", "re-ran UMTScore's released code on the sample", "--date", "2026-12-06", "--data", where.dataDir, "--store", where.store];
        const killed = await run(args, { AIGVE_KILL_AT: step, AIGVE_CACHE: cacheDir });
        expect(killed.signal, `${step}: ${killed.out}`).toBe("SIGKILL");
        const record = recordPath(where.dataDir, "verifications", ENTRY);
        // Either no record, or a record whose evidence is there and holds: a rebuild of data/ accepts it.
        if (fs.existsSync(record)) expect(fs.readFileSync(record, "utf8")).toBe(reference);
        const rebuilt = await build(where.dataDir);
        expect(rebuilt.verifications.length, step).toBe(fs.existsSync(record) ? 1 : 0);
        const again = await run(args, { AIGVE_CACHE: cacheDir });
        expect(again.code, `${step}: ${again.out}`).toBe(0);
        expect(fs.readFileSync(record, "utf8")).toBe(reference);
        expect(readStore(where.store).verifications).toHaveLength(1);
        expect(fs.readdirSync(path.dirname(record)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      }
    }, 600_000);
  });

  describe("verification of a human-rated T2V entry by a trusted panel", () => {
    const T2V = { benchmark: "fetv", direction: "t2v", entry: "cogvideo-again" } as const;
    let where: { dataDir: string; store: string };
    let sample: readonly string[];
    let fetv: StoreContent;

    /** A trusted panel's ratings: FETV's own raters' ratings of cogvideo's videos of the sampled prompts (or `score`), and of the anchors. */
    function panel(score?: number): string {
      const anchors = new Set(fetvAnchors().filter((a) => !a.startsWith("cogvideo/")));
      const prompts = new Set(sample);
      const rows = ["video,perspective,rater,score"];
      for (const r of fetv.ratings) {
        const [model, prompt = ""] = r.videoId.split("/");
        if (model === "cogvideo" && prompts.has(prompt)) rows.push(`${prompt},${r.perspectiveId},${r.rater},${score ?? r.score}`);
        else if (anchors.has(r.videoId)) rows.push(`${r.videoId},${r.perspectiveId},${r.rater},${r.score}`);
      }
      return `${rows.join("\n")}\n`;
    }

    beforeAll(async () => {
      fetv = fetvContent();
      where = copy("t2v");
      const bundle = writeBundleDir(path.join(root, "bundles", "again"), againBundle(fetv, "cogvideo", "cogvideo again"));
      const stderr = capture();
      expect((await submitBundle({ bundle, ...where, cacheDir, stdout: capture(), stderr })).status, stderr.text()).toBe("stored");
      sample = (await verifyEntry(options({ entry: T2V, printSample: true }, where))).sample ?? [];
    }, 300_000);

    it("draws 50 of the entry's prompts by the seeded rule", () => {
      expect(sample).toHaveLength(50);
      expect(sample.every((p) => /^\d+$/.test(p))).toBe(true);
    });

    it("refuses a panel whose anchored scores differ from the entry's (every sampled video rated 5): the interval excludes 0", async () => {
      const outcome = await verifyEntry(options({ entry: T2V, evidence: file(panel(5)), verifiedBy: "Trusted panel", checked: "re-rated" }, where));
      expect(outcome).toMatchObject({ status: "refused", exitCode: 1 });
      expect(outcome.problems?.map((p) => `${p.field}: ${p.message}`).join("\n")).toMatch(/^check\.differences\.alignment: the trusted panel's anchored scores differ from the entry's by \d\.\d{3} on average \(95% interval \[\d\.\d{3}, \d\.\d{3}\] excludes 0\): the entry is not reproduced$/m);
      expect(fs.existsSync(recordPath(where.dataDir, "verifications", T2V))).toBe(false);
    });

    it("verifies the entry when the panel's anchored scores agree with it, and a rebuild re-checks the record", async () => {
      const outcome = await verifyEntry(options({ entry: T2V, evidence: file(panel()), verifiedBy: "Trusted panel", checked: "re-rated 50 videos with the anchors" }, where));
      expect(outcome.status).toBe("verified");
      const record = JSON.parse(fs.readFileSync(recordPath(where.dataDir, "verifications", T2V), "utf8"));
      expect(record.check.kind).toBe("panel");
      for (const perspective of PERSPECTIVES) expect(record.check.differences[perspective]).toMatchObject({ n: 50, coversZero: true });
      const rebuilt = await build(where.dataDir);
      expect(rebuilt.verifications).toEqual([expect.objectContaining({ entryId: "cogvideo-again", direction: "t2v", kind: "panel", sampleSize: 50 })]);
      // A recorded difference edited by hand no longer matches the evidence.
      record.check.differences.alignment.mean = 0.5;
      fs.writeFileSync(recordPath(where.dataDir, "verifications", T2V), JSON.stringify(record));
      expect(await refusal(() => build(where.dataDir))).toMatch(/cogvideo-again\.json: field "check\.differences\.alignment": does not match the evidence/);
    }, 300_000);
  });

  describe("withdrawal", () => {
    const withdraw = (dir: string, entry: string, extra: Record<string, unknown> = {}) => {
      const file = recordPath(dir, "withdrawals", { benchmark: "fetv", direction: "v2t", entry });
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, benchmark: "fetv", direction: "v2t", entry, withdrawnBy: "Test Lab", date: "2026-12-05", reason: "a bug in our score normalisation", ...extra }));
    };

    it("takes the entry off every board, keeps its figures and its audit rows, and lists it in the changelog", async () => {
      const where = copy("withdrawn");
      withdraw(where.dataDir, "umtscore");
      const content = await build(where.dataDir);
      const boards = content.rankings.filter((r) => r.benchmarkId === "fetv" && r.board.startsWith("v2t"));
      expect(boards.length).toBeGreaterThan(0);
      expect(boards.some((r) => r.entryId === "umtscore")).toBe(false);
      expect(content.rankings.find((r) => r.board === "v2t-instance" && r.dimension === "overall" && r.entryId === "honest-umt")?.rank).toBe(1);
      expect(content.v2tEntries.some((e) => e.benchmarkId === "fetv" && e.id === "umtscore")).toBe(true);
      expect(content.results.filter((r) => r.entryId === "umtscore" && r.direction === "v2t").length).toBeGreaterThan(0);
      const audited = content.audit.filter((a) => a.benchmarkId === "fetv" && a.entryId === "umtscore");
      expect(audited.length).toBeGreaterThan(0);
      expect(audited.every((a) => a.ours !== null)).toBe(true);
      expect(content.withdrawals).toEqual([expect.objectContaining({ entryId: "umtscore", withdrawnBy: "Test Lab", reason: "a bug in our score normalisation" })]);
      const changelog = buildChangelog(root, [], [{ kind: "withdrawal", benchmarkId: "fetv", direction: "v2t", entryId: "umtscore", entryName: "UMTScore", date: "2026-12-05", by: "Test Lab", detail: "a bug", path: "data/withdrawals/fetv/v2t/umtscore.json" }]);
      expect(changelog.items).toEqual([expect.objectContaining({ kind: "withdrawal", entryId: "umtscore", date: "2026-12-05" })]);
    }, 120_000);

    it("refuses a withdrawal of an unknown entry or a record that does not parse, naming the file and field", async () => {
      const where = copy("withdrawn-bad");
      withdraw(where.dataDir, "ghost");
      expect(await refusal(() => build(where.dataDir))).toMatch(/withdrawals\/fetv\/v2t\/ghost\.json: field "entry": "ghost" is not a V2T entry of benchmark "fetv"/);
      const other = copy("withdrawn-bad-2");
      withdraw(other.dataDir, "umtscore", { date: "yesterday" });
      expect(await refusal(() => build(other.dataDir))).toMatch(/umtscore\.json: field "date": must be a date YYYY-MM-DD/);
    }, 120_000);
  });

  it("keeps the noise of the refused bundle seeded (the test can fail only for a reason)", () => {
    expect(createRandom(17).nextUint32()).toBe(createRandom(17).nextUint32());
  });
});
