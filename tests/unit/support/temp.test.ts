/** The test temp root (tests/support/temp.ts): each test file's temporary folders live in one folder that is removed whole. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closeTempRoot, openTempRoot, tempDir } from "../../support/temp.ts";

describe("test temporary folders", () => {
  it("run each test file with os.tmpdir() inside a temp root of its own, where tempDir makes its folders", () => {
    expect(path.basename(os.tmpdir())).toMatch(/^aigve-test-/);
    const dir = tempDir("unit");
    expect(path.dirname(dir)).toBe(os.tmpdir());
    expect(path.basename(dir)).toMatch(/^aigve-unit-/);
  });

  it("are removed with their root, files and nested folders included, whoever made them, and TMPDIR is restored", () => {
    const outer = os.tmpdir();
    const root = openTempRoot();
    let made: string[];
    try {
      expect(os.tmpdir()).toBe(root.dir);
      expect(path.dirname(root.dir)).toBe(outer);
      // Like /tmp: child processes a test runs as another user reach and make their folders in it.
      expect(fs.statSync(root.dir).mode & 0o7777).toBe(0o1777);
      const viaHelper = tempDir("nested");
      fs.mkdirSync(path.join(viaHelper, "a", "b"), { recursive: true });
      fs.writeFileSync(path.join(viaHelper, "a", "b", "file.txt"), "x");
      const viaMkdtemp = fs.mkdtempSync(path.join(os.tmpdir(), "raw-"));
      fs.writeFileSync(path.join(viaMkdtemp, "store.sqlite"), "x");
      made = [viaHelper, viaMkdtemp];
    } finally {
      closeTempRoot(root);
    }
    expect(os.tmpdir()).toBe(outer);
    expect(fs.existsSync(root.dir)).toBe(false);
    for (const dir of made) expect(fs.existsSync(dir)).toBe(false);
  });

  it("leave folders made outside the root alone", () => {
    const outside = tempDir("outside");
    fs.writeFileSync(path.join(outside, "keep.txt"), "x");
    closeTempRoot(openTempRoot());
    expect(fs.readFileSync(path.join(outside, "keep.txt"), "utf8")).toBe("x");
  });

  it("put an unset TMPDIR back unset", () => {
    const fileRoot = os.tmpdir();
    const savedTmp = process.env.TMP;
    delete process.env.TMPDIR;
    // With TMPDIR unset os.tmpdir() falls back to TMP: pointed at this file's root, nothing is made outside it.
    process.env.TMP = fileRoot;
    try {
      const root = openTempRoot();
      expect(root.previousTmpdir).toBeUndefined();
      expect(path.dirname(root.dir)).toBe(fileRoot);
      closeTempRoot(root);
      expect("TMPDIR" in process.env).toBe(false);
      expect(fs.existsSync(root.dir)).toBe(false);
    } finally {
      process.env.TMPDIR = fileRoot;
      if (savedTmp === undefined) delete process.env.TMP;
      else process.env.TMP = savedTmp;
    }
  });
});
